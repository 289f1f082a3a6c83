package org.crisiskit.spi;

import org.crisiskit.mention.Mention;

/**
 * Receives the mentions a {@link NetworkAdapter} listens to. Called from the adapter's listening
 * thread, one call at a time and in delivery order; the checkpoint advances only after
 * {@link #accept} returns, so a mention whose {@code accept} threw is delivered again after a restart.
 * Keep {@code accept} quick (hand work to a queue) and idempotent by {@link Mention#id()}.
 *
 * <p><b>Durability, for adapter writers.</b> An adapter delivers in batches (a page of a poll, the
 * stream lines already received, whatever its network hands over at once): it calls {@link #accept}
 * for each mention of the batch, then {@link #flush()} once, and only after {@code flush} has
 * returned does it persist a checkpoint that covers those mentions. It must never write a checkpoint before the sink
 * has returned from {@code flush} for every mention the checkpoint covers: a checkpoint made durable
 * first would, after a power cut, skip mentions the sink had not kept yet (a permanent gap where a
 * re-fetch was due). When {@code flush} throws, the adapter keeps the old checkpoint and stops as it
 * does when {@code accept} throws. A sink may thus make {@code accept} cheap (written, not yet synced)
 * and pay one sync per batch in {@code flush}, never one per mention.
 */
@FunctionalInterface
public interface MentionSink {
  /** Takes one new mention. */
  void accept(Mention mention);

  /**
   * Makes every mention accepted so far durable (for example syncs the journal or file it was
   * written to). The adapter calls it once per delivered batch, from the listening thread, before it
   * persists the checkpoint that covers the batch. Default: nothing, for a sink whose {@code accept}
   * keeps nothing or is durable already when it returns.
   *
   * @throws RuntimeException when the mentions cannot be made durable; the checkpoint then stays
   */
  default void flush() {}

  /**
   * Progress and warnings meant for a person (reconnecting, back-off, malformed line skipped).
   * Default: ignored.
   */
  default void onStatus(String message) {}
}
