package org.crisiskit.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crisiskit.journal.Journal;

/**
 * A summary of customer care computed from a journal: first-response time percentiles, coverage per
 * intent against the SLA targets, backlog by state and age, cases per department, SLA breaches, and
 * the learning report of each department. Render it with {@link #toJson()}, {@link #toText()} or
 * {@link #toHtml()}.
 *
 * <pre>{@code
 * CareReport r = CareReport.fromJournal(FileJournal.open(dir), ReportOptions.lastWeek(clock.instant()));
 * System.out.print(r.toText());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CareReport {
  private final ReportOptions options;
  private final Percentiles firstResponse;
  private final List<Coverage> coverage;
  private final Backlog backlog;
  private final Map<String, Long> casesByDepartment;
  private final Map<String, Long> slaBreaches;
  private final List<DepartmentLearning> learning;

  CareReport(ReportOptions options, Percentiles firstResponse, List<Coverage> coverage, Backlog backlog,
      Map<String, Long> casesByDepartment, Map<String, Long> slaBreaches, List<DepartmentLearning> learning) {
    this.options = options;
    this.firstResponse = firstResponse;
    this.coverage = List.copyOf(coverage);
    this.backlog = backlog;
    this.casesByDepartment = casesByDepartment;
    this.slaBreaches = slaBreaches;
    this.learning = List.copyOf(learning);
  }

  /**
   * Reads {@code journal} (without changing it) and computes the report.
   *
   * @throws org.crisiskit.journal.JournalException when a record cannot be read
   */
  public static CareReport fromJournal(Journal journal, ReportOptions options) {
    return ReportBuilder.build(Objects.requireNonNull(journal, "journal"), Objects.requireNonNull(options, "options"));
  }

  public ReportOptions options() {
    return options;
  }

  /** First-response times of complaints and questions opened in the window. */
  public Percentiles firstResponse() {
    return firstResponse;
  }

  /** Coverage of every intent with cases in the window or a target. */
  public List<Coverage> coverage() {
    return coverage;
  }

  public Backlog backlog() {
    return backlog;
  }

  /** Cases opened in the window per department ({@code unrouted} for none), largest first. */
  public Map<String, Long> casesByDepartment() {
    return casesByDepartment;
  }

  /** SLA breaches journaled in the window per clock, for example {@code first_response}. */
  public Map<String, Long> slaBreaches() {
    return slaBreaches;
  }

  /** What each department can learn from the window's negative mentions, largest first. */
  public List<DepartmentLearning> learning() {
    return learning;
  }

  /** The report as one JSON object. */
  public String toJson() {
    return ReportRender.json(this);
  }

  /** The report as readable plain text. */
  public String toText() {
    return ReportRender.text(this);
  }

  /** The report as a self-contained HTML page. */
  public String toHtml() {
    return ReportRender.html(this);
  }

  /**
   * Percentiles of a set of durations (nearest-rank).
   *
   * @param count how many durations
   * @param p50 median, zero when none
   * @param p90 90th percentile
   * @param p95 95th percentile
   * @param max the largest
   */
  public record Percentiles(int count, Duration p50, Duration p90, Duration p95, Duration max) {}

  /**
   * How many cases of one intent were answered.
   *
   * @param intent the intent's JSON name
   * @param cases cases opened in the window
   * @param answered of those, answered (acknowledged, moved private, thanked or resolved)
   * @param target the SLA coverage target, if any
   */
  public record Coverage(String intent, long cases, long answered, Optional<Double> target) {
    /** The answered share, 1 when there are no cases. */
    public double share() {
      return cases == 0 ? 1.0 : (double) answered / cases;
    }

    /** True when there is no target or the share reaches it. */
    public boolean met() {
      return target.map(t -> share() + 1e-9 >= t).orElse(true);
    }
  }

  /**
   * Cases still waiting for the brand at {@link ReportOptions#now()}.
   *
   * @param byState count per state name (only states waiting for the brand)
   * @param byAge count per age bucket: {@code <1h}, {@code 1-4h}, {@code 4-24h}, {@code 1-7d}, {@code >7d}
   * @param oldest the age of the oldest, zero when none
   */
  public record Backlog(Map<String, Long> byState, Map<String, Long> byAge, Duration oldest) {
    /** Total waiting cases. */
    public long total() {
      return byState.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * A key and how often it occurred.
   *
   * @param key a topic, phrase or handle
   * @param count occurrences
   */
  public record Count(String key, long count) {}

  /**
   * How the cases of one topic ended.
   *
   * @param topic the topic ({@code none} for mentions without one)
   * @param cases cases with negative mentions of the topic
   * @param resolved resolved (or beyond)
   * @param notEngaged deliberately not answered
   * @param open still open
   * @param summaries distinct resolution summaries, most frequent first, at most three
   */
  public record TopicOutcome(String topic, long cases, long resolved, long notEngaged, long open, List<String> summaries) {}

  /**
   * Change of a topic's negative mentions between the last 7 days of the window and the 7 before.
   *
   * @param topic the topic
   * @param thisWeek mentions in the last 7 days before the window's end
   * @param lastWeek mentions in the 7 days before those
   */
  public record WeekChange(String topic, long thisWeek, long lastWeek) {
    /** {@code thisWeek - lastWeek}. */
    public long delta() {
      return thisWeek - lastWeek;
    }
  }

  /**
   * What a department learns from the negative mentions of its cases.
   *
   * @param department the department ({@code unrouted} for cases without one)
   * @param negativeMentions negative mentions in the window
   * @param topics recurring topics, most frequent first
   * @param phrases recurring two- and three-word phrases, most frequent first
   * @param outcomes how the cases of each topic ended
   * @param repeatComplainants authors with two or more negative cases, most cases first
   * @param weekOverWeek per topic, this week against last week, largest change first
   */
  public record DepartmentLearning(String department, long negativeMentions, List<Count> topics, List<Count> phrases,
      List<TopicOutcome> outcomes, List<Count> repeatComplainants, List<WeekChange> weekOverWeek) {}

  /** When the report was computed for. */
  Instant now() {
    return options.now();
  }
}
