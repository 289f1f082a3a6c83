package org.crisiskit.mention;

import java.util.Locale;

/**
 * How a mention reached the brand. On X a brand may reply publicly only when it was addressed, so
 * this decides which responses are allowed.
 */
public enum Addressing {
  /** The text @-mentions the brand's handle. */
  MENTION,
  /** A reply to one of the brand's posts. */
  REPLY,
  /** A quote of one of the brand's posts. */
  QUOTE,
  /** A private message to the brand. */
  DIRECT,
  /** Found by keyword search only: the author did not address the brand. */
  KEYWORD;

  /** True unless the mention was found by keyword only. */
  public boolean addressedBrand() {
    return this != KEYWORD;
  }

  /** The lower-case name used in the JSON form. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the JSON name.
   *
   * @throws IllegalArgumentException naming the expected values when {@code name} is not one
   */
  public static Addressing fromJsonName(String name) {
    for (Addressing a : values()) {
      if (a.jsonName().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown addressing '" + name + "', expected one of mention, reply, quote, direct, keyword");
  }
}
