package org.crisiskit.detect;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why an incident is what it is, in data and in one sentence: observed against expected for this slot,
 * the statistic and threshold that fired, when it probably started, each department's share of the
 * excess, top terms, top authors by reach, the most viral posts, the change in negative share and how
 * much history the baseline has.
 *
 * <p>Immutable and thread-safe. Lists are ordered most important first and never null.
 */
public final class Explanation {
  private final String slot;
  private final double observed;
  private final double expected;
  private final String statistic;
  private final double statisticValue;
  private final double threshold;
  private final Set<Signal> signals;
  private final Instant estimatedStart;
  private final Map<String, Double> departmentShares;
  private final List<String> topTerms;
  private final List<String> topAuthors;
  private final List<String> viralPosts;
  private final double negativeShare;
  private final double normalNegativeShare;
  private final double historyDays;
  private final String sentence;

  Explanation(String slot, double observed, double expected, String statistic, double statisticValue,
      double threshold, Set<Signal> signals, Instant estimatedStart, Map<String, Double> departmentShares,
      List<String> topTerms, List<String> topAuthors, List<String> viralPosts, double negativeShare,
      double normalNegativeShare, double historyDays, String sentence) {
    this.slot = slot;
    this.observed = observed;
    this.expected = expected;
    this.statistic = statistic;
    this.statisticValue = statisticValue;
    this.threshold = threshold;
    this.signals = signals.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(signals));
    this.estimatedStart = estimatedStart;
    this.departmentShares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(departmentShares));
    this.topTerms = List.copyOf(topTerms);
    this.topAuthors = List.copyOf(topAuthors);
    this.viralPosts = List.copyOf(viralPosts);
    this.negativeShare = negativeShare;
    this.normalNegativeShare = normalNegativeShare;
    this.historyDays = historyDays;
    this.sentence = sentence;
  }

  /** The seasonal slot the expectation is for, for example {@code "Tue 14:00 UTC"}. */
  public String slot() {
    return slot;
  }

  /** What was observed in the last hour (negative mentions; total mentions for silence). */
  public double observed() {
    return observed;
  }

  /** What the baseline expected for the same hour. */
  public double expected() {
    return expected;
  }

  /** Observed over expected (expected floored at 1). */
  public double lift() {
    return observed / Math.max(1.0, expected);
  }

  /** The statistic that fired, for example {@code "cusum(negative)"}. */
  public String statistic() {
    return statistic;
  }

  /** Its value when the explanation was made. */
  public double statisticValue() {
    return statisticValue;
  }

  /** The threshold it is compared to. */
  public double threshold() {
    return threshold;
  }

  /** The signals firing. */
  public Set<Signal> signals() {
    return signals;
  }

  /** When the anomaly probably started (the start of the CUSUM run). */
  public Instant estimatedStart() {
    return estimatedStart;
  }

  /** Each abnormal department's share of the negative excess in the last hour, summing to 1. */
  public Map<String, Double> departmentShares() {
    return departmentShares;
  }

  /** The most frequent terms in recent negative mentions. */
  public List<String> topTerms() {
    return topTerms;
  }

  /** Authors of recent negative mentions with the largest reach, as {@code "@handle (followers)"}. */
  public List<String> topAuthors() {
    return topAuthors;
  }

  /** The fastest-spreading negative posts, with reposts per minute and a forecast of their final count. */
  public List<String> viralPosts() {
    return viralPosts;
  }

  /** The negative share of the last hour, in [0, 1]. */
  public double negativeShare() {
    return negativeShare;
  }

  /** The normal negative share learnt by the baseline, in [0, 1]. */
  public double normalNegativeShare() {
    return normalNegativeShare;
  }

  /** Days of history behind the baseline (baseline health: under 7 the weekly rhythm is not known yet). */
  public double historyDays() {
    return historyDays;
  }

  /** All of the above in one sentence. */
  public String sentence() {
    return sentence;
  }

  @Override
  public String toString() {
    return sentence;
  }
}
