package org.crisiskit.detect;

/**
 * Online multiplicative seasonal baseline of a count per bucket: level × hour-of-day factor ×
 * day-of-week factor, with negative-binomial over-dispersion, Huber-clipped updates and a surprise
 * statistic on the Anscombe scale. O(1) per bucket, 36 doubles of state.
 *
 * <p>Not thread-safe; owned by one cell.
 */
final class SeasonalBaseline {
  static final int HOURS = 24;
  static final int DAYS = 7;
  private static final double HUBER = 3.0;
  private static final double MAX_PHI = 4.0;

  private final double[] hour = new double[HOURS];
  private final double[] day = new double[DAYS];
  private final int[] hourSeen = new int[HOURS];
  private final int[] daySeen = new int[DAYS];
  private double level;
  private double phi;
  private double excessVar;
  private double meanSq;
  private double slowLevel;
  private long updates;
  private long firstBucket = Long.MIN_VALUE;
  private long lastBucket = Long.MIN_VALUE;

  SeasonalBaseline() {
    java.util.Arrays.fill(hour, 1.0);
    java.util.Arrays.fill(day, 1.0);
  }

  /** Starts this baseline as a scaled copy of {@code other} (a new cell borrows from the brand total). */
  void borrowFrom(SeasonalBaseline other, double scale) {
    System.arraycopy(other.hour, 0, hour, 0, HOURS);
    System.arraycopy(other.day, 0, day, 0, DAYS);
    level = other.level * scale;
    slowLevel = other.slowLevel * scale;
    phi = other.phi;
    excessVar = other.excessVar;
    meanSq = other.meanSq;
  }

  /** Expected count for a bucket in the given slot. */
  double expected(int hourOfDay, int dayOfWeek) {
    return level * hour[hourOfDay] * day[dayOfWeek];
  }

  /** Over-dispersion: variance = mu + phi * mu^2. */
  double dispersion() {
    return phi;
  }

  /** The short-memory level over the long-memory one: above 1 when the normal is creeping up. */
  double drift() {
    return slowLevel > 0 ? level / slowLevel : 1.0;
  }

  long updates() {
    return updates;
  }

  /** Days of history seen, from the first to the last bucket learned. */
  double historyDays(long bucketMillis) {
    if (firstBucket == Long.MIN_VALUE) {
      return 0;
    }
    return (lastBucket - firstBucket + 1) * (double) bucketMillis / 86_400_000d;
  }

  /**
   * Surprise of {@code x} against {@code mu} on the Anscombe (variance-stabilised) scale: about
   * standard normal for Poisson or negative-binomial counts, positive when above normal.
   */
  double z(double x, double mu) {
    double m = Math.max(mu, 0.05);
    return 2.0 * (Math.sqrt(Math.max(x, 0) + 0.375) - Math.sqrt(m + 0.375)) / Math.sqrt(1.0 + phi * m);
  }

  /** Surprise of a sum {@code x} over {@code n} buckets against its expected sum {@code mu}. */
  double zWindow(double x, double mu, int n) {
    double m = Math.max(mu, 0.05);
    return 2.0 * (Math.sqrt(Math.max(x, 0) + 0.375) - Math.sqrt(m + 0.375)) / Math.sqrt(1.0 + phi * m / n);
  }

  /**
   * Learns one bucket.
   *
   * @param x the observed count
   * @param alphaLevel, gammaSeason, betaDispersion, alphaSlow smoothing weights for this bucket
   */
  void learn(double x, int hourOfDay, int dayOfWeek, long bucketIndex,
      double alphaLevel, double gammaSeason, double betaDispersion, double alphaSlow) {
    if (firstBucket == Long.MIN_VALUE) {
      firstBucket = bucketIndex;
    }
    lastBucket = Math.max(lastBucket, bucketIndex);
    updates++;
    double s = hour[hourOfDay] * day[dayOfWeek];
    double mu = level * s;
    double xc = x;
    if (updates > 12 && mu > 0) {
      double sd = Math.sqrt(mu + phi * mu * mu + 0.25);
      xc = Math.max(mu - HUBER * sd, Math.min(mu + HUBER * sd, x));
    }
    // level
    double a = Math.max(alphaLevel, 1.0 / updates);
    level += a * (xc / s - level);
    if (level < 1e-6) {
      level = 1e-6;
    }
    // seasonal factors (first observations of a slot learn fast)
    int hs = ++hourSeen[hourOfDay];
    double gh = Math.max(gammaSeason, 1.0 / (hs + 1));
    double targetH = xc / (level * day[dayOfWeek]);
    hour[hourOfDay] = clampFactor(hour[hourOfDay] + gh * (targetH - hour[hourOfDay]));
    int ds = ++daySeen[dayOfWeek];
    double gd = Math.max(gammaSeason / HOURS, 1.0 / (ds + 1)) * 0.5;
    if (ds > 12 * HOURS) {
      double targetD = xc / (level * hour[hourOfDay]);
      day[dayOfWeek] = clampFactor(day[dayOfWeek] + gd * (targetD - day[dayOfWeek]));
    }
    // over-dispersion from the clipped residual
    // phi = E[r^2 - mu] / E[mu^2], a ratio of averages: stable even when counts are small
    if (mu > 0 && updates > 12) {
      double r = xc - mu;
      double b = Math.max(betaDispersion, 1.0 / (updates - 12));
      excessVar += b * (r * r - mu - excessVar);
      meanSq += b * (mu * mu - meanSq);
      phi = meanSq > 0 ? Math.max(0, Math.min(MAX_PHI, excessVar / meanSq)) : 0;
    }
    slowLevel += Math.max(alphaSlow, 1.0 / updates) * (xc / s - slowLevel);
  }

  private static double clampFactor(double f) {
    return Math.max(0.02, Math.min(50, f));
  }
}
