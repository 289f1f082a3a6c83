package org.crisiskit.detect;

/**
 * Counters of what a {@link CrisisDetector} has seen.
 *
 * @param mentions mentions counted
 * @param duplicates mentions dropped because their id was seen recently
 * @param lateDropped mentions dropped because they were older than the open bucket by more than
 *     {@link DetectorConfig#allowedLateness()}
 * @param futureDropped mentions dropped because they were more than {@link DetectorConfig#maxForwardJump()}
 *     ahead of the detector's time and the next mention (or {@link CrisisDetector#advanceTo}) did not
 *     confirm the jump
 * @param cells cells in use (brand total, negatives, influence and one per topic)
 * @param incidents incidents opened so far
 */
public record DetectorStats(long mentions, long duplicates, long lateDropped, long futureDropped, int cells,
    long incidents) {
  /** The counters without {@code futureDropped} (0), as before it was counted. */
  public DetectorStats(long mentions, long duplicates, long lateDropped, int cells, long incidents) {
    this(mentions, duplicates, lateDropped, 0, cells, incidents);
  }
}
