package org.crisiskit.testing;

import java.util.function.Consumer;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalEntry;

/** A journal that passes every call to another; tests override the calls they watch or break. */
public abstract class ForwardingJournal implements Journal {
  /** The journal calls go to. */
  protected abstract Journal delegate();

  @Override
  public long append(String type, String payload) {
    return delegate().append(type, payload);
  }

  @Override
  public void replay(long afterSequence, Consumer<JournalEntry> consumer) {
    delegate().replay(afterSequence, consumer);
  }

  @Override
  public long lastSequence() {
    return delegate().lastSequence();
  }

  @Override
  public void flush() {
    delegate().flush();
  }

  @Override
  public void close() {
    delegate().close();
  }
}
