package org.crisiskit.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A running {@link NetworkAdapter#listen listen}: counts what happened and stops on {@link #close()}.
 * Thread-safe.
 */
public interface Listening extends AutoCloseable {
  /** Mentions handed to the sink so far. */
  long delivered();

  /** Payload lines or items that could not be read and were skipped (never fatal). */
  long malformed();

  /** Connections re-opened or polls retried after a failure. */
  long reconnects();

  /** True until it stopped, on {@link #close()} or after a permanent failure. */
  boolean isRunning();

  /** The permanent failure that stopped it (authentication, usage cap, not permitted), if any. */
  Optional<NetworkException> failure();

  /** Waits up to {@code timeout} for it to stop; returns true when it has. */
  boolean awaitStopped(Duration timeout) throws InterruptedException;

  /** Stops listening and waits for the listening thread; the checkpoint stays at the last delivery. */
  @Override
  void close();
}
