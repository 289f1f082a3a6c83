package org.crisiskit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Classifier;
import org.crisiskit.classify.Classifiers;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Polarity;
import org.crisiskit.detect.CrisisDetector;
import org.crisiskit.detect.DetectorConfig;
import org.crisiskit.detect.Incident;
import org.crisiskit.detect.IncidentState;
import org.crisiskit.eval.SimulationEvaluation;
import org.crisiskit.internal.Json;
import org.crisiskit.internal.MentionCodec;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionFormatException;
import org.crisiskit.simulate.InjectedEvent;

/**
 * The {@code detect --mentions} glue: reads mentions (JSONL), takes each line's {@code "classification"}
 * when present and classifies the text otherwise, runs {@link CrisisDetector} and prints every incident
 * notification as one JSON line.
 */
final class MentionDetection {
  private MentionDetection() {}

  /** The classifier used for lines that carry no classification: the library's default. */
  static Classifier defaultClassifier() {
    return Classifiers.defaultClassifier();
  }

  static int run(Path file, Optional<Path> truth, String brand, Io io) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    Classifier classifier = defaultClassifier();
    List<Incident> snapshots = new ArrayList<>();
    Map<String, Instant> firstAlert = new LinkedHashMap<>();
    Map<String, Incident> last = new LinkedHashMap<>();
    CrisisDetector detector = CrisisDetector.newBuilder().config(DetectorConfig.ofDefaults()).brand(brand)
        .listener(i -> {
          io.out().println(i.toJson());
          snapshots.add(i);
          last.put(i.id(), i);
          if (i.state() == IncidentState.ALERT || i.state() == IncidentState.CRISIS) {
            firstAlert.putIfAbsent(i.id(), i.updatedAt());
          }
        }).build();
    Instant first = null;
    Instant latest = null;
    boolean observed = false;
    try (TextLines r = TextLines.open(file)) {
      while (r.next()) {
        int lineNo = r.number();
        Mention m;
        Classification c;
        try {
          String line = r.text();
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = Json.parse(line);
          m = MentionCodec.fromNode(node, "$");
          JsonNode cn = node.get("classification");
          c = cn == null || cn.isNull() ? classifier.classify(m) : classification(cn, m);
        } catch (MentionFormatException | IllegalArgumentException | NullPointerException e) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        long counted = detector.stats().mentions();
        detector.observe(m, c);
        if (detector.stats().mentions() > counted) {
          // the span of the mentions counted: a wrongly dated one, held then dropped, does not stretch it
          first = first == null ? m.createdAt() : first;
          latest = latest == null || m.createdAt().isAfter(latest) ? m.createdAt() : latest;
        }
        observed = true;
      }
    }
    if (observed) {
      // settles a mention still held for being far ahead (dropped unless within maxForwardJump)
      detector.advanceTo(latest == null ? Instant.EPOCH : latest);
    }
    var stats = detector.stats();
    io.err().printf(Locale.ROOT,
        "crisis detect: %d mentions (%d duplicates, %d too late, %d too far ahead), %d incidents%n",
        stats.mentions(), stats.duplicates(), stats.lateDropped(), stats.futureDropped(), stats.incidents());
    if (truth.isPresent()) {
      List<InjectedEvent> events = readTruth(truth.get());
      double weeks = first == null ? 1 : Math.max(1, java.time.Duration.between(first, latest).toHours() / 168.0);
      SimulationEvaluation.Report report = SimulationEvaluation.score(events, snapshots, firstAlert,
          new ArrayList<>(last.values()), Math.round(weeks * 10) / 10.0);
      io.err().print(report.summary());
    }
    return 0;
  }

  /**
   * Reads {@code "classification": {"intent", "polarity", "topics"}}; missing parts default to neutral.
   *
   * @throws IllegalArgumentException naming the JSON path of a bad value
   */
  static Classification classification(JsonNode cn, Mention m) {
    if (!cn.isObject()) {
      throw new IllegalArgumentException("at $.classification: expected an object such as "
          + "{\"intent\":\"complaint\",\"polarity\":\"negative\",\"topics\":[\"delivery\"]}");
    }
    Intent intent = Intent.NEUTRAL;
    Polarity polarity = Polarity.NEUTRAL;
    Set<String> topics = new HashSet<>();
    try {
      if (cn.hasNonNull("intent")) {
        intent = Intent.fromJsonName(cn.get("intent").asText());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("at $.classification.intent: " + e.getMessage());
    }
    try {
      if (cn.hasNonNull("polarity")) {
        polarity = Polarity.fromJsonName(cn.get("polarity").asText());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("at $.classification.polarity: " + e.getMessage());
    }
    JsonNode t = cn.get("topics");
    if (t != null && !t.isNull()) {
      if (!t.isArray()) {
        throw new IllegalArgumentException("at $.classification.topics: expected an array of strings");
      }
      int i = 0;
      for (JsonNode x : t) {
        if (!x.isTextual()) {
          String shown = x.toString();
          throw new IllegalArgumentException("at $.classification.topics[" + i + "]: expected a string such as"
              + " \"delivery\" but was " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown));
        }
        topics.add(x.asText());
        i++;
      }
    }
    double sentiment = polarity == Polarity.NEGATIVE ? -0.5 : polarity == Polarity.POSITIVE ? 0.5 : 0;
    return new Classification(intent, polarity, sentiment, intent == Intent.ABUSE, intent == Intent.SENSITIVE,
        topics, Set.of(), m.language().orElse("und"), List.of("from input"));
  }

  static List<InjectedEvent> readTruth(Path file) throws IOException {
    JsonNode n = Json.MAPPER.readTree(Files.readString(file));
    JsonNode ev = n.get("events");
    if (ev == null || !ev.isArray()) {
      throw new IllegalArgumentException(file + ": at $.events: expected the array written by ./crisis simulate");
    }
    List<InjectedEvent> out = new ArrayList<>();
    int i = 0;
    for (JsonNode e : ev) {
      try {
        out.add(new InjectedEvent(InjectedEvent.Kind.valueOf(e.get("kind").asText().toUpperCase(Locale.ROOT)),
            Instant.parse(e.get("start").asText()), Instant.parse(e.get("end").asText()),
            e.path("description").asText("")));
      } catch (RuntimeException x) {
        throw new IllegalArgumentException(file + ": at $.events[" + i + "]: expected {kind, start, end}", x);
      }
      i++;
    }
    return out;
  }

}
