package org.crisiskit.cases;

/**
 * Tells whether a private channel can reach a case's customer; the guard for
 * {@link CaseAction#MOVE_PRIVATE}. Network adapters answer for direct messages (on X, only users who
 * accept DMs); a helpdesk answers for phone and e-mail. Must be thread-safe.
 */
@FunctionalInterface
public interface ChannelAvailability {
  /** Every channel is assumed available. */
  ChannelAvailability ALL = (c, ch) -> true;

  /** True when {@code channel} can reach the customer of {@code c}. */
  boolean isAvailable(CrisisCase c, PrivateChannel channel);
}
