package org.crisiskit.detect;

import java.util.Locale;

/** A signal the detector watches; an {@link Explanation} lists those that fired. */
public enum Signal {
  /** More negative mentions than expected for this slot (CUSUM or spike on the brand's negatives). */
  NEGATIVE_VOLUME,
  /** Negative mentions weighted by the author's reach (log followers, capped) above normal. */
  INFLUENCE,
  /** The negative share of the last hour is well above its normal value. */
  NEGATIVE_SHARE,
  /** A negative post is being reposted or quoted faster than the viral threshold. */
  VIRALITY,
  /** A department's normal level has been creeping up for days (short-memory level over long-memory level). */
  SLOW_BURN,
  /** Several departments (topics) are abnormal at once. */
  SPREAD,
  /** Total volume well below normal: the community has gone quiet, or mentions stopped arriving. */
  SILENCE,
  /** Total volume far above normal (news, launch, campaign); on its own only a WATCH. */
  TOTAL_VOLUME;

  /** The lower-case JSON name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
