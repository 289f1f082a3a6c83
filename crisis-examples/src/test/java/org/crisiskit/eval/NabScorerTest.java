package org.crisiskit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {
  private static final int ROWS = 2000;
  private static final List<NabScorer.Window> WINDOWS =
      List.of(new NabScorer.Window(800, 999), new NabScorer.Window(1500, 1699));

  private static boolean[] alertsAt(int... rows) {
    boolean[] a = new boolean[ROWS];
    for (int r : rows) {
      a[r] = true;
    }
    return a;
  }

  private static double normalised(boolean[] alerts, NabScorer.Profile p) {
    return NabScorer.normalise(NabScorer.score(alerts, WINDOWS, p).score(), WINDOWS.size(), p);
  }

  @Test
  void probationIsFifteenPercentCappedAt750() {
    assertEquals(300, NabScorer.probation(2000));
    assertEquals(750, NabScorer.probation(15_902));
  }

  @Test
  void nullDetectorScoresZeroAndPerfectOneHundred() {
    for (NabScorer.Profile p : NabScorer.Profile.ALL) {
      assertEquals(0.0, normalised(alertsAt(), p), 1e-9);
      assertEquals(100.0, normalised(alertsAt(800, 1500), p), 1e-9);
    }
  }

  @Test
  void earlierDetectionScoresMoreAndOnlyTheFirstInAWindowCounts() {
    NabScorer.Profile p = NabScorer.Profile.STANDARD;
    double early = NabScorer.score(alertsAt(850), WINDOWS, p).score();
    double late = NabScorer.score(alertsAt(990), WINDOWS, p).score();
    double twice = NabScorer.score(alertsAt(850, 990), WINDOWS, p).score();
    assertTrue(early > late, early + " > " + late);
    assertEquals(early, twice, 1e-12);
    // the window's middle is worth 2*sigmoid(2.5)-1 = 0.848 after normalising by the maximum
    double middle = NabScorer.score(alertsAt(900), WINDOWS, p).score() + 1.0;
    assertEquals((2 / (1 + Math.exp(-5 * 0.5)) - 1) / (2 / (1 + Math.exp(-5.0)) - 1), middle, 0.01);
  }

  @Test
  void falsePositivesCostTheirProfileWeightAndProbationIsIgnored() {
    double none = NabScorer.score(alertsAt(), WINDOWS, NabScorer.Profile.STANDARD).score();
    double fpStd = NabScorer.score(alertsAt(500), WINDOWS, NabScorer.Profile.STANDARD).score() - none;
    double fpLow = NabScorer.score(alertsAt(500), WINDOWS, NabScorer.Profile.LOW_FP).score() - none;
    assertEquals(-0.11, fpStd, 1e-12);
    assertEquals(-0.22, fpLow, 1e-12);
    assertEquals(none, NabScorer.score(alertsAt(100), WINDOWS, NabScorer.Profile.STANDARD).score(), 1e-12);
    // just after a window a false positive costs less than far from it
    double near = NabScorer.score(alertsAt(1001), WINDOWS, NabScorer.Profile.STANDARD).score() - none;
    double far = NabScorer.score(alertsAt(1400), WINDOWS, NabScorer.Profile.STANDARD).score() - none;
    assertTrue(near > far, near + " > " + far);
    assertEquals(-2.0 * 2, NabScorer.score(alertsAt(), WINDOWS, NabScorer.Profile.LOW_FN).score(), 1e-12);
  }
}
