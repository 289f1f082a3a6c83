package org.crisiskit.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A journal in a list. Thread-safe; nothing survives the process. */
final class InMemoryJournal implements Journal {
  private final List<JournalEntry> entries = new ArrayList<>();
  private boolean closed;

  @Override
  public synchronized long append(String type, String payload) {
    if (closed) {
      throw new JournalException("journal is closed");
    }
    JournalEntry e = new JournalEntry(entries.size() + 1L, type, payload);
    entries.add(e);
    return e.sequence();
  }

  @Override
  public void replay(long afterSequence, Consumer<JournalEntry> consumer) {
    List<JournalEntry> copy;
    synchronized (this) {
      copy = List.copyOf(entries.subList((int) Math.min(Math.max(afterSequence, 0), entries.size()), entries.size()));
    }
    copy.forEach(consumer);
  }

  @Override
  public synchronized long lastSequence() {
    return entries.size();
  }

  @Override
  public void flush() {}

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "Journal.inMemory{" + lastSequence() + " records}";
  }
}
