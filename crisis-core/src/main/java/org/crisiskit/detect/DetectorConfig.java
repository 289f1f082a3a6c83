package org.crisiskit.detect;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Every tunable of the crisis detector, with defaults a brand can use unchanged.
 *
 * <p>Build with {@link #custom()}, start from the defaults with {@link #ofDefaults()} or from another
 * configuration with {@link #from(DetectorConfig)}. Immutable and thread-safe.
 *
 * <p>Defaults and what they mean:
 * <ul>
 *   <li>{@code bucket} 5 min: width of a time bucket; mentions are counted per bucket by their
 *       timestamp.
 *   <li>{@code zone} UTC: the zone whose hour of day and day of week define the seasonal slots.
 *   <li>{@code levelHalfLife} 1 day: how fast the baseline level follows a lasting change.
 *   <li>{@code seasonHalfLife} 7 days: how fast the hour-of-day profile is learnt.
 *   <li>{@code dispersionHalfLife} 3 days: memory of the over-dispersion estimate.
 *   <li>{@code warmup} 1 day: no alert before this much history (the baseline is still learning).
 *   <li>{@code cusumSlack} 0.5 and {@code cusumThreshold} 6: one-sided CUSUM on the standardised
 *       surprise {@code z} of each cell (about N(0,1) on normal buckets):
 *       {@code C = max(0, C + min(z, zCap) - slack)}, fires when {@code C >= threshold}. Siegmund's
 *       approximation gives an average run length of about 2,600 buckets (9 days at 5 min) between
 *       firings of one in-control cell; a step of +1 sd fires after about 12 buckets on average, +2 sd
 *       after about 5. A firing cell alone is at most a WATCH: escalating needs a material excess
 *       ({@code minLift}) and a higher negative share as well.
 *   <li>{@code zCap} 6: the largest surprise one bucket adds to a CUSUM.
 *   <li>{@code spikeThreshold} 7.5: a single bucket this many sd above normal fires at once.
 *   <li>{@code windowThreshold} 3.5: the sum of the last hour this many sd above its expectation fires
 *       (catches a moderate lift on low counts faster than the CUSUM).
 *   <li>{@code volumeSlack} 3.0, {@code volumeThreshold} 18 and {@code volumeSpikeThreshold} 10: the
 *       CUSUM and spike test of the volume-only mode ({@link SeriesDetector}); the brand total of
 *       {@link CrisisDetector} uses {@code volumeSpikeThreshold} for its bucket and hour tests. Total
 *       volume is bursty (news, launches, campaigns), so only large excesses count, and on its own total
 *       volume only makes a WATCH.
 *   <li>{@code surpriseMemory} 21 days and {@code surpriseMemoryFraction} 0.7: a total-volume anomaly
 *       must also reach 70% of the largest surprise seen recently (that peak decays with a half-life
 *       of 21 days), so a series that spikes often needs a bigger spike to be anomalous.
 *   <li>{@code alertSuppression} 1 day: in the volume-only mode, a new alert is not raised until this
 *       long after the previous one, so one anomaly gives one alert ({@link CrisisDetector} merges
 *       anomalies into incidents instead).
 *   <li>{@code maxBaselineFreeze} 12 h: the baseline is frozen while an anomaly is open so a crisis
 *       does not become the new normal, but for at most this long (then a lasting change is learnt).
 *   <li>{@code influenceCap} 6.0: a negative mention's reach weight is
 *       {@code min(log10(1 + followers), cap) / cap}, in [0, 1]: an account with a million followers
 *       counts as one mention, one with ten followers as a sixth, so no account can dominate.
 *   <li>{@code minNegativeShareLift} 1.5 and {@code minNegativeShareIncrease} 0.10: an excess of
 *       negative mentions escalates past WATCH only when the negative share of the recent hour is at
 *       least 1.5 times and 10 points above normal (a launch surge is not a crisis).
 *   <li>{@code driftRatio} 2.0: a slow burn is a department whose level learnt with
 *       {@code levelHalfLife} is at least twice its level learnt with {@code seasonHalfLife}; with a
 *       higher negative share it makes an ALERT.
 *   <li>{@code spreadDepartments} 2: this many abnormal topics (departments) at once make a CRISIS.
 *   <li>{@code viralAmplificationPerMinute} 5: reposts plus quotes per minute of a negative post that
 *       make it viral.
 *   <li>{@code silenceThreshold} 12 and {@code silenceRatio} 0.25: silence is a lower CUSUM (same
 *       slack) on total volume of at least 12 and the last hour at or below 25% of its expectation
 *       (itself at least 12 mentions).
 *   <li>{@code minLift} 1.5: an excess of negatives counts only when the last hour holds at least 1.5
 *       times the expected number (and at least 5), so small statistical excesses stay invisible.
 *   <li>{@code coolingAfter} 30 min, {@code closeAfter} 3 h: an incident with no firing signal for
 *       30 min is COOLING and is CLOSED after 3 h; anything firing before that merges into it.
 *   <li>{@code notifyMinInterval} 15 min: severity-only changes are notified at most this often (state
 *       changes always are).
 *   <li>{@code maxCells} 256: topics beyond this many are pooled into the brand total only.
 *   <li>{@code dedupeCapacity} 100,000: how many recent mention ids are remembered to drop duplicates.
 *   <li>{@code allowedLateness} 1 h: a mention older than the open bucket but within this is counted
 *       in the open bucket; older ones are dropped and counted in {@code lateDropped}.
 *   <li>{@code maxForwardJump} 3 days: a mention (or series point) more than this far ahead of the
 *       detector's time is held, not acted on. If the next one is back near the present, the held one
 *       is dropped and counted in {@code futureDropped} (one wrongly dated mention, say a device whose
 *       clock says 2036, does not end detection); if the next one confirms the jump (it too is this
 *       far ahead and within this of the held one), time moves there (a genuine gap in the data). A
 *       gap shorter than this always moves time at once. {@link CrisisDetector#advanceTo} settles a
 *       held mention: counted if within this of the new time, dropped otherwise.
 * </ul>
 */
public final class DetectorConfig {
  private static final DetectorConfig DEFAULTS = custom().build();

  private final Duration bucket;
  private final ZoneId zone;
  private final Duration levelHalfLife;
  private final Duration seasonHalfLife;
  private final Duration dispersionHalfLife;
  private final Duration warmup;
  private final double cusumSlack;
  private final double cusumThreshold;
  private final double zCap;
  private final double spikeThreshold;
  private final double windowThreshold;
  private final Duration alertSuppression;
  private final double volumeSlack;
  private final double volumeThreshold;
  private final double volumeSpikeThreshold;
  private final Duration surpriseMemory;
  private final double surpriseMemoryFraction;
  private final Duration maxBaselineFreeze;
  private final double influenceCap;
  private final double minNegativeShareLift;
  private final double minNegativeShareIncrease;
  private final int spreadDepartments;
  private final double viralAmplificationPerMinute;
  private final double silenceThreshold;
  private final double silenceRatio;
  private final double minLift;
  private final double driftRatio;
  private final Duration coolingAfter;
  private final Duration closeAfter;
  private final Duration notifyMinInterval;
  private final int maxCells;
  private final int dedupeCapacity;
  private final Duration allowedLateness;
  private final Duration maxForwardJump;

  private DetectorConfig(Builder b) {
    this.bucket = b.bucket;
    this.zone = b.zone;
    this.levelHalfLife = b.levelHalfLife;
    this.seasonHalfLife = b.seasonHalfLife;
    this.dispersionHalfLife = b.dispersionHalfLife;
    this.warmup = b.warmup;
    this.cusumSlack = b.cusumSlack;
    this.cusumThreshold = b.cusumThreshold;
    this.zCap = b.zCap;
    this.spikeThreshold = b.spikeThreshold;
    this.windowThreshold = b.windowThreshold;
    this.alertSuppression = b.alertSuppression;
    this.volumeSlack = b.volumeSlack;
    this.volumeThreshold = b.volumeThreshold;
    this.volumeSpikeThreshold = b.volumeSpikeThreshold;
    this.surpriseMemory = b.surpriseMemory;
    this.surpriseMemoryFraction = b.surpriseMemoryFraction;
    this.maxBaselineFreeze = b.maxBaselineFreeze;
    this.influenceCap = b.influenceCap;
    this.minNegativeShareLift = b.minNegativeShareLift;
    this.minNegativeShareIncrease = b.minNegativeShareIncrease;
    this.spreadDepartments = b.spreadDepartments;
    this.viralAmplificationPerMinute = b.viralAmplificationPerMinute;
    this.silenceThreshold = b.silenceThreshold;
    this.silenceRatio = b.silenceRatio;
    this.minLift = b.minLift;
    this.driftRatio = b.driftRatio;
    this.coolingAfter = b.coolingAfter;
    this.closeAfter = b.closeAfter;
    this.notifyMinInterval = b.notifyMinInterval;
    this.maxCells = b.maxCells;
    this.dedupeCapacity = b.dedupeCapacity;
    this.allowedLateness = b.allowedLateness;
    this.maxForwardJump = b.maxForwardJump;
  }

  /** The defaults described above. */
  public static DetectorConfig ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from {@code base}. */
  public static Builder from(DetectorConfig base) {
    return new Builder(base);
  }

  public Duration bucket() {
    return bucket;
  }

  public ZoneId zone() {
    return zone;
  }

  public Duration levelHalfLife() {
    return levelHalfLife;
  }

  public Duration seasonHalfLife() {
    return seasonHalfLife;
  }

  public Duration dispersionHalfLife() {
    return dispersionHalfLife;
  }

  public Duration warmup() {
    return warmup;
  }

  public double cusumSlack() {
    return cusumSlack;
  }

  public double cusumThreshold() {
    return cusumThreshold;
  }

  /** Largest per-bucket surprise added to the CUSUM (so one freak bucket cannot carry it alone). */
  public double zCap() {
    return zCap;
  }

  public double spikeThreshold() {
    return spikeThreshold;
  }

  /** Surprise of the last hour's sum (about N(0,1) when normal) that fires on its own. */
  public double windowThreshold() {
    return windowThreshold;
  }

  public Duration alertSuppression() {
    return alertSuppression;
  }

  public double volumeSlack() {
    return volumeSlack;
  }

  public double volumeThreshold() {
    return volumeThreshold;
  }

  public double volumeSpikeThreshold() {
    return volumeSpikeThreshold;
  }

  public Duration surpriseMemory() {
    return surpriseMemory;
  }

  public double surpriseMemoryFraction() {
    return surpriseMemoryFraction;
  }

  public Duration maxBaselineFreeze() {
    return maxBaselineFreeze;
  }

  public double influenceCap() {
    return influenceCap;
  }

  public double minNegativeShareLift() {
    return minNegativeShareLift;
  }

  public double minNegativeShareIncrease() {
    return minNegativeShareIncrease;
  }

  public int spreadDepartments() {
    return spreadDepartments;
  }

  public double viralAmplificationPerMinute() {
    return viralAmplificationPerMinute;
  }

  public double silenceThreshold() {
    return silenceThreshold;
  }

  /** Total volume of the last hour at or below this fraction of normal is needed to call silence. */
  public double silenceRatio() {
    return silenceRatio;
  }

  /** Negative volume of the last hour must be at least this multiple of normal to count as excess. */
  public double minLift() {
    return minLift;
  }

  /** A department whose one-day level reaches this multiple of its one-week level is a slow burn. */
  public double driftRatio() {
    return driftRatio;
  }

  public Duration coolingAfter() {
    return coolingAfter;
  }

  public Duration closeAfter() {
    return closeAfter;
  }

  public Duration notifyMinInterval() {
    return notifyMinInterval;
  }

  public int maxCells() {
    return maxCells;
  }

  public int dedupeCapacity() {
    return dedupeCapacity;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }

  /** How far ahead of the detector's time a mention or point may be before it is held (see above). */
  public Duration maxForwardJump() {
    return maxForwardJump;
  }

  /** Smoothing weight per step of {@code step} for a half-life. */
  static double weight(Duration halfLife, long stepMillis) {
    return 1.0 - Math.pow(0.5, (double) stepMillis / halfLife.toMillis());
  }

  @Override
  public String toString() {
    return "DetectorConfig{bucket=" + bucket + ", zone=" + zone + ", cusum=" + cusumSlack + "/" + cusumThreshold
        + ", spike=" + spikeThreshold + ", suppression=" + alertSuppression + "}";
  }

  /** Builds {@link DetectorConfig}s; every setter validates its value and names it on failure. Not thread-safe. */
  public static final class Builder {
    private Duration bucket = Duration.ofMinutes(5);
    private ZoneId zone = ZoneOffset.UTC;
    private Duration levelHalfLife = Duration.ofDays(1);
    private Duration seasonHalfLife = Duration.ofDays(7);
    private Duration dispersionHalfLife = Duration.ofDays(3);
    private Duration warmup = Duration.ofDays(1);
    private double cusumSlack = 0.5;
    private double cusumThreshold = 6.0;
    private double zCap = 6.0;
    private double spikeThreshold = 7.5;
    private double windowThreshold = 3.5;
    private Duration alertSuppression = Duration.ofDays(1);
    private double volumeSlack = 3.0;
    private double volumeThreshold = 18.0;
    private double volumeSpikeThreshold = 10.0;
    private Duration surpriseMemory = Duration.ofDays(21);
    private double surpriseMemoryFraction = 0.7;
    private Duration maxBaselineFreeze = Duration.ofHours(12);
    private double influenceCap = 6.0;
    private double minNegativeShareLift = 1.5;
    private double minNegativeShareIncrease = 0.10;
    private int spreadDepartments = 2;
    private double viralAmplificationPerMinute = 5;
    private double silenceThreshold = 12.0;
    private double silenceRatio = 0.25;
    private double minLift = 1.5;
    private double driftRatio = 2.0;
    private Duration coolingAfter = Duration.ofMinutes(30);
    private Duration closeAfter = Duration.ofHours(3);
    private Duration notifyMinInterval = Duration.ofMinutes(15);
    private int maxCells = 256;
    private int dedupeCapacity = 100_000;
    private Duration allowedLateness = Duration.ofHours(1);
    private Duration maxForwardJump = Duration.ofDays(3);

    private Builder() {}

    private Builder(DetectorConfig c) {
      bucket = c.bucket;
      zone = c.zone;
      levelHalfLife = c.levelHalfLife;
      seasonHalfLife = c.seasonHalfLife;
      dispersionHalfLife = c.dispersionHalfLife;
      warmup = c.warmup;
      cusumSlack = c.cusumSlack;
      cusumThreshold = c.cusumThreshold;
      zCap = c.zCap;
      spikeThreshold = c.spikeThreshold;
      windowThreshold = c.windowThreshold;
      alertSuppression = c.alertSuppression;
      volumeSlack = c.volumeSlack;
      volumeThreshold = c.volumeThreshold;
      volumeSpikeThreshold = c.volumeSpikeThreshold;
      surpriseMemory = c.surpriseMemory;
      surpriseMemoryFraction = c.surpriseMemoryFraction;
      maxBaselineFreeze = c.maxBaselineFreeze;
      influenceCap = c.influenceCap;
      minNegativeShareLift = c.minNegativeShareLift;
      minNegativeShareIncrease = c.minNegativeShareIncrease;
      spreadDepartments = c.spreadDepartments;
      viralAmplificationPerMinute = c.viralAmplificationPerMinute;
      silenceThreshold = c.silenceThreshold;
      silenceRatio = c.silenceRatio;
      minLift = c.minLift;
      driftRatio = c.driftRatio;
      coolingAfter = c.coolingAfter;
      closeAfter = c.closeAfter;
      notifyMinInterval = c.notifyMinInterval;
      maxCells = c.maxCells;
      dedupeCapacity = c.dedupeCapacity;
      allowedLateness = c.allowedLateness;
      maxForwardJump = c.maxForwardJump;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      checkArgument(!d.isNegative() && !d.isZero(), "%s must be > 0 but was %s", name, d);
      return d;
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      checkArgument(!d.isNegative(), "%s must be >= 0 but was %s", name, d);
      return d;
    }

    private static double positive(double v, String name) {
      checkArgument(v > 0 && Double.isFinite(v), "%s must be a finite number > 0 but was %s", name, v);
      return v;
    }

    public Builder bucket(Duration bucket) {
      this.bucket = positive(bucket, "bucket");
      checkArgument(bucket.toMillis() >= 1000, "bucket must be at least 1s but was %s", bucket);
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    public Builder levelHalfLife(Duration d) {
      this.levelHalfLife = positive(d, "levelHalfLife");
      return this;
    }

    public Builder seasonHalfLife(Duration d) {
      this.seasonHalfLife = positive(d, "seasonHalfLife");
      return this;
    }

    public Builder dispersionHalfLife(Duration d) {
      this.dispersionHalfLife = positive(d, "dispersionHalfLife");
      return this;
    }

    public Builder warmup(Duration d) {
      this.warmup = nonNegative(d, "warmup");
      return this;
    }

    public Builder cusumSlack(double v) {
      checkArgument(v >= 0 && Double.isFinite(v), "cusumSlack must be >= 0 but was %s", v);
      this.cusumSlack = v;
      return this;
    }

    public Builder cusumThreshold(double v) {
      this.cusumThreshold = positive(v, "cusumThreshold");
      return this;
    }

    public Builder zCap(double v) {
      this.zCap = positive(v, "zCap");
      return this;
    }

    public Builder spikeThreshold(double v) {
      this.spikeThreshold = positive(v, "spikeThreshold");
      return this;
    }

    public Builder windowThreshold(double v) {
      this.windowThreshold = positive(v, "windowThreshold");
      return this;
    }

    public Builder alertSuppression(Duration d) {
      this.alertSuppression = nonNegative(d, "alertSuppression");
      return this;
    }

    public Builder volumeSlack(double v) {
      checkArgument(v >= 0 && Double.isFinite(v), "volumeSlack must be >= 0 but was %s", v);
      this.volumeSlack = v;
      return this;
    }

    public Builder volumeThreshold(double v) {
      this.volumeThreshold = positive(v, "volumeThreshold");
      return this;
    }

    public Builder volumeSpikeThreshold(double v) {
      this.volumeSpikeThreshold = positive(v, "volumeSpikeThreshold");
      return this;
    }

    public Builder surpriseMemory(Duration d) {
      this.surpriseMemory = positive(d, "surpriseMemory");
      return this;
    }

    public Builder surpriseMemoryFraction(double v) {
      checkArgument(v >= 0 && v <= 1, "surpriseMemoryFraction must be in [0, 1] but was %s", v);
      this.surpriseMemoryFraction = v;
      return this;
    }

    public Builder maxBaselineFreeze(Duration d) {
      this.maxBaselineFreeze = nonNegative(d, "maxBaselineFreeze");
      return this;
    }

    public Builder influenceCap(double v) {
      this.influenceCap = positive(v, "influenceCap");
      return this;
    }

    public Builder minNegativeShareLift(double v) {
      checkArgument(v >= 1 && Double.isFinite(v), "minNegativeShareLift must be >= 1 but was %s", v);
      this.minNegativeShareLift = v;
      return this;
    }

    public Builder minNegativeShareIncrease(double v) {
      checkArgument(v >= 0 && v <= 1, "minNegativeShareIncrease must be in [0, 1] but was %s", v);
      this.minNegativeShareIncrease = v;
      return this;
    }

    public Builder spreadDepartments(int v) {
      checkArgument(v >= 1, "spreadDepartments must be >= 1 but was %s", v);
      this.spreadDepartments = v;
      return this;
    }

    public Builder viralAmplificationPerMinute(double v) {
      this.viralAmplificationPerMinute = positive(v, "viralAmplificationPerMinute");
      return this;
    }

    public Builder silenceThreshold(double v) {
      this.silenceThreshold = positive(v, "silenceThreshold");
      return this;
    }

    public Builder silenceRatio(double v) {
      checkArgument(v > 0 && v < 1, "silenceRatio must be in (0, 1) but was %s", v);
      this.silenceRatio = v;
      return this;
    }

    public Builder minLift(double v) {
      checkArgument(v >= 1 && Double.isFinite(v), "minLift must be >= 1 but was %s", v);
      this.minLift = v;
      return this;
    }

    public Builder driftRatio(double v) {
      checkArgument(v > 1 && Double.isFinite(v), "driftRatio must be > 1 but was %s", v);
      this.driftRatio = v;
      return this;
    }

    public Builder coolingAfter(Duration d) {
      this.coolingAfter = positive(d, "coolingAfter");
      return this;
    }

    public Builder closeAfter(Duration d) {
      this.closeAfter = positive(d, "closeAfter");
      return this;
    }

    public Builder notifyMinInterval(Duration d) {
      this.notifyMinInterval = nonNegative(d, "notifyMinInterval");
      return this;
    }

    public Builder maxCells(int v) {
      checkArgument(v >= 1 && v <= 100_000, "maxCells must be in [1, 100000] but was %s", v);
      this.maxCells = v;
      return this;
    }

    public Builder dedupeCapacity(int v) {
      checkArgument(v >= 0, "dedupeCapacity must be >= 0 but was %s", v);
      this.dedupeCapacity = v;
      return this;
    }

    public Builder allowedLateness(Duration d) {
      this.allowedLateness = nonNegative(d, "allowedLateness");
      return this;
    }

    public Builder maxForwardJump(Duration d) {
      this.maxForwardJump = positive(d, "maxForwardJump");
      return this;
    }

    public DetectorConfig build() {
      return new DetectorConfig(this);
    }
  }
}
