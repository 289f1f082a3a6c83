package org.crisiskit.cases;

import java.util.Locale;

/** Something done to a case that may move it to another {@link CaseState}. */
public enum CaseAction {
  /** Send a public acknowledgement. */
  ACKNOWLEDGE,
  /** Continue in a private channel; needs a channel the author can be reached on. */
  MOVE_PRIVATE,
  /** Record the resolution; the note is the resolution summary. */
  RESOLVE,
  /** Publish a short public note of the outcome; needs a resolution summary. */
  PUBLISH_OUTCOME,
  /** Contact the customer again after a delay. */
  FOLLOW_UP,
  /** Thank the author for praise. */
  THANK,
  /** Decide not to answer; the reason is recorded and the case stays visible. */
  DO_NOT_ENGAGE,
  /** Hand the case to a department or a manager. */
  ESCALATE,
  /** Re-open an answered case because the customer wrote again. */
  REOPEN,
  /** Close the case. */
  CLOSE;

  /** The lower-case JSON name, for example {@code move_private}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the expected values
   */
  public static CaseAction fromJsonName(String name) {
    for (CaseAction a : values()) {
      if (a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown action '" + name + "'");
  }
}
