package org.crisiskit.classify;

/**
 * Open-addressing map from 64-bit hashes to small int values (below 2^24), read-only after
 * building. Each slot is one long: the hash's upper 40 bits and the value, so a look-up touches one
 * cache line. Two hashes that share their upper 40 bits are the same key (for the few tens of
 * thousands of entries held, a false match has a probability near 10^-8 per look-up).
 */
final class LongIntMap {
  private static final long VALUE_MASK = (1L << 24) - 1;
  private static final int FILTER_BITS = 18;
  /** One bit per key (by its top bits): most absent keys are answered from this 32 KB, not the table. */
  private final long[] filter = new long[(1 << FILTER_BITS) / 64];
  private long[] slots;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    slots = new long[cap];
    mask = cap - 1;
  }

  private static long keyBits(long key) {
    long k = key & ~VALUE_MASK;
    return k == 0 ? 1L << 24 : k;
  }

  private int start(long key) {
    return (int) (key ^ (key >>> 29)) & mask;
  }

  int get(long key) {
    int b = (int) (key >>> (64 - FILTER_BITS));
    if ((filter[b >>> 6] & (1L << b)) == 0) {
      return -1;
    }
    long k = keyBits(key);
    int i = start(k);
    while (true) {
      long s = slots[i];
      if (s == 0) {
        return -1;
      }
      if ((s & ~VALUE_MASK) == k) {
        return (int) (s & VALUE_MASK) - 1;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, int value) {
    if (value < 0 || value >= VALUE_MASK) {
      throw new IllegalArgumentException("value out of range: " + value);
    }
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    int b = (int) (key >>> (64 - FILTER_BITS));
    filter[b >>> 6] |= 1L << b;
    long k = keyBits(key);
    int i = start(k);
    while (slots[i] != 0 && (slots[i] & ~VALUE_MASK) != k) {
      i = (i + 1) & mask;
    }
    if (slots[i] == 0) {
      size++;
    }
    slots[i] = k | (value + 1);
  }

  /** Replaces every value {@code v} by {@code newValue[v]} (same range), keeping the keys. */
  void renumber(int[] newValue) {
    for (int i = 0; i < slots.length; i++) {
      long s = slots[i];
      if (s != 0) {
        slots[i] = (s & ~VALUE_MASK) | (newValue[(int) (s & VALUE_MASK) - 1] + 1);
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = slots.length - 1;
    size = 0;
    for (long s : old) {
      if (s != 0) {
        put(s & ~VALUE_MASK, (int) (s & VALUE_MASK) - 1);
      }
    }
  }
}
