package org.crisiskit.classify;

/**
 * What the tokenizer made of recently seen words, keyed by their exact characters: the normalized
 * form, the character counts, the token flags and the lexicon entry and hash. Words repeat a lot in
 * mentions, and a hit replaces folding, hashing and the lexicon look-ups (with their spelling
 * variants) by one comparison and one copy. A hit gives exactly what reading the word again would
 * give, so the cache changes no result. Direct-mapped; one per thread and {@link Lexicon}
 * ({@link Lexicon#words}), so it holds no reference to the lexicon. Not thread-safe.
 */
final class WordCache {
  /**
   * 2,048 slots (192 KB per thread and lexicon: 128 KB of characters for words that cannot be
   * packed, 64 KB of packed words and fields). They keep about 60% of the words of 4,096 real
   * tweets (with the second chance of {@link #USED}); 8,192 slots keep about 70% but were only
   * 1-5% faster, for 640 KB more in every thread that classifies (a helpdesk may run hundreds), so
   * the smaller cache stays.
   */
  static final int BITS = 11;
  static final int SLOTS = 1 << BITS;
  /** Longer words are not cached. */
  static final int MAX_LEN = 16;
  /** Per slot: the raw characters, then the normalized ones (only for words that cannot be {@link #pack}ed). */
  static final int STRIDE = 2 * MAX_LEN;
  /** Words of up to this many characters below U+0100 are keyed by their {@link #pack}ed characters. */
  static final int PACK_LEN = 8;

  final char[] data = new char[SLOTS * STRIDE];
  /**
   * Per slot, side by side (half a cache line): the word's packed raw characters (0 for a word kept
   * in {@link #data}); the packed fields — entry + 1 (24 bits), raw length, normalized length,
   * letters, upper-case letters, Spanish marks and token flags; 0 marks an empty slot —; the token's
   * hash; and the packed normalized characters of a packed word. Most words of a tweet are short
   * and Latin-1: for them one comparison of longs replaces comparing characters, and a hit reads
   * one cache line.
   */
  final long[] meta = new long[META * SLOTS];
  static final int META = 4;

  static int slot(long rawHash) {
    return (int) ((rawHash * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
  }

  /**
   * The characters of {@code t[s..e)}, one byte each, first character highest, if there are at
   * most {@link #PACK_LEN} and all are below U+0100; else 0. Never 0 for such a word, as a word
   * holds no character U+0000, so equal keys mean equal words.
   */
  static long pack(char[] t, int s, int e) {
    if (e - s > PACK_LEN) {
      return 0;
    }
    long k = 0;
    int any = 0;
    for (int i = s; i < e; i++) {
      char c = t[i];
      any |= c;
      k = k << 8 | c;
    }
    return any < 0x100 ? k : 0;
  }

  boolean sameRaw(int at, char[] t, int s, int e) {
    char[] d = data;
    for (int i = s; i < e; i++) {
      if (d[at++] != t[i]) {
        return false;
      }
    }
    return true;
  }

  /** Remembers a word; {@code key} is its {@link #pack}ed characters, or 0 to keep them in {@link #data}. */
  void put(int slot, long key, char[] t, int s, int e, char[] folded, int fs, int foldLen, int letters,
      int uppers, int esMarks, int flags, int entry, int stops, long h) {
    int b = META * slot;
    long old = meta[b + 1];
    if ((old & USED) != 0) {
      // the word there was read again since it came or since the last miss: it stays this time
      meta[b + 1] = old & ~USED;
      return;
    }
    long f = 0;
    if (key != 0 && foldLen > 0) {
      // a packed word's normalized form is no longer and folds Latin-1 into Latin-1, but check
      f = pack(folded, fs, fs + foldLen);
      if (f == 0) {
        return;
      }
      f <<= 8 * (PACK_LEN - foldLen); // first character in the highest byte: see RuleEngine.piece
    } else if (key == 0) {
      int at = slot * STRIDE;
      System.arraycopy(t, s, data, at, e - s);
      System.arraycopy(folded, fs, data, at + MAX_LEN, foldLen);
    }
    meta[b] = key;
    meta[b + 1] = (entry + 1L) | (long) (e - s) << RAW_LEN | (long) foldLen << FOLD_LEN
        | (long) letters << LETTERS | (long) uppers << UPPERS | (long) esMarks << ES_MARKS
        | (long) (flags & 0xff) << FLAGS | (long) stops << STOPS;
    meta[b + 2] = h;
    meta[b + 3] = f;
  }

  /**
   * Set in a slot's packed fields when the word is read again: a miss then spares the word once
   * (second chance). Frequent words survive the rare ones passing through their slot, which keeps
   * more of a tweet's words cached than replacing on every miss.
   */
  static final long USED = 1L << 62;

  /** Marks a hit on the slot ({@link #USED}), writing only when the mark is not there yet. */
  void used(int slot, long m) {
    if ((m & USED) == 0) {
      meta[META * slot + 1] = m | USED;
    }
  }

  // where put() packs each field in a slot's meta[1]: entry + 1 in the low 24 bits, then 5-bit counts,
  // 8 bits of token flags, 2 stop-word bits, and USED at bit 62
  private static final int RAW_LEN = 24;
  private static final int FOLD_LEN = 29;
  private static final int LETTERS = 34;
  private static final int UPPERS = 39;
  private static final int ES_MARKS = 44;
  private static final int FLAGS = 49;
  private static final int STOPS = 57;

  static int entry(long meta) {
    return (int) (meta & 0xffffff) - 1;
  }

  static int rawLen(long meta) {
    return (int) (meta >>> RAW_LEN) & 31;
  }

  static int foldLen(long meta) {
    return (int) (meta >>> FOLD_LEN) & 31;
  }

  static int letters(long meta) {
    return (int) (meta >>> LETTERS) & 31;
  }

  static int uppers(long meta) {
    return (int) (meta >>> UPPERS) & 31;
  }

  static int esMarks(long meta) {
    return (int) (meta >>> ES_MARKS) & 31;
  }

  private static final int STOP_SHIFT = Integer.numberOfTrailingZeros(Lexicon.STOP_EN);

  static {
    if (Lexicon.STOP_ES != Lexicon.STOP_EN << 1) {
      throw new AssertionError("stop-word bits must be adjacent");
    }
  }

  /** The stop-word bits of an entry's kinds, as {@link #put} takes them. */
  static int stops(int kinds) {
    return kinds >>> STOP_SHIFT & 3;
  }

  /** 1 if the word is an English stop word, else 0. */
  static int stopEn(long meta) {
    return (int) (meta >>> STOPS) & 1;
  }

  static int stopEs(long meta) {
    return (int) (meta >>> STOPS + 1) & 1;
  }

  static int flags(long meta) {
    return (int) (meta >>> FLAGS) & 0xff;
  }
}
