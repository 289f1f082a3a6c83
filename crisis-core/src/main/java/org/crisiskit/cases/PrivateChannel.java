package org.crisiskit.cases;

import java.util.Locale;

/** A channel where the conversation with a customer continues away from the public timeline. */
public enum PrivateChannel {
  /** The network's direct messages. */
  DIRECT_MESSAGE,
  /** A phone call. */
  PHONE,
  /** E-mail. */
  EMAIL;

  /** The lower-case JSON name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the expected values
   */
  public static PrivateChannel fromJsonName(String name) {
    for (PrivateChannel c : values()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown channel '" + name + "', expected one of direct_message, phone, email");
  }
}
