package org.crisiskit.simulate;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate: seed, start, length, brand and volume. Defaults: seed 42, four weeks from Monday
 * 2026-03-02T00:00Z, brand {@code brisa}, 40 ordinary mentions an hour at the daily peak.
 * Immutable and thread-safe; build with {@link #custom()} or take {@link #ofDefaults()}.
 */
public final class SimulationConfig {
  private static final SimulationConfig DEFAULTS = custom().build();

  private final long seed;
  private final Instant start;
  private final int weeks;
  private final String brand;
  private final double peakPerHour;

  private SimulationConfig(Builder b) {
    this.seed = b.seed;
    this.start = b.start;
    this.weeks = b.weeks;
    this.brand = b.brand;
    this.peakPerHour = b.peakPerHour;
  }

  public static SimulationConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder custom() {
    return new Builder();
  }

  public static Builder from(SimulationConfig base) {
    Builder b = new Builder();
    b.seed = base.seed;
    b.start = base.start;
    b.weeks = base.weeks;
    b.brand = base.brand;
    b.peakPerHour = base.peakPerHour;
    return b;
  }

  /** Random seed: the same seed gives the same stream, byte for byte. */
  public long seed() {
    return seed;
  }

  /** First instant of the stream (events are placed relative to it, Monday 00:00 is best). */
  public Instant start() {
    return start;
  }

  /** Length in weeks (2 to 12); four weeks hold every kind of injected event. */
  public int weeks() {
    return weeks;
  }

  /** The fictitious brand's handle, without {@code @}. */
  public String brand() {
    return brand;
  }

  /** Ordinary mentions per hour at the busiest hour of a weekday. */
  public double peakPerHour() {
    return peakPerHour;
  }

  /** Builds {@link SimulationConfig}s. Not thread-safe. */
  public static final class Builder {
    private long seed = 42;
    private Instant start = Instant.parse("2026-03-02T00:00:00Z");
    private int weeks = 4;
    private String brand = "brisa";
    private double peakPerHour = 40;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    public Builder weeks(int weeks) {
      checkArgument(weeks >= 2 && weeks <= 12, "weeks must be in [2, 12] but was %s", weeks);
      this.weeks = weeks;
      return this;
    }

    public Builder brand(String brand) {
      Objects.requireNonNull(brand, "brand");
      checkArgument(brand.matches("[A-Za-z0-9_]{1,15}"), "brand must be a handle of 1-15 letters, digits or _ but was '%s'", brand);
      this.brand = brand;
      return this;
    }

    public Builder peakPerHour(double v) {
      checkArgument(v >= 1 && v <= 10_000, "peakPerHour must be in [1, 10000] but was %s", v);
      this.peakPerHour = v;
      return this;
    }

    public SimulationConfig build() {
      return new SimulationConfig(this);
    }
  }
}
