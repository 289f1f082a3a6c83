package org.crisiskit.classify;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The trainable engine: the rule engine's analysis, then a {@link ClassifierModel} decides the
 * labels it was trained for. Topics, flags, language and reasons come from the rules. Immutable and
 * thread-safe.
 */
final class LinearClassifier implements Classifier {
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private static final String[] MODEL_POLARITY_REASON = new String[Polarity.values().length];

  static {
    for (Polarity p : Polarity.values()) {
      MODEL_POLARITY_REASON[p.ordinal()] = "model polarity " + p.jsonName();
    }
  }

  private final ClassifierModel model;
  private final RuleEngine engine;
  private final ClassifierModel.Head polarity;
  private final ClassifierModel.Head intent;
  private final ClassifierModel.Head abusive;
  /** Each head's classes decoded once, by class index. */
  private final Polarity[] polarityOf;
  private final Intent[] intentOf;
  private final boolean[] abusiveOf;
  private final int positiveClass;
  private final int negativeClass;
  /**
   * Every head's quantised weights of one feature side by side ({@code [feature * stride + offset +
   * class]}), {@link Features#pack packed} two a long: a feature costs one short run of memory for all
   * heads, summed two classes an addition.
   */
  private final long[] packed;
  /** The dense features' rows of the fused weights, as floats. */
  private final float[] dense;
  /** Each column's weight scale (its head's); zero in the padding. */
  private final float[] scale;
  private final int stride;
  private final int polarityAt;
  private final int intentAt;
  private final int abusiveAt;

  static final class Scratch {
    final Analysis a = new Analysis();
    final int[] idx = new int[Features.DENSE_USED];
    final float[] val = new float[Features.DENSE_USED];
  }

  /** Per thread: the rows of a text's features, and the scores of every head's classes side by side. */
  private final ThreadLocal<Features.Rows> rows;

  LinearClassifier(ClassifierModel model, Lexicon lexicon) {
    this.model = model;
    this.engine = new RuleEngine(lexicon);
    this.polarity = model.heads.get(ClassifierTraining.POLARITY);
    this.intent = model.heads.get(ClassifierTraining.INTENT);
    this.abusive = model.heads.get(ClassifierTraining.ABUSIVE);
    try {
      // exactly the JSON names, each once: scoring looks classes up by name ("positive", "negative")
      if (polarity != null) {
        checkClasses(polarity, c -> Polarity.fromJsonName(c).jsonName(), "negative, neutral, positive");
      }
      if (intent != null) {
        checkClasses(intent, c -> Intent.fromJsonName(c).jsonName(),
            "complaint, question, praise, abuse, sensitive, neutral");
      }
      if (abusive != null) {
        checkClasses(abusive, c -> c.equals("true") || c.equals("false") ? c : "", "true, false");
      }
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("model has a class this release does not know: " + e.getMessage(), e);
    }
    polarityOf = polarity == null ? new Polarity[0] : new Polarity[polarity.classes.length];
    int pos = -1;
    int neg = -1;
    for (int k = 0; k < polarityOf.length; k++) {
      polarityOf[k] = Polarity.fromJsonName(polarity.classes[k]);
      if (polarity.classes[k].equals("positive")) {
        pos = k;
      } else if (polarity.classes[k].equals("negative")) {
        neg = k;
      }
    }
    positiveClass = pos;
    negativeClass = neg;
    intentOf = intent == null ? new Intent[0] : new Intent[intent.classes.length];
    for (int k = 0; k < intentOf.length; k++) {
      intentOf[k] = Intent.fromJsonName(intent.classes[k]);
    }
    abusiveOf = abusive == null ? new boolean[0] : new boolean[abusive.classes.length];
    for (int k = 0; k < abusiveOf.length; k++) {
      abusiveOf[k] = Boolean.parseBoolean(abusive.classes[k]);
    }
    polarityAt = 0;
    intentAt = polarityOf.length;
    abusiveAt = intentAt + intentOf.length;
    // padded to a multiple of four (zero weights): the usual three heads fill twelve
    stride = (abusiveAt + abusiveOf.length + 3) & ~3;
    short[] fused = new short[stride * Features.DIM];
    scale = new float[stride];
    interleave(polarity, polarityAt, fused);
    interleave(intent, intentAt, fused);
    interleave(abusive, abusiveAt, fused);
    packed = Features.pack(fused, stride);
    dense = new float[Features.DENSE_USED * stride];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = fused[i];
    }
    int width = stride;
    rows = ThreadLocal.withInitial(() -> new Features.Rows(width));
  }

  /** Each class is its canonical (lower-case) name and appears once; {@code canonical} may throw. */
  private static void checkClasses(ClassifierModel.Head h, UnaryOperator<String> canonical,
      String expected) {
    Set<String> seen = new HashSet<>();
    for (String c : h.classes) {
      if (!canonical.apply(c).equals(c)) {
        throw new IllegalArgumentException(h.label + " class '" + c + "', expected one of " + expected
            + " (lower case)");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException(h.label + " class '" + c + "' appears twice");
      }
    }
  }

  private void interleave(ClassifierModel.Head h, int at, short[] fused) {
    if (h == null) {
      return;
    }
    int k = h.classes.length;
    for (int f = 0; f < Features.DIM; f++) {
      System.arraycopy(h.q, f * k, fused, f * stride + at, k);
    }
    Arrays.fill(scale, at, at + k, h.scale);
  }

  private static int best(double[] scores, int from, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (scores[from + c] > scores[from + best]) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public Classification classify(String text, Optional<String> lang) {
    Scratch s = SCRATCH.get();
    Analysis a = s.a;
    engine.analyze(text == null ? "" : text, lang == null ? Optional.empty() : lang, a);
    Features.Rows rows = this.rows.get();
    double[] scores = rows.scores;
    Arrays.fill(scores, 0);
    Features.score(a, engine.lex, dense, packed, scale, rows, s.idx, s.val, scores);
    double sentiment = Double.NaN;
    Polarity pol = null;
    if (polarity != null) {
      int k = best(scores, polarityAt, polarityOf.length);
      pol = polarityOf[k];
      sentiment = sentiment(polarityOf.length, scores);
      a.reason(MODEL_POLARITY_REASON[pol.ordinal()]);
    }
    Intent in = null;
    if (intent != null) {
      in = intentOf[best(scores, intentAt, intentOf.length)];
    }
    int ab = -1;
    if (abusive != null) {
      ab = abusiveOf[best(scores, abusiveAt, abusiveOf.length)] ? 1 : 0;
    }
    return engine.decide(a, sentiment, pol, in, ab);
  }

  /** P(positive) - P(negative) under the softmax of the polarity scores. */
  private double sentiment(int classes, double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      max = Math.max(max, scores[k]);
    }
    double z = 0;
    double pos = 0;
    double neg = 0;
    for (int k = 0; k < classes; k++) {
      double e = Math.exp(scores[k] - max);
      z += e;
      if (k == positiveClass) {
        pos = e;
      } else if (k == negativeClass) {
        neg = e;
      }
    }
    return RuleEngine.clamp((pos - neg) / z);
  }

  @Override
  public String toString() {
    return "LinearClassifier" + model.labels();
  }
}
