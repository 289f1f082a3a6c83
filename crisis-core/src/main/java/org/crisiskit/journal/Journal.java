package org.crisiskit.journal;

import java.util.function.Consumer;

/**
 * An append-only log of typed records: every accepted mention and every case event, from which cases
 * are rebuilt at start.
 *
 * <p>Implementations are thread-safe; appends are totally ordered by their sequence. Two ship with
 * the library: {@link #inMemory()} for tests and {@link FileJournal} for production.
 */
public interface Journal extends AutoCloseable {
  /**
   * Appends a record and returns its sequence. When this returns, the record is written (and, for a
   * file journal, synced to disk as its {@link FsyncPolicy} says).
   *
   * @throws JournalException when the record cannot be written; nothing is appended then
   */
  long append(String type, String payload);

  /** Calls {@code consumer} with every record whose sequence is greater than {@code afterSequence}, in order. */
  void replay(long afterSequence, Consumer<JournalEntry> consumer);

  /** Calls {@code consumer} with every record, in order. */
  default void replay(Consumer<JournalEntry> consumer) {
    replay(0, consumer);
  }

  /** The sequence of the newest record, 0 when empty. */
  long lastSequence();

  /** Forces every appended record to durable storage. */
  void flush();

  /** Flushes and releases the journal; further appends fail. */
  @Override
  void close();

  /** Returns a new empty journal kept in memory only. */
  static Journal inMemory() {
    return new InMemoryJournal();
  }
}
