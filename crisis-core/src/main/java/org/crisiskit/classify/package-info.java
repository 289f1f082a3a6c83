/**
 * Mention classification: intent, polarity, abuse, sensitive topics and complaint topics. Entry
 * point: {@link org.crisiskit.classify.Intent}.
 */
package org.crisiskit.classify;
