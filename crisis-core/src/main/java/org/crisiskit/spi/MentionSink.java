package org.crisiskit.spi;

import org.crisiskit.mention.Mention;

/**
 * Receives the mentions a {@link NetworkAdapter} listens to. Called from the adapter's listening
 * thread, one call at a time and in delivery order; the checkpoint advances only after
 * {@link #accept} returns, so a mention whose {@code accept} threw is delivered again after a restart.
 * Keep {@code accept} quick (hand work to a queue) and idempotent by {@link Mention#id()}.
 */
@FunctionalInterface
public interface MentionSink {
  /** Takes one new mention. */
  void accept(Mention mention);

  /**
   * Progress and warnings meant for a person (reconnecting, back-off, malformed line skipped).
   * Default: ignored.
   */
  default void onStatus(String message) {}
}
