package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinearClassifierTest {
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
      assertEquals(polarity, c.polarity().jsonName(), t);
      assertEquals(intent, c.intent().jsonName(), t);
      assertEquals(Boolean.parseBoolean(abusive), c.abusive(), t);
    }
  }
}
