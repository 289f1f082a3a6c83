package org.crisiskit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Accuracy, macro-recall, macro-F1, per-class precision/recall/F1 and the confusion matrix. */
final class Metrics {
  final String label;
  final String[] classes;
  final int[][] confusion;
  int total;

  Metrics(String label, List<String> gold, List<String> predicted) {
    this.label = label;
    TreeSet<String> all = new TreeSet<>(gold);
    all.addAll(predicted);
    classes = all.toArray(new String[0]);
    confusion = new int[classes.length][classes.length];
    for (int i = 0; i < gold.size(); i++) {
      confusion[index(gold.get(i))][index(predicted.get(i))]++;
      total++;
    }
  }

  private int index(String c) {
    return java.util.Arrays.binarySearch(classes, c);
  }

  double accuracy() {
    int ok = 0;
    for (int i = 0; i < classes.length; i++) {
      ok += confusion[i][i];
    }
    return total == 0 ? 0 : ok / (double) total;
  }

  private int goldCount(int c) {
    int s = 0;
    for (int j = 0; j < classes.length; j++) {
      s += confusion[c][j];
    }
    return s;
  }

  private int predCount(int c) {
    int s = 0;
    for (int i = 0; i < classes.length; i++) {
      s += confusion[i][c];
    }
    return s;
  }

  double precision(int c) {
    int p = predCount(c);
    return p == 0 ? 0 : confusion[c][c] / (double) p;
  }

  double recall(int c) {
    int g = goldCount(c);
    return g == 0 ? 0 : confusion[c][c] / (double) g;
  }

  double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Macro averages over the classes present in the gold labels. */
  double macroRecall() {
    double s = 0;
    int n = 0;
    for (int c = 0; c < classes.length; c++) {
      if (goldCount(c) > 0) {
        s += recall(c);
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }

  double macroF1() {
    double s = 0;
    int n = 0;
    for (int c = 0; c < classes.length; c++) {
      if (goldCount(c) > 0) {
        s += f1(c);
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "%s: n=%d accuracy=%.3f macro-recall=%.3f macro-F1=%.3f%n",
        label, total, accuracy(), macroRecall(), macroF1());
    out.printf(Locale.ROOT, "  %-18s %9s %9s %9s %7s%n", "class", "precision", "recall", "F1", "gold");
    for (int c = 0; c < classes.length; c++) {
      out.printf(Locale.ROOT, "  %-18s %9.3f %9.3f %9.3f %7d%n", classes[c], precision(c), recall(c), f1(c),
          goldCount(c));
    }
    out.printf(Locale.ROOT, "  confusion (rows gold, columns predicted):%n  %-18s", "");
    for (String c : classes) {
      out.printf(Locale.ROOT, " %10s", abbreviate(c));
    }
    out.println();
    for (int i = 0; i < classes.length; i++) {
      out.printf(Locale.ROOT, "  %-18s", classes[i]);
      for (int j = 0; j < classes.length; j++) {
        out.printf(Locale.ROOT, " %10d", confusion[i][j]);
      }
      out.println();
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 10 ? s.substring(0, 10) : s;
  }
}
