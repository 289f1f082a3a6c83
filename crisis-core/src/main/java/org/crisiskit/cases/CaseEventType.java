package org.crisiskit.cases;

import java.util.Locale;
import java.util.Optional;

/** The kinds of {@link CaseEvent}: one per workflow transition, plus bookkeeping events. */
public enum CaseEventType {
  /** A mention opened the case. Attributes: {@code mention}, {@code author}, {@code handle}. */
  CASE_OPENED(null),
  /** A further mention joined the case. Attribute: {@code mention}. */
  MENTION_ADDED(null),
  CASE_ACKNOWLEDGED(CaseAction.ACKNOWLEDGE),
  /** Attribute: {@code channel}. */
  CASE_MOVED_PRIVATE(CaseAction.MOVE_PRIVATE),
  /** The note is the resolution summary. */
  CASE_RESOLVED(CaseAction.RESOLVE),
  CASE_OUTCOME_PUBLISHED(CaseAction.PUBLISH_OUTCOME),
  CASE_FOLLOWED_UP(CaseAction.FOLLOW_UP),
  CASE_THANKED(CaseAction.THANK),
  /** The note is the reason. */
  CASE_NOT_ENGAGED(CaseAction.DO_NOT_ENGAGE),
  /** Attribute: {@code department}, when the escalation names one. */
  CASE_ESCALATED(CaseAction.ESCALATE),
  CASE_REOPENED(CaseAction.REOPEN),
  CASE_CLOSED(CaseAction.CLOSE),
  /** Attributes: {@code department} and/or {@code assignee}. */
  CASE_ASSIGNED(null),
  /** Intent, severity or topics changed. Attributes: {@code intent}, {@code severity}, {@code topics}. */
  CASE_ASSESSED(null),
  /** A deadline was set. Attributes: {@code name}, {@code due} (ISO-8601 instant). */
  DEADLINE_SET(null);

  private final CaseAction action;

  CaseEventType(CaseAction action) {
    this.action = action;
  }

  /** The workflow action this event records, empty for bookkeeping events. */
  public Optional<CaseAction> action() {
    return Optional.ofNullable(action);
  }

  /** The event type that records {@code action}. */
  public static CaseEventType of(CaseAction action) {
    for (CaseEventType t : values()) {
      if (t.action == action) {
        return t;
      }
    }
    throw new AssertionError(action);
  }

  /** The lower-case JSON name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name.
   *
   * @throws IllegalArgumentException when unknown
   */
  public static CaseEventType fromJsonName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
