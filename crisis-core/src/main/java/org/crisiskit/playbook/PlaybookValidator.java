package org.crisiskit.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.DidYouMean;

/** Checks a built playbook's cross-references: topics, placeholders, languages, template ids and texts. */
final class PlaybookValidator {
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
      for (String ph : t.placeholders()) {
        if (!Template.PLACEHOLDERS.contains(ph)) {
          out.add(err(path + ".text", "unknown placeholder '{" + ph + "}', expected one of "
              + Template.PLACEHOLDERS + DidYouMean.hint(ph, Template.PLACEHOLDERS)));
        }
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
