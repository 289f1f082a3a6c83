package org.crisiskit.classify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the tokenizer made of recently seen words, keyed by their exact characters: the normalized
 * form, the character counts, the token flags and the lexicon entry and hash. Words repeat a lot in
 * mentions, and a hit replaces folding, hashing and the lexicon look-ups (with their spelling
 * variants) by one comparison and one copy. A hit gives exactly what reading the word again would
 * give, so the cache changes no result. One per {@link Lexicon} ({@link Lexicon#words}), shared by
 * every thread that classifies with it; it holds no reference to the lexicon.
 *
 * <p>Two tables: one for words {@link #pack}ed into a {@code long} (most words of a tweet: up to
 * eight characters below U+0100), and one for words kept as characters (longer, or with a character
 * from U+0100 on), both in buckets of four slots. On a miss a word takes the first slot of its
 * bucket and the words there move one slot on (the one in the last slot drops out). A hit writes
 * nothing, so threads that read the same words share the cache lines without bouncing them.
 *
 * <p>Thread-safe and lock-free: each bucket has a version (a seqlock). A writer takes the bucket by
 * moving its even version to the odd one after it ({@link #VERSION} compare-and-set), writes the
 * fields, then publishes the next even version (release); a writer that finds the bucket taken skips
 * caching the word. A reader reads the version (acquire), the fields with plain reads, then, after
 * an acquire fence, the version again: an odd or changed version means a writer was there, and the
 * reader reads the word itself, as on a miss. Readers check what they read before using it (see
 * {@link RuleEngine}), so a torn read costs a miss, never a wrong token. Versions only grow, so a
 * bucket rewritten while a reader looked at it is always noticed.
 */
final class WordCache {
  /**
   * Buckets of packed words: 2^13 of four slots ({@value #META} longs a bucket, 1 MB, plus
   * {@link #normal}'s 256 KB). With {@link #CHAR_SLOTS}: 2 MB per lexicon, whatever the number of
   * threads. On the 4,096 real tweets of {@code ClassifierBenchmark} ({@code scripts/bench-corpus.py};
   * about 13,200 distinct packed words), once warm, they miss about 1,000 words a pass (the test-source
   * tool {@code WordCacheMisses} prints the count); one slot for each of 2^15 buckets (1.25 MB) missed
   * about 5,300, two for each of 2^14 about 2,600 (the same tool with those layouts). Misses cost far
   * more than the second cache line of a bucket: in {@code ClassifierBenchmark.ruleEngine} the four
   * slots of 2^13 buckets ran faster than the two of 2^14 or 2^13 buckets, and the one of 2^15.
   */
  static final int BUCKET_BITS = 13;
  static final int BUCKETS = 1 << BUCKET_BITS;
  /** Slots of packed words: four a bucket. */
  static final int SLOTS = 4 * BUCKETS;
  /**
   * Buckets of words kept as characters: 2^11 of four slots ({@value #META} longs a bucket and
   * {@value #STRIDE} characters a slot: 768 KB). Such words are about one in twenty of a tweet's
   * words. On the benchmark's tweets (about 2,600 distinct such words) they miss about 100 words a
   * pass once warm ({@code WordCacheMisses}), where one slot for each of 2^13 buckets missed about 650.
   */
  static final int CHAR_BUCKET_BITS = 11;
  /** Slots of words kept as characters: four a bucket. */
  static final int CHAR_SLOTS = 4 << CHAR_BUCKET_BITS;
  /** Longer words are not cached. */
  static final int MAX_LEN = 16;
  /** Per slot of {@link #data}: the raw characters, then the normalized ones. */
  static final int STRIDE = 2 * MAX_LEN;
  /** Words of up to this many characters below U+0100 are keyed by their {@link #pack}ed characters. */
  static final int PACK_LEN = 8;

  /**
   * Per bucket of packed words, two cache lines when the buckets start on a line ({@link #OFFSET}):
   * the version and slots 0 and 1, then slots 2 and 3. A slot is three longs at {@link #WAY_0} ..
   * {@link #WAY_3} from the bucket's {@link #base}: the word's packed raw characters (0 for an empty
   * slot), the packed fields — entry + 1 (24 bits), raw length, normalized length, letters, upper-case
   * letters, Spanish marks, token flags and stop-word bits — and the token's hash. A look-up compares
   * the four keys at once (two adjacent lines, read in parallel) and picks the slot without a branch.
   */
  final long[] meta = new long[OFFSET + META * BUCKETS];
  static final int META = 16;
  static final int WAY_0 = 1;
  static final int WAY_1 = 4;
  static final int WAY_2 = 8;
  static final int WAY_3 = 11;
  private static final int[] WAYS = {WAY_0, WAY_1, WAY_2, WAY_3};
  /**
   * Where bucket 0 of {@link #meta} starts: an array this large is placed at the start of a heap
   * region (G1's humongous objects), so its elements start 16 bytes (the header) into a 64-byte cache
   * line, and six longs in they start a line. Elsewhere the buckets' lines are split differently;
   * results do not depend on it.
   */
  static final int OFFSET = 6;
  /**
   * Per slot of packed words (slot {@code w} of bucket {@code k}: {@code 4k + w}): the packed
   * normalized characters, first character highest. Kept apart because only an analysis that keeps
   * the tokens' characters ({@link Analysis#keepChars}) reads them; written and read under the
   * bucket's version like the other fields.
   */
  final long[] normal = new long[SLOTS];

  /**
   * Per bucket of words kept as characters, laid out as {@link #meta}'s buckets: the version, then per
   * slot the word's {@link Text#rawHash(char[], int, int)}, the packed fields (0: empty) and the hash.
   */
  final long[] charMeta = new long[OFFSET + META * (CHAR_SLOTS / 4)];
  /**
   * The characters of the words of {@link #charMeta}, {@link #STRIDE} per slot (slot {@code w} of
   * bucket {@code k}: {@code 4k + w}).
   */
  final char[] data = new char[CHAR_SLOTS * STRIDE];

  /**
   * Reads and writes the version of a bucket: element {@link #base}{@code (bucket)} of {@link #meta}
   * or {@link #charMeta}.
   */
  static final VarHandle VERSION = MethodHandles.arrayElementVarHandle(long[].class);

  /** The first element of bucket {@code bucket} of {@link #meta} or {@link #charMeta}: its version. */
  static int base(int bucket) {
    return OFFSET + META * bucket;
  }

  /**
   * The slot ({@link #WAY_0} .. {@link #WAY_3}) of the bucket at element {@code b} of {@code m} whose
   * first long is {@code key}; if none is, a slot whose first long is not {@code key}. Picked without
   * a branch: the slot a word is in follows no pattern a branch predictor could learn.
   */
  static int way(long[] m, int b, long key) {
    int way = m[b + WAY_3] == key ? WAY_3 : WAY_2;
    way = m[b + WAY_1] == key ? WAY_1 : way;
    return m[b + WAY_0] == key ? WAY_0 : way;
  }

  /** The index 0 .. 3 within its bucket of the slot at {@code way} ({@link #WAY_0} .. {@link #WAY_3}). */
  static int index(int way) {
    return way / 3; // 1, 4, 8, 11 -> 0, 1, 2, 3
  }

  /** Moves slots 0 .. 2 of the bucket at element {@code b} of {@code m} one slot on (slot 3 drops out). */
  private static void shift(long[] m, int b) {
    System.arraycopy(m, b + WAY_2, m, b + WAY_3, 3);
    System.arraycopy(m, b + WAY_1, m, b + WAY_2, 3);
    System.arraycopy(m, b + WAY_0, m, b + WAY_1, 3);
  }

  /** The bucket of a word in {@link #meta}, from its {@link #pack}ed characters. */
  static int bucket(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - BUCKET_BITS));
  }

  /** The bucket of a word in {@link #charMeta}, from its {@link Text#rawHash(char[], int, int)}. */
  static int charBucket(long rawHash) {
    return (int) (rawHash >>> (64 - CHAR_BUCKET_BITS));
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

  /** The version at element {@code v} of {@code m} (a bucket's {@link #base}), read before the bucket's fields. */
  static long begin(long[] m, int v) {
    return (long) VERSION.getAcquire(m, v);
  }

  /**
   * True if element {@code v} of {@code m} still has the even version {@code version} that
   * {@link #begin} gave: then the fields read since are one writer's, whole.
   */
  static boolean valid(long[] m, int v, long version) {
    VarHandle.acquireFence(); // the fields are read before the version is read again
    return (version & 1) == 0 && (long) VERSION.getOpaque(m, v) == version;
  }

  /** Takes the bucket at element {@code v} of {@code m} for writing: its odd version, or -1 if another writer has it. */
  private static long take(long[] m, int v) {
    long version = (long) VERSION.getOpaque(m, v);
    if ((version & 1) != 0 || !VERSION.compareAndSet(m, v, version, version + 1)) {
      return -1;
    }
    VarHandle.releaseFence(); // a reader that sees a field written next sees the odd version too
    return version + 1;
  }

  /** Publishes the fields written into the bucket at element {@code v} of {@code m} since {@link #take}. */
  private static void release(long[] m, int v, long odd) {
    VERSION.setRelease(m, v, odd + 1);
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

  /**
   * Remembers a word; {@code key} is its {@link #pack}ed characters and {@code bucket} its
   * {@link #bucket}, or {@code key} is 0, {@code raw} its {@link Text#rawHash(char[], int, int)} and
   * {@code bucket} its {@link #charBucket}. Does nothing if another thread is writing the bucket.
   */
  void put(int bucket, long key, long raw, char[] t, int s, int e, char[] folded, int fs, int foldLen, int letters,
      int uppers, int esMarks, int flags, int entry, int stops, long h) {
    long fields = (entry + 1L) | (long) (e - s) << RAW_LEN | (long) foldLen << FOLD_LEN
        | (long) letters << LETTERS | (long) uppers << UPPERS | (long) esMarks << ES_MARKS
        | (long) (flags & 0xff) << FLAGS | (long) stops << STOPS;
    if (key != 0) {
      long f = 0;
      if (foldLen > 0) {
        // a packed word's normalized form is no longer and folds Latin-1 into Latin-1, but check
        f = pack(folded, fs, fs + foldLen);
        if (f == 0) {
          return;
        }
        f <<= 8 * (PACK_LEN - foldLen); // first character in the highest byte: see RuleEngine.piece
      }
      long[] m = meta;
      int b = base(bucket);
      long odd = take(m, b);
      if (odd < 0) {
        return;
      }
      int n = 4 * bucket;
      // the word may be there already (a reader that saw a writer reads a word as a miss): then its
      // slot holds what would be written
      if (m[b + way(m, b, key)] != key) {
        shift(m, b);
        System.arraycopy(normal, n, normal, n + 1, 3);
        m[b + WAY_0] = key;
        m[b + WAY_0 + 1] = fields;
        m[b + WAY_0 + 2] = h;
        normal[n] = f;
      }
      release(m, b, odd);
      return;
    }
    long[] m = charMeta;
    int b = base(bucket);
    long odd = take(m, b);
    if (odd < 0) {
      return;
    }
    // equal raw hashes: the word is there already (see the packed words above), or another word
    // with the same 64-bit hash, which then stays uncached
    if (m[b + way(m, b, raw)] != raw) {
      shift(m, b);
      int at = 4 * bucket * STRIDE;
      System.arraycopy(data, at, data, at + STRIDE, 3 * STRIDE);
      System.arraycopy(t, s, data, at, e - s);
      System.arraycopy(folded, fs, data, at + MAX_LEN, foldLen);
      m[b + WAY_0] = raw;
      m[b + WAY_0 + 1] = fields;
      m[b + WAY_0 + 2] = h;
    }
    release(m, b, odd);
  }

  /**
   * Empties the cache. Safe while other threads use it (a bucket being written stays as its writer
   * leaves it); used by tests to read words cold.
   */
  void clear() {
    for (int b = OFFSET; b < meta.length; b += META) {
      long odd = take(meta, b);
      if (odd >= 0) {
        for (int w : WAYS) {
          meta[b + w] = 0;
          meta[b + w + 1] = 0;
        }
        release(meta, b, odd);
      }
    }
    for (int b = OFFSET; b < charMeta.length; b += META) {
      long odd = take(charMeta, b);
      if (odd >= 0) {
        for (int w : WAYS) {
          charMeta[b + w] = 0;
          charMeta[b + w + 1] = 0;
        }
        release(charMeta, b, odd);
      }
    }
  }

  // where put() packs each field: entry + 1 in the low 24 bits, then 5-bit counts, 8 bits of token
  // flags and 2 stop-word bits
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
