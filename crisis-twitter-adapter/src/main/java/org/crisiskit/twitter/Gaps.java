package org.crisiskit.twitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Post ids a poll has not read yet below its checkpoint: disjoint open intervals {@code (lo, hi)},
 * newest first, kept in the checkpoint store as {@code lo-hi,lo-hi} ({@code *-hi} when the bottom
 * is only bounded by X's search window). Immutable.
 */
final class Gaps {
  /** Most gaps kept; beyond it the oldest is given up (only under a sustained overload). */
  static final int MAX = 100;
  static final Gaps NONE = new Gaps(List.of());

  /** The ids strictly between {@code lo} and {@code hi}; an empty {@code lo} means "as far back as X keeps". */
  record Gap(Optional<String> lo, String hi) {
    boolean contains(String id) {
      return PostParser.compareIds(id, hi) < 0
          && (lo.isEmpty() || PostParser.compareIds(id, lo.get()) > 0);
    }

    @Override
    public String toString() {
      return lo.orElse("*") + "-" + hi;
    }
  }

  private final List<Gap> gaps;

  private Gaps(List<Gap> gaps) {
    List<Gap> sorted = new ArrayList<>(gaps);
    sorted.sort(Comparator.comparing(Gap::hi, PostParser::compareIds).reversed());
    this.gaps = List.copyOf(sorted);
  }

  /**
   * Parses the stored form.
   *
   * @throws IllegalStateException naming {@code key} when {@code value} is not {@code lo-hi,...}
   *     with ids of 1 to 19 digits ({@code *} for an open bottom) and {@code lo < hi}
   */
  static Gaps parse(String key, String value) {
    if (value.isBlank()) {
      return NONE;
    }
    List<Gap> out = new ArrayList<>();
    for (String part : value.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-');
      String lo = dash < 0 ? "" : p.substring(0, dash);
      String hi = dash < 0 ? "" : p.substring(dash + 1);
      if (!PostParser.isId(hi) || !(lo.equals("*") || PostParser.isId(lo))
          || !lo.equals("*") && PostParser.compareIds(lo, hi) >= 0) {
        throw new IllegalStateException("checkpoint " + key + " has '" + p + "' but each gap must be"
            + " lo-hi with post ids lo < hi (or *-hi), separated by commas");
      }
      out.add(new Gap(lo.equals("*") ? Optional.empty() : Optional.of(lo), hi));
    }
    return new Gaps(out);
  }

  /** The stored form; empty when there is no gap. */
  String format() {
    StringBuilder sb = new StringBuilder();
    for (Gap g : gaps) {
      sb.append(sb.length() == 0 ? "" : ",").append(g);
    }
    return sb.toString();
  }

  /**
   * Drops gaps reaching above {@code checkpoint}: a poll persists its gap before its first delivery
   * moves the checkpoint up to the gap's top, so such a gap is still covered by the checkpoint.
   */
  Gaps below(Optional<String> checkpoint) {
    if (checkpoint.isEmpty()) {
      return NONE;
    }
    List<Gap> keep = new ArrayList<>(gaps);
    keep.removeIf(g -> PostParser.compareIds(g.hi(), checkpoint.get()) > 0);
    return keep.size() == gaps.size() ? this : new Gaps(keep);
  }

  /** Replaces {@code old} (when present) by {@code pieces}. */
  Gaps replace(Optional<Gap> old, List<Gap> pieces) {
    List<Gap> next = new ArrayList<>(gaps);
    old.ifPresent(next::remove);
    next.addAll(pieces);
    return new Gaps(next);
  }

  /** The gaps beyond {@link #MAX}, oldest first. */
  List<Gap> excess() {
    return gaps.size() <= MAX ? List.of() : List.copyOf(gaps.subList(MAX, gaps.size()));
  }

  /** These gaps without {@link #excess()}. */
  Gaps trimmed() {
    return gaps.size() <= MAX ? this : new Gaps(gaps.subList(0, MAX));
  }

  Optional<Gap> newest() {
    return gaps.isEmpty() ? Optional.empty() : Optional.of(gaps.get(0));
  }

  Optional<Gap> containing(String id) {
    return gaps.stream().filter(g -> g.contains(id)).findFirst();
  }

  boolean isEmpty() {
    return gaps.isEmpty();
  }

  int size() {
    return gaps.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Gaps && ((Gaps) o).gaps.equals(gaps);
  }

  @Override
  public int hashCode() {
    return gaps.hashCode();
  }

  @Override
  public String toString() {
    return format();
  }
}
