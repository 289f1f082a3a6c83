package org.crisiskit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.crisiskit.classify.Classifier;
import org.crisiskit.classify.ClassifierTraining;
import org.crisiskit.classify.Classifiers;
import org.crisiskit.classify.LabelledText;
import org.crisiskit.classify.Polarity;

/**
 * Polarity accuracy of the comparison engines of {@link ClassifierBenchmark} next to ours, on the
 * development data sets (never run by the build or the tests: the data is not in the repository).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.crisiskit.benchmarks.CompareAccuracy
 * --work /tmp/ck-data}, after {@code scripts/classifier-data.py ../shared/data /tmp/ck-data} (which
 * {@code scripts/classifier-eval.sh} runs): it reads the labelled JSONL files that script writes, so
 * both compare on the same texts and labels. Prints one line per engine and evaluation set:
 * {@code n}, accuracy, macro-recall and macro-F1 (macro over the gold classes, as {@code ./crisis eval}).
 *
 * <ul>
 *   <li>English: TweetEval sentiment val. Trained engines learn from the set
 *       {@code scripts/classifier-eval.sh} trains its English model on: VADER's rated tweets (mean
 *       rating ≥ 0.8 positive, ≤ −0.8 negative, else neutral), XLM-T English train minus the texts of
 *       TweetEval val (XLM-T English reuses those tweets; what remains is all negative) and the even-id
 *       half of the airline tweets (with the source's "Late Flight"/"Cancelled Flight" edits undone);
 *       then again trained on VADER's rated tweets alone (the set of the bundled model).
 *   <li>Spanish: XLM-T Spanish val; trained engines learn from XLM-T Spanish train.
 * </ul>
 *
 * Engines: the VADER Java port (compound score, ±0.05 thresholds; English lexicon, also run on
 * Spanish for reference), Apache OpenNLP's document categorizer (maxent, bag of words, default training
 * parameters, {@code SimpleTokenizer}), Crisis Kit's default rule engine, and Crisis Kit's linear model
 * trained on the same training texts.
 */
public final class CompareAccuracy {
  private static final String[] POLARITY = {"negative", "neutral", "positive"};

  private CompareAccuracy() {}

  /**
   * Runs the comparison.
   *
   * @param args {@code --work DIR}, the folder {@code scripts/classifier-data.py} wrote
   */
  public static void main(String[] args) throws IOException {
    Path work = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--work") && i + 1 < args.length) {
        work = Path.of(args[++i]);
      } else {
        usage("unknown argument: " + args[i]);
      }
    }
    if (work == null) {
      usage("--work DIR is required");
    }
    run(work, System.out);
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: CompareAccuracy --work DIR   (DIR: where scripts/classifier-data.py wrote its files)");
    System.exit(2);
  }

  static void run(Path work, PrintStream out) throws IOException {
    List<Example> tweetEvalVal = read(work, "nc-tweeteval-sentiment-val");
    // in the order scripts/classifier-eval.sh passes them to ./crisis train (SGD sees them in this order)
    List<Example> vaderOnly = read(work, "vader-tweets");
    List<Example> enTrain = new ArrayList<>(vaderOnly);
    enTrain.addAll(read(work, "nc-xlmt-en-train-minus-tweeteval-val"));
    enTrain.addAll(read(work, "nc-airline-tune"));
    List<Example> esTrain = read(work, "nc-xlmt-es-train");
    List<Example> esVal = read(work, "nc-xlmt-es-val");

    out.printf(Locale.ROOT,
        "English: TweetEval sentiment val (n=%d); trained on VADER tweets + XLM-T en train minus it + airline"
        + " even ids (n=%d)%n",
        tweetEvalVal.size(), enTrain.size());
    compare(enTrain, tweetEvalVal, out);
    out.printf(Locale.ROOT, "English: TweetEval sentiment val (n=%d); trained on VADER tweets only (n=%d)%n",
        tweetEvalVal.size(), vaderOnly.size());
    compare(vaderOnly, tweetEvalVal, out);
    out.printf(Locale.ROOT, "Spanish: XLM-T es val (n=%d); trained on XLM-T es train (n=%d)%n",
        esVal.size(), esTrain.size());
    compare(esTrain, esVal, out);
  }

  private static void compare(List<Example> train, List<Example> test, PrintStream out) throws IOException {
    report("vader-java-port", test, CompareAccuracy::vader, out);
    DocumentCategorizerME doccat = trainDoccat(train);
    report("opennlp-doccat", test,
        e -> doccat.getBestCategory(doccat.categorize(SimpleTokenizer.INSTANCE.tokenize(e.text))), out);
    Classifier rules = Classifiers.defaultClassifier();
    report("crisiskit-rules", test, e -> rules.classify(e.text, Optional.of(e.lang)).polarity().jsonName(), out);
    List<LabelledText> labelled = new ArrayList<>();
    for (Example e : train) {
      labelled.add(new LabelledText(e.text, Optional.of(e.lang), Optional.of(Polarity.fromJsonName(e.label)),
          Optional.empty(), Optional.empty()));
    }
    Classifier trained = ClassifierTraining.train(labelled).classifier();
    report("crisiskit-trained", test, e -> trained.classify(e.text, Optional.of(e.lang)).polarity().jsonName(), out);
  }

  private static String vader(Example e) {
    try {
      SentimentAnalyzer analyzer = new SentimentAnalyzer(e.text);
      analyzer.analyze();
      float c = analyzer.getPolarity().get("compound");
      return c >= 0.05f ? "positive" : c <= -0.05f ? "negative" : "neutral";
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static DocumentCategorizerME trainDoccat(List<Example> train) throws IOException {
    List<DocumentSample> samples = new ArrayList<>();
    for (Example e : train) {
      samples.add(new DocumentSample(e.label, SimpleTokenizer.INSTANCE.tokenize(e.text)));
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.THREADS_PARAM, 1);
    DoccatModel model = DocumentCategorizerME.train("und", new CollectionObjectStream<>(samples), params,
        new DoccatFactory());
    return new DocumentCategorizerME(model);
  }

  private static void report(String engine, List<Example> test, Function<Example, String> predict,
      PrintStream out) {
    TreeSet<String> classes = new TreeSet<>(List.of(POLARITY));
    String[] names = classes.toArray(new String[0]);
    int[][] confusion = new int[names.length][names.length];
    for (Example e : test) {
      confusion[index(names, e.label)][index(names, predict.apply(e))]++;
    }
    double ok = 0;
    double recall = 0;
    double f1 = 0;
    int present = 0;
    for (int c = 0; c < names.length; c++) {
      ok += confusion[c][c];
      int gold = 0;
      int predicted = 0;
      for (int j = 0; j < names.length; j++) {
        gold += confusion[c][j];
        predicted += confusion[j][c];
      }
      if (gold == 0) {
        continue;
      }
      present++;
      double r = confusion[c][c] / (double) gold;
      double p = predicted == 0 ? 0 : confusion[c][c] / (double) predicted;
      recall += r;
      f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    out.printf(Locale.ROOT, "  %-18s n=%d accuracy=%.3f macro-recall=%.3f macro-F1=%.3f%n", engine, test.size(),
        ok / test.size(), recall / present, f1 / present);
  }

  private static int index(String[] names, String label) {
    int i = java.util.Arrays.binarySearch(names, label);
    if (i < 0) {
      throw new IllegalArgumentException("not a polarity: " + label);
    }
    return i;
  }

  /** The texts of {@code <name>.jsonl} in {@code work} with their {@code polarity} label. */
  static List<Example> read(Path work, String name) throws IOException {
    List<Example> out = new ArrayList<>();
    int line = 0;
    for (String l : Files.readAllLines(work.resolve(name + ".jsonl"), StandardCharsets.UTF_8)) {
      line++;
      if (l.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(l);
      if (!n.path("text").isTextual() || !n.path("polarity").isTextual()) {
        throw new IOException(name + ".jsonl:" + line + ": expected \"text\" and \"polarity\" strings");
      }
      out.add(new Example(n.get("text").asText(), n.get("polarity").asText(), n.path("lang").asText("en")));
    }
    return out;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One labelled text. */
  record Example(String text, String label, String lang) {}
}
