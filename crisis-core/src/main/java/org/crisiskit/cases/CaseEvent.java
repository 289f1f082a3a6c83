package org.crisiskit.cases;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact about a case, as recorded in the journal: every case is rebuilt from its events.
 *
 * @param type what happened
 * @param caseId the case it happened to
 * @param at when (from the service's clock, or the mention's time for mention events)
 * @param actor who did it: an agent name, {@code system}, or {@code customer}
 * @param from the state before
 * @param to the state after (equal to {@code from} for bookkeeping events)
 * @param note free text: the resolution summary, the reason for not engaging, a comment; may be empty
 * @param attributes further data, keys documented on {@link CaseEventType}
 */
public record CaseEvent(
    CaseEventType type,
    CaseId caseId,
    Instant at,
    String actor,
    CaseState from,
    CaseState to,
    String note,
    Map<String, String> attributes) {
  public CaseEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(note, "note");
    attributes = Map.copyOf(attributes);
  }

  /** The attribute {@code key}, if present. */
  public Optional<String> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  /** True when the event moved the case to another state. */
  public boolean isTransition() {
    return from != to;
  }
}
