package org.crisiskit.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crisiskit.cases.AcceptResult;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Classification;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.Mention;
import org.junit.jupiter.api.Test;

/** What a rebuild does when the journal and the replay disagree, and with records it cannot read. */
class DetectorRebuildTest {
  private static final long HOUR = 3_600_000L;
  private static final long T0 = Streams.MONDAY.toEpochMilli();

  /** Feeds a detector through a case service on {@code journal}, as the crisis desk does. */
  private static final class Feed {
    final Random rnd = new Random(5);
    final CaseService cases;
    CrisisDetector detector;
    long id = 1;

    Feed(Journal journal, CrisisDetector detector) {
      this.cases = CaseService.newBuilder().journal(journal).clock(Clock.fixed(Streams.MONDAY, ZoneOffset.UTC)).build();
      this.detector = detector;
    }

    /** About 40 mentions an hour, a quarter negative, times {@code burst} negatives. */
    void run(long from, long to, double burst) {
      for (long t = from; t < to; t += 300_000) {
        int hour = (int) ((t / HOUR) % 24);
        double lambda = 40 / 12.0 * Streams.DAILY[hour];
        int pos = Streams.poisson(rnd, lambda * 0.75);
        int neg = Streams.poisson(rnd, lambda * 0.25 * burst);
        for (int i = 0; i < pos + neg; i++) {
          Mention m = Streams.mention(id++, t + rnd.nextInt(300_000), i < pos ? "thanks" : "parcel lost again");
          Classification c = i < pos ? Streams.positive() : Streams.negative("delivery");
          AcceptResult r = cases.accept(m, new Assessment(c.intent(), Severity.NORMAL, c.negative(), c.topics()));
          detector.observe(m, c, r.caseId());
        }
      }
      detector.advanceTo(Instant.ofEpochMilli(to));
    }
  }

  private static Journal withIncident(Journal journal) {
    Feed f = new Feed(journal, CrisisDetector.newBuilder().brand("acme").journal(journal).build());
    long burstAt = T0 + 36 * HOUR;
    f.run(T0, burstAt, 1);
    f.run(burstAt, burstAt + 2 * HOUR, 8);
    assertTrue(f.detector.currentIncident().isPresent(), "the burst opens an incident");
    return journal;
  }

  @Test
  void theIncidentTheJournalLastRecordedOpenStaysOpenWhenTheReplayDoesNotOpenIt() {
    Journal journal = withIncident(Journal.inMemory());
    List<String> written = new ArrayList<>();
    journal.replay(e -> written.add(e.payload()));
    Incident recorded = lastIncident(journal);
    // a configuration that would not have raised it: the journal says it was announced, so it stands
    DetectorConfig deaf = DetectorConfig.custom().cusumThreshold(100).spikeThreshold(100).windowThreshold(100)
        .volumeSpikeThreshold(100).volumeThreshold(100).silenceThreshold(100).build();
    List<Incident> heard = new ArrayList<>();
    CrisisDetector restarted = CrisisDetector.newBuilder().brand("acme").config(deaf).journal(journal)
        .listener(heard::add).rebuildFrom(journal).build();

    Incident open = restarted.currentIncident().orElseThrow(() -> new AssertionError("the recorded incident is lost"));
    assertEquals(recorded.id(), open.id());
    assertEquals(recorded.state(), open.state());
    assertEquals(recorded.severity(), open.severity());
    assertEquals(recorded.caseIds(), open.caseIds());
    assertEquals(recorded.explanation().sentence(), open.explanation().sentence());
    assertEquals(List.of(), heard);
    List<String> after = new ArrayList<>();
    journal.replay(e -> after.add(e.payload()));
    assertEquals(written, after, "the rebuild writes nothing");

    // it then cools and closes like any incident once nothing fires
    Feed f = new Feed(journal, restarted);
    f.id = 1_000_000;
    long from = recorded.updatedAt().toEpochMilli();
    f.run(from, from + 4 * HOUR, 1);
    assertTrue(heard.stream().anyMatch(i -> i.id().equals(recorded.id()) && i.state() == IncidentState.CLOSED),
        "closed: " + heard);
  }

  @Test
  void anIncidentTheJournalNeverRecordedIsNotTakenAsAnnounced() {
    Journal full = withIncident(Journal.inMemory());
    // as if the process died after journaling the mentions, before the incident records
    Journal crashed = Journal.inMemory();
    full.replay(e -> {
      if (!e.type().equals(Incident.JOURNAL_TYPE)) {
        crashed.append(e.type(), e.payload());
      }
    });
    List<Incident> heard = new ArrayList<>();
    CrisisDetector restarted = CrisisDetector.newBuilder().brand("acme").journal(crashed).listener(heard::add)
        .rebuildFrom(crashed).build();
    assertTrue(restarted.currentIncident().isEmpty(), "never announced, so not open");
    assertEquals(List.of(), heard);
  }

  @Test
  void anIncidentWhoseCloseWasNeverRecordedIsOpenAndNotAlsoClosed() {
    Journal full = Journal.inMemory();
    Feed f = new Feed(full, CrisisDetector.newBuilder().brand("acme").journal(full).build());
    long burstAt = T0 + 36 * HOUR;
    f.run(T0, burstAt, 1);
    f.run(burstAt, burstAt + 2 * HOUR, 8);
    f.run(burstAt + 2 * HOUR, burstAt + 8 * HOUR, 1);
    String closed = lastIncidentPayload(full);
    assertTrue(closed.contains("\"state\":\"closed\""), "the incident closed: " + closed);
    // as if the process died before the record of the close reached the disk
    Journal crashed = Journal.inMemory();
    full.replay(e -> {
      if (!e.payload().equals(closed)) {
        crashed.append(e.type(), e.payload());
      }
    });
    Incident recorded = lastIncident(crashed);
    CrisisDetector restarted = CrisisDetector.newBuilder().brand("acme").rebuildFrom(crashed).build();

    assertEquals(recorded.id(), restarted.currentIncident().orElseThrow().id(), "the journal last showed it open");
    assertTrue(restarted.closedIncidents().stream().noneMatch(i -> i.id().equals(recorded.id())),
        "open and closed at once: " + restarted.closedIncidents());
  }

  @Test
  void mentionsHeldForBeingFarAheadAreSettledTheSameWayByARebuild() {
    Journal journal = Journal.inMemory();
    Feed f = new Feed(journal, CrisisDetector.newBuilder().brand("acme").journal(journal).build());
    long future = T0 + 3650 * 24 * HOUR;
    f.run(T0, T0 + 30 * HOUR, 1);
    // held, then settled (dropped) by a clock tick that does not move time
    observe(f, Streams.mention(f.id++, future, "wrong clock"));
    f.detector.advanceTo(Instant.ofEpochMilli(T0 + 30 * HOUR - HOUR));
    // held, then dropped by the next mention
    observe(f, Streams.mention(f.id++, future, "wrong clock"));
    f.run(T0 + 30 * HOUR, T0 + 40 * HOUR, 8);
    // a genuine gap of four days, confirmed by the next mentions
    f.run(T0 + 136 * HOUR, T0 + 140 * HOUR, 1);
    // held at the end
    observe(f, Streams.mention(f.id++, future, "wrong clock"));
    assertEquals(2, f.detector.stats().futureDropped());

    CrisisDetector rebuilt = CrisisDetector.newBuilder().brand("acme").rebuildFrom(journal).build();
    assertEquals(f.detector.stats(), rebuilt.stats());
    assertEquals(f.detector.closedIncidents().stream().map(Incident::toJson).toList(),
        rebuilt.closedIncidents().stream().map(Incident::toJson).toList());
    assertEquals(f.detector.currentIncident().map(Incident::toJson), rebuilt.currentIncident().map(Incident::toJson));
    f.detector.advanceTo(Instant.ofEpochMilli(T0 + 141 * HOUR));
    rebuilt.advanceTo(Instant.ofEpochMilli(T0 + 141 * HOUR));
    assertEquals(3, rebuilt.stats().futureDropped());
    assertEquals(f.detector.stats(), rebuilt.stats());
  }

  private static void observe(Feed f, Mention m) {
    Classification c = Streams.negative("delivery");
    AcceptResult r = f.cases.accept(m, new Assessment(c.intent(), Severity.NORMAL, c.negative(), c.topics()));
    f.detector.observe(m, c, r.caseId());
  }

  @Test
  void recordsOfAnotherBrandAreLeftAlone() {
    Journal journal = withIncident(Journal.inMemory());
    CrisisDetector other = CrisisDetector.newBuilder().brand("globex").rebuildFrom(journal).build();
    assertTrue(other.currentIncident().isEmpty());
  }

  @Test
  void anUnreadableIncidentRecordNamesTheRecordAndTheField() {
    Journal journal = Journal.inMemory();
    journal.append(Incident.JOURNAL_TYPE, "{\"id\":\"acme-1\",\"brand\":\"acme\",\"state\":\"burning\"}");
    JournalException e = assertThrows(JournalException.class,
        () -> CrisisDetector.newBuilder().brand("acme").rebuildFrom(journal).build());
    assertTrue(e.getMessage().contains("journal record 1") && e.getMessage().contains("$.explanation"),
        e.getMessage());
    Journal badState = Journal.inMemory();
    String good = lastIncidentPayload(withIncident(Journal.inMemory()));
    badState.append(Incident.JOURNAL_TYPE, good.replaceFirst("\"state\":\"[a-z]+\"", "\"state\":\"burning\""));
    e = assertThrows(JournalException.class, () -> CrisisDetector.newBuilder().brand("acme").rebuildFrom(badState).build());
    assertTrue(e.getMessage().contains("$.state") && e.getMessage().contains("'burning'"), e.getMessage());
  }

  private static Incident lastIncident(Journal journal) {
    return Incident.fromJournal(parse(lastIncidentPayload(journal)), journal.lastSequence());
  }

  private static String lastIncidentPayload(Journal journal) {
    String[] last = new String[1];
    journal.replay(e -> {
      if (e.type().equals(Incident.JOURNAL_TYPE)) {
        last[0] = e.payload();
      }
    });
    return last[0];
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return org.crisiskit.internal.Json.parse(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
