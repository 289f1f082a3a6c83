package org.crisiskit.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crisiskit.internal.Json;
import org.crisiskit.internal.JsonFields;
import org.crisiskit.journal.JournalException;

/**
 * One crisis incident of a brand as the detector sees it at one moment: state, severity 1–10, when it
 * started, the cases it contains, and its {@link Explanation}. Snapshots are handed to
 * {@link IncidentListener}s and written to the journal as records of type {@value #JOURNAL_TYPE} whose
 * payload is {@link #toJson()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Incident {
  /** The journal record type of incident snapshots. */
  public static final String JOURNAL_TYPE = "incident";

  private final String id;
  private final String brand;
  private final IncidentState state;
  private final int severity;
  private final int peakSeverity;
  private final IncidentState peakState;
  private final Instant openedAt;
  private final Instant updatedAt;
  private final Instant closedAt;
  private final List<String> caseIds;
  private final Explanation explanation;

  Incident(String id, String brand, IncidentState state, int severity, int peakSeverity, IncidentState peakState,
      Instant openedAt, Instant updatedAt, Instant closedAt, List<String> caseIds, Explanation explanation) {
    this.id = id;
    this.brand = brand;
    this.state = state;
    this.severity = severity;
    this.peakSeverity = peakSeverity;
    this.peakState = peakState;
    this.openedAt = openedAt;
    this.updatedAt = updatedAt;
    this.closedAt = closedAt;
    this.caseIds = List.copyOf(caseIds);
    this.explanation = explanation;
  }

  /** A stable id, for example {@code "acme-20261102T0915Z"}. */
  public String id() {
    return id;
  }

  /** The brand the incident is about. */
  public String brand() {
    return brand;
  }

  /** The current state. */
  public IncidentState state() {
    return state;
  }

  /** Current severity, 1 (mild) to 10 (extreme), from the size of the deviation. */
  public int severity() {
    return severity;
  }

  /** The highest severity reached so far. */
  public int peakSeverity() {
    return peakSeverity;
  }

  /** The highest of WATCH, ALERT, CRISIS reached so far. */
  public IncidentState peakState() {
    return peakState;
  }

  /** When the detector opened it (end of the bucket that fired first). */
  public Instant openedAt() {
    return openedAt;
  }

  /** When this snapshot was taken (mention time, not wall-clock time). */
  public Instant updatedAt() {
    return updatedAt;
  }

  /** When it was closed, if it is. */
  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  /** Ids of the cases whose mentions fell in this incident, in order of arrival. */
  public List<String> caseIds() {
    return caseIds;
  }

  /** Why. */
  public Explanation explanation() {
    return explanation;
  }

  /** The snapshot as one line of compact JSON (the journal payload and the CLI's JSONL form). */
  public String toJson() {
    ObjectNode n = Json.object();
    n.put("id", id);
    n.put("brand", brand);
    n.put("state", state.jsonName());
    n.put("severity", severity);
    n.put("peakState", peakState.jsonName());
    n.put("peakSeverity", peakSeverity);
    n.put("openedAt", openedAt.toString());
    n.put("updatedAt", updatedAt.toString());
    if (closedAt != null) {
      n.put("closedAt", closedAt.toString());
    } else {
      n.putNull("closedAt");
    }
    ArrayNode cases = n.putArray("caseIds");
    caseIds.forEach(cases::add);
    Explanation e = explanation;
    ObjectNode x = n.putObject("explanation");
    x.put("sentence", e.sentence());
    x.put("slot", e.slot());
    x.put("observed", round(e.observed()));
    x.put("expected", round(e.expected()));
    x.put("lift", round(e.lift()));
    x.put("statistic", e.statistic());
    x.put("statisticValue", round(e.statisticValue()));
    x.put("threshold", round(e.threshold()));
    ArrayNode sig = x.putArray("signals");
    e.signals().forEach(s -> sig.add(s.jsonName()));
    x.put("estimatedStart", e.estimatedStart().toString());
    ObjectNode shares = x.putObject("departmentShares");
    for (Map.Entry<String, Double> d : e.departmentShares().entrySet()) {
      shares.put(d.getKey(), round(d.getValue()));
    }
    ArrayNode terms = x.putArray("topTerms");
    e.topTerms().forEach(terms::add);
    ArrayNode authors = x.putArray("topAuthors");
    e.topAuthors().forEach(authors::add);
    ArrayNode viral = x.putArray("viralPosts");
    e.viralPosts().forEach(viral::add);
    x.put("negativeShare", round(e.negativeShare()));
    x.put("normalNegativeShare", round(e.normalNegativeShare()));
    x.put("historyDays", round(e.historyDays()));
    return Json.write(n);
  }

  /**
   * Reads a snapshot written by {@link #toJson()} back (the explanation's numbers as rounded there).
   *
   * @throws JournalException naming the record and the JSON path of a missing or malformed field
   */
  static Incident fromJournal(JsonNode n, long sequence) {
    JsonFields<JournalException> f = new JsonFields<>((path, message) ->
        new JournalException("journal record " + sequence + " is not a valid incident record: " + path + " " + message));
    JsonNode x = f.requireObject(n, "explanation", "$");
    Set<Signal> signals = EnumSet.noneOf(Signal.class);
    for (JsonNode s : x.path("signals")) {
      signals.add(named(Signal.values(), Signal::jsonName, s.asText(), f, "$.explanation.signals"));
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    x.path("departmentShares").fields().forEachRemaining(e -> shares.put(e.getKey(), e.getValue().asDouble()));
    Explanation e = new Explanation(
        f.requireText(x, "slot", "$.explanation"),
        f.optDouble(x, "observed", "$.explanation", 0),
        f.optDouble(x, "expected", "$.explanation", 0),
        f.requireText(x, "statistic", "$.explanation"),
        f.optDouble(x, "statisticValue", "$.explanation", 0),
        f.optDouble(x, "threshold", "$.explanation", 0),
        signals,
        f.requireInstant(x, "estimatedStart", "$.explanation"),
        shares,
        texts(x.path("topTerms")),
        texts(x.path("topAuthors")),
        texts(x.path("viralPosts")),
        f.optDouble(x, "negativeShare", "$.explanation", 0),
        f.optDouble(x, "normalNegativeShare", "$.explanation", 0),
        f.optDouble(x, "historyDays", "$.explanation", 0),
        f.requireText(x, "sentence", "$.explanation"));
    return new Incident(
        f.requireText(n, "id", "$"),
        f.requireText(n, "brand", "$"),
        named(IncidentState.values(), IncidentState::jsonName, f.requireText(n, "state", "$"), f, "$.state"),
        (int) f.optLong(n, "severity", "$", 0),
        (int) f.optLong(n, "peakSeverity", "$", 0),
        named(IncidentState.values(), IncidentState::jsonName, f.requireText(n, "peakState", "$"), f, "$.peakState"),
        f.requireInstant(n, "openedAt", "$"),
        f.requireInstant(n, "updatedAt", "$"),
        f.optInstant(n, "closedAt", "$"),
        texts(n.path("caseIds")),
        e);
  }

  private static <T> T named(T[] values, Function<T, String> name, String text, JsonFields<JournalException> f,
      String path) {
    for (T v : values) {
      if (name.apply(v).equals(text)) {
        return v;
      }
    }
    List<String> names = new ArrayList<>();
    for (T v : values) {
      names.add(name.apply(v));
    }
    throw f.error(path, "expected one of " + names + " but was '" + text + "'");
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(t -> out.add(t.asText()));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  @Override
  public String toString() {
    return "Incident{" + id + ", " + state + ", severity " + severity + ", " + explanation.sentence() + "}";
  }
}
