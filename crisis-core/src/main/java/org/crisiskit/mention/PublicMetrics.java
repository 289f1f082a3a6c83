package org.crisiskit.mention;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Public engagement counts of a mention at the time it was seen.
 *
 * @param reposts re-shares (retweets)
 * @param replies replies
 * @param likes likes
 * @param quotes quote posts
 */
public record PublicMetrics(long reposts, long replies, long likes, long quotes) {
  /** All counts zero. */
  public static final PublicMetrics NONE = new PublicMetrics(0, 0, 0, 0);

  public PublicMetrics {
    checkArgument(reposts >= 0, "metrics.reposts must be >= 0 but was %s", reposts);
    checkArgument(replies >= 0, "metrics.replies must be >= 0 but was %s", replies);
    checkArgument(likes >= 0, "metrics.likes must be >= 0 but was %s", likes);
    checkArgument(quotes >= 0, "metrics.quotes must be >= 0 but was %s", quotes);
  }

  /** Reposts plus quotes: how far the post is being carried to other audiences. */
  public long amplification() {
    return reposts + quotes;
  }
}
