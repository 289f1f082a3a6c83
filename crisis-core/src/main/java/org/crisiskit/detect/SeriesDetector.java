package org.crisiskit.detect;

import java.time.Instant;
import java.util.Objects;

/**
 * The volume-only detector: scores a regularly sampled count series (for example mentions per
 * 5 minutes) against its own online seasonal baseline, one point at a time.
 *
 * <pre>{@code
 * SeriesDetector d = SeriesDetector.create(DetectorConfig.ofDefaults());
 * SeriesScore s = d.observe(Instant.parse("2015-03-01T10:05:00Z"), 42);
 * if (s.alert()) { ... }
 * }</pre>
 *
 * <p>The sampling step is taken from the timestamps themselves, so half-lives are in real time
 * whatever the step. A point whose timestamp is not after the previous one (out of order or
 * duplicate) is scored against the current baseline (its surprise, CUSUM and score are what they
 * would be were it the next point) but not learnt: it changes no state and never alerts. A point more than
 * {@link DetectorConfig#maxForwardJump()} after the previous one is held: it scores 0 and is not
 * learnt until the next point confirms the jump (it too is that far ahead, within that of the held
 * one: a real gap in the data; both are learnt then, in time order); when the next point is back
 * near the present, the held one is dropped and counted in {@link #futureDropped()}, so one wrongly
 * dated row does not end detection. Only excess volume alerts;
 * a drop (silence) is watched by {@link CrisisDetector}. Not thread-safe: feed it from one thread.
 */
public final class SeriesDetector {
  static final double CUSUM_CAP = 1.5;
  private final DetectorConfig config;
  private final SeasonalBaseline baseline = new SeasonalBaseline();
  private final SlotClock slots;
  private long firstMillis = Long.MIN_VALUE;
  private long lastMillis = Long.MIN_VALUE;
  private long stepMillis;
  private double cusum;
  private double peak;
  private double peakDecay = 1.0;
  private boolean open;
  private long openSince;
  private long lastAlert = Long.MIN_VALUE;
  private long futureDropped;
  /** {@link DetectorConfig#maxForwardJump()} in milliseconds. */
  private final long jump;
  /** A point far ahead of the previous one, waiting for the next one: {timestamp, value}, or null. */
  private Instant heldTime;
  private double heldValue;

  private SeriesDetector(DetectorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.jump = config.maxForwardJump().toMillis();
    this.slots = new SlotClock(config.zone());
    this.stepMillis = config.bucket().toMillis();
  }

  /** Returns a detector with the given configuration. */
  public static SeriesDetector create(DetectorConfig config) {
    return new SeriesDetector(config);
  }

  /** Points dropped for being more than {@link DetectorConfig#maxForwardJump()} ahead (see above). */
  public long futureDropped() {
    return futureDropped;
  }

  /**
   * Scores one point and learns it.
   *
   * @param timestamp when the bucket starts
   * @param value the count (negative values are treated as 0)
   */
  public SeriesScore observe(Instant timestamp, double value) {
    Objects.requireNonNull(timestamp, "timestamp");
    long t = timestamp.toEpochMilli();
    if (lastMillis != Long.MIN_VALUE && t - lastMillis > jump) {
      if (heldTime == null || Math.abs(t - heldTime.toEpochMilli()) > jump) {
        if (heldTime != null) {
          futureDropped++;
        }
        heldTime = timestamp;
        heldValue = value;
        return new SeriesScore(timestamp, value, 0, 0, cusum, 0, false);
      }
      // confirmed: a real gap in the data; the held point is learnt first when it is the earlier one
      Instant h = heldTime;
      heldTime = null;
      if (h.toEpochMilli() < t) {
        score(h, heldValue);
      } else {
        SeriesScore s = score(timestamp, value);
        score(h, heldValue);
        return s;
      }
    } else if (heldTime != null) {
      futureDropped++;
      heldTime = null;
    }
    return score(timestamp, value);
  }

  private SeriesScore score(Instant timestamp, double value) {
    long t = timestamp.toEpochMilli();
    double x = Double.isFinite(value) ? Math.max(0, value) : 0;
    boolean inOrder = lastMillis == Long.MIN_VALUE || t > lastMillis;
    if (firstMillis == Long.MIN_VALUE) {
      firstMillis = t;
    } else if (inOrder) {
      stepMillis = Math.min(t - lastMillis, 86_400_000L);
      peakDecay = Math.pow(0.5, stepMillis / (double) config.surpriseMemory().toMillis());
    }
    int hour = slots.hourOfDay(t);
    int day = slots.dayOfWeek(t);
    double mu = baseline.expected(hour, day);
    boolean warm = t - firstMillis >= config.warmup().toMillis();
    double z = baseline.updates() == 0 ? 0 : baseline.z(x, mu);
    boolean alert = false;
    double score = 0;
    double c = cusum;
    double strength = 0;
    if (warm) {
      // capped so that the statistic falls back within a few buckets once the anomaly is over
      c = Math.min(CUSUM_CAP * config.volumeThreshold(),
          Math.max(0, cusum + Math.min(z, config.zCap()) - config.volumeSlack()));
      // the bar rises with the surprises seen in the past days (a series that spikes often needs a
      // bigger spike to be anomalous) and decays back to the configured thresholds
      double bar = Math.max(1.0, config.surpriseMemoryFraction() * peak);
      strength = Math.max(c / config.volumeThreshold(), Math.max(z, 0) / config.volumeSpikeThreshold()) / bar;
      score = strength / (1 + strength);
    }
    if (warm && inOrder) {
      cusum = c;
      peak = Math.max(peak * peakDecay, Math.max(z, 0) / config.volumeSpikeThreshold());
      boolean fire = strength >= 1.0;
      if (fire && !open) {
        // a new anomaly: alert unless one was raised within the suppression period
        open = true;
        openSince = t;
        if (lastAlert == Long.MIN_VALUE || t - lastAlert >= config.alertSuppression().toMillis()) {
          alert = true;
          lastAlert = t;
        }
      } else if (open && cusum == 0) {
        open = false;
      }
    }
    if (inOrder) {
      boolean frozen = open && t - openSince < config.maxBaselineFreeze().toMillis();
      if (!frozen) {
        baseline.learn(x, hour, day, t / Math.max(1, stepMillis),
            DetectorConfig.weight(config.levelHalfLife(), stepMillis),
            DetectorConfig.weight(config.seasonHalfLife(), stepMillis) * SeasonalBaseline.HOURS,
            DetectorConfig.weight(config.dispersionHalfLife(), stepMillis),
            DetectorConfig.weight(config.seasonHalfLife(), stepMillis));
      }
      lastMillis = t;
    }
    // an out-of-order point is scored as if it came next (its CUSUM and score), but nothing is kept
    return new SeriesScore(timestamp, value, mu, z, c, score, alert);
  }
}
