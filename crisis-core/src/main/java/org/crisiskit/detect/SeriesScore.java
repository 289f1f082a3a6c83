package org.crisiskit.detect;

import java.time.Instant;

/**
 * What {@link SeriesDetector} concluded about one point.
 *
 * @param timestamp the point's timestamp
 * @param value the observed value
 * @param expected the baseline's expectation for this slot before the point was learnt
 * @param surprise standardised surprise of the value (about N(0,1) when normal)
 * @param cusum the CUSUM statistic after this point
 * @param score anomaly score in [0, 1]; 0.5 or more means a detection threshold is reached
 * @param alert true on the first point of an anomaly (later points of the same anomaly, and any within
 *     the suppression period, do not alert again)
 */
public record SeriesScore(
    Instant timestamp, double value, double expected, double surprise, double cusum, double score, boolean alert) {}
