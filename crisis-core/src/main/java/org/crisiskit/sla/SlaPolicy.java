package org.crisiskit.sla;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Intent;

/**
 * Response-time targets per intent and severity, coverage targets, warning threshold and business
 * hours. Defaults ({@link #ofDefaults()}):
 *
 * <ul>
 *   <li>first public response: complaints and questions 60 min (high severity 30 min, critical 15
 *       min), praise 24 h;
 *   <li>move private: complaints 2 h; resolution: complaints and questions 24 h (high 8 h, critical
 *       4 h); follow-up 48 h after resolution;
 *   <li>coverage over a 7-day window: 100% of complaints and at least 70% of questions answered;
 *   <li>warning at 75% of each clock's time; business hours: always.
 * </ul>
 *
 * <p>Immutable and thread-safe; build with {@link #custom()} or {@link #from(SlaPolicy)}.
 */
public final class SlaPolicy {
  private static final SlaPolicy DEFAULTS = custom().build();

  private final Map<SlaKind, Map<String, Duration>> targets;
  private final Map<Intent, Double> coverage;
  private final Duration coverageWindow;
  private final Duration followUpDelay;
  private final double warnAt;
  private final BusinessHours hours;

  private SlaPolicy(Builder b) {
    Map<SlaKind, Map<String, Duration>> t = new EnumMap<>(SlaKind.class);
    b.targets.forEach((k, v) -> t.put(k, Map.copyOf(v)));
    this.targets = t;
    this.coverage = Map.copyOf(b.coverage);
    this.coverageWindow = b.coverageWindow;
    this.followUpDelay = b.followUpDelay;
    this.warnAt = b.warnAt;
    this.hours = b.hours;
  }

  /** The defaults listed in the class comment. */
  public static SlaPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** A builder with the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from {@code base}. */
  public static Builder from(SlaPolicy base) {
    Builder b = new Builder();
    b.targets.clear();
    base.targets.forEach((k, v) -> b.targets.put(k, new HashMap<>(v)));
    b.coverage.clear();
    b.coverage.putAll(base.coverage);
    b.coverageWindow = base.coverageWindow;
    b.followUpDelay = base.followUpDelay;
    b.warnAt = base.warnAt;
    b.hours = base.hours;
    return b;
  }

  /**
   * The target of clock {@code kind} for a case of this intent and severity: the intent-and-severity
   * target if set, else the intent's; empty when the clock does not run for such cases. For
   * {@link SlaKind#FOLLOW_UP} it is the follow-up delay for every intent that has a resolution target.
   */
  public Optional<Duration> target(SlaKind kind, Intent intent, Severity severity) {
    if (kind == SlaKind.FOLLOW_UP) {
      return target(SlaKind.RESOLUTION, intent, severity).map(x -> followUpDelay);
    }
    Map<String, Duration> m = targets.getOrDefault(kind, Map.of());
    Duration d = m.get(key(intent, severity));
    return Optional.ofNullable(d != null ? d : m.get(key(intent, null)));
  }

  /** The share of cases of {@code intent} that must be answered, if there is a target. */
  public Optional<Double> coverageTarget(Intent intent) {
    return Optional.ofNullable(coverage.get(intent));
  }

  /** The window coverage is measured over. */
  public Duration coverageWindow() {
    return coverageWindow;
  }

  /** How long after resolution the follow-up is due. */
  public Duration followUpDelay() {
    return followUpDelay;
  }

  /** The fraction of a clock's time after which a warning is raised, in (0, 1). */
  public double warnAt() {
    return warnAt;
  }

  /** The hours deadlines are counted in. */
  public BusinessHours businessHours() {
    return hours;
  }

  static String key(Intent intent, Severity severity) {
    return intent.jsonName() + (severity == null ? "" : "/" + severity.jsonName());
  }

  /** Builds an {@link SlaPolicy}. Not thread-safe. */
  public static final class Builder {
    private final Map<SlaKind, Map<String, Duration>> targets = new EnumMap<>(SlaKind.class);
    private final Map<Intent, Double> coverage = new EnumMap<>(Intent.class);
    private Duration coverageWindow = Duration.ofDays(7);
    private Duration followUpDelay = Duration.ofHours(48);
    private double warnAt = 0.75;
    private BusinessHours hours = BusinessHours.always();

    private Builder() {
      target(SlaKind.FIRST_RESPONSE, Intent.COMPLAINT, Duration.ofMinutes(60));
      target(SlaKind.FIRST_RESPONSE, Intent.QUESTION, Duration.ofMinutes(60));
      target(SlaKind.FIRST_RESPONSE, Intent.PRAISE, Duration.ofHours(24));
      for (Intent i : new Intent[] {Intent.COMPLAINT, Intent.QUESTION}) {
        target(SlaKind.FIRST_RESPONSE, i, Severity.HIGH, Duration.ofMinutes(30));
        target(SlaKind.FIRST_RESPONSE, i, Severity.CRITICAL, Duration.ofMinutes(15));
        target(SlaKind.RESOLUTION, i, Duration.ofHours(24));
        target(SlaKind.RESOLUTION, i, Severity.HIGH, Duration.ofHours(8));
        target(SlaKind.RESOLUTION, i, Severity.CRITICAL, Duration.ofHours(4));
      }
      target(SlaKind.MOVE_PRIVATE, Intent.COMPLAINT, Duration.ofHours(2));
      coverage.put(Intent.COMPLAINT, 1.0);
      coverage.put(Intent.QUESTION, 0.7);
    }

    /** Sets the target of a clock for an intent, any severity. */
    public Builder target(SlaKind kind, Intent intent, Duration d) {
      return put(kind, key(intent, null), d);
    }

    /** Sets the target of a clock for an intent at one severity. */
    public Builder target(SlaKind kind, Intent intent, Severity severity, Duration d) {
      return put(kind, key(intent, Objects.requireNonNull(severity, "severity")), d);
    }

    /** Removes every target of a clock for an intent, so the clock does not run for it. */
    public Builder noTarget(SlaKind kind, Intent intent) {
      targets.getOrDefault(kind, new HashMap<>()).keySet().removeIf(k -> k.equals(key(intent, null))
          || k.startsWith(intent.jsonName() + "/"));
      return this;
    }

    private Builder put(SlaKind kind, String key, Duration d) {
      if (kind == SlaKind.FOLLOW_UP) {
        throw new IllegalArgumentException("set the follow-up with followUpDelay(Duration)");
      }
      Objects.requireNonNull(d, "duration");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(kind.jsonName() + " target for " + key + " must be > 0 but was " + d);
      }
      targets.computeIfAbsent(kind, k -> new HashMap<>()).put(key, d);
      return this;
    }

    /** The share in [0, 1] of cases of {@code intent} that must be answered over the window. */
    public Builder coverage(Intent intent, double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("coverage must be in [0, 1] but was " + share);
      }
      coverage.put(intent, share);
      return this;
    }

    /** Sets the window coverage is measured over. */
    public Builder coverageWindow(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("coverageWindow must be > 0 but was " + d);
      }
      this.coverageWindow = d;
      return this;
    }

    /** Sets how long after resolution the follow-up is due. */
    public Builder followUpDelay(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("followUpDelay must be > 0 but was " + d);
      }
      this.followUpDelay = d;
      return this;
    }

    /** Warn when this fraction of a clock's time has passed; in (0, 1), default 0.75. */
    public Builder warnAt(double fraction) {
      if (!(fraction > 0 && fraction < 1)) {
        throw new IllegalArgumentException("warnAt must be in (0, 1) but was " + fraction);
      }
      this.warnAt = fraction;
      return this;
    }

    /** Sets the hours deadlines are counted in. */
    public Builder businessHours(BusinessHours h) {
      this.hours = Objects.requireNonNull(h, "businessHours");
      return this;
    }

    /** Returns the policy. */
    public SlaPolicy build() {
      return new SlaPolicy(this);
    }
  }
}
