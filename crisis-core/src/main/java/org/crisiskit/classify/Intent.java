package org.crisiskit.classify;

import java.util.Locale;

/**
 * What a mention is, from the brand's point of view; it decides how the case is answered. When a case
 * holds mentions of several intents, the case takes the one that most needs an answer
 * ({@link #stronger}): complaint, question, abuse, sensitive, praise, neutral. A question followed by
 * an insult is still a question the brand owes an answer.
 */
public enum Intent {
  /** Something went wrong for the customer; must be answered. */
  COMPLAINT,
  /** Troll, insult or harassment: not to be fed. */
  ABUSE,
  /** Politics, religion, tragedies: a topic the playbook may forbid answering. */
  SENSITIVE,
  /** The customer asks for information; should be answered. */
  QUESTION,
  /** Praise or thanks: answered with thanks. */
  PRAISE,
  /** Nothing to act on. */
  NEUTRAL;

  /** The lower-case name used in JSON, for example {@code complaint}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the expected values
   */
  public static Intent fromJsonName(String name) {
    for (Intent i : values()) {
      if (i.name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "unknown intent '" + name
            + "', expected one of complaint, question, praise, abuse, sensitive, neutral");
  }

  /** True for a complaint or a question: the brand owes an answer, and its first response is timed. */
  public boolean wantsAnswer() {
    return this == COMPLAINT || this == QUESTION;
  }

  /** Returns the intent with the higher priority of the two (see the class comment). */
  public static Intent stronger(Intent a, Intent b) {
    return rank(a) <= rank(b) ? a : b;
  }

  private static int rank(Intent i) {
    switch (i) {
      case COMPLAINT:
        return 0;
      case QUESTION:
        return 1;
      case ABUSE:
        return 2;
      case SENSITIVE:
        return 3;
      case PRAISE:
        return 4;
      default:
        return 5;
    }
  }
}
