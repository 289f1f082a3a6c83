package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinearClassifierTest {
  /**
   * Classification scores straight from the analysis, summed two classes a long over a packed
   * quantised table; they must give the sums over the training features. Random weights over the whole
   * 16-bit range, so every feature counts and a carry between the halves of a long would show.
   */
  @Test
  void packedScoringMatchesTheTrainingFeatures() {
    RuleEngine engine = new RuleEngine(Lexicon.defaults());
    Analysis a = new Analysis();
    int[] idx = new int[Features.MAX];
    float[] val = new float[Features.MAX];
    List<String> texts = new ArrayList<>(ClassificationGoldenTest.corpus());
    texts.add("supercalifragilisticexpialidocious words repeat, words repeat, words REPEAT!!! not good");
    texts.add("");
    texts.add("x".repeat(5000) + " " + "ab ".repeat(3000));
    java.util.Random rnd = new java.util.Random(3);
    // the most rows a text can have: distinct long words up to the text limit (thousands of 4-grams)
    StringBuilder distinct = new StringBuilder();
    while (distinct.length() < RuleEngine.MAX_TEXT) {
      for (int i = 0; i < 40; i++) {
        distinct.append((char) ('a' + rnd.nextInt(26)));
      }
      distinct.append(' ');
    }
    texts.add(distinct.toString());
    for (int trial = 0; trial < 6; trial++) {
      int stride = new int[] {4, 8, 12, 16, 4, 4}[trial];
      short[] q = new short[Features.DIM * stride];
      for (int i = 0; i < q.length; i++) {
        // random weights, then the extremes of 16 bits where a carry between halves would show
        q[i] = trial == 4 ? Short.MAX_VALUE : trial == 5 ? Short.MIN_VALUE
            : (short) (rnd.nextInt(2 * Short.MAX_VALUE + 1) - Short.MAX_VALUE);
      }
      float[] scale = new float[stride];
      for (int c = 0; c < stride; c++) {
        scale[c] = 1e-4f * (c + 1);
      }
      long[] packed = Features.pack(q, stride);
      float[] dense = new float[Features.DENSE_USED * stride];
      for (int i = 0; i < dense.length; i++) {
        dense[i] = q[i];
      }
      Features.Rows rows = new Features.Rows(stride);
      for (String t : texts) {
        engine.analyze(t, Optional.empty(), a);
        int n = Features.extract(a, engine.lex, idx, val);
        double[] scores = new double[stride];
        Features.score(a, engine.lex, dense, packed, scale, rows, new int[Features.DENSE_USED],
            new float[Features.DENSE_USED], scores);
        for (int c = 0; c < stride; c++) {
          double expected = 0;
          double size = 0;
          for (int i = 0; i < n; i++) {
            expected += q[idx[i] * stride + c] * scale[c] * (double) val[i];
            size += Math.abs(q[idx[i] * stride + c] * scale[c] * (double) val[i]);
          }
          assertEquals(expected, scores[c], 1e-5 * (1 + size), t);
        }
      }
    }
  }

  /** All heads are scored in one pass over an interleaved table; each must still decide as its own head does. */
  @Test
  void fusedScoringDecidesAsEachHeadAlone() {
    Classifier rules = Classifiers.defaultClassifier();
    List<String> texts = ClassificationGoldenTest.corpus();
    List<LabelledText> train = new ArrayList<>();
    for (String t : texts.subList(0, texts.size() / 2)) {
      Classification c = rules.classify(t, Optional.empty());
      train.add(new LabelledText(t, Optional.empty(), Optional.of(c.polarity()), Optional.of(c.intent()),
          Optional.of(c.abusive())));
    }
    ClassifierModel model = ClassifierTraining.train(train);
    assertEquals(List.of("polarity", "intent", "abusive"), model.labels());
    // 3 + at least 4 + 2 classes: the twelve-wide single-pass path
    org.junit.jupiter.api.Assertions.assertTrue(model.heads.get("intent").classes.length >= 4);
    Classifier trained = model.classifier();
    RuleEngine engine = new RuleEngine(Lexicon.defaults());
    Analysis a = new Analysis();
    int[] idx = new int[Features.MAX];
    float[] val = new float[Features.MAX];
    double[] scores = new double[16];
    for (String t : texts) {
      engine.analyze(t, Optional.empty(), a);
      int n = Features.extract(a, engine.lex, idx, val);
      ClassifierModel.Head p = model.heads.get("polarity");
      ClassifierModel.Head i = model.heads.get("intent");
      ClassifierModel.Head ab = model.heads.get("abusive");
      String polarity = p.classes[p.predict(idx, val, n, scores)];
      String intent = i.classes[i.predict(idx, val, n, scores)];
      String abusive = ab.classes[ab.predict(idx, val, n, scores)];
      Classification c = trained.classify(t, Optional.empty());
      // the fused path sums in another order: a near-tie may go either way
      if (margin(p, idx, val, n, scores) > 1e-4) {
        assertEquals(polarity, c.polarity().jsonName(), t);
      }
      if (margin(i, idx, val, n, scores) > 1e-4) {
        assertEquals(intent, c.intent().jsonName(), t);
      }
      if (margin(ab, idx, val, n, scores) > 1e-4) {
        assertEquals(Boolean.parseBoolean(abusive), c.abusive(), t);
      }
    }
  }

  /** Best score minus the runner-up's. */
  private static double margin(ClassifierModel.Head h, int[] idx, float[] val, int n, double[] scores) {
    h.predict(idx, val, n, scores);
    double best = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < h.classes.length; c++) {
      if (scores[c] > best) {
        second = best;
        best = scores[c];
      } else if (scores[c] > second) {
        second = scores[c];
      }
    }
    return best - second;
  }

  /** Dense slot of the lexicon's positive sum (see Features.dense). */
  private static final int LEXICON_POSITIVE = 22;

  private static float lexiconPositive(String text, String lang) {
    Lexicon lex = Lexicon.defaults();
    Analysis a = new Analysis();
    new RuleEngine(lex).analyze(text, Optional.of(lang), a);
    int[] idx = new int[Features.MAX];
    float[] val = new float[Features.MAX];
    int n = Features.extract(a, lex, idx, val);
    for (int j = 0; j < n; j++) {
      if (idx[j] == LEXICON_POSITIVE) {
        return val[j];
      }
    }
    throw new AssertionError("no lexicon sum among the features of " + text);
  }

  @Test
  void lexiconSumsReadValenceAsTheRuleEngineDoes() {
    // a word the Spanish lists set to neutral takes no VADER valence; a phrase's words count once
    assertEquals(0f, lexiconPositive("vamos a ver la champions", "es"));
    assertEquals(0f, lexiconPositive("called customer care today", "en"));
    org.junit.jupiter.api.Assertions.assertTrue(lexiconPositive("great service, love it", "en") > 0);
    org.junit.jupiter.api.Assertions.assertTrue(lexiconPositive("me encanta, genial", "es") > 0);
  }
}
