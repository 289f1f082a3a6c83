package org.crisiskit.playbook;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Flag;
import org.crisiskit.classify.Intent;

/**
 * The condition of a playbook rule. Every part that is set must hold; an empty set or an absent
 * bound matches anything, so {@link #any()} matches every mention. Topics and flags match when the
 * mention has <em>at least one</em> of those listed.
 *
 * <p>JSON form ({@code when} of a route or escalation): {@code {"topic": "delivery"} } or
 * {@code "topics": [...]}, {@code "intent"/"intents"}, {@code "severity"} (minimum: low, normal, high,
 * critical), {@code "lang"/"langs"}, {@code "minFollowers"}, {@code "flag"/"flags"},
 * {@code "crisisSeverity"} (minimum, 0–10), {@code "verified"}.
 *
 * @param topics any of these topics; empty for any
 * @param intents one of these intents; empty for any
 * @param minSeverity at least this case severity
 * @param langs one of these languages; empty for any
 * @param minFollowers the author has at least this many followers (0 for any)
 * @param flags any of these flags; empty for any
 * @param minCrisisSeverity at least this crisis severity (0 for any)
 * @param verified the author's verified state, if it matters
 */
public record When(
    Set<String> topics,
    Set<Intent> intents,
    Optional<Severity> minSeverity,
    Set<String> langs,
    long minFollowers,
    Set<Flag> flags,
    int minCrisisSeverity,
    Optional<Boolean> verified) {
  private static final When ANY = new When(Set.of(), Set.of(), Optional.empty(), Set.of(), 0, Set.of(), 0,
      Optional.empty());

  public When {
    topics = Set.copyOf(topics);
    intents = intents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(intents));
    Objects.requireNonNull(minSeverity, "minSeverity");
    langs = Set.copyOf(langs);
    flags = Set.copyOf(flags);
    Objects.requireNonNull(verified, "verified");
    if (minFollowers < 0) {
      throw new IllegalArgumentException("minFollowers must be >= 0 but was " + minFollowers);
    }
    if (minCrisisSeverity < 0 || minCrisisSeverity > 10) {
      throw new IllegalArgumentException("minCrisisSeverity must be in [0, 10] but was " + minCrisisSeverity);
    }
  }

  /** The condition that always holds. */
  public static When any() {
    return ANY;
  }

  /** This condition, also requiring one of {@code topics}. */
  public When topic(String... more) {
    Set<String> s = plus(topics, more);
    return new When(s, intents, minSeverity, langs, minFollowers, flags, minCrisisSeverity, verified);
  }

  /** This condition, also requiring one of {@code more} intents. */
  public When intent(Intent... more) {
    Set<Intent> s = plus(intents, more);
    return new When(topics, s, minSeverity, langs, minFollowers, flags, minCrisisSeverity, verified);
  }

  /** This condition, also requiring at least {@code severity}. */
  public When severityAtLeast(Severity severity) {
    return new When(topics, intents, Optional.of(severity), langs, minFollowers, flags, minCrisisSeverity, verified);
  }

  /** This condition, also requiring one of {@code more} languages. */
  public When lang(String... more) {
    Set<String> s = plus(langs, more);
    return new When(topics, intents, minSeverity, s, minFollowers, flags, minCrisisSeverity, verified);
  }

  /** This condition, also requiring an author with at least {@code n} followers. */
  public When followersAtLeast(long n) {
    return new When(topics, intents, minSeverity, langs, n, flags, minCrisisSeverity, verified);
  }

  /** This condition, also requiring one of {@code more} flags. */
  public When flag(Flag... more) {
    Set<Flag> s = plus(flags, more);
    return new When(topics, intents, minSeverity, langs, minFollowers, s, minCrisisSeverity, verified);
  }

  /** This condition, also requiring a crisis severity of at least {@code n}. */
  public When crisisSeverityAtLeast(int n) {
    return new When(topics, intents, minSeverity, langs, minFollowers, flags, n, verified);
  }

  /** This condition, also requiring the author's verified state to be {@code v}. */
  public When verified(boolean v) {
    return new When(topics, intents, minSeverity, langs, minFollowers, flags, minCrisisSeverity, Optional.of(v));
  }

  /** True when {@code in} satisfies every part of this condition. */
  public boolean matches(TriageInput in) {
    var c = in.classification();
    if (!topics.isEmpty() && c.topics().stream().noneMatch(topics::contains)) {
      return false;
    }
    if (!intents.isEmpty() && !intents.contains(c.intent())) {
      return false;
    }
    if (minSeverity.isPresent() && in.severity().compareTo(minSeverity.get()) < 0) {
      return false;
    }
    if (!langs.isEmpty() && !langs.contains(in.lang())) {
      return false;
    }
    if (in.mention().author().followers() < minFollowers) {
      return false;
    }
    if (!flags.isEmpty() && c.flags().stream().noneMatch(flags::contains)) {
      return false;
    }
    if (in.crisisSeverity() < minCrisisSeverity) {
      return false;
    }
    return verified.map(v -> v == in.mention().author().verified()).orElse(true);
  }

  /** {@code base} and then {@code more}, in order, without repeats (a value named twice counts once). */
  @SafeVarargs
  private static <T> Set<T> plus(Set<T> base, T... more) {
    Set<T> s = new LinkedHashSet<>(base);
    s.addAll(List.of(more));
    return s;
  }
}
