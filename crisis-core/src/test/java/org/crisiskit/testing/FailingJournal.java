package org.crisiskit.testing;

import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;

/**
 * An in-memory journal whose appends fail on demand, to cut a multi-record operation short: after
 * {@link #failFrom} appends, or at the first append whose type or payload contains a marker. A crash
 * fails every append from then on (the process is gone; restart from {@link #disk}); a glitch fails
 * one append and then works again (a retry in the same process).
 */
public final class FailingJournal extends ForwardingJournal {
  /** What was written before the failure: the journal a restart reads. */
  public final Journal disk = Journal.inMemory();
  private long appends;
  private long failAt = Long.MAX_VALUE;
  private String marker;
  private String type;
  private boolean crashOnly = true;
  private boolean dead;
  private int failures;

  /** Fails every append from the {@code n}-th on (1-based), as a crash does. */
  public FailingJournal crashAt(long n) {
    failAt = n;
    return this;
  }

  /** Fails every append from the first whose type or payload contains {@code marker} on. */
  public FailingJournal crashAt(String marker) {
    this.marker = marker;
    return this;
  }

  /** Fails only the first append whose type or payload contains {@code marker}; later ones succeed. */
  public FailingJournal glitchAt(String marker) {
    this.marker = marker;
    crashOnly = false;
    return this;
  }

  /** Fails only the next append of record type {@code type}; later ones succeed. */
  public FailingJournal glitchAtType(String type) {
    this.type = type;
    crashOnly = false;
    return this;
  }

  /** Fails only the {@code n}-th append (1-based); later ones succeed. */
  public FailingJournal glitchAt(long n) {
    failAt = n;
    crashOnly = false;
    return this;
  }

  /** Whether an append has failed. */
  public boolean failed() {
    return failures > 0;
  }

  /** Number of appends attempted so far, failed ones included. */
  public long appends() {
    return appends;
  }

  @Override
  public long append(String type, String payload) {
    appends++;
    boolean hit = appends == failAt || marker != null && (type.contains(marker) || payload.contains(marker))
        || type.equals(this.type);
    if (dead || hit) {
      if (crashOnly) {
        dead = true;
      } else {
        marker = null;
        this.type = null;
      }
      failures++;
      throw new JournalException("append " + appends + " of " + type + " failed (simulated)");
    }
    return disk.append(type, payload);
  }

  @Override
  protected Journal delegate() {
    return disk;
  }
}
