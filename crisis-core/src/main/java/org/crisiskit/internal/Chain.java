package org.crisiskit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable list that grows at the end in O(1) by sharing everything before: each snapshot of a
 * case adds one event without copying its history. {@link #toList()} materializes it once per node.
 * Thread-safe. Not published API.
 *
 * @param <T> element type
 */
public final class Chain<T> {
  private final T last;
  private final Chain<T> before;
  private final int size;
  private volatile List<T> list;

  private Chain(T last, Chain<T> before) {
    this.last = Objects.requireNonNull(last, "element");
    this.before = before;
    this.size = before == null ? 1 : before.size + 1;
  }

  /** A chain of one element. */
  public static <T> Chain<T> of(T first) {
    return new Chain<>(first, null);
  }

  /** This chain with {@code next} added at the end; this chain is unchanged. */
  public Chain<T> plus(T next) {
    return new Chain<>(next, this);
  }

  /** Number of elements. */
  public int size() {
    return size;
  }

  /** The last element added. */
  public T last() {
    return last;
  }

  /** The elements in the order they were added, as an unmodifiable list. */
  public List<T> toList() {
    List<T> l = list;
    if (l != null) {
      return l;
    }
    // walk back to the newest materialized prefix (iteratively: chains can be long)
    ArrayList<T> newest = new ArrayList<>();
    List<T> prefix = List.of();
    for (Chain<T> c = this; c != null; c = c.before) {
      List<T> cached = c.list;
      if (cached != null) {
        prefix = cached;
        break;
      }
      newest.add(c.last);
    }
    ArrayList<T> out = new ArrayList<>(size);
    out.addAll(prefix);
    for (int i = newest.size() - 1; i >= 0; i--) {
      out.add(newest.get(i));
    }
    l = Collections.unmodifiableList(out);
    list = l;
    return l;
  }
}
