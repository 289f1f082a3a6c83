package org.crisiskit.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesDetectorTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  private static List<double[]> koSlice() throws Exception {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SeriesDetectorTest.class.getResourceAsStream("nab-ko-slice.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] p = line.split(",");
        long t = LocalDateTime.parse(p[0].replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        rows.add(new double[] {t, Double.parseDouble(p[1])});
      }
    }
    return rows;
  }

  @Test
  void realTweetVolumeAlertsOnceInsideTheLabelledWindow() throws Exception {
    List<double[]> rows = koSlice();
    SeriesDetector d = SeriesDetector.create(DetectorConfig.ofDefaults());
    List<Integer> alerts = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SeriesScore s = d.observe(Instant.ofEpochMilli((long) rows.get(i)[0]), rows.get(i)[1]);
      assertTrue(s.score() >= 0 && s.score() <= 1, "score in [0,1]");
      assertEquals(s.alert(), s.alert() && s.score() >= 0.5, "an alert has a score of at least 0.5");
      if (s.alert()) {
        alerts.add(i);
      }
    }
    long inWindow = alerts.stream().filter(i -> i >= 390 && i <= 918).count();
    assertEquals(1, inWindow, "one alert for the labelled anomaly, got alerts at " + alerts);
    assertTrue(alerts.size() <= 2, "few alerts outside the window: " + alerts);
  }

  @Test
  void oneRowDatedYearsAheadIsDroppedNotTheEndOfDetection() throws Exception {
    List<double[]> rows = koSlice();
    rows.add(301, new double[] {Instant.parse("2025-06-01T00:00:00Z").toEpochMilli(), 50});
    SeriesDetector d = SeriesDetector.create(DetectorConfig.ofDefaults());
    List<Integer> alerts = new ArrayList<>();
    double scored = 0;
    for (int i = 0; i < rows.size(); i++) {
      SeriesScore s = d.observe(Instant.ofEpochMilli((long) rows.get(i)[0]), rows.get(i)[1]);
      scored += i > 301 ? s.score() : 0;
      if (s.alert()) {
        alerts.add(i - (i > 301 ? 1 : 0));
      }
    }
    assertTrue(scored > 0, "later rows are scored");
    assertEquals(1, alerts.stream().filter(i -> i >= 390 && i <= 918).count(), "the anomaly is found: " + alerts);
  }

  @Test
  void aHeldPointIsDroppedAndCountedOrLearntWhenTheNextConfirmsTheGap() {
    SeriesDetector d = SeriesDetector.create(DetectorConfig.ofDefaults());
    d.observe(T0, 10);
    SeriesScore held = d.observe(T0.plusSeconds(3650L * 86_400), 10);
    assertEquals(0.0, held.score());
    d.observe(T0.plusSeconds(300), 10);
    assertEquals(1, d.futureDropped());
    // a week's gap, confirmed by the next point
    d.observe(T0.plusSeconds(7 * 86_400), 10);
    d.observe(T0.plusSeconds(7 * 86_400 + 300), 10);
    d.observe(T0.plusSeconds(7 * 86_400 + 600), 10);
    assertEquals(1, d.futureDropped());
  }

  @Test
  void aLateSpikeIsScoredAgainstTheCurrentBaselineButNotLearnt() {
    SeriesDetector d = SeriesDetector.create(DetectorConfig.ofDefaults());
    SeriesDetector twin = SeriesDetector.create(DetectorConfig.ofDefaults());
    Random rnd = new Random(11);
    long step = 300_000;
    int n = 288 * 3;
    for (int i = 0; i < n; i++) {
      int v = Streams.poisson(rnd, 20);
      d.observe(T0.plusMillis(i * step), v);
      twin.observe(T0.plusMillis(i * step), v);
    }
    SeriesScore late = d.observe(T0.plusMillis((n - 5) * step), 2_000);
    assertTrue(late.score() >= 0.5, "a hundred-fold value is anomalous even late: " + late);
    assertTrue(late.surprise() > 10, "scored against the baseline: " + late);
    assertTrue(!late.alert(), "a late point never alerts");
    SeriesScore next = d.observe(T0.plusMillis(n * step), 21);
    assertEquals(twin.observe(T0.plusMillis(n * step), 21), next, "the late point was not learnt");
  }

  @Test
  void flatPoissonNoiseDoesNotAlertAndAStepDoes() {
    Random rnd = new Random(7);
    SeriesDetector d = SeriesDetector.create(DetectorConfig.ofDefaults());
    int alerts = 0;
    long step = 300_000;
    for (int i = 0; i < 288 * 5; i++) {
      SeriesScore s = d.observe(T0.plusMillis(i * step), Streams.poisson(rnd, 20));
      alerts += s.alert() ? 1 : 0;
    }
    assertEquals(0, alerts, "no alert on five days of stationary noise");
    boolean raised = false;
    for (int i = 288 * 5; i < 288 * 5 + 12 && !raised; i++) {
      raised = d.observe(T0.plusMillis(i * step), Streams.poisson(rnd, 120)).alert();
    }
    assertTrue(raised, "a six-fold step is raised within an hour");
  }

  @Test
  void outOfOrderAndDuplicateTimestampsAreScoredNotLearnt() {
    SeriesDetector d = SeriesDetector.create(DetectorConfig.ofDefaults());
    d.observe(T0, 10);
    d.observe(T0.plusSeconds(300), 12);
    SeriesScore dup = d.observe(T0.plusSeconds(300), 1_000);
    SeriesScore back = d.observe(T0, 5);
    assertEquals(0.0, dup.cusum(), "a duplicate timestamp does not move the CUSUM");
    assertTrue(back.score() >= 0 && back.score() <= 1);
  }
}
