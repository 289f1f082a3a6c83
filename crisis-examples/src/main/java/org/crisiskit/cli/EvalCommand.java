package org.crisiskit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Classifier;

/** {@code ./crisis eval --in LABELLED.jsonl [--model FILE]}: scores a classifier on labelled data. */
final class EvalCommand implements CliCommand {
  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String summary() {
    return "score the classifier on labelled JSONL (accuracy, macro-recall/F1, confusion)";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis eval --in LABELLED.jsonl [--model FILE]",
        "  --in FILE     one {\"text\", \"lang\"?, \"polarity\"?, \"intent\"?, \"abusive\"?} a line",
        "  --model FILE  a model written by ./crisis train, or 'bundled' for the model",
        "                  shipped in the library (default: the rule engine)",
        "  prints, for each label present: accuracy, macro-recall, macro-F1, per-class precision,",
        "  recall and F1, and the confusion matrix");
  }

  @Override
  public int run(Args args, Io io) throws IOException {
    Path in = Path.of(args.required("in"));
    Optional<String> model = args.option("model");
    args.checkAllUsed();
    args.checkNoPositional();
    Classifier classifier = ModelFiles.classifier(model);
    List<LabelledJsonl.Row> rows = LabelledJsonl.read(in);
    Map<String, List<String>> gold = new LinkedHashMap<>();
    Map<String, List<String>> pred = new LinkedHashMap<>();
    for (LabelledJsonl.Row r : rows) {
      Classification c = classifier.classify(r.text(), r.lang());
      for (Map.Entry<String, String> g : r.gold().entrySet()) {
        String p;
        switch (g.getKey()) {
          case "polarity": p = c.polarity().jsonName(); break;
          case "intent": p = c.intent().jsonName(); break;
          default: p = String.valueOf(c.abusive()); break;
        }
        gold.computeIfAbsent(g.getKey(), k -> new ArrayList<>()).add(g.getValue());
        pred.computeIfAbsent(g.getKey(), k -> new ArrayList<>()).add(p);
      }
    }
    io.out().println("evaluated " + rows.size() + " examples from " + in + " with "
        + model.map(m -> "model " + m).orElse("the rule engine"));
    if (gold.isEmpty()) {
      io.out().println("no labels (polarity, intent, abusive) in the file");
    }
    for (String label : gold.keySet()) {
      new Metrics(label, gold.get(label), pred.get(label)).print(io.out());
    }
    return 0;
  }
}
