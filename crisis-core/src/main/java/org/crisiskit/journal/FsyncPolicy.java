package org.crisiskit.journal;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link FileJournal} forces its records to disk.
 *
 * <ul>
 *   <li>{@link #everyRecord()}: each append returns only after its record is on disk; survives power
 *       loss, costs one sync per record.
 *   <li>{@link #grouped(Duration)}: records are written at once (they survive a process crash) and
 *       synced together at most {@code interval} later; a power cut loses at most that interval.
 * </ul>
 *
 * @param interval zero for every record, otherwise the longest time a record may wait for its sync
 */
public record FsyncPolicy(Duration interval) {
  public FsyncPolicy {
    Objects.requireNonNull(interval, "interval");
    checkArgument(!interval.isNegative(), "interval must be >= 0 but was %s", interval);
  }

  /** Sync after every record. */
  public static FsyncPolicy everyRecord() {
    return new FsyncPolicy(Duration.ZERO);
  }

  /** Sync at most {@code interval} after a record was written. */
  public static FsyncPolicy grouped(Duration interval) {
    checkArgument(!interval.isZero(), "use everyRecord() for a zero interval");
    return new FsyncPolicy(interval);
  }

  /** True for {@link #everyRecord()}. */
  public boolean isEveryRecord() {
    return interval.isZero();
  }
}
