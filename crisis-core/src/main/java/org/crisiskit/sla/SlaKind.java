package org.crisiskit.sla;

import java.util.Locale;

/** The clocks an SLA policy runs on a case. */
public enum SlaKind {
  /** From the customer's mention (or a re-opening) to the brand's first answer. */
  FIRST_RESPONSE,
  /** From opening to moving the conversation to a private channel (or resolving). */
  MOVE_PRIVATE,
  /** From opening (or the latest escalation or re-opening) to resolution. */
  RESOLUTION,
  /** From resolution to the follow-up contact. */
  FOLLOW_UP;

  /** The lower-case JSON name, also the suffix of the case deadline {@code sla_<name>}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a JSON name. */
  public static SlaKind fromJsonName(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
