package org.crisiskit.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.FsyncPolicy;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;
import org.crisiskit.journal.TempDirs;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.testing.FailingJournal;
import org.crisiskit.testing.FakeClock;

class JournalReplayProperties {
  @Provide
  Arbitrary<List<Steps.Step>> scripts() {
    return Steps.scripts(3, 20, 80);
  }

  private static void run(CaseService s, FakeClock clock, List<Steps.Step> script) {
    int[] n = {0};
    for (Steps.Step step : script) {
      clock.advance(Duration.ofSeconds(37));
      Steps.run(s, step, n);
    }
  }

  static void assertSameService(CaseService live, CaseService rebuilt) {
    assertEquals(live.allCases(), rebuilt.allCases());
    for (CrisisCase c : live.allCases()) {
      assertEquals(c, rebuilt.find(c.id()).orElseThrow());
      assertEquals(c.state(), rebuilt.find(c.id()).orElseThrow().state());
      assertEquals(live.mentionsOf(c.id()), rebuilt.mentionsOf(c.id()));
    }
    assertEquals(live.mentionCount(), rebuilt.mentionCount());
    assertEquals(live.countByState(), rebuilt.countByState());
    assertEquals(
        live.negativeMentions(MentionFixtures.T0.minusSeconds(1), MentionFixtures.T0.plus(Duration.ofDays(9)), Optional.empty()),
        rebuilt.negativeMentions(MentionFixtures.T0.minusSeconds(1), MentionFixtures.T0.plus(Duration.ofDays(9)), Optional.empty()));
  }

  @Property(tries = 150)
  void replayingTheJournalRebuildsIdenticalCases(@ForAll("scripts") List<Steps.Step> script) {
    Journal journal = Journal.inMemory();
    FakeClock clock = new FakeClock(MentionFixtures.T0);
    CaseService live = CaseService.newBuilder().journal(journal).clock(clock).build();
    run(live, clock, script);
    long seq = journal.lastSequence();
    Statistics.label("a case got resolved").collect(live.allCases().stream().anyMatch(c -> c.resolution().isPresent()));
    Statistics.label("a case was re-opened").collect(live.allCases().stream()
        .anyMatch(c -> c.history().stream().anyMatch(e -> e.type() == CaseEventType.CASE_REOPENED)));
    Statistics.label("a case got resolved").coverage(c -> c.check(true).percentage(p -> p >= 50));
    CaseService rebuilt = CaseService.newBuilder().journal(journal).clock(clock).build();
    assertSameService(live, rebuilt);
    assertEquals(seq, journal.lastSequence(), "rebuilding must not write");
  }

  @Property(tries = 25)
  void replayingAFileJournalAfterReopeningRebuildsIdenticalCases(@ForAll("scripts") List<Steps.Step> script)
      throws IOException {
    Path dir = Files.createTempDirectory("crisis-replay");
    try {
      FakeClock clock = new FakeClock(MentionFixtures.T0);
      CaseService live;
      try (FileJournal journal = FileJournal.open(dir, FsyncPolicy.grouped(Duration.ofSeconds(1)))) {
        live = CaseService.newBuilder().journal(journal).clock(clock).build();
        run(live, clock, script);
      }
      try (FileJournal journal = FileJournal.open(dir)) {
        assertSameService(live, CaseService.newBuilder().journal(journal).clock(clock).build());
      }
    } finally {
      TempDirs.delete(dir);
    }
  }

  /** The service after a script ran with no failure, and how many appends the script made. */
  private record Uninterrupted(CaseService service, long appends) {
    /** The append at which to fail: one of the script's own, chosen by {@code pick}. */
    long failAt(int pick) {
      return appends == 0 ? 1 : 1 + pick % appends;
    }
  }

  private static Uninterrupted uninterrupted(List<Steps.Step> script) {
    FakeClock clock = new FakeClock(MentionFixtures.T0);
    FailingJournal journal = new FailingJournal(); // fails nothing: counts the appends
    CaseService s = CaseService.newBuilder().journal(journal).clock(clock).build();
    run(s, clock, script);
    return new Uninterrupted(s, journal.appends());
  }

  /**
   * A crash at any append (a mention's acceptance is up to four of them) loses nothing: after a
   * restart on what reached the journal, the adapter delivers the interrupted mention again (or the
   * agent repeats the command) and the script goes on; the cases end as if nothing had happened.
   */
  @Property(tries = 150)
  void aCrashAtAnyAppendEndsAsIfNothingHadHappened(@ForAll("scripts") List<Steps.Step> script,
      @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    Uninterrupted reference = uninterrupted(script);

    FakeClock clock = new FakeClock(MentionFixtures.T0);
    FailingJournal journal = new FailingJournal().crashAt(reference.failAt(pick));
    CaseService s = CaseService.newBuilder().journal(journal).clock(clock).build();
    int[] n = {0};
    int i = 0;
    for (; i < script.size(); i++) {
      clock.advance(Duration.ofSeconds(37));
      int before = n[0];
      try {
        Steps.run(s, script.get(i), n);
      } catch (JournalException e) {
        n[0] = before;
        break;
      }
    }
    Statistics.label("crashed").collect(i < script.size());
    Statistics.label("crashed").coverage(c -> c.check(true).percentage(p -> p >= 90));
    if (i < script.size()) {
      CaseService restarted = CaseService.newBuilder().journal(journal.disk).clock(clock).build();
      Steps.run(restarted, script.get(i), n); // delivered again
      for (i++; i < script.size(); i++) {
        clock.advance(Duration.ofSeconds(37));
        Steps.run(restarted, script.get(i), n);
      }
      s = restarted;
    }
    assertSameService(reference.service(), s);
  }

  /**
   * One failed append (a full disk that frees up again) cuts a step short; repeating the step in the
   * same process completes it, and a restart rebuilds the same cases.
   */
  @Property(tries = 150)
  void aFailedAppendIsCompletedByRepeatingTheStep(@ForAll("scripts") List<Steps.Step> script,
      @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    Uninterrupted reference = uninterrupted(script);

    FakeClock clock = new FakeClock(MentionFixtures.T0);
    FailingJournal journal = new FailingJournal().glitchAt(reference.failAt(pick));
    CaseService s = CaseService.newBuilder().journal(journal).clock(clock).build();
    int[] n = {0};
    for (Steps.Step step : script) {
      clock.advance(Duration.ofSeconds(37));
      int before = n[0];
      try {
        Steps.run(s, step, n);
      } catch (JournalException e) {
        n[0] = before;
        Steps.run(s, step, n);
      }
    }
    Statistics.label("failed").collect(journal.failed());
    Statistics.label("failed").coverage(c -> c.check(true).percentage(p -> p >= 90));
    assertSameService(reference.service(), s);
    assertSameService(reference.service(), CaseService.newBuilder().journal(journal.disk).clock(clock).build());
  }
}
