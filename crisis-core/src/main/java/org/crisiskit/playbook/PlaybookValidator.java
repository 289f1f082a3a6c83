package org.crisiskit.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.DidYouMean;

/**
 * Checks a built playbook's cross-references: topics, placeholders (known, and given a value by the
 * playbook when only a setting fills them), languages, template ids and texts, allowed link domains.
 */
final class PlaybookValidator {
  /** An allow-list entry: a host name of two or more labels of letters, digits and inner hyphens. */
  static final Pattern DOMAIN =
      Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");

  private PlaybookValidator() {}

  static List<PlaybookProblem> validate(Playbook p) {
    List<PlaybookProblem> out = new ArrayList<>();
    Set<String> known = p.knownTopics();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < p.templates().size(); i++) {
      Template t = p.templates().get(i);
      String path = "templates[" + i + "]";
      if (!ids.add(t.id())) {
        out.add(err(path + ".id", "duplicate template id '" + t.id() + "'"));
      }
      if (t.text().isBlank()) {
        out.add(err(path + ".text", "template '" + t.id() + "' has no text: expected the reply it drafts, such as "
            + "\"{author} gracias por escribirnos, lo miramos ahora\""));
      }
      t.topic().ifPresent(x -> topic(out, known, path + ".topic", x));
      lang(out, p, path + ".lang", t.lang());
      for (String ph : new LinkedHashSet<>(t.placeholders())) {
        if (!Template.PLACEHOLDERS.contains(ph)) {
          out.add(err(path + ".text", "unknown placeholder '{" + ph + "}', expected one of "
              + Template.PLACEHOLDERS + DidYouMean.hint(ph, Template.PLACEHOLDERS)));
        } else if (ph.equals("brand") && p.brand().isBlank()) {
          out.add(valueless(path, t, ph, "brand", "\"brand\": \"Acme\""));
        } else if (ph.equals("reward_code") && p.thankYou().rewardCode().map(String::isBlank).orElse(true)
            && !(t.intent().equals(Optional.of(Intent.PRAISE)) && !p.thankYou().reply())) {
          out.add(valueless(path, t, ph, "thankYou.rewardCode", "\"thankYou\": {\"rewardCode\": \"GRACIAS10\"}"));
        }
      }
    }
    for (int i = 0; i < p.allowedLinks().size(); i++) {
      String a = p.allowedLinks().get(i);
      if (!DOMAIN.matcher(a).matches()) {
        out.add(err("allowedLinks[" + i + "]", "expected a domain such as \"acme.es\" (links to it and its "
            + "subdomains are allowed; a scheme, path or wildcard cannot be) but was '" + a + "'"
            + domainIn(a).map(d -> " \u2014 did you mean '" + d + "'?").orElse("")));
      }
    }
    for (int i = 0; i < p.facts().size(); i++) {
      topic(out, known, "facts[" + i + "].topic", p.facts().get(i).topic());
      lang(out, p, "facts[" + i + "].lang", p.facts().get(i).lang());
    }
    for (int i = 0; i < p.neverAnswer().size(); i++) {
      for (String x : p.neverAnswer().get(i).topics()) {
        topic(out, known, "neverAnswer[" + i + "].topics", x);
      }
    }
    for (int i = 0; i < p.routes().size(); i++) {
      when(out, known, "routes[" + i + "].when", p.routes().get(i).when());
    }
    for (int i = 0; i < p.escalations().size(); i++) {
      when(out, known, "escalations[" + i + "].when", p.escalations().get(i).when());
    }
    return out;
  }

  /** Doubts that do not stop loading: languages or intents without a template. */
  static List<PlaybookProblem> warnings(Playbook p) {
    List<PlaybookProblem> out = new ArrayList<>();
    for (String lang : p.languages()) {
      for (Intent intent : List.of(Intent.COMPLAINT, Intent.QUESTION, Intent.PRAISE)) {
        boolean has = p.templates().stream().anyMatch(t -> t.lang().equals(lang)
            && t.intent().map(i -> i == intent).orElse(true));
        if (!has) {
          out.add(new PlaybookProblem("", 0, "templates", "no " + intent.jsonName() + " template in '" + lang
              + "': such mentions get no draft", true));
        }
      }
    }
    if (p.routes().isEmpty()) {
      out.add(new PlaybookProblem("", 0, "routes", "no routes: every case goes to '" + p.defaultDepartment() + "'", true));
    }
    return out;
  }

  /**
   * A placeholder that only a playbook setting fills ({@code {brand}}, {@code {reward_code}}) when the
   * setting is absent or blank: the engine leaves it in every draft and the message checks block it.
   * Placeholders left for the agent ({@code {eta}}, {@code {channel}}, {@code {agent}}) are not
   * reported, nor is a praise template when the thank-you policy says no reply (it drafts nothing).
   */
  private static PlaybookProblem valueless(String path, Template t, String ph, String setting, String example) {
    return err(path + ".text", "template '" + t.id() + "' uses {" + ph + "} but \"" + setting + "\" is not set: "
        + "every draft from it would be blocked as 'unresolved placeholder {" + ph + "}' (set " + example
        + " or remove {" + ph + "})");
  }

  /**
   * The domain in an allow-list entry that is not one ({@code https://acme.es/ayuda}, {@code *.acme.es},
   * {@code acme.es:443}), if there is one. Such entries are rejected rather than cut down to it: the
   * link check allows a domain with all its subdomains and paths, so quietly reading a page's URL as
   * its whole domain would allow more than the playbook says.
   */
  static Optional<String> domainIn(String entry) {
    String d = entry.trim().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
    d = d.split("[/?#]", 2)[0];
    d = d.substring(d.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "").replaceFirst("^(\\*?\\.)+", "")
        .replaceFirst("\\.$", "");
    return !d.equals(entry) && DOMAIN.matcher(d).matches() ? Optional.of(d) : Optional.empty();
  }

  private static void when(List<PlaybookProblem> out, Set<String> known, String path, When w) {
    for (String x : w.topics()) {
      topic(out, known, path + ".topics", x);
    }
  }

  private static void topic(List<PlaybookProblem> out, Set<String> known, String path, String topic) {
    if (!known.contains(topic)) {
      out.add(err(path, "unknown topic '" + topic + "'" + DidYouMean.hint(topic, known)
          + " (declare the playbook's own topics in \"topics\")"));
    }
  }

  private static void lang(List<PlaybookProblem> out, Playbook p, String path, String lang) {
    if (!p.languages().contains(lang)) {
      out.add(err(path, "language '" + lang + "' is not one of the playbook's languages " + p.languages()
          + DidYouMean.hint(lang, p.languages())));
    }
  }

  private static PlaybookProblem err(String path, String message) {
    return new PlaybookProblem("", 0, path, message, false);
  }
}
