package org.crisiskit.cases;

import java.util.Objects;
import java.util.Set;
import org.crisiskit.classify.Intent;

/**
 * What the analysis of a mention decided, as far as the case workflow needs it.
 *
 * @param intent what the mention is
 * @param severity how urgent
 * @param negative whether it is a negative comment (kept for the learning log)
 * @param topics complaint topics such as {@code delivery}; may be empty
 */
public record Assessment(Intent intent, Severity severity, boolean negative, Set<String> topics) {
  private static final Assessment UNASSESSED = new Assessment(Intent.NEUTRAL, Severity.NORMAL, false, Set.of());

  public Assessment {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(severity, "severity");
    topics = Set.copyOf(topics);
  }

  /**
   * Neutral, normal severity, not negative, no topics: for mentions nobody analysed. A mention accepted
   * with this instance is journaled as not assessed ({@link RecordedMention#assessed()}); an equal
   * assessment such as {@code of(Intent.NEUTRAL)} is journaled as a decision.
   */
  public static Assessment unassessed() {
    return UNASSESSED;
  }

  /** An assessment with the given intent, normal severity, negative for complaints and abuse. */
  public static Assessment of(Intent intent) {
    return new Assessment(intent, Severity.NORMAL,
        intent == Intent.COMPLAINT || intent == Intent.ABUSE, Set.of());
  }
}
