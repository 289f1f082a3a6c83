package org.crisiskit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Numenta Anomaly Benchmark score of one detector's alerts, computed as NAB's own sweeper does
 * for a fixed threshold: rows inside a labelled window score a true positive by the scaled sigmoid of
 * their position (earliest detection ≈ +1, only the first in a window counts), a window without a
 * detection costs {@code fnWeight}, an alert outside windows costs {@code fpWeight} times the sigmoid
 * of its distance from the previous window (-1 with no previous window), and the first
 * {@code min(floor(15% of rows), 750)} rows are a probation period whose alerts are ignored.
 * Totals over files are normalised so a detector that never alerts scores 0 and a perfect one 100.
 *
 * <p>Stateless and thread-safe.
 */
public final class NabScorer {
  /** A cost profile from NAB's {@code config/profiles.json}. */
  public record Profile(String name, double tpWeight, double fnWeight, double fpWeight) {
    public static final Profile STANDARD = new Profile("standard", 1.0, 1.0, 0.11);
    public static final Profile LOW_FP = new Profile("reward_low_FP_rate", 1.0, 1.0, 0.22);
    public static final Profile LOW_FN = new Profile("reward_low_FN_rate", 1.0, 2.0, 0.11);
    public static final List<Profile> ALL = List.of(STANDARD, LOW_FP, LOW_FN);
  }

  /** A labelled window as row indices, both inclusive. */
  public record Window(int first, int last) {}

  /**
   * Raw score of one file and what it is made of.
   *
   * @param score the raw score
   * @param windows number of windows
   * @param detected windows with at least one alert
   * @param falsePositives alerts outside windows after probation
   */
  public record FileScore(double score, int windows, int detected, int falsePositives) {}

  private NabScorer() {}

  static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** NAB's scaled sigmoid: about +1 well before a window end, -1 well after. */
  static double scaledSigmoid(double relativePosition) {
    if (relativePosition > 3.0) {
      return -1.0;
    }
    return 2.0 * sigmoid(-5.0 * relativePosition) - 1.0;
  }

  /** The probation length NAB uses for a file of {@code rows} rows. */
  public static int probation(int rows) {
    return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
  }

  /**
   * Scores one file.
   *
   * @param alerts one flag per row
   * @param windows labelled windows, sorted, not overlapping
   */
  public static FileScore score(boolean[] alerts, List<Window> windows, Profile p) {
    int n = alerts.length;
    int probation = probation(n);
    double maxTp = scaledSigmoid(-1.0);
    double total = 0;
    int detected = 0;
    int fps = 0;
    int wi = 0;
    Window cur = null;
    double curWidth = 0;
    int prevRight = -1;
    double prevWidth = 0;
    boolean curDetected = false;
    double curBest = 0;
    for (int i = 0; i < n; i++) {
      if (cur == null && wi < windows.size() && windows.get(wi).first() == i) {
        cur = windows.get(wi++);
        curWidth = cur.last() - i + 1;
        curDetected = false;
      }
      double weighted;
      if (cur != null) {
        double pos = -(cur.last() - i + 1) / curWidth;
        weighted = scaledSigmoid(pos) * p.tpWeight() / maxTp;
      } else if (prevRight < 0) {
        weighted = -1.0 * p.fpWeight();
      } else {
        double pos = Math.abs(prevRight - i) / (prevWidth - 1);
        weighted = scaledSigmoid(pos) * p.fpWeight();
      }
      if (alerts[i] && i >= probation) {
        if (cur != null) {
          if (!curDetected) {
            curDetected = true;
            curBest = weighted;
          }
        } else {
          total += weighted;
          fps++;
        }
      }
      if (cur != null && i == cur.last()) {
        if (curDetected) {
          total += curBest;
          detected++;
        } else {
          total -= p.fnWeight();
        }
        prevRight = i;
        prevWidth = curWidth;
        cur = null;
      }
    }
    if (cur != null) {
      total += curDetected ? curBest : -p.fnWeight();
      detected += curDetected ? 1 : 0;
    }
    return new FileScore(total, windows.size(), detected, fps);
  }

  /** Normalises summed raw scores: 0 for a detector that never alerts, 100 for a perfect one. */
  public static double normalise(double rawTotal, int windowsTotal, Profile p) {
    double nullScore = -p.fnWeight() * windowsTotal;
    double perfect = p.tpWeight() * windowsTotal;
    return 100.0 * (rawTotal - nullScore) / (perfect - nullScore);
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static List<Window> sorted(List<Window> w) {
    List<Window> out = new ArrayList<>(w);
    out.sort((a, b) -> Integer.compare(a.first(), b.first()));
    return out;
  }
}
