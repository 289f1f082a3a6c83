package org.crisiskit.classify;

import java.util.Arrays;

/**
 * Turns an {@link Analysis} into a sparse feature vector for the linear model: hashed word 1–2-grams
 * (negation-marked inside a negation scope), character 4-grams of the normalized words between
 * boundary marks, and dense scores: the rule engine's and the lexicon's positive and negative sums.
 * Writes into caller-owned arrays; allocates nothing. Stateless.
 *
 * <p>Only 4-grams: cross-validated on the training splits of the development data, 3–5-grams were no
 * better and cost 1.7 times as many weight look-ups.
 */
final class Features {
  static final int BITS = 16;
  static final int DIM = 1 << BITS;
  static final int MAX = 4096;
  /** Slots [0, DENSE) hold the dense features (bias included); hashed ones go above. */
  static final int DENSE = 64;
  private static final long BIGRAM_SALT = 0x6a09e667f3bcc909L;
  private static final long NEG_SALT = 0x3c6ef372fe94f82bL;
  private static final long CHAR_SALT = 0xa54ff53a5f1d36f1L;

  /** Weight of each character 4-gram relative to a word n-gram (cross-validated on training splits). */
  static final float CHAR_WEIGHT = 0.5f;
  /** Weight of negated lexicon valences in the lexicon sums. */
  private static final float NEGATED_VALENCE = -0.7f;

  private Features() {}

  /**
   * Character 4-gram buckets of recently seen words, keyed by the word's characters (so a hit gives
   * exactly what hashing would): words repeat, and hashing their grams is the costliest part of the
   * features. Direct-mapped, per thread; not thread-safe.
   */
  static final class GramCache {
    static final int SLOTS = 1024;
    static final int MAX_LEN = 12;
    /** 4-grams of a word of MAX_LEN characters between its two boundary marks. */
    static final int MAX_GRAMS = MAX_LEN - 1;
    final char[] words = new char[SLOTS * MAX_LEN];
    /** Word length per slot; 0 marks an empty slot. */
    final byte[] lens = new byte[SLOTS];
    final byte[] counts = new byte[SLOTS];
    final int[] buckets = new int[SLOTS * MAX_GRAMS];
  }

  static int extract(Analysis a, Lexicon lex, int[] idx, float[] val) {
    return extract(a, lex, idx, val, null);
  }

  /**
   * Dense feature slots occupy indices [0, DENSE); hashed ones the rest. Returns the count. The cache,
   * if given, only saves work: the features are the same with or without it.
   */
  static int extract(Analysis a, Lexicon lex, int[] idx, float[] val, GramCache cache) {
    int n = 0;
    int nt = a.nTok;
    int negScope = 0;
    long prev = 0x1234567L;
    boolean es = a.es;
    double lexPos = 0;
    double lexNeg = 0;
    int nPos = 0;
    int nNeg = 0;
    for (int i = 0; i < nt && n < MAX - 64; i++) {
      long h = a.tokHash[i];
      idx[n] = bucket(negScope > 0 ? h ^ NEG_SALT : h);
      val[n++] = 1;
      idx[n] = bucket(Text.combine(prev ^ BIGRAM_SALT, h));
      val[n++] = 1;
      prev = h;
      int e = a.tokEntry[i];
      if (e >= 0) {
        float v = es ? lex.valEs(e) : lex.valEn(e);
        if (v == 0) {
          v = es ? lex.valEn(e) : lex.valEs(e);
        }
        if (negScope > 0) {
          v *= NEGATED_VALENCE;
        }
        if (v > 0) {
          lexPos += v;
          nPos++;
        } else if (v < 0) {
          lexNeg -= v;
          nNeg++;
        }
        if ((lex.kinds(e) & Lexicon.NEG) != 0) {
          negScope = 3;
        } else if (negScope > 0) {
          negScope--;
        }
      } else if (negScope > 0) {
        negScope--;
      }
      int s = a.tokStart[i];
      int t = a.tokEnd[i];
      int len = t - s + 2;
      if (len < 4) {
        continue;
      }
      int wl = t - s;
      int slot = -1;
      if (cache != null && wl <= GramCache.MAX_LEN) {
        slot = (int) (h ^ (h >>> 32)) & (GramCache.SLOTS - 1);
        int at = slot * GramCache.MAX_LEN;
        if (cache.lens[slot] == wl && Arrays.equals(cache.words, at, at + wl, a.chars, s, t)) {
          int count = cache.counts[slot];
          if (n + count <= MAX - 64) { // else the cap falls inside this word: hash as usual
            System.arraycopy(cache.buckets, slot * GramCache.MAX_GRAMS, idx, n, count);
            Arrays.fill(val, n, n + count, CHAR_WEIGHT);
            n += count;
            continue;
          }
        }
      }
      int n0 = n;
      char[] pad = a.scratch; // the word between boundary marks: <word>
      pad[0] = '<';
      System.arraycopy(a.chars, s, pad, 1, t - s);
      pad[len - 1] = '>';
      // FNV-1a from a seed per length, each length unrolled: the same hashes as a loop over q
      final long p1 = Text.FNV_PRIME;
      for (int p = 0; p + 4 <= len && n < MAX - 64; p++) {
        long ch = (((((CHAR_SALT + 4) ^ pad[p]) * p1 ^ pad[p + 1]) * p1 ^ pad[p + 2]) * p1 ^ pad[p + 3]) * p1;
        idx[n] = bucket(Text.mix(ch));
        val[n++] = CHAR_WEIGHT;
      }
      if (slot >= 0 && n - n0 == len - 3) { // every gram of the word emitted: remember them
        System.arraycopy(a.chars, s, cache.words, slot * GramCache.MAX_LEN, wl);
        cache.lens[slot] = (byte) wl;
        cache.counts[slot] = (byte) (n - n0);
        System.arraycopy(idx, n0, cache.buckets, slot * GramCache.MAX_GRAMS, n - n0);
      }
    }
    idx[n] = bucket(Text.combine(prev ^ BIGRAM_SALT, 0x7777L));
    val[n++] = 1;
    // normalize hashed part to unit length
    double sq = 0;
    for (int i = 0; i < n; i++) {
      sq += val[i] * val[i];
    }
    float norm = (float) (1 / Math.sqrt(Math.max(1, sq)));
    for (int i = 0; i < n; i++) {
      val[i] *= norm;
    }
    int d = 0;
    idx[n] = d++; val[n++] = 1; // bias
    idx[n] = d++; val[n++] = (float) a.compound;
    idx[n] = d++; val[n++] = (float) Math.tanh(a.posSum / 4);
    idx[n] = d++; val[n++] = (float) Math.tanh(-a.negSum / 4);
    idx[n] = d++; val[n++] = (float) Math.tanh(a.complaint / 2);
    idx[n] = d++; val[n++] = (float) Math.tanh(a.praise / 2);
    idx[n] = d++; val[n++] = a.abuse > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = (float) Math.tanh(a.sensitive / 2);
    idx[n] = d++; val[n++] = a.question ? 1 : 0;
    idx[n] = d++; val[n++] = Math.min(a.exclam, 3) / 3f;
    idx[n] = d++; val[n++] = a.es ? 1 : 0;
    idx[n] = d++; val[n++] = a.urls > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.handles > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.negations > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.contrast ? 1 : 0;
    idx[n] = d++; val[n++] = a.topicMask != 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.flagMask != 0 ? 1 : 0;
    idx[n] = d++; val[n++] = a.compound > 0.05 ? 1 : 0;
    idx[n] = d++; val[n++] = a.compound < -0.05 ? 1 : 0;
    double c = a.compound;
    idx[n] = d++; val[n++] = c > 0.5 ? 1 : 0;
    idx[n] = d++; val[n++] = c < -0.5 ? 1 : 0;
    idx[n] = d++; val[n++] = (float) (c * Math.abs(c));
    idx[n] = d++; val[n++] = (float) Math.tanh(lexPos / 3);
    idx[n] = d++; val[n++] = (float) Math.tanh(lexNeg / 3);
    idx[n] = d++; val[n++] = (float) Math.tanh((lexPos - lexNeg) / 3);
    idx[n] = d++; val[n++] = nPos > 0 && nNeg == 0 ? 1 : 0;
    idx[n] = d++; val[n++] = nNeg > 0 && nPos == 0 ? 1 : 0;
    idx[n] = d++; val[n++] = nPos == 0 && nNeg == 0 ? 1 : 0;
    idx[n] = d++; val[n++] = (float) Math.tanh(a.politePos / 2);
    idx[n] = d++; val[n++] = a.insult > 0 ? 1 : 0;
    idx[n] = d++; val[n++] = Math.min(a.qmarks, 3) / 3f;
    idx[n] = d++; val[n++] = a.letters == 0 ? 0 : Math.min(1f, 2f * a.upper / a.letters);
    idx[n] = d++; val[n++] = Math.min(a.hashtags, 3) / 3f;
    idx[n] = d++; val[n++] = Math.min(nt, 40) / 40f;
    idx[n] = d++; val[n++] = es ? (float) c : 0;
    idx[n] = d++; val[n++] = es ? 0 : (float) c;
    return n;
  }

  private static int bucket(long h) {
    int b = (int) (h >>> (64 - BITS));
    return b < DENSE ? b + DENSE : b;
  }
}
