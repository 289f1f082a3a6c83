package org.crisiskit.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.crisiskit.cases.AcceptResult;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Polarity;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Mention;

/**
 * A detector rebuilt from its journal at any point of a stream goes on exactly like one that never
 * stopped: late mentions after ticks, re-delivered mentions and mentions with several topics included.
 */
class DetectorRebuildProperties {
  private static final long STEP = 300_000;
  private static final long DAY = 86_400_000L;
  private static final String[] TOPICS = {"delivery", "billing", "customer_service", "outage"};

  /** One pipeline: a case service and a detector on one journal, fed as the crisis desk feeds them. */
  private static final class Pipeline {
    final Journal journal;
    final List<String> incidents;
    CaseService cases;
    CrisisDetector detector;

    Pipeline(Journal journal, List<String> incidents, boolean rebuild) {
      this.journal = journal;
      this.incidents = incidents;
      this.cases = CaseService.newBuilder().journal(journal).clock(Clock.fixed(Streams.MONDAY, ZoneOffset.UTC)).build();
      CrisisDetector.Builder b = CrisisDetector.newBuilder().brand("acme").journal(journal)
          .listener(i -> incidents.add(i.toJson()));
      if (rebuild) {
        b.rebuildFrom(journal);
      }
      this.detector = b.build();
    }

    void ingest(Mention m, Classification c) {
      AcceptResult r = cases.accept(m, new Assessment(c.intent(), Severity.NORMAL, c.negative(), c.topics()));
      if (!r.duplicate()) {
        detector.observe(m, c, r.caseId());
      }
    }
  }

  private static Classification classification(Random rnd, boolean negative) {
    if (!negative) {
      return Streams.positive();
    }
    int first = rnd.nextInt(TOPICS.length);
    Set<String> topics = rnd.nextInt(4) == 0 ? Set.of(TOPICS[first], TOPICS[(first + 1) % TOPICS.length])
        : Set.of(TOPICS[rnd.nextInt(3)]);
    return new Classification(Intent.COMPLAINT, Polarity.NEGATIVE, -0.6, false, false, topics, Set.of(), "en",
        List.of());
  }

  @Property(tries = 15, seed = "20260105")
  void incidentsAfterARestartEqualThoseOfAnUninterruptedRun(@ForAll long seed,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double restartAt,
      @ForAll @IntRange(min = 4, max = 10) int burst,
      @ForAll @IntRange(min = 0, max = 3) int lateness) {
    Random rnd = new Random(seed);
    long t0 = Streams.MONDAY.toEpochMilli();
    long end = t0 + DAY + 6 * 3_600_000L + (long) (rnd.nextDouble() * 1.5 * DAY);
    long burstAt = t0 + DAY + (long) (rnd.nextDouble() * (end - t0 - DAY - 2 * 3_600_000L));
    // a third of the restarts fall within four hours after the burst began: an incident is open then
    long restart = (rnd.nextInt(3) == 0 ? burstAt + (long) (restartAt * 4 * 3_600_000L)
        : t0 + (long) (restartAt * (end - t0))) / STEP * STEP;

    List<String> uninterrupted = new ArrayList<>();
    List<String> restarted = new ArrayList<>();
    Pipeline one = new Pipeline(Journal.inMemory(), uninterrupted, false);
    Pipeline two = new Pipeline(Journal.inMemory(), restarted, false);
    long id = 1;
    List<Mention> delivered = new ArrayList<>();
    int beforeRestart = 0;
    for (long t = t0; t < end; t += STEP) {
      if (t == restart) {
        two = new Pipeline(two.journal, restarted, true);
        beforeRestart = restarted.size();
        Statistics.label("open at the restart").collect(two.detector.currentIncident().isPresent());
      }
      int hour = (int) ((t / 3_600_000) % 24);
      double lambda = 40 / 12.0 * Streams.DAILY[hour];
      boolean bursting = t >= burstAt && t < burstAt + 2 * 3_600_000L;
      int pos = Streams.poisson(rnd, lambda * 0.75);
      int neg = Streams.poisson(rnd, lambda * 0.25 * (bursting ? burst : 1));
      List<Mention> ms = new ArrayList<>();
      List<Classification> cs = new ArrayList<>();
      for (int i = 0; i < pos + neg; i++) {
        ms.add(Streams.mention(id++, t + rnd.nextInt((int) STEP), i < pos ? "thanks, lovely service"
            : "parcel never arrived, courier lost it and nobody answers"));
        cs.add(classification(rnd, i >= pos));
      }
      int late = Math.min(ms.size(), rnd.nextInt(lateness + 1));
      for (int i = 0; i < ms.size() - late; i++) {
        one.ingest(ms.get(i), cs.get(i));
        two.ingest(ms.get(i), cs.get(i));
      }
      if (!delivered.isEmpty() && rnd.nextInt(10) == 0) {
        // an adapter delivers an old mention again
        Mention again = delivered.get(rnd.nextInt(delivered.size()));
        one.ingest(again, Streams.positive());
        two.ingest(again, Streams.positive());
      }
      Instant tick = Instant.ofEpochMilli(t + STEP + 10_000);
      one.detector.advanceTo(tick);
      two.detector.advanceTo(tick);
      for (int i = ms.size() - late; i < ms.size(); i++) {
        one.ingest(ms.get(i), cs.get(i));
        two.ingest(ms.get(i), cs.get(i));
      }
      delivered.addAll(ms);
    }

    assertEquals(uninterrupted, restarted, "incident snapshots, before and after the restart");
    Statistics.label("raised after the restart").collect(restarted.size() > beforeRestart);
    Statistics.label("raised after the restart").coverage(c -> c.check(true).count(n -> n >= 5));
    Statistics.label("open at the restart").coverage(c -> c.check(true).count(n -> n >= 2));
    assertEquals(one.detector.stats(), two.detector.stats());
    assertEquals(one.detector.currentIncident().map(Incident::toJson), two.detector.currentIncident().map(Incident::toJson));
    assertEquals(one.detector.closedIncidents().stream().map(Incident::toJson).toList(),
        two.detector.closedIncidents().stream().map(Incident::toJson).toList());
    List<String> records1 = new ArrayList<>();
    List<String> records2 = new ArrayList<>();
    one.journal.replay(e -> records1.add(e.type() + " " + e.payload()));
    two.journal.replay(e -> records2.add(e.type() + " " + e.payload()));
    assertEquals(records1, records2, "the rebuild writes nothing: the journals are the same");
  }
}
