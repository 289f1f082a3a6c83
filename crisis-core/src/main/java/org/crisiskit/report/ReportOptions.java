package org.crisiskit.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.crisiskit.sla.SlaPolicy;

/**
 * What a {@link CareReport} covers.
 *
 * @param from start of the window (inclusive): cases opened and mentions posted from here
 * @param to end of the window (exclusive)
 * @param now the time the backlog's ages are measured at
 * @param policy the SLA policy whose coverage targets the report compares against
 * @param topPhrases how many recurring phrases and topics to list per department
 */
public record ReportOptions(Instant from, Instant to, Instant now, SlaPolicy policy, int topPhrases) {
  public ReportOptions {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(policy, "policy");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to must be after from but was " + from + " .. " + to);
    }
    if (topPhrases < 1) {
      throw new IllegalArgumentException("topPhrases must be >= 1 but was " + topPhrases);
    }
  }

  /** The week before {@code now}, default SLA policy, ten phrases. */
  public static ReportOptions lastWeek(Instant now) {
    return new ReportOptions(now.minus(Duration.ofDays(7)), now, now, SlaPolicy.ofDefaults(), 10);
  }

  /** The window {@code [from, to)}, ages measured at {@code to}, default SLA policy, ten phrases. */
  public static ReportOptions between(Instant from, Instant to) {
    return new ReportOptions(from, to, to, SlaPolicy.ofDefaults(), 10);
  }
}
