package org.crisiskit.classify;

import java.util.Locale;

/** The overall tone of a mention. */
public enum Polarity {
  NEGATIVE,
  NEUTRAL,
  POSITIVE;

  /** The lower-case JSON name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the expected values
   */
  public static Polarity fromJsonName(String name) {
    for (Polarity p : values()) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown polarity '" + name + "', expected one of negative, neutral, positive");
  }
}
