package org.crisiskit.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crisiskit.cases.CaseId;
import org.crisiskit.internal.Json;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalEntry;
import org.junit.jupiter.api.Test;

class CrisisDetectorTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = Streams.MONDAY.toEpochMilli();

  @Test
  void aCrisisIsJournalledExplainedAndLinkedToItsCases() throws Exception {
    Journal journal = Journal.inMemory();
    List<Incident> seen = new ArrayList<>();
    CrisisDetector d = CrisisDetector.newBuilder().brand("acme").journal(journal).listener(seen::add).build();
    Random rnd = new Random(3);
    long stepAt = T0 + 8 * DAY + 10 * 3_600_000L;
    long id = Streams.feed(d, rnd, T0, stepAt, 60, 1, Long.MAX_VALUE, 1);
    for (long t = stepAt; t < stepAt + 2 * 3_600_000L; t += 20_000) {
      d.observe(Streams.mention(id, t, "courier lost my parcel, refund now"), Streams.negative("delivery"),
          CaseId.of("x-" + id));
      id++;
    }
    d.advanceTo(Instant.ofEpochMilli(stepAt + 2 * 3_600_000L));
    Incident now = d.currentIncident().orElseThrow();
    assertTrue(now.peakState() == IncidentState.CRISIS || now.peakState() == IncidentState.ALERT, now.toString());
    assertTrue(now.peakSeverity() >= 5, "a ten-fold excess is severe: " + now);
    assertFalse(now.caseIds().isEmpty(), "cases observed during the incident are linked");
    Explanation e = now.explanation();
    assertTrue(e.observed() > e.expected() * 3, e.sentence());
    assertTrue(e.topTerms().contains("courier") || e.topTerms().contains("parcel"), e.topTerms().toString());
    assertEquals("delivery", e.departmentShares().keySet().iterator().next());
    assertTrue(e.historyDays() >= 8, "baseline health is reported");
    assertTrue(!e.estimatedStart().isBefore(Instant.ofEpochMilli(stepAt - 3_600_000L)), e.estimatedStart().toString());

    List<JournalEntry> entries = new ArrayList<>();
    List<JournalEntry> times = new ArrayList<>();
    journal.replay(r -> (r.type().equals(CrisisDetector.TIME_RECORD_TYPE) ? times : entries).add(r));
    assertEquals(seen.size(), entries.size(), "every notification is journalled");
    JsonNode last = Json.parse(entries.get(entries.size() - 1).payload());
    assertEquals(Incident.JOURNAL_TYPE, entries.get(0).type());
    assertEquals(2, times.size(), "each feed ends with an advanceTo that moves time: " + times);
    assertEquals(now.id(), last.get("id").asText());
    assertTrue(last.get("explanation").get("sentence").asText().contains("negative"));
  }

  @Test
  void aLaunchSurgeOfPraiseStaysBelowAlert() {
    List<Incident> seen = new ArrayList<>();
    CrisisDetector d = CrisisDetector.newBuilder().listener(seen::add).build();
    Random rnd = new Random(5);
    long launch = T0 + 8 * DAY + 10 * 3_600_000L;
    long id = Streams.feed(d, rnd, T0, launch, 60, 1, Long.MAX_VALUE, 1);
    seen.clear();
    for (long t = launch; t < launch + 6 * 3_600_000L; t += 300_000) {
      // four times the volume, mostly praise; complaints grow less than the total
      int praise = Streams.poisson(rnd, 16);
      int complaints = Streams.poisson(rnd, 1.5);
      for (int i = 0; i < praise; i++) {
        d.observe(Streams.mention(id++, t + rnd.nextInt(300_000), "the new model is gorgeous"), Streams.positive());
      }
      for (int i = 0; i < complaints; i++) {
        d.observe(Streams.mention(id++, t + rnd.nextInt(300_000), "website slow today"), Streams.negative("outage"));
      }
    }
    d.advanceTo(Instant.ofEpochMilli(launch + 6 * 3_600_000L));
    for (Incident i : seen) {
      assertTrue(i.peakState().compareTo(IncidentState.WATCH) <= 0, i.toString());
    }
  }

  @Test
  void silenceIsAnAlert() {
    List<Incident> seen = new ArrayList<>();
    CrisisDetector d = CrisisDetector.newBuilder().listener(seen::add).build();
    Random rnd = new Random(11);
    long quiet = T0 + 8 * DAY + 11 * 3_600_000L;
    Streams.feed(d, rnd, T0, quiet, 120, 1, Long.MAX_VALUE, 1);
    d.advanceTo(Instant.ofEpochMilli(quiet + 2 * 3_600_000L));
    assertTrue(seen.stream().anyMatch(i -> i.explanation().signals().contains(Signal.SILENCE)
        && i.state() == IncidentState.ALERT), seen.toString());
  }

  @Test
  void duplicatesAndVeryLateMentionsAreDroppedAndCounted() {
    CrisisDetector d = CrisisDetector.create(DetectorConfig.ofDefaults());
    d.observe(Streams.mention(1, T0, "a"), Streams.positive());
    d.observe(Streams.mention(1, T0, "a"), Streams.positive());
    d.observe(Streams.mention(2, T0 + DAY, "b"), Streams.positive());
    d.observe(Streams.mention(3, T0 + DAY - 10 * 60_000, "late but allowed"), Streams.positive());
    d.observe(Streams.mention(4, T0 + 3_600_000, "far too late"), Streams.positive());
    assertEquals(new DetectorStats(3, 1, 1, 3, 0), d.stats());
  }

  @Test
  void oneMentionDatedYearsAheadDoesNotStopDetection() {
    List<Incident> seen = new ArrayList<>();
    CrisisDetector d = CrisisDetector.newBuilder().listener(seen::add).build();
    Random rnd = new Random(3);
    long stepAt = T0 + 8 * DAY + 10 * 3_600_000L;
    long id = Streams.feed(d, rnd, T0, T0 + 4 * DAY, 60, 1, Long.MAX_VALUE, 1);
    long counted = d.stats().mentions();
    d.observe(Streams.mention(id++, Instant.parse("2036-03-01T00:00:00Z").toEpochMilli(), "wrong clock"),
        Streams.negative("delivery"));
    Streams.feed(d, rnd, T0 + 4 * DAY, T0 + 9 * DAY, 60, id, stepAt, 10);
    assertEquals(0, d.stats().lateDropped(), "later mentions are not late: " + d.stats());
    assertTrue(d.stats().mentions() > counted + 1000, "later mentions are counted: " + d.stats());
    assertTrue(seen.stream().anyMatch(i -> i.peakState().rank() >= IncidentState.ALERT.rank()
        && i.updatedAt().toEpochMilli() >= stepAt), "the step is still detected: " + seen);
    assertTrue(seen.stream().allMatch(i -> i.updatedAt().toEpochMilli() <= T0 + 9 * DAY), "nothing in 2036: " + seen);
  }

  @Test
  void aFarFutureMentionIsHeldThenDroppedAndCountedUnlessTheNextConfirmsTheJump() {
    CrisisDetector d = CrisisDetector.create(DetectorConfig.ofDefaults());
    long future = T0 + 3650 * DAY;
    d.observe(Streams.mention(1, T0, "a"), Streams.positive());
    d.observe(Streams.mention(2, future, "wrong clock"), Streams.positive());
    d.observe(Streams.mention(2, future, "wrong clock, again"), Streams.positive());
    assertEquals(new DetectorStats(1, 1, 0, 0, 3, 0), d.stats(), "held, not counted; its copy is a duplicate");
    d.observe(Streams.mention(3, T0 + 60_000, "b"), Streams.positive());
    assertEquals(new DetectorStats(2, 1, 0, 1, 3, 0), d.stats(), "dropped when the next is back to the present");

    // a genuine gap of a week: the second mention after it confirms the jump, both count
    d.observe(Streams.mention(4, T0 + 7 * DAY + 120_000, "back"), Streams.positive());
    d.observe(Streams.mention(5, T0 + 7 * DAY, "back, earlier"), Streams.positive());
    d.observe(Streams.mention(6, T0 + 7 * DAY + 60_000, "still back"), Streams.positive());
    assertEquals(new DetectorStats(5, 1, 0, 1, 3, 0), d.stats());

    // two far-future mentions that disagree: the first is dropped, the second held
    d.observe(Streams.mention(7, future, "x"), Streams.positive());
    d.observe(Streams.mention(8, future + 365 * DAY, "y"), Streams.positive());
    assertEquals(2, d.stats().futureDropped());
    // the clock settles the held one: dropped when beyond now plus maxForwardJump...
    d.advanceTo(Instant.ofEpochMilli(T0 + 7 * DAY + 3_600_000));
    assertEquals(3, d.stats().futureDropped());
    // ...counted when the clock has come within maxForwardJump of it
    d.observe(Streams.mention(9, T0 + 12 * DAY, "z"), Streams.positive());
    d.advanceTo(Instant.ofEpochMilli(T0 + 11 * DAY));
    assertEquals(new DetectorStats(6, 1, 0, 3, 3, 0), d.stats());
  }

  @Test
  void configRejectsNonsenseNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DetectorConfig.custom().bucket(Duration.ZERO));
    assertTrue(e.getMessage().contains("bucket"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.custom().minNegativeShareLift(0.5));
    assertTrue(e.getMessage().contains("minNegativeShareLift"), e.getMessage());
    DetectorConfig c = DetectorConfig.from(DetectorConfig.ofDefaults()).cusumThreshold(9).build();
    assertEquals(9, c.cusumThreshold());
    assertEquals(DetectorConfig.ofDefaults().bucket(), c.bucket());
  }
}
