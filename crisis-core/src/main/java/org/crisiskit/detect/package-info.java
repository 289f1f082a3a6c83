/**
 * Streaming crisis detection: a seasonal baseline learnt online per cell, surprise statistics on
 * negative volume, reach, negative share, virality, spread across departments and silence, and
 * incidents with a lifecycle and an explanation. Entry points: {@link org.crisiskit.detect.CrisisDetector}
 * for mentions and {@link org.crisiskit.detect.SeriesDetector} for a plain volume series; both are
 * configured by {@link org.crisiskit.detect.DetectorConfig}.
 */
package org.crisiskit.detect;
