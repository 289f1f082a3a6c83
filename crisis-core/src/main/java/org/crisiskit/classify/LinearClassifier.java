package org.crisiskit.classify;

import java.util.Optional;

/**
 * The trainable engine: the rule engine's analysis, then a {@link ClassifierModel} decides the
 * labels it was trained for. Topics, flags, language and reasons come from the rules. Immutable and
 * thread-safe.
 */
final class LinearClassifier implements Classifier {
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final ClassifierModel model;
  private final RuleEngine engine;
  private final ClassifierModel.Head polarity;
  private final ClassifierModel.Head intent;
  private final ClassifierModel.Head abusive;

  static final class Scratch {
    final Analysis a = new Analysis();
    final int[] idx = new int[Features.MAX];
    final float[] val = new float[Features.MAX];
    final double[] scores = new double[16];
  }

  LinearClassifier(ClassifierModel model, Lexicon lexicon) {
    this.model = model;
    this.engine = new RuleEngine(lexicon);
    this.polarity = model.heads.get(ClassifierTraining.POLARITY);
    this.intent = model.heads.get(ClassifierTraining.INTENT);
    this.abusive = model.heads.get(ClassifierTraining.ABUSIVE);
    try {
      if (polarity != null) {
        for (String c : polarity.classes) {
          Polarity.fromJsonName(c);
        }
      }
      if (intent != null) {
        for (String c : intent.classes) {
          Intent.fromJsonName(c);
        }
      }
      if (abusive != null) {
        for (String c : abusive.classes) {
          if (!c.equals("true") && !c.equals("false")) {
            throw new IllegalArgumentException("abusive class '" + c + "', expected true or false");
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException("model has a class this release does not know: " + e.getMessage(), e);
    }
  }

  @Override
  public Classification classify(String text, Optional<String> lang) {
    Scratch s = SCRATCH.get();
    Analysis a = s.a;
    engine.analyze(text == null ? "" : text, lang == null ? Optional.empty() : lang, a);
    int n = Features.extract(a, engine.lex, s.idx, s.val);
    double sentiment = Double.NaN;
    Polarity pol = null;
    if (polarity != null) {
      int k = polarity.predict(s.idx, s.val, n, s.scores);
      pol = Polarity.fromJsonName(polarity.classes[k]);
      sentiment = sentiment(polarity, s.scores);
      a.reason("model polarity " + pol.jsonName());
    }
    Intent in = null;
    if (intent != null) {
      in = Intent.fromJsonName(intent.classes[intent.predict(s.idx, s.val, n, s.scores)]);
    }
    int ab = -1;
    if (abusive != null) {
      ab = Boolean.parseBoolean(abusive.classes[abusive.predict(s.idx, s.val, n, s.scores)]) ? 1 : 0;
    }
    return engine.decide(a, sentiment, pol, in, ab);
  }

  /** P(positive) - P(negative) under the softmax of the polarity scores. */
  private static double sentiment(ClassifierModel.Head h, double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < h.classes.length; k++) {
      max = Math.max(max, scores[k]);
    }
    double z = 0;
    double pos = 0;
    double neg = 0;
    for (int k = 0; k < h.classes.length; k++) {
      double e = Math.exp(scores[k] - max);
      z += e;
      if (h.classes[k].equals("positive")) {
        pos = e;
      } else if (h.classes[k].equals("negative")) {
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
