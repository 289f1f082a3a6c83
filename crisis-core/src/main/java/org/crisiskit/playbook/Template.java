package org.crisiskit.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Intent;

/**
 * A response template: text with placeholders such as {@code {author}}, chosen by intent, topic,
 * severity and language. An absent intent, topic or severity means the template fits any.
 *
 * @param id a name unique in the playbook, used in reports and drafts
 * @param intent the intent it answers, if specific
 * @param topic the topic it answers, if specific
 * @param severity the minimum case severity it is for, if specific
 * @param lang its language, for example {@code es}
 * @param text the text; placeholders are listed in {@link #PLACEHOLDERS}
 */
public record Template(
    String id, Optional<Intent> intent, Optional<String> topic, Optional<Severity> severity, String lang,
    String text) {
  /**
   * The placeholders a template may use: {@code {author}} (the @handle), {@code {name}} (display
   * name), {@code {case}}, {@code {department}}, {@code {eta}}, {@code {brand}}, {@code {reward_code}},
   * {@code {channel}}, {@code {agent}}.
   */
  public static final List<String> PLACEHOLDERS =
      List.of("author", "name", "case", "department", "eta", "brand", "reward_code", "channel", "agent");

  /** A placeholder in text: a name in braces. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  public Template {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(text, "text");
  }

  /** A template for {@code intent} in {@code lang}, for any topic and severity. */
  public static Template of(String id, Intent intent, String lang, String text) {
    return new Template(id, Optional.of(intent), Optional.empty(), Optional.empty(), lang, text);
  }

  /** This template restricted to {@code topic}. */
  public Template withTopic(String t) {
    return new Template(id, intent, Optional.of(t), severity, lang, text);
  }

  /** This template restricted to cases of at least {@code s}. */
  public Template withSeverity(Severity s) {
    return new Template(id, intent, topic, Optional.of(s), lang, text);
  }

  /** The placeholder names used in the text, in order of appearance. */
  public List<String> placeholders() {
    List<String> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The text with each placeholder found in {@code values} replaced; others are left as they are. */
  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
