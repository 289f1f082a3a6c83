package org.crisiskit.classify;

import java.util.Locale;

/** Warning signs in a mention that call for escalation whatever its intent. */
public enum Flag {
  /** The customer threatens to leave ("me cambio a…", "cancel my account"). */
  CHURN_THREAT,
  /** A lawyer, a lawsuit, a consumer-protection complaint. */
  LEGAL_THREAT,
  /** Press, TV, going public, tagging journalists. */
  MEDIA_EXPOSURE,
  /** Health or safety at risk: injury, fire, food poisoning. */
  HEALTH_SAFETY_RISK;

  /** The lower-case JSON name, for example {@code churn_threat}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the expected values
   */
  public static Flag fromJsonName(String name) {
    for (Flag f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown flag '" + name
        + "', expected one of churn_threat, legal_threat, media_exposure, health_safety_risk");
  }
}
