package org.crisiskit.spi;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisiskit.mention.Mention;

/**
 * Records, in one order, what a listening does to its sink and its checkpoint store: {@code accept
 * ID}, {@code flush} and {@code put KEY=VALUE}. Checks the {@link MentionSink} durability contract:
 * no checkpoint is written while a mention accepted before it has not been flushed. Thread-safe;
 * waits on the recorded events themselves (no sleeping).
 */
public final class DurabilityRecorder {
  private final List<String> events = new ArrayList<>();
  private int accepts;

  /** Appends one event (for sinks or journals a test wraps itself). */
  public synchronized void record(String event) {
    events.add(event);
    if (event.startsWith("accept ")) {
      accepts++;
    }
    notifyAll();
  }

  /** A sink recording {@code accept ID} and {@code flush}, then calling {@code delegate}. */
  public MentionSink sink(MentionSink delegate) {
    return new MentionSink() {
      @Override
      public void accept(Mention mention) {
        delegate.accept(mention);
        record("accept " + mention.id().value());
      }

      @Override
      public void flush() {
        delegate.flush();
        record("flush");
      }

      @Override
      public void onStatus(String message) {
        delegate.onStatus(message);
      }
    };
  }

  /** A recording sink that keeps nothing. */
  public MentionSink sink() {
    return sink(m -> {});
  }

  /** A store recording {@code put KEY=VALUE} before writing to {@code delegate}. */
  public CheckpointStore store(CheckpointStore delegate) {
    return new CheckpointStore() {
      @Override
      public Optional<String> get(String key) {
        return delegate.get(key);
      }

      @Override
      public void put(String key, String value) {
        record("put " + key + "=" + value);
        delegate.put(key, value);
      }

      @Override
      public Map<String, String> snapshot() {
        return delegate.snapshot();
      }
    };
  }

  /** A copy of the events so far. */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** How many {@code flush} events were recorded. */
  public synchronized long flushes() {
    return events.stream().filter(e -> e.equals("flush")).count();
  }

  /**
   * Waits until {@code n} mentions were accepted and a checkpoint was written after the last of them,
   * failing after {@code timeout}.
   */
  public synchronized void awaitCheckpointAfter(int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!checkpointAfter(n)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail("expected " + n + " mentions and a checkpoint after them within " + timeout + " but got " + events);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Waits until {@code event} was recorded, failing after {@code timeout}. */
  public synchronized void awaitEvent(String event, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!events.contains(event)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail("expected '" + event + "' within " + timeout + " but got " + events);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private boolean checkpointAfter(int n) {
    if (accepts < n) {
      return false;
    }
    int seen = 0;
    for (String e : events) {
      if (e.startsWith("accept ")) {
        seen++;
      } else if (seen >= n && e.startsWith("put ")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fails when a checkpoint was written while a mention accepted before it was not flushed yet: after
   * a power cut that checkpoint could be durable and the mention not.
   */
  public synchronized void assertNoCheckpointAheadOfFlush() {
    List<String> unflushed = new ArrayList<>();
    for (String e : events) {
      if (e.startsWith("accept ")) {
        unflushed.add(e.substring("accept ".length()));
      } else if (e.equals("flush")) {
        unflushed.clear();
      } else if (e.startsWith("put ") && !unflushed.isEmpty()) {
        fail("checkpoint '" + e + "' written before the sink flushed " + unflushed + "; events: " + events);
      }
    }
  }
}
