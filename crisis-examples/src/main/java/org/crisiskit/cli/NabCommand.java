package org.crisiskit.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.crisiskit.detect.DetectorConfig;
import org.crisiskit.eval.NabEvaluation;
import org.crisiskit.eval.NabScorer;

/**
 * {@code ./crisis nab --data DIR}: scores the volume-only detector, with its default configuration, on a
 * folder in the Numenta Anomaly Benchmark layout and prints the standard, low-FP and low-FN scores.
 */
final class NabCommand implements CliCommand {
  @Override
  public String name() {
    return "nab";
  }

  @Override
  public String summary() {
    return "score the volume detector on NAB-labelled series (standard, low-FP, low-FN)";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis nab --data DIR",
        "  --data DIR  a NAB folder: DIR/labels/combined_windows.json and DIR/data/<name>.csv");
  }

  @Override
  public int run(Args args, Io io) throws Exception {
    Path dir = Path.of(args.required("data"));
    args.checkAllUsed();
    args.checkNoPositional();
    NabEvaluation.Result r = NabEvaluation.evaluate(dir, DetectorConfig.ofDefaults());
    if (r.perFile().isEmpty()) {
      throw new java.io.FileNotFoundException("no labelled NAB series found under " + dir
          + " (expected data/realTweets/*.csv and labels/combined_windows.json)");
    }
    io.out().println("file,profile,raw_score,windows,detected,false_positives");
    for (Map.Entry<String, Map<String, NabScorer.FileScore>> e : r.perFile().entrySet()) {
      for (Map.Entry<String, NabScorer.FileScore> p : e.getValue().entrySet()) {
        NabScorer.FileScore fs = p.getValue();
        io.out().printf(Locale.ROOT, "%s,%s,%.3f,%d,%d,%d%n", e.getKey(), p.getKey(), fs.score(), fs.windows(),
            fs.detected(), fs.falsePositives());
      }
    }
    for (Map.Entry<String, Double> e : r.normalised().entrySet()) {
      io.out().printf(Locale.ROOT, "NAB %s score: %.1f%n", e.getKey(), e.getValue());
    }
    return 0;
  }
}
