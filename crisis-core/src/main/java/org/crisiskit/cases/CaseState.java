package org.crisiskit.cases;

/**
 * Where a case stands in the response workflow. The legal moves between states are listed once, in
 * {@link Workflow}.
 */
public enum CaseState {
  /** Opened by a mention; nobody has answered yet. */
  NEW,
  /** A public acknowledgement was sent. */
  ACKNOWLEDGED,
  /** The conversation moved to a private channel (DM, phone or e-mail). */
  PRIVATE,
  /** A resolution was recorded. */
  RESOLVED,
  /** A short public note of the outcome was published. */
  OUTCOME_PUBLISHED,
  /** The customer was contacted again after a delay. */
  FOLLOWED_UP,
  /** Praise that was thanked. */
  THANKED,
  /** Deliberately not answered (troll, abuse, forbidden topic); the reason is recorded. */
  NOT_ENGAGED,
  /** Handed to a department or a manager. */
  ESCALATED,
  /** The customer wrote again after the case was answered. */
  REOPENED,
  /** Done. A later mention of the same author opens a new case. */
  CLOSED;

  /** True for states in which the brand still owes the customer a first answer or a resolution. */
  public boolean awaitsBrand() {
    return this == NEW || this == ESCALATED || this == REOPENED || this == ACKNOWLEDGED
        || this == PRIVATE;
  }

  /** True for states after which a new mention of the same customer re-opens the case. */
  public boolean answered() {
    return this == RESOLVED || this == OUTCOME_PUBLISHED || this == FOLLOWED_UP || this == THANKED;
  }
}
