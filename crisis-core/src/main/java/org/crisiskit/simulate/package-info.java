/**
 * A deterministic bilingual mention-stream simulator with injected crises and their ground truth, for
 * demonstrations and for measuring the detector. Entry point: {@link org.crisiskit.simulate.MentionSimulator}.
 */
package org.crisiskit.simulate;
