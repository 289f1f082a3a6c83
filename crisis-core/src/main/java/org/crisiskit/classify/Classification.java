package org.crisiskit.classify;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Classifier} decided about one mention, with the cues that made it decide.
 *
 * @param intent complaint, question, praise, abuse, sensitive or neutral
 * @param polarity negative, neutral or positive
 * @param sentiment a score in [-1, 1]
 * @param abusive whether the text is insulting or harassing (independent of intent)
 * @param sensitive whether the text touches politics, religion or tragedy
 * @param topics complaint or question topics, see {@link Topics}
 * @param flags warning signs such as a churn or legal threat
 * @param lang {@code es}, {@code en}, or another code; {@code und} when unknown
 * @param reasons the cues that fired, for display ("complaint pattern 'still haven't received'")
 */
public record Classification(
    Intent intent,
    Polarity polarity,
    double sentiment,
    boolean abusive,
    boolean sensitive,
    Set<String> topics,
    Set<Flag> flags,
    String lang,
    List<String> reasons) {
  public Classification {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(polarity, "polarity");
    checkArgument(sentiment >= -1.0 && sentiment <= 1.0, "sentiment must be in [-1, 1] but was %s", sentiment);
    topics = Set.copyOf(topics);
    flags = Set.copyOf(flags);
    Objects.requireNonNull(lang, "lang");
    reasons = List.copyOf(reasons);
  }

  /** True when the mention is negative in tone, or a complaint or abuse. */
  public boolean negative() {
    return polarity == Polarity.NEGATIVE || intent == Intent.COMPLAINT || intent == Intent.ABUSE;
  }
}
