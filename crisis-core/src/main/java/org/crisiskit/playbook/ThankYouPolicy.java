package org.crisiskit.playbook;

import java.util.Objects;
import java.util.Optional;

/**
 * How praise is answered.
 *
 * @param reply whether praise gets a public thank-you at all
 * @param rewardCode a discount or reward code offered in the thank-you ({@code {reward_code}}), if any
 */
public record ThankYouPolicy(boolean reply, Optional<String> rewardCode) {
  /** Reply with thanks, no reward. */
  public static final ThankYouPolicy REPLY = new ThankYouPolicy(true, Optional.empty());

  public ThankYouPolicy {
    Objects.requireNonNull(rewardCode, "rewardCode");
  }
}
