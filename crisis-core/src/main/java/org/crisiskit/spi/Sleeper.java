package org.crisiskit.spi;

import java.time.Duration;

/**
 * Waits between retries. Adapters take one so that tests can record back-off without waiting
 * (Guava's {@code FakeTicker} idea). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the calling thread with {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

  /** Waits for {@code duration}; throws when the thread is interrupted (listening is closing). */
  void sleep(Duration duration) throws InterruptedException;
}
