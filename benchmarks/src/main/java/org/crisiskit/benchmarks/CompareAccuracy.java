package org.crisiskit.benchmarks;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
 * --data ../shared/data}. Reads the text and label files the way {@code scripts/classifier-data.py}
 * does (one text a line, labels 0 negative, 1 neutral, 2 positive) and prints one line per engine and
 * evaluation set: {@code n}, accuracy, macro-recall and macro-F1 (macro over the gold classes, as
 * {@code ./crisis eval}).
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
   * @param args {@code --data DIR}, the development data folder
   */
  public static void main(String[] args) throws IOException {
    Path data = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data") && i + 1 < args.length) {
        data = Path.of(args[++i]);
      } else {
        usage("unknown argument: " + args[i]);
      }
    }
    if (data == null) {
      usage("--data DIR is required");
    }
    run(data, System.out);
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: CompareAccuracy --data DIR   (DIR: the development data folder)");
    System.exit(2);
  }

  static void run(Path data, PrintStream out) throws IOException {
    List<Example> tweetEvalVal = read(data.resolve("tweeteval/sentiment"), "val", "en");
    Set<String> valTexts = new HashSet<>();
    for (Example e : tweetEvalVal) {
      valTexts.add(e.text.strip());
    }
    // in the order scripts/classifier-eval.sh passes them to ./crisis train (SGD sees them in this order)
    List<Example> enTrain = new ArrayList<>(vaderTweets(data.resolve("vader/tweets_GroundTruth.txt")));
    for (Example e : read(data.resolve("xlm-t-umsab/english"), "train", "en")) {
      if (!valTexts.contains(e.text.strip())) {
        enTrain.add(e);
      }
    }
    enTrain.addAll(airlineEvenIds(data.resolve("us-airline-sentiment/Tweets.csv")));
    List<Example> esTrain = read(data.resolve("xlm-t-umsab/spanish"), "train", "es");
    List<Example> esVal = read(data.resolve("xlm-t-umsab/spanish"), "val", "es");

    out.printf(Locale.ROOT,
        "English: TweetEval sentiment val (n=%d); trained on VADER tweets + XLM-T en train minus it + airline"
        + " even ids (n=%d)%n",
        tweetEvalVal.size(), enTrain.size());
    compare(enTrain, tweetEvalVal, out);
    List<Example> vaderOnly = vaderTweets(data.resolve("vader/tweets_GroundTruth.txt"));
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

  /** {@code <split>_text.txt} and {@code <split>_labels.txt} of {@code dir}, line by line. */
  static List<Example> read(Path dir, String split, String lang) throws IOException {
    List<String> texts = Files.readAllLines(dir.resolve(split + "_text.txt"), StandardCharsets.UTF_8);
    List<String> labels = Files.readAllLines(dir.resolve(split + "_labels.txt"), StandardCharsets.UTF_8);
    if (texts.size() != labels.size()) {
      throw new IOException(dir + ": " + texts.size() + " texts but " + labels.size() + " labels for " + split);
    }
    List<Example> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(new Example(texts.get(i), POLARITY[Integer.parseInt(labels.get(i).strip())], lang));
    }
    return out;
  }

  /** VADER's rated tweets: {@code id TAB mean-rating TAB text}. */
  static List<Example> vaderTweets(Path file) throws IOException {
    List<Example> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] p = line.split("\t", -1);
      if (p.length >= 3) {
        double m = Double.parseDouble(p[1]);
        out.add(new Example(p[2], m >= 0.8 ? "positive" : m <= -0.8 ? "negative" : "neutral", "en"));
      }
    }
    return out;
  }

  private static final String[][] AIRLINE_FIXES = {{"Late Flightr", "later"}, {"Late Flight", "late"},
      {"Cancelled Flightled", "cancelled"}, {"Cancelled Flightlation", "cancellation"},
      {"Cancelled Flighting", "cancelling"}, {"Cancelled Flight", "cancel"}};

  /** The airline tweets with an even tweet id (the half the project tunes and trains on). */
  static List<Example> airlineEvenIds(Path file) throws IOException {
    List<List<String>> rows = csv(Files.readString(file, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    int id = header.indexOf("tweet_id");
    int sentiment = header.indexOf("airline_sentiment");
    int text = header.indexOf("text");
    List<Example> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() <= Math.max(id, Math.max(sentiment, text)) || new java.math.BigInteger(r.get(id)).testBit(0)) {
        continue;
      }
      String t = r.get(text);
      for (String[] f : AIRLINE_FIXES) {
        t = t.replace(f[0], f[1]);
      }
      out.add(new Example(t, r.get(sentiment), "en"));
    }
    return out;
  }

  /** RFC 4180 records: comma-separated, double-quoted fields may hold commas, quotes and newlines. */
  static List<List<String>> csv(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else if (c != '\r') {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  /** One labelled text. */
  record Example(String text, String label, String lang) {}
}
