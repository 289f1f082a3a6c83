package org.crisiskit.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A filter over cases for {@link CaseService#cases(CaseQuery)}. Immutable; build with
 * {@link #newBuilder()}. An empty query matches every case.
 */
public final class CaseQuery {
  private final Set<CaseState> states;
  private final String department;
  private final Instant openedBefore;
  private final Instant openedAfter;

  private CaseQuery(Builder b) {
    this.states = b.states.isEmpty() ? Set.of() : Set.copyOf(b.states);
    this.department = b.department;
    this.openedBefore = b.openedBefore;
    this.openedAfter = b.openedAfter;
  }

  /** A builder that matches everything until narrowed. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Every case that is not closed. */
  public static CaseQuery open() {
    return newBuilder().states(EnumSet.complementOf(EnumSet.of(CaseState.CLOSED))).build();
  }

  /** The states matched; empty means all. */
  public Set<CaseState> states() {
    return states;
  }

  /** The department matched, if narrowed. */
  public Optional<String> department() {
    return Optional.ofNullable(department);
  }

  /** Matches cases opened strictly before this instant (older than an age), if set. */
  public Optional<Instant> openedBefore() {
    return Optional.ofNullable(openedBefore);
  }

  /** Matches cases opened at or after this instant, if set. */
  public Optional<Instant> openedAfter() {
    return Optional.ofNullable(openedAfter);
  }

  /** True when {@code c} passes every filter. */
  public boolean matches(CrisisCase c) {
    return (states.isEmpty() || states.contains(c.state()))
        && (department == null || department.equals(c.department().orElse(null)))
        && (openedBefore == null || c.openedAt().isBefore(openedBefore))
        && (openedAfter == null || !c.openedAt().isBefore(openedAfter));
  }

  /** Builds {@link CaseQuery}. Not thread-safe. */
  public static final class Builder {
    private Set<CaseState> states = EnumSet.noneOf(CaseState.class);
    private String department;
    private Instant openedBefore;
    private Instant openedAfter;

    private Builder() {}

    /** Matches only these states. */
    public Builder states(Set<CaseState> states) {
      this.states = EnumSet.noneOf(CaseState.class);
      this.states.addAll(states);
      return this;
    }

    /** Matches only this state. */
    public Builder state(CaseState state) {
      return states(EnumSet.of(state));
    }

    /** Matches only cases of this department. */
    public Builder department(String department) {
      this.department = Objects.requireNonNull(department, "department");
      return this;
    }

    /** Matches cases opened before {@code instant}, that is older than a given age. */
    public Builder openedBefore(Instant instant) {
      this.openedBefore = Objects.requireNonNull(instant, "openedBefore");
      return this;
    }

    /** Matches cases opened at or after {@code instant}. */
    public Builder openedAfter(Instant instant) {
      this.openedAfter = Objects.requireNonNull(instant, "openedAfter");
      return this;
    }

    public CaseQuery build() {
      return new CaseQuery(this);
    }
  }
}
