package org.crisiskit.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseAction;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.playbook.Fixtures;
import org.crisiskit.testing.FakeClock;

class SlaReplayProperties {
  /** One step: a new mention (author 0–3, intent, severity) or a command on the n-th case; then time passes. */
  record Step(boolean mention, int author, Intent intent, Severity severity, CaseAction action, int caseIndex,
      int minutes) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.of(true, false), Arbitraries.integers().between(0, 3), Arbitraries.of(Intent.class),
        Arbitraries.of(Severity.class), Arbitraries.of(CaseAction.class), Arbitraries.integers().between(0, 9),
        Arbitraries.integers().between(0, 600))
        .as(Step::new);
    return step.list().ofMaxSize(40);
  }

  @Property(tries = 150)
  void clocksFromTheJournalEqualTheLiveOnes(@ForAll("steps") List<Step> steps) {
    FakeClock clock = new FakeClock(Instant.parse("2026-03-02T09:00:00Z"));
    Journal journal = Journal.inMemory();
    CaseService cases = CaseService.newBuilder().journal(journal).clock(clock).build();
    SlaMonitor live = SlaMonitor.create(cases, journal, SlaPolicy.ofDefaults(), clock);
    List<SlaEvent> heard = new ArrayList<>();
    live.addListener(heard::add);
    int n = 0;
    for (Step s : steps) {
      if (s.mention()) {
        cases.accept(Fixtures.mention("m" + n++, "author" + s.author(), 10, "text", "en", clock.instant()),
            new Assessment(s.intent(), s.severity(), s.intent() == Intent.COMPLAINT, Set.of()));
      } else {
        List<CrisisCase> all = cases.allCases();
        if (!all.isEmpty()) {
          CaseId id = all.get(s.caseIndex() % all.size()).id();
          cases.tryApply(new CaseCommand(id, s.action(), "agent", "note",
              java.util.Optional.of(PrivateChannel.DIRECT_MESSAGE), java.util.Optional.of("dept")));
        }
      }
      clock.advance(Duration.ofMinutes(s.minutes()));
      live.tick();
    }
    assertEquals(live.allClocks(), SlaClocks.replay(journal, SlaPolicy.ofDefaults()));
    // a monitor rebuilt from the journal has the same clocks and raises nothing already raised
    CaseService rebuilt = CaseService.newBuilder().journal(journal).clock(clock).build();
    assertEquals(cases.allCases(), rebuilt.allCases(), "the deadlines the monitor sets are journaled with the case");
    SlaMonitor again = SlaMonitor.create(rebuilt, journal, SlaPolicy.ofDefaults(), clock);
    assertEquals(live.allClocks(), again.allClocks());
    assertEquals(List.of(), again.tick());
  }
}
