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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import com.vader.sentiment.analyzer.SentimentAnalyzer;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread classification throughput over 4,096 mixed Spanish/English texts: by default generated
 * customer-care tweets ({@link TweetCorpus}), or real tweets read from a file ({@link #corpus}). One
 * operation classifies one mention.
 *
 * <ul>
 *   <li>{@code ruleEngine}: {@link Classifiers#defaultClassifier()}, every output computed.
 *   <li>{@code trainedEngine}: a linear model (polarity, intent, abusive heads) trained at set-up on
 *       labels derived from the rule engine over other texts of the same corpus.
 *   <li>{@code naiveLexiconBaseline}: the common way to score a tweet — lower-case, split on
 *       non-letters, look each word up in a {@code HashMap<String, Float>} of the VADER lexicon and sum;
 *       polarity only. The ratio rule/baseline shows the cost of everything else we compute.
 *   <li>{@code readTextFloor}: no classification at all — copy the text to a reused {@code char[]} and
 *       hash each run of letters and digits, the least any tokenizer does. The ratio floor/rule says
 *       what share of the machine's text-reading speed the engine keeps; a per-core target such as
 *       1,000,000 mentions/s is only reachable where the floor is well above it.
 *   <li>{@code vaderJavaPort}: the VADER Java port ({@code com.github.apanimesh061:vader-sentiment-analyzer}
 *       1.0, MIT; Lucene 6.4.1 tokenizer; its log4j 1.x calls routed to SLF4J), used as its README shows
 *       — {@code new SentimentAnalyzer(text)}, {@code analyze()}, {@code getPolarity()} — and its
 *       {@code compound} score mapped to a polarity with VADER's ±0.05 thresholds; polarity only.
 *   <li>{@code openNlpDoccat}: Apache OpenNLP's {@code DocumentCategorizerME} (maxent, bag-of-words
 *       features, OpenNLP's default training parameters) trained at set-up on the same labelled texts as
 *       {@code trainedEngine} (polarity labels only). Per operation: {@code SimpleTokenizer} (splits
 *       letters, digits and punctuation apart, as our tokenizer does — whitespace splitting would keep
 *       "help," as one token), then {@code categorize} and {@code getBestCategory}; polarity only.
 * </ul>
 *
 * <p>Every method classifies the same texts in the same order and returns its result, so JMH consumes it.
 * The ratios ruleEngine/vaderJavaPort and ruleEngine/openNlpDoccat compare our full output (intent,
 * polarity, sentiment, abuse, sensitive, topics, flags, language, reasons) with a polarity-only answer.
 *
 * <p>The machine's load moves absolute numbers a lot: compare ratios within one run, and repeat. The
 * accuracy of the same engines on the development data: {@link CompareAccuracy}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClassifierBenchmark -prof gc}; on real tweets:
 * {@code scripts/bench-corpus.py ../shared/data} then add {@code -p corpus=/tmp/ck-bench-corpus.txt}.
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
  private DocumentCategorizerME doccat;
  private final char[] chars = new char[1 << 16];
  private final boolean[] wordChar = new boolean[1 << 16];

  /**
   * Empty for the generated corpus ({@link TweetCorpus}); otherwise a UTF-8 file with one text per line
   * and at least 4,096 lines (e.g. real tweets written by {@code scripts/bench-corpus.py}): the first
   * 4,096 are measured, the lines after them (up to 2,000) train the trained engine and OpenNLP.
   */
  @Param({""})
  public String corpus;

  @Setup
  public void setUp() throws IOException {
    List<String> measured;
    List<String> training;
    if (corpus.isEmpty()) {
      measured = TweetCorpus.generate(4096, 7);
      training = TweetCorpus.generate(2000, 11);
    } else {
      List<String> all = Files.readAllLines(Path.of(corpus), StandardCharsets.UTF_8);
      if (all.size() < 4096) {
        throw new IllegalArgumentException("corpus " + corpus + " has " + all.size()
            + " lines; it needs at least 4,096 (one text per line)");
      }
      measured = all.subList(0, 4096);
      training = all.size() > 4096 ? all.subList(4096, Math.min(all.size(), 6096)) : TweetCorpus.generate(2000, 11);
    }
    texts = measured.toArray(new String[0]);
    for (int c = 0; c < wordChar.length; c++) {
      wordChar[c] = Character.isLetterOrDigit(c);
    }
    rules = Classifiers.defaultClassifier();
    List<LabelledText> train = new ArrayList<>();
    for (String t : training) {
      Classification c = rules.classify(t, Optional.empty());
      train.add(new LabelledText(t, Optional.empty(), Optional.of(c.polarity()), Optional.of(c.intent()),
          Optional.of(c.abusive())));
    }
    trained = ClassifierTraining.train(train).classifier();
    List<DocumentSample> samples = new ArrayList<>();
    for (LabelledText t : train) {
      String label = t.polarity().orElseThrow().name().toLowerCase(Locale.ROOT);
      samples.add(new DocumentSample(label, SimpleTokenizer.INSTANCE.tokenize(t.text())));
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.THREADS_PARAM, 1);
    DoccatModel model = DocumentCategorizerME.train("und", new CollectionObjectStream<>(samples), params,
        new DoccatFactory());
    doccat = new DocumentCategorizerME(model);
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
  public long readTextFloor() {
    String t = next();
    int n = Math.min(t.length(), chars.length);
    t.getChars(0, n, chars, 0);
    long sum = 0;
    long h = 0;
    for (int k = 0; k < n; k++) {
      char c = chars[k];
      if (wordChar[c]) {
        h = 31 * h + c;
      } else if (h != 0) {
        sum += h;
        h = 0;
      }
    }
    return sum + h;
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

  @Benchmark
  public Polarity vaderJavaPort() throws IOException {
    SentimentAnalyzer analyzer = new SentimentAnalyzer(next());
    analyzer.analyze();
    float c = analyzer.getPolarity().get("compound");
    return c >= 0.05f ? Polarity.POSITIVE : c <= -0.05f ? Polarity.NEGATIVE : Polarity.NEUTRAL;
  }

  @Benchmark
  public String openNlpDoccat() {
    double[] outcomes = doccat.categorize(SimpleTokenizer.INSTANCE.tokenize(next()));
    return doccat.getBestCategory(outcomes);
  }

}
