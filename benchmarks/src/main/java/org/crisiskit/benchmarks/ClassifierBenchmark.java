package org.crisiskit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Classifier;
import org.crisiskit.classify.ClassifierTraining;
import org.crisiskit.classify.Classifiers;
import org.crisiskit.classify.LabelledText;
import org.crisiskit.classify.Polarity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread classification throughput over 4,096 mixed Spanish/English tweet-like texts
 * ({@link TweetCorpus}). One operation classifies one mention.
 *
 * <ul>
 *   <li>{@code ruleEngine}: {@link Classifiers#defaultClassifier()}, every output computed.
 *   <li>{@code trainedEngine}: a linear model (polarity, intent, abusive heads) trained at set-up on
 *       labels derived from the rule engine over another generated corpus.
 *   <li>{@code naiveLexiconBaseline}: the common way to score a tweet — lower-case, split on
 *       non-letters, look each word up in a {@code HashMap<String, Float>} of the VADER lexicon and sum;
 *       polarity only. The ratio rule/baseline shows the cost of everything else we compute.
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ClassifierBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifierBenchmark {
  private String[] texts;
  private int i;
  private Classifier rules;
  private Classifier trained;
  private Map<String, Float> vader;

  @Setup
  public void setUp() throws IOException {
    texts = TweetCorpus.generate(4096, 7).toArray(new String[0]);
    rules = Classifiers.defaultClassifier();
    List<LabelledText> train = new ArrayList<>();
    for (String t : TweetCorpus.generate(2000, 11)) {
      Classification c = rules.classify(t, Optional.empty());
      train.add(new LabelledText(t, Optional.empty(), Optional.of(c.polarity()), Optional.of(c.intent()),
          Optional.of(c.abusive())));
    }
    trained = ClassifierTraining.train(train).classifier();
    vader = new HashMap<>();
    try (InputStream in = Classifier.class.getResourceAsStream("vader_lexicon.tsv")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String[] p = line.split("\t");
        vader.put(p[0], Float.parseFloat(p[1]));
      }
    }
  }

  private String next() {
    String t = texts[i];
    i = (i + 1) & (texts.length - 1);
    return t;
  }

  @Benchmark
  public Classification ruleEngine() {
    return rules.classify(next(), Optional.empty());
  }

  @Benchmark
  public Classification trainedEngine() {
    return trained.classify(next(), Optional.empty());
  }

  @Benchmark
  public Polarity naiveLexiconBaseline() {
    String[] words = next().toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
    double sum = 0;
    for (String w : words) {
      Float v = vader.get(w);
      if (v != null) {
        sum += v;
      }
    }
    double c = sum / Math.sqrt(sum * sum + 15);
    return c >= 0.05 ? Polarity.POSITIVE : c <= -0.05 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
  }

}
