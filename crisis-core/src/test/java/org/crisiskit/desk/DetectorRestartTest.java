package org.crisiskit.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.crisiskit.cases.Severity;
import org.crisiskit.detect.CrisisDetector;
import org.crisiskit.detect.Incident;
import org.crisiskit.detect.Streams;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.FsyncPolicy;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalEntry;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk restarted on its journal detects like a desk that never stopped: same baseline, same open
 * incident, no duplicate incident records.
 */
class DetectorRestartTest {
  static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  static final Duration STEP = Duration.ofMinutes(5);
  static final double[] DAILY = {0.3, 0.2, 0.15, 0.15, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
      1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.6, 0.4};
  static final String[] PRAISE = {"@acme thanks, lovely service as always", "@acme great support today, thank you"};
  static final String[] COMPLAINTS = {"@acme my order still hasn't arrived after two weeks, nobody answers",
      "@acme you charged me twice this month and nobody answers my emails"};

  /** Mentions of one five-minute step, and how many of them arrive only after the step's tick. */
  record Step(Instant end, List<Mention> mentions, int late) {}

  /**
   * {@code days} of seasonal noise (about 40 an hour at the peak, a quarter negative) then, from
   * {@code burstAt}, negatives times {@code burst} for two hours. Some mentions of each step arrive
   * after the tick that closed their bucket, as with a polling adapter.
   */
  static List<Step> script(long seed, double days, Instant burstAt, double burst) {
    Random rnd = new Random(seed);
    List<Step> steps = new ArrayList<>();
    long id = 1;
    Instant end = MONDAY.plus(Duration.ofMillis((long) (days * 86_400_000L)));
    for (Instant t = MONDAY; t.isBefore(end); t = t.plus(STEP)) {
      int hour = t.atZone(java.time.ZoneOffset.UTC).getHour();
      double lambda = 40 / 12.0 * DAILY[hour];
      boolean bursting = !t.isBefore(burstAt) && t.isBefore(burstAt.plus(Duration.ofHours(2)));
      int pos = Streams.poisson(rnd, lambda * 0.75);
      int neg = Streams.poisson(rnd, lambda * 0.25 * (bursting ? burst : 1));
      List<Mention> ms = new ArrayList<>();
      for (int i = 0; i < pos + neg; i++) {
        long n = id++;
        String text = i < pos ? PRAISE[(int) (n % PRAISE.length)] : COMPLAINTS[(int) (n % COMPLAINTS.length)];
        ms.add(mention(n, t.plusMillis(rnd.nextInt(300_000)), text));
      }
      ms.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
      steps.add(new Step(t.plus(STEP), ms, ms.isEmpty() ? 0 : rnd.nextInt(Math.min(3, ms.size()) + 1)));
    }
    return steps;
  }

  static Mention mention(long n, Instant at, String text) {
    int a = (int) (n % 400);
    return Mention.newBuilder().network("x").id(Long.toString(n)).conversationId(Long.toString(n))
        .author(Author.newBuilder().id("u" + a).handle("user" + a).followers(10L * (a + 1)).build())
        .text(text).language("en").createdAt(at).addressing(Addressing.MENTION).build();
  }

  /** Incident notices as "id state severity at", for comparing runs. */
  static final class Incidents implements DeskListener {
    final List<String> seen = new ArrayList<>();

    @Override
    public void onIncident(DeskNotice n) {
      seen.add(n.subject() + " " + n.data().get("state") + " " + n.data().get("severity") + " " + n.at());
    }
  }

  static CrisisDesk open(Path dir, FakeClock clock, DeskListener listener) {
    return CrisisDesk.newBuilder().journalDirectory(dir).fsync(FsyncPolicy.grouped(Duration.ofSeconds(1)))
        .clock(clock).brand("acme").listener(listener).build();
  }

  /** Runs steps {@code [from, to)}: the timely mentions, a tick, then the late ones. */
  static void run(CrisisDesk desk, FakeClock clock, List<Step> steps, int from, int to) {
    for (Step s : steps.subList(from, to)) {
      clock.set(s.end().plusSeconds(10));
      List<Mention> ms = s.mentions();
      int timely = ms.size() - s.late();
      ms.subList(0, timely).forEach(desk::ingest);
      desk.tick();
      ms.subList(timely, ms.size()).forEach(desk::ingest);
    }
  }

  static List<String> records(Path dir, String type) {
    List<String> out = new ArrayList<>();
    try (Journal j = FileJournal.open(dir.resolve("journal"), FsyncPolicy.everyRecord())) {
      j.replay((JournalEntry e) -> {
        if (e.type().equals(type)) {
          out.add(e.payload());
        }
      });
    }
    return out;
  }

  @Test
  void aRestartedDeskRaisesTheSameIncidentAtTheSameTimeAsOneThatNeverStopped(@TempDir Path tmp) {
    Instant burstAt = MONDAY.plus(Duration.ofHours(2 * 24 + 13));
    List<Step> steps = script(7, 2.75, burstAt, 6);
    int restartAt = (int) (Duration.ofDays(2).toMillis() / STEP.toMillis()); // Wednesday 00:00

    Incidents uninterrupted = new Incidents();
    FakeClock c1 = new FakeClock(MONDAY);
    try (CrisisDesk desk = open(tmp.resolve("one"), c1, uninterrupted)) {
      run(desk, c1, steps, 0, steps.size());
    }

    Incidents before = new Incidents();
    Incidents after = new Incidents();
    FakeClock c2 = new FakeClock(MONDAY);
    try (CrisisDesk desk = open(tmp.resolve("two"), c2, before)) {
      run(desk, c2, steps, 0, restartAt);
    }
    try (CrisisDesk desk = open(tmp.resolve("two"), c2, after)) {
      run(desk, c2, steps, restartAt, steps.size());
    }

    assertTrue(uninterrupted.seen.stream().anyMatch(s -> s.contains(" ALERT ") || s.contains(" CRISIS ")),
        "the burst is raised: " + uninterrupted.seen);
    List<String> both = new ArrayList<>(before.seen);
    both.addAll(after.seen);
    assertEquals(uninterrupted.seen, both, "same incidents, states, severities and times");
    assertFalse(after.seen.isEmpty(), "the burst after the restart is raised");
    assertEquals(records(tmp.resolve("one"), Incident.JOURNAL_TYPE), records(tmp.resolve("two"), Incident.JOURNAL_TYPE),
        "same incident records, explanations included");
    assertEquals(records(tmp.resolve("one"), CrisisDetector.TIME_RECORD_TYPE),
        records(tmp.resolve("two"), CrisisDetector.TIME_RECORD_TYPE));
  }

  @Test
  void anIncidentOpenBeforeARestartIsOpenAfterItAndTriageSeesItsSeverity(@TempDir Path tmp) {
    Instant burstAt = MONDAY.plus(Duration.ofHours(24 + 14));
    List<Step> steps = script(11, 1 + 15.5 / 24, burstAt, 10);
    Mention next = mention(1_000_000, steps.get(steps.size() - 1).end(), COMPLAINTS[0]);

    FakeClock c1 = new FakeClock(MONDAY);
    Incident live;
    Severity liveSeverity;
    try (CrisisDesk desk = open(tmp.resolve("one"), c1, DeskListener.NONE)) {
      run(desk, c1, steps, 0, steps.size());
      live = desk.currentIncident().orElseThrow(() -> new AssertionError("the burst opened no incident"));
      liveSeverity = desk.ingest(next).triage().severity();
    }
    assertTrue(live.severity() >= 5, "a severity triage reacts to: " + live);
    assertTrue(liveSeverity.compareTo(Severity.HIGH) >= 0, "triage raised by the crisis: " + liveSeverity);

    FakeClock c2 = new FakeClock(MONDAY);
    try (CrisisDesk desk = open(tmp.resolve("two"), c2, DeskListener.NONE)) {
      run(desk, c2, steps, 0, steps.size());
    }
    Incidents restarted = new Incidents();
    try (CrisisDesk desk = open(tmp.resolve("two"), c2, restarted)) {
      Optional<Incident> open = desk.currentIncident();
      assertTrue(open.isPresent(), "the open incident survives the restart");
      assertEquals(live.toJson(), open.get().toJson());
      assertEquals(liveSeverity, desk.ingest(next).triage().severity());
    }
    assertEquals(List.of(), restarted.seen, "the rebuild notifies nobody");
  }

  @Test
  void restartingTwiceWritesNoIncidentRecordTwice(@TempDir Path tmp) {
    Instant burstAt = MONDAY.plus(Duration.ofHours(24 + 14));
    List<Step> steps = script(11, 1 + 15.5 / 24, burstAt, 10);
    FakeClock clock = new FakeClock(MONDAY);
    try (CrisisDesk desk = open(tmp, clock, DeskListener.NONE)) {
      run(desk, clock, steps, 0, steps.size());
      assertTrue(desk.currentIncident().isPresent());
    }
    List<String> written = records(tmp, Incident.JOURNAL_TYPE);
    for (int i = 0; i < 2; i++) {
      try (CrisisDesk desk = open(tmp, clock, DeskListener.NONE)) {
        assertTrue(desk.currentIncident().isPresent(), "still open after restart " + (i + 1));
      }
    }
    List<String> after = records(tmp, Incident.JOURNAL_TYPE);
    assertEquals(written, after, "restarts write no incident record");
    Set<String> distinct = new HashSet<>(after);
    assertEquals(after.size(), distinct.size(), "no record twice");
  }
}
