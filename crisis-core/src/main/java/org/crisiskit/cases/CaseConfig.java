package org.crisiskit.cases;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link CaseService}. Immutable; start from {@link #ofDefaults()} or {@link #custom()}.
 *
 * <ul>
 *   <li>{@code groupingWindow} (default 24 h): a mention joins an open case of the same author whose
 *       newest mention is at most this far away in time, even in another conversation.
 *   <li>{@code publicOutcomeRequired} (default true): a resolved case may not close straight from
 *       {@code RESOLVED}; it publishes its outcome first, or is followed up privately first (the
 *       route left when the network allows no public reply to the customer).
 *   <li>{@code firstResponseTarget} (default 60 min): the first-response deadline set when a
 *       complaint or question opens a case.
 * </ul>
 */
public final class CaseConfig {
  private static final CaseConfig DEFAULTS = custom().build();

  private final Duration groupingWindow;
  private final boolean publicOutcomeRequired;
  private final Duration firstResponseTarget;

  private CaseConfig(Builder b) {
    this.groupingWindow = b.groupingWindow;
    this.publicOutcomeRequired = b.publicOutcomeRequired;
    this.firstResponseTarget = b.firstResponseTarget;
  }

  /** The defaults listed above. */
  public static CaseConfig ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from {@code base}. */
  public static Builder from(CaseConfig base) {
    return new Builder()
        .groupingWindow(base.groupingWindow)
        .publicOutcomeRequired(base.publicOutcomeRequired)
        .firstResponseTarget(base.firstResponseTarget);
  }

  public Duration groupingWindow() {
    return groupingWindow;
  }

  public boolean publicOutcomeRequired() {
    return publicOutcomeRequired;
  }

  public Duration firstResponseTarget() {
    return firstResponseTarget;
  }

  @Override
  public String toString() {
    return "CaseConfig{groupingWindow=" + groupingWindow + ", publicOutcomeRequired="
        + publicOutcomeRequired + ", firstResponseTarget=" + firstResponseTarget + "}";
  }

  /** Builds {@link CaseConfig}. Not thread-safe. */
  public static final class Builder {
    private Duration groupingWindow = Duration.ofHours(24);
    private boolean publicOutcomeRequired = true;
    private Duration firstResponseTarget = Duration.ofMinutes(60);

    private Builder() {}

    /** Sets the grouping window; must be positive. */
    public Builder groupingWindow(Duration window) {
      Objects.requireNonNull(window, "groupingWindow");
      checkArgument(!window.isNegative() && !window.isZero(), "groupingWindow must be > 0 but was %s", window);
      this.groupingWindow = window;
      return this;
    }

    /** Sets whether a public outcome is required before closing a resolved case. */
    public Builder publicOutcomeRequired(boolean required) {
      this.publicOutcomeRequired = required;
      return this;
    }

    /** Sets the first-response target; must be positive. */
    public Builder firstResponseTarget(Duration target) {
      Objects.requireNonNull(target, "firstResponseTarget");
      checkArgument(!target.isNegative() && !target.isZero(), "firstResponseTarget must be > 0 but was %s", target);
      this.firstResponseTarget = target;
      return this;
    }

    public CaseConfig build() {
      return new CaseConfig(this);
    }
  }
}
