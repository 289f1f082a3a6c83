package org.crisiskit.playbook;

import java.util.Locale;

/** What the triage engine proposes to do next with a case. */
public enum NextAction {
  /** Send the draft as a public acknowledgement, then continue in private. */
  ACKNOWLEDGE,
  /** Send the draft as a thank-you for praise. */
  THANK,
  /** The case was escalated; a holding draft (if any) waits for approval. */
  ESCALATE,
  /** Do not answer; the reason is recorded on the case. */
  DO_NOT_ENGAGE,
  /** Do not answer, record, and keep watching the author and topic. */
  WATCH,
  /** Nothing to do: a neutral mention, a duplicate, or a policy that says no reply. */
  NONE;

  /** The lower-case JSON name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the action sends a message. */
  public boolean sends() {
    return this == ACKNOWLEDGE || this == THANK;
  }
}
