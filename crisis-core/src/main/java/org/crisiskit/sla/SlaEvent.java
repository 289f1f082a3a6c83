package org.crisiskit.sla;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.crisiskit.cases.CaseId;

/**
 * A warning that a deadline is near, or a breach of it.
 *
 * @param type warning or breach
 * @param caseId the case
 * @param kind the clock
 * @param start when the clock started
 * @param due its deadline
 * @param at when the monitor noticed
 */
public record SlaEvent(Type type, CaseId caseId, SlaKind kind, Instant start, Instant due, Instant at) {
  /** What happened to the clock. */
  public enum Type {
    /** The warning threshold (75% by default) passed with the clock still running. */
    WARNING,
    /** The deadline passed with the clock still running, or it stopped too late. */
    BREACH;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SlaEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(at, "at");
  }
}
