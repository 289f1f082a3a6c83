package org.crisiskit.classify;

import java.util.Arrays;

/**
 * Turns an {@link Analysis} into a sparse feature vector for the linear model: hashed word 1–2-grams
 * (negation-marked inside a negation scope), character 4-grams of the normalized words between
 * boundary marks, and dense scores: the rule engine's and the lexicon's positive and negative sums and
 * the class probabilities of its polarity layer ({@link RuleEngine#POLARITY_WEIGHTS}).
 * The hashed part is scaled to unit length. No state of its own but per-thread scratch.
 *
 * <p>Two ways to the same numbers: {@link #extract} writes the vector into caller-owned arrays (for
 * training), {@link #score} sums the rows of a quantised weight table for it (for classification): the
 * rows' offsets listed first, then added as longs that hold two 16-bit weights each, two classes an
 * addition and no branch. Character grams are hashed from the last four characters rolled through one
 * long. Neither allocates.
 *
 * <p>Only 4-grams: cross-validated on the training splits of the development data, 3–5-grams were no
 * better and cost 1.7 times as many weight look-ups.
 */
final class Features {
  static final int BITS = 15;
  static final int DIM = 1 << BITS;
  /** Slots [0, DENSE) hold the dense features (bias included); hashed ones go above. */
  static final int DENSE = 64;
  /** Dense features actually used, bias included. */
  static final int DENSE_USED = 39;
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

  /**
   * Weight of each character 4-gram relative to a word n-gram (cross-validated on training splits). One
   * half exactly: {@link #score} sums word weights twice and gram weights once, as ints.
   */
  static final float CHAR_WEIGHT = 0.5f;
  /** Factor of a lexicon valence inside a negation scope, in the lexicon sums. */
  private static final float NEGATED_VALENCE = -0.7f;

  private Features() {}

  /**
   * Per-thread scratch of {@link #score}: the weight-table rows of a text's word n-grams and of its
   * character grams, gathered first and summed after in one tight loop per list.
   */
  static final class Rows {
    final int stride;
    final int[] words = new int[2 * Analysis.MAX_TOKENS + 1];
    final int[] grams = new int[Analysis.MAX_CHARS];
    final long[] acc;
    final float[] dense;
    /** The caller's scores of every class. */
    final double[] scores;

    Rows(int stride) {
      this.stride = stride;
      this.acc = new long[stride / 2];
      this.dense = new float[stride];
      this.scores = new double[stride];
    }
  }

  /** Added to each 16-bit weight in a {@link #pack packed} table: every lane holds a non-negative number. */
  static final int BIAS = 1 << 15;

  /**
   * Packs a quantised table ({@code q[feature * stride + class]}, stride even) two weights a long: class
   * 2j in the low half of long j of the feature's row, 2j + 1 in the high half, each plus {@link #BIAS}.
   * Summing longs then sums two classes at once, and no half carries into the other before 65,536 rows
   * (a text has at most about 9,000: 2 × 400 word rows and its character 4-grams).
   */
  static long[] pack(short[] q, int stride) {
    if (stride % 2 != 0 || q.length % stride != 0) {
      throw new IllegalArgumentException("stride " + stride + " must be even and divide " + q.length);
    }
    long[] p = new long[q.length / 2];
    for (int i = 0; i < p.length; i++) {
      p[i] = (q[2 * i] + BIAS) | ((long) (q[2 * i + 1] + BIAS) << 32);
    }
    return p;
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
      int g = grams(a.chars, a.tokStart[i], a.tokEnd[i], idx, n, 1);
      for (int j = n; j < g; j++) {
        val[j] = CHAR_WEIGHT;
      }
      chars += g - n;
      n = g;
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
   * Adds the score of every class of a quantised weight table for this analysis into {@code scores[0,
   * stride)}: the same sums as over the features of {@link #extract}, up to rounding. With {@code q} the
   * quantised weights ({@code q[feature * stride + class] * scale[class]} is a weight), {@code w} holds the
   * dense features' {@code q} as floats and {@code packed} all of {@code q} {@link #pack packed}, for the
   * hashed features, whose rows are listed first, then summed two classes a long (word n-grams twice,
   * character grams once: {@link #CHAR_WEIGHT} is one half). {@code idx} and {@code val} are scratch of at
   * least {@link #DENSE_USED} entries.
   */
  static void score(Analysis a, Lexicon lex, float[] w, long[] packed, float[] scale, Rows rows, int[] idx,
      float[] val, double[] scores) {
    int stride = rows.stride;
    int half = stride / 2;
    int nt = a.nTok;
    int negScope = 0;
    long prev = START;
    int[] wr = rows.words;
    int[] gr = rows.grams;
    int nw = 0;
    int ng = 0;
    Sums sums = sums();
    boolean english = "en".equals(a.lang);
    for (int i = 0; i < nt; i++) {
      long h = a.tokHash[i];
      wr[nw++] = bucket(negScope > 0 ? h ^ NEG_SALT : h) * half;
      wr[nw++] = bucket(Text.combine(prev ^ BIGRAM_SALT, h)) * half;
      prev = h;
      ng = grams(a.chars, a.tokStart[i], a.tokEnd[i], gr, ng, half);
      valence(a, lex, i, negScope, english, sums);
      negScope = nextScope(a, lex, i, negScope);
    }
    wr[nw++] = bucket(Text.combine(prev ^ BIGRAM_SALT, END)) * half;
    long[] acc = rows.acc;
    Arrays.fill(acc, 0);
    sum(packed, wr, nw, half, acc);
    for (int j = 0; j < half; j++) { // word n-grams count twice; the lanes stay apart (below 2^31 each)
      acc[j] *= 2;
    }
    sum(packed, gr, ng, half, acc);
    long bias = (2L * nw + ng) * BIAS;
    float norm = norm(nw, ng) * CHAR_WEIGHT;
    int n = dense(a, sums, idx, val, 0);
    float[] d = rows.dense;
    Arrays.fill(d, 0f);
    for (int i = 0; i < n; i++) { // dense slots are 0..n-1: one contiguous, cached run of weights
      int b = i * stride;
      float v = val[i];
      if (v == 0) {
        continue;
      }
      for (int c = 0; c < stride; c++) {
        d[c] += w[b + c] * v;
      }
    }
    for (int j = 0; j < half; j++) {
      long x = acc[j];
      long lo = (x & 0xffffffffL) - bias;
      long hi = (x >>> 32) - bias;
      scores[2 * j] += scale[2 * j] * ((double) norm * lo + d[2 * j]);
      scores[2 * j + 1] += scale[2 * j + 1] * ((double) norm * hi + d[2 * j + 1]);
    }
  }

  /**
   * Adds the rows {@code w[at, at + half)} for each {@code at} in {@code rows[0, n)} into {@code out}.
   * One to three heads (2, 4 or 6 longs a row) sum in registers.
   */
  static void sum(long[] w, int[] rows, int n, int half, long[] out) {
    if (half == 6) {
      long a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0;
      for (int i = 0; i < n; i++) {
        int r = rows[i];
        a5 += w[r + 5];
        a0 += w[r];
        a1 += w[r + 1];
        a2 += w[r + 2];
        a3 += w[r + 3];
        a4 += w[r + 4];
      }
      out[0] += a0; out[1] += a1; out[2] += a2; out[3] += a3; out[4] += a4; out[5] += a5;
    } else if (half == 4) {
      long a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (int i = 0; i < n; i++) {
        int r = rows[i];
        a3 += w[r + 3];
        a0 += w[r];
        a1 += w[r + 1];
        a2 += w[r + 2];
      }
      out[0] += a0; out[1] += a1; out[2] += a2; out[3] += a3;
    } else if (half == 2) {
      long a0 = 0, a1 = 0;
      for (int i = 0; i < n; i++) {
        int r = rows[i];
        a1 += w[r + 1];
        a0 += w[r];
      }
      out[0] += a0; out[1] += a1;
    } else {
      for (int i = 0; i < n; i++) {
        int r = rows[i];
        for (int c = 0; c < half; c++) {
          out[c] += w[r + c];
        }
      }
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

  /**
   * Writes {@code mul} times the bucket of each character 4-gram of the word {@code chars[s, t)} between
   * boundary marks ({@code <word>}: a word of two or more characters has its length minus one) into
   * {@code out} from {@code n} on; returns the new count. The last four characters roll through one long,
   * sixteen bits each, hashed with two multiplications.
   */
  private static int grams(char[] chars, int s, int t, int[] out, int n, int mul) {
    if (t - s < 2) {
      return n;
    }
    long g = ((long) '<' << 32) | ((long) chars[s] << 16) | chars[s + 1];
    for (int j = s + 2; j < t; j++) {
      g = (g << 16) | chars[j];
      out[n++] = gramBucket(g) * mul;
    }
    out[n++] = gramBucket((g << 16) | '>') * mul;
    return n;
  }

  private static int gramBucket(long g) {
    long x = (g ^ CHAR_SALT) * 0x9E3779B97F4A7C15L;
    return bucket((x ^ (x >>> 32)) * 0xbf58476d1ce4e5b9L);
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
    // the polarity layer's class probabilities (5-fold CV on the training splits, with the NB scaling of
    // ClassifierTraining: Spanish macro-F1 +0.007, English macro-recall +0.005, offensive +0.002)
    double[] f = a.polarityInputs;
    RuleEngine.polarityInputs(a, f);
    double zNeg = RuleEngine.layerScore(0, f);
    double zNeu = RuleEngine.layerScore(1, f);
    double zPos = RuleEngine.layerScore(2, f);
    double max = Math.max(zNeg, Math.max(zNeu, zPos));
    double eNeg = Math.exp(zNeg - max);
    double eNeu = Math.exp(zNeu - max);
    double ePos = Math.exp(zPos - max);
    double z = eNeg + eNeu + ePos;
    idx[n] = d++; val[n++] = (float) (eNeg / z);
    idx[n] = d++; val[n++] = (float) (eNeu / z);
    idx[n] = d++; val[n++] = (float) (ePos / z);
    assert d == DENSE_USED;
    return n;
  }

  private static int bucket(long h) {
    int b = (int) (h >>> (64 - BITS));
    return b < DENSE ? b + DENSE : b;
  }
}
