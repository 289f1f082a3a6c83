package org.crisiskit.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bookkeeping every {@link Listening} needs — counters, the permanent failure, the stop latch —
 * so that an adapter's listening loop only calls {@link #countDelivered()} and friends and implements
 * {@link #close()}. Thread-safe.
 *
 * <pre>{@code
 * final class MyListening extends ListeningSupport implements Runnable {
 *   public void run() {
 *     try {
 *       while (!closing) {
 *         List<Mention> batch = ...;
 *         for (Mention m : batch) { sink.accept(m); countDelivered(); }
 *         sink.flush();             // the batch is durable in the sink ...
 *         checkpoints.put(...);     // ... before the checkpoint that covers it
 *       }
 *     } catch (NotPermittedException e) {
 *       stopWith(e);
 *     } finally {
 *       markStopped();
 *     }
 *   }
 *   public void close() { closing = true; ... }
 * }
 * }</pre>
 */
public abstract class ListeningSupport implements Listening {
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile NetworkException failure;

  /** Counts one mention handed to the sink. */
  protected final void countDelivered() {
    delivered.incrementAndGet();
  }

  /** Counts {@code n} mentions handed to the sink at once (a batch). */
  protected final void countDelivered(long n) {
    delivered.addAndGet(n);
  }

  /** Counts one payload line or item that could not be read and was skipped. */
  protected final void countMalformed() {
    malformed.incrementAndGet();
  }

  /** Counts {@code n} unreadable items at once and returns the total so far. */
  protected final long countMalformed(long n) {
    return malformed.addAndGet(n);
  }

  /** Counts one re-opened connection or retried poll. */
  protected final void countReconnect() {
    reconnects.incrementAndGet();
  }

  /** Records the permanent failure that stops listening; call {@link #markStopped()} too. */
  protected final void stopWith(NetworkException e) {
    this.failure = Objects.requireNonNull(e, "failure");
  }

  /** Marks the listening stopped; call it once, in the listening thread's {@code finally}. */
  protected final void markStopped() {
    stopped.countDown();
  }

  @Override
  public final long delivered() {
    return delivered.get();
  }

  @Override
  public final long malformed() {
    return malformed.get();
  }

  @Override
  public final long reconnects() {
    return reconnects.get();
  }

  @Override
  public final boolean isRunning() {
    return stopped.getCount() > 0;
  }

  @Override
  public final Optional<NetworkException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public final boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
