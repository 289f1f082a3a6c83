package org.crisiskit.detect;

/**
 * Counters of what a {@link CrisisDetector} has seen.
 *
 * @param mentions mentions counted
 * @param duplicates mentions dropped because their id was seen recently
 * @param lateDropped mentions dropped because they were older than the open bucket by more than
 *     {@link DetectorConfig#allowedLateness()}
 * @param cells cells in use (brand total, negatives, influence and one per topic)
 * @param incidents incidents opened so far
 */
public record DetectorStats(long mentions, long duplicates, long lateDropped, int cells, long incidents) {}
