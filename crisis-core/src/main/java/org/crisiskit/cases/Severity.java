package org.crisiskit.cases;

import java.util.Locale;

/** How urgent a case is. Ordered from least to most urgent. */
public enum Severity {
  LOW,
  NORMAL,
  HIGH,
  CRITICAL;

  /** The lower-case JSON name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the expected values
   */
  public static Severity fromJsonName(String name) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + name + "', expected one of low, normal, high, critical");
  }

  /** The more urgent of the two. */
  public static Severity max(Severity a, Severity b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
