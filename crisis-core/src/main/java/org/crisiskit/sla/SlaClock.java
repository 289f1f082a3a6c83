package org.crisiskit.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.crisiskit.cases.CaseId;

/**
 * One SLA clock of one case: when it started, when the warning is due, when it is due, and when (if)
 * it stopped because the brand did what the clock measures.
 *
 * @param caseId the case
 * @param kind which clock
 * @param start when it started
 * @param warnAt when a warning is raised if it is still running
 * @param due the deadline
 * @param stoppedAt when it stopped, if it has
 */
public record SlaClock(CaseId caseId, SlaKind kind, Instant start, Instant warnAt, Instant due,
    Optional<Instant> stoppedAt) {
  public SlaClock {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(warnAt, "warnAt");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(stoppedAt, "stoppedAt");
  }

  /** True while the brand has not yet done what the clock measures. */
  public boolean running() {
    return stoppedAt.isEmpty();
  }

  /** True when it stopped in time. */
  public boolean met() {
    return stoppedAt.map(s -> !s.isAfter(due)).orElse(false);
  }

  /** True when, at {@code now}, the deadline has passed without the clock stopping in time. */
  public boolean breached(Instant now) {
    return stoppedAt.map(s -> s.isAfter(due)).orElse(now.isAfter(due));
  }
}
