package org.crisiskit.classify;

import java.util.Arrays;

/**
 * Turns an {@link Analysis} into a sparse feature vector for the linear model: hashed word 1–2-grams
 * (negation-marked inside a negation scope), character 4-grams of the normalized words between
 * boundary marks, and dense scores: the rule engine's and the lexicon's positive and negative sums.
 * The hashed part is scaled to unit length. No state of its own but per-thread scratch.
 *
 * <p>Two ways to the same numbers: {@link #extract} writes the vector into caller-owned arrays (for
 * training), {@link #score} multiplies it straight into a weight table (for classification), adding
 * each word's character grams as one cached per-word sum of weights: words repeat, so a mention
 * mostly costs two weight look-ups a token instead of one per gram. Neither allocates.
 *
 * <p>Only 4-grams: cross-validated on the training splits of the development data, 3–5-grams were no
 * better and cost 1.7 times as many weight look-ups.
 */
final class Features {
  static final int BITS = 16;
  static final int DIM = 1 << BITS;
  /** Slots [0, DENSE) hold the dense features (bias included); hashed ones go above. */
  static final int DENSE = 64;
  /** Dense features actually used, bias included. */
  static final int DENSE_USED = 36;
  /**
   * Enough for any analysis: two word features a token, at most one 4-gram a character, the
   * end-of-text bigram and the dense features.
   */
  static final int MAX = 2 * Analysis.MAX_TOKENS + Analysis.MAX_CHARS + 1 + DENSE_USED;
  private static final long BIGRAM_SALT = 0x6a09e667f3bcc909L;
  private static final long NEG_SALT = 0x3c6ef372fe94f82bL;
  private static final long CHAR_SALT = 0xa54ff53a5f1d36f1L;
  private static final long START = 0x1234567L;
  private static final long END = 0x7777L;

  /** Weight of each character 4-gram relative to a word n-gram (cross-validated on training splits). */
  static final float CHAR_WEIGHT = 0.5f;
  /** Factor of a lexicon valence inside a negation scope, in the lexicon sums. */
  private static final float NEGATED_VALENCE = -0.7f;

  private Features() {}

  /**
   * Per word, the weights of its unigram plus {@link #CHAR_WEIGHT} times its 4-grams' in one weight
   * table, keyed by the token's hash and characters, and per bigram its weights, keyed by both
   * tokens' hashes: a hit gives what reading the table would. Words and bigrams repeat, so this
   * mostly saves the hashing and the scattered reads of a 2^16-row table. Direct-mapped, per thread
   * and per table; not thread-safe.
   */
  static final class GramSumCache {
    static final int SLOTS = 4096;
    static final int MAX_LEN = 16;
    final int stride;
    final char[] words = new char[SLOTS * MAX_LEN];
    /** Word length per slot; 0 marks an empty slot. */
    final byte[] lens = new byte[SLOTS];
    final long[] hashes = new long[SLOTS];
    final float[] sums;
    /** Bigram weights by the bigram's two token hashes. */
    final long[] bigramPrev = new long[SLOTS];
    final long[] bigramNext = new long[SLOTS];
    final boolean[] bigramSet = new boolean[SLOTS];
    final float[] bigrams;
    /** A text's hashed features' weights, summed before normalizing. */
    final float[] acc;
    /** The caller's scores of every class. */
    final double[] scores;

    GramSumCache(int stride) {
      this.stride = stride;
      this.sums = new float[SLOTS * stride];
      this.bigrams = new float[SLOTS * stride];
      this.acc = new float[stride];
      this.scores = new double[stride];
    }
  }

  /** Lexicon valence sums of a text: positive, negative, and how many words of each. */
  private static final class Sums {
    double pos;
    double neg;
    int nPos;
    int nNeg;
  }

  private static final ThreadLocal<Sums> SUMS = ThreadLocal.withInitial(Sums::new);

  /**
   * Writes the features, dense slots in [0, DENSE) and hashed ones above, and returns their count
   * (at most {@link #MAX}).
   */
  static int extract(Analysis a, Lexicon lex, int[] idx, float[] val) {
    int n = 0;
    int nt = a.nTok;
    int negScope = 0;
    long prev = START;
    int chars = 0;
    Sums sums = sums();
    boolean english = "en".equals(a.lang);
    for (int i = 0; i < nt; i++) {
      long h = a.tokHash[i];
      idx[n] = bucket(negScope > 0 ? h ^ NEG_SALT : h);
      val[n++] = 1;
      idx[n] = bucket(Text.combine(prev ^ BIGRAM_SALT, h));
      val[n++] = 1;
      prev = h;
      valence(a, lex, i, negScope, english, sums);
      negScope = nextScope(a, lex, i, negScope);
      int s = a.tokStart[i];
      int t = a.tokEnd[i];
      int len = t - s + 2;
      if (len < 4) {
        continue;
      }
      char[] pad = pad(a, s, t);
      for (int p = 0; p + 4 <= len; p++) {
        idx[n] = gram(pad, p);
        val[n++] = CHAR_WEIGHT;
        chars++;
      }
    }
    idx[n] = bucket(Text.combine(prev ^ BIGRAM_SALT, END));
    val[n++] = 1;
    float norm = norm(n - chars, chars);
    for (int i = 0; i < n; i++) {
      val[i] *= norm;
    }
    return dense(a, sums, idx, val, n);
  }

  /**
   * Adds the score of every class of a weight table ({@code w[feature * stride + class]}) for this
   * analysis into {@code scores[0, stride)}: the same sums as over the features of {@link #extract},
   * up to rounding. {@code idx} and {@code val} are scratch of at least {@link #DENSE_USED} entries.
   */
  static void score(Analysis a, Lexicon lex, float[] w, int stride, GramSumCache cache, int[] idx, float[] val,
      double[] scores) {
    int nt = a.nTok;
    int negScope = 0;
    long prev = START;
    int words = 1; // the end bigram
    int chars = 0;
    float[] acc = cache.acc;
    Arrays.fill(acc, 0f);
    Sums sums = sums();
    boolean english = "en".equals(a.lang);
    for (int i = 0; i < nt; i++) {
      long h = a.tokHash[i];
      bigram(w, stride, cache, prev, h, acc);
      words += 2;
      prev = h;
      int s = a.tokStart[i];
      int t = a.tokEnd[i];
      int wl = t - s;
      if (wl >= 2) {
        chars += wl - 1;
      }
      if (wl >= 2 && wl <= GramSumCache.MAX_LEN) {
        int slot = (int) (h ^ (h >>> 23) ^ (h >>> 41)) & (GramSumCache.SLOTS - 1);
        int sumAt = slot * stride;
        if (cache.hashes[slot] != h || !sameWord(cache, slot, a.chars, s, wl)) {
          // the word's unigram and its 4-grams, as extract() weighs them before normalizing
          float[] cached = cache.sums;
          System.arraycopy(w, bucket(h) * stride, cached, sumAt, stride);
          char[] pad = pad(a, s, t);
          for (int p = 0; p + 4 <= wl + 2; p++) {
            int b = gram(pad, p) * stride;
            for (int c = 0; c < stride; c++) {
              cached[sumAt + c] += CHAR_WEIGHT * w[b + c];
            }
          }
          System.arraycopy(a.chars, s, cache.words, slot * GramSumCache.MAX_LEN, wl);
          cache.lens[slot] = (byte) wl;
          cache.hashes[slot] = h;
        }
        add(cache.sums, sumAt, acc, stride);
        if (negScope > 0) { // the negation-marked unigram instead of the plain one
          int plain = bucket(h) * stride;
          int negated = bucket(h ^ NEG_SALT) * stride;
          for (int c = 0; c < stride; c++) {
            acc[c] += w[negated + c] - w[plain + c];
          }
        }
      } else {
        add(w, bucket(negScope > 0 ? h ^ NEG_SALT : h) * stride, acc, stride);
        if (wl >= 2) {
          char[] pad = pad(a, s, t);
          for (int p = 0; p + 4 <= wl + 2; p++) {
            int b = gram(pad, p) * stride;
            for (int c = 0; c < stride; c++) {
              acc[c] += CHAR_WEIGHT * w[b + c];
            }
          }
        }
      }
      valence(a, lex, i, negScope, english, sums);
      negScope = nextScope(a, lex, i, negScope);
    }
    bigram(w, stride, cache, prev, END, acc);
    float norm = norm(words, chars);
    for (int c = 0; c < stride; c++) {
      scores[c] += norm * acc[c];
    }
    int n = dense(a, sums, idx, val, 0);
    Arrays.fill(acc, 0f);
    for (int i = 0; i < n; i++) { // dense slots are 0..n-1: one contiguous, cached run of weights
      int b = i * stride;
      float v = val[i];
      if (v == 0) {
        continue;
      }
      for (int c = 0; c < stride; c++) {
        acc[c] += w[b + c] * v;
      }
    }
    for (int c = 0; c < stride; c++) {
      scores[c] += acc[c];
    }
  }

  /** Adds the weights of the bigram (prev, h), through the cache: frequent bigrams repeat too. */
  private static void bigram(float[] w, int stride, GramSumCache cache, long prev, long h, float[] acc) {
    long key = Text.combine(prev ^ BIGRAM_SALT, h);
    int slot = (int) (key ^ (key >>> 32)) & (GramSumCache.SLOTS - 1);
    int at = slot * stride;
    if (cache.bigramPrev[slot] != prev || cache.bigramNext[slot] != h || !cache.bigramSet[slot]) {
      System.arraycopy(w, bucket(key) * stride, cache.bigrams, at, stride);
      cache.bigramPrev[slot] = prev;
      cache.bigramNext[slot] = h;
      cache.bigramSet[slot] = true;
    }
    add(cache.bigrams, at, acc, stride);
  }

  private static boolean sameWord(GramSumCache cache, int slot, char[] chars, int s, int wl) {
    if (cache.lens[slot] != wl) {
      return false;
    }
    char[] words = cache.words;
    int at = slot * GramSumCache.MAX_LEN;
    for (int j = 0; j < wl; j++) {
      if (words[at + j] != chars[s + j]) {
        return false;
      }
    }
    return true;
  }

  private static void add(float[] from, int at, float[] to, int k) {
    if (k == 12) { // the usual three heads (3 + 6 + 2 classes, padded): straight-line code
      to[0] += from[at];
      to[1] += from[at + 1];
      to[2] += from[at + 2];
      to[3] += from[at + 3];
      to[4] += from[at + 4];
      to[5] += from[at + 5];
      to[6] += from[at + 6];
      to[7] += from[at + 7];
      to[8] += from[at + 8];
      to[9] += from[at + 9];
      to[10] += from[at + 10];
      to[11] += from[at + 11];
      return;
    }
    for (int c = 0; c < k; c++) {
      to[c] += from[at + c];
    }
  }

  /** 1 / the length of the hashed part: word features weigh 1, character grams CHAR_WEIGHT. */
  private static float norm(int words, int chars) {
    double sq = words + (double) CHAR_WEIGHT * CHAR_WEIGHT * chars;
    return (float) (1 / Math.sqrt(Math.max(1, sq)));
  }

  private static int nextScope(Analysis a, Lexicon lex, int i, int negScope) {
    int e = a.tokEntry[i];
    if (e >= 0 && (lex.kinds(e) & Lexicon.NEG) != 0) {
      return 3;
    }
    return negScope > 0 ? negScope - 1 : 0;
  }

  /** The word between boundary marks, {@code <word>}, in the analysis' scratch. */
  private static char[] pad(Analysis a, int s, int t) {
    char[] pad = a.scratch;
    pad[0] = '<';
    System.arraycopy(a.chars, s, pad, 1, t - s);
    pad[t - s + 1] = '>';
    return pad;
  }

  /** FNV-1a of the 4 characters at p, from a seed of its own. */
  private static int gram(char[] pad, int p) {
    final long p1 = Text.FNV_PRIME;
    long ch = (((((CHAR_SALT + 4) ^ pad[p]) * p1 ^ pad[p + 1]) * p1 ^ pad[p + 2]) * p1 ^ pad[p + 3]) * p1;
    return bucket(Text.mix(ch));
  }

  /** Adds token {@code i}'s valence ({@link RuleEngine#tokenValence}) to the sums; negated: NEGATED_VALENCE of it. */
  private static void valence(Analysis a, Lexicon lex, int i, int negScope, boolean english, Sums sums) {
    float v = RuleEngine.tokenValence(lex, a, i, english);
    if (negScope > 0) {
      v *= NEGATED_VALENCE;
    }
    if (v > 0) {
      sums.pos += v;
      sums.nPos++;
    } else if (v < 0) {
      sums.neg -= v;
      sums.nNeg++;
    }
  }

  private static Sums sums() {
    Sums sums = SUMS.get();
    sums.pos = 0;
    sums.neg = 0;
    sums.nPos = 0;
    sums.nNeg = 0;
    return sums;
  }

  /** x / (1 + |x|): a cheap squashing into (-1, 1). */
  static float squash(double x) {
    return (float) (x / (1 + Math.abs(x)));
  }

  /** Writes the dense features from n on; returns the new count. */
  private static int dense(Analysis a, Sums l, int[] idx, float[] val, int n) {
    int d = 0;
    double c = a.compound;
    boolean es = a.es;
    idx[n] = d++; val[n++] = 1; // bias
    idx[n] = d++; val[n++] = (float) c;
    idx[n] = d++; val[n++] = squash(a.posSum / 4);
    idx[n] = d++; val[n++] = squash(-a.negSum / 4);
    idx[n] = d++; val[n++] = squash(a.complaint / 2);
    idx[n] = d++; val[n++] = squash(a.praise / 2);
    idx[n] = d++; val[n++] = a.abuse > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = squash(a.sensitive / 2);
    idx[n] = d++; val[n++] = a.question ? 1 : 0;
    idx[n] = d++; val[n++] = Math.min(a.exclam, 3) / 3f;
    idx[n] = d++; val[n++] = es ? 1 : 0;
    idx[n] = d++; val[n++] = a.urls > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.handles > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.negations > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.contrast ? 1 : 0;
    idx[n] = d++; val[n++] = a.topicMask != 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.flagMask != 0 ? 1 : 0;
    idx[n] = d++; val[n++] = c > 0.05 ? 1 : 0;
    idx[n] = d++; val[n++] = c < -0.05 ? 1 : 0;
    idx[n] = d++; val[n++] = c > 0.5 ? 1 : 0;
    idx[n] = d++; val[n++] = c < -0.5 ? 1 : 0;
    idx[n] = d++; val[n++] = (float) (c * Math.abs(c));
    idx[n] = d++; val[n++] = squash(l.pos / 3);
    idx[n] = d++; val[n++] = squash(l.neg / 3);
    idx[n] = d++; val[n++] = squash((l.pos - l.neg) / 3);
    idx[n] = d++; val[n++] = l.nPos > 0 && l.nNeg == 0 ? 1 : 0;
    idx[n] = d++; val[n++] = l.nNeg > 0 && l.nPos == 0 ? 1 : 0;
    idx[n] = d++; val[n++] = l.nPos == 0 && l.nNeg == 0 ? 1 : 0;
    idx[n] = d++; val[n++] = squash(a.politePos / 2);
    idx[n] = d++; val[n++] = a.insult > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = Math.min(a.qmarks, 3) / 3f;
    idx[n] = d++; val[n++] = a.letters == 0 ? 0 : Math.min(1f, 2f * a.upper / a.letters);
    idx[n] = d++; val[n++] = Math.min(a.hashtags, 3) / 3f;
    idx[n] = d++; val[n++] = Math.min(a.nTok, 40) / 40f;
    idx[n] = d++; val[n++] = es ? (float) c : 0;
    idx[n] = d++; val[n++] = es ? 0 : (float) c;
    assert d == DENSE_USED;
    return n;
  }

  private static int bucket(long h) {
    int b = (int) (h >>> (64 - BITS));
    return b < DENSE ? b + DENSE : b;
  }
}
