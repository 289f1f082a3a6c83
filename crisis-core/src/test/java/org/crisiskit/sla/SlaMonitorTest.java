package org.crisiskit.sla;

import static org.crisiskit.playbook.Fixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlaMonitorTest {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private FakeClock clock;
  private Journal journal;
  private CaseService cases;
  private SlaMonitor sla;
  private final List<SlaEvent> heard = new ArrayList<>();

  @BeforeEach
  void setUp() {
    clock = new FakeClock(T0);
    journal = Journal.inMemory();
    cases = CaseService.newBuilder().journal(journal).clock(clock).build();
    sla = SlaMonitor.create(cases, journal, SlaPolicy.ofDefaults(), clock).addListener(heard::add);
  }

  private CaseId complaint(String id, Severity severity) {
    return cases.accept(mention(id, "ana" + id, 10, "late", "es", clock.instant()),
        new Assessment(Intent.COMPLAINT, severity, true, Set.of("delivery"))).caseId();
  }

  private SlaClock clockOf(CaseId id, SlaKind kind) {
    return sla.clocks(id).stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void complaintWarnsAt75PercentAndBreachesAfter60Minutes() {
    CaseId id = complaint("1", Severity.NORMAL);
    SlaClock fr = clockOf(id, SlaKind.FIRST_RESPONSE);
    assertEquals(T0.plus(Duration.ofMinutes(60)), fr.due());
    assertEquals(T0.plus(Duration.ofMinutes(45)), fr.warnAt());
    sla.syncDeadlines();
    assertEquals(Optional.of(fr.due()), cases.find(id).orElseThrow().deadline("sla_first_response"));
    clock.advance(Duration.ofMinutes(44));
    assertTrue(sla.tick().isEmpty());
    clock.advance(Duration.ofMinutes(1));
    List<SlaEvent> warn = sla.tick();
    assertEquals(1, warn.size());
    assertEquals(SlaEvent.Type.WARNING, warn.get(0).type());
    assertEquals(SlaKind.FIRST_RESPONSE, warn.get(0).kind());
    assertTrue(sla.tick().isEmpty(), "a warning is raised once");
    clock.advance(Duration.ofMinutes(16));
    List<SlaEvent> breach = sla.tick();
    assertEquals(SlaEvent.Type.BREACH, breach.get(0).type());
    assertEquals(List.of(warn.get(0), breach.get(0)), heard);
    List<String> records = new ArrayList<>();
    journal.replay(e -> {
      if (e.type().equals(SlaMonitor.RECORD_TYPE)) {
        records.add(e.payload());
      }
    });
    assertEquals(2, records.size());
    assertTrue(records.get(1).contains("\"event\":\"breach\""));
    // a restarted monitor does not raise them again
    CaseService again = CaseService.newBuilder().journal(journal).clock(clock).build();
    assertTrue(SlaMonitor.create(again, journal, SlaPolicy.ofDefaults(), clock).tick().isEmpty());
  }

  @Test
  void answeringInTimeStopsTheClock() {
    CaseId id = complaint("2", Severity.NORMAL);
    clock.advance(Duration.ofMinutes(20));
    cases.apply(CaseCommand.acknowledge(id, "agent"));
    assertTrue(clockOf(id, SlaKind.FIRST_RESPONSE).met());
    clock.advance(Duration.ofHours(1));
    assertTrue(sla.tick().stream().noneMatch(e -> e.kind() == SlaKind.FIRST_RESPONSE));
    assertTrue(cases.find(id).orElseThrow().deadline("sla_first_response").isEmpty());
  }

  @Test
  void criticalSeverityTightensTheTarget() {
    CaseId id = complaint("3", Severity.CRITICAL);
    assertEquals(T0.plus(Duration.ofMinutes(15)), clockOf(id, SlaKind.FIRST_RESPONSE).due());
    assertEquals(T0.plus(Duration.ofHours(4)), clockOf(id, SlaKind.RESOLUTION).due());
  }

  @Test
  void escalationRestartsTheResolutionClock() {
    CaseId id = complaint("4", Severity.NORMAL);
    clock.advance(Duration.ofHours(3));
    cases.apply(CaseCommand.escalate(id, "agent", "logistics", "needs a courier claim"));
    Instant esc = T0.plus(Duration.ofHours(3));
    assertEquals(esc.plus(Duration.ofHours(24)), clockOf(id, SlaKind.RESOLUTION).due());
    sla.tick();
    assertEquals(Optional.of(esc.plus(Duration.ofHours(24))), cases.find(id).orElseThrow().deadline("sla_resolution"));
  }

  @Test
  void reopeningRestartsFirstResponseAndDropsFollowUp() {
    CaseId id = complaint("5", Severity.NORMAL);
    cases.apply(CaseCommand.movePrivate(id, "agent", PrivateChannel.DIRECT_MESSAGE));
    clock.advance(Duration.ofHours(1));
    cases.apply(CaseCommand.resolve(id, "agent", "refund sent"));
    assertEquals(clock.instant().plus(Duration.ofHours(48)), clockOf(id, SlaKind.FOLLOW_UP).due());
    clock.advance(Duration.ofHours(2));
    cases.apply(CaseCommand.reopen(id, "agent", "customer wrote again"));
    SlaClock fr = clockOf(id, SlaKind.FIRST_RESPONSE);
    assertTrue(fr.running());
    assertEquals(clock.instant().plus(Duration.ofMinutes(60)), fr.due());
    assertTrue(sla.clocks(id).stream().noneMatch(c -> c.kind() == SlaKind.FOLLOW_UP));
  }

  @Test
  void aLateMentionThatReopensACaseStartsTheClockAtTheMentionAsTheCaseDeadlineDoes() {
    CaseId id = complaint("7", Severity.NORMAL);
    cases.apply(CaseCommand.acknowledge(id, "agent"));
    cases.apply(CaseCommand.movePrivate(id, "agent", PrivateChannel.DIRECT_MESSAGE));
    cases.apply(CaseCommand.resolve(id, "agent", "refund sent"));
    Instant posted = T0.plus(Duration.ofMinutes(30));
    clock.advance(Duration.ofHours(2)); // the mention is read back-filled, 90 minutes after it was posted
    var r = cases.accept(mention("7b", "ana7", 10, "still no refund", "es", posted),
        new Assessment(Intent.COMPLAINT, Severity.NORMAL, true, Set.of("delivery")));
    assertTrue(r.reopened());
    SlaClock fr = clockOf(id, SlaKind.FIRST_RESPONSE);
    assertEquals(posted, fr.start());
    assertEquals(posted.plus(Duration.ofMinutes(60)), fr.due());
    assertEquals(cases.find(id).orElseThrow().deadline("first_response"), Optional.of(fr.due()));
    // and the same after a restart
    CaseService again = CaseService.newBuilder().journal(journal).clock(clock).build();
    SlaClock replayed = SlaMonitor.create(again, journal, SlaPolicy.ofDefaults(), clock).clocks(id).stream()
        .filter(c -> c.kind() == SlaKind.FIRST_RESPONSE).findFirst().orElseThrow();
    assertEquals(fr, replayed);
  }

  @Test
  void businessHoursMoveTheDeadline() {
    BusinessHours h = BusinessHours.weekdays(ZoneId.of("UTC"), LocalTime.of(9, 0), LocalTime.of(17, 0));
    clock.set(Instant.parse("2026-03-06T16:30:00Z")); // Friday
    Journal j = Journal.inMemory();
    CaseService cs = CaseService.newBuilder().journal(j).clock(clock).build();
    SlaMonitor m = SlaMonitor.create(cs, j, SlaPolicy.custom().businessHours(h).build(), clock);
    CaseId id = cs.accept(mention("6", "bob", 10, "hello?", "en", clock.instant()), Assessment.of(Intent.QUESTION)).caseId();
    SlaClock fr = m.clocks(id).get(0);
    assertEquals(Instant.parse("2026-03-09T09:30:00Z"), fr.due());
    clock.set(Instant.parse("2026-03-07T12:00:00Z"));
    assertTrue(m.tick().isEmpty(), "the weekend does not count");
  }

  @Test
  void caseListenersSeeEachCaseEventsInOrder() {
    List<org.crisiskit.cases.CaseEvent> seen = new ArrayList<>();
    cases.addListener(new org.crisiskit.cases.CaseListener() {
      @Override
      public void onEvent(org.crisiskit.cases.CaseEvent event, org.crisiskit.cases.CrisisCase after) {
        seen.add(event);
      }
    });
    CaseId id = complaint("8", Severity.NORMAL);
    cases.apply(CaseCommand.escalate(id, "agent", "logistics", "claim"));
    sla.tick();
    assertEquals(cases.find(id).orElseThrow().history(), seen);
  }

  @Test
  void praiseHasADayAndNoResolutionClock() {
    CaseId id = cases.accept(mention("7", "eva", 10, "love it", "en", T0), Assessment.of(Intent.PRAISE)).caseId();
    assertEquals(1, sla.clocks(id).size());
    assertEquals(T0.plus(Duration.ofHours(24)), clockOf(id, SlaKind.FIRST_RESPONSE).due());
    assertFalse(clockOf(id, SlaKind.FIRST_RESPONSE).breached(T0.plus(Duration.ofHours(2))));
  }
  @Test
  void aComplaintCorrectedToPraiseKeepsOnlyThePraiseClocks() {
    CaseId id = complaint("9", Severity.NORMAL);
    clock.advance(Duration.ofMinutes(10));
    cases.reassess(id, "agent", new Assessment(Intent.PRAISE, Severity.NORMAL, false, Set.of()));
    assertEquals(List.of(SlaKind.FIRST_RESPONSE), sla.clocks(id).stream().map(SlaClock::kind).toList(),
        "praise has no move-private or resolution target");
    assertEquals(T0.plus(Duration.ofHours(24)), clockOf(id, SlaKind.FIRST_RESPONSE).due());
    clock.advance(Duration.ofHours(3));
    assertTrue(sla.tick().isEmpty(), "nothing of the complaint's targets breaches");
    sla.syncDeadlines();
    assertTrue(cases.find(id).orElseThrow().deadline("sla_move_private").isEmpty());
    assertEquals(sla.clocks(id), SlaClocks.replay(journal, SlaPolicy.ofDefaults()).get(id), "replay agrees");
  }

  @Test
  void aComplaintCorrectedToPraiseAndBackGetsItsComplaintClocksBack() {
    CaseId id = complaint("11", Severity.NORMAL);
    List<SlaClock> before = sla.clocks(id);
    clock.advance(Duration.ofMinutes(10));
    cases.reassess(id, "agent", new Assessment(Intent.PRAISE, Severity.NORMAL, false, Set.of()));
    clock.advance(Duration.ofMinutes(10));
    cases.reassess(id, "agent", new Assessment(Intent.COMPLAINT, Severity.NORMAL, true, Set.of("delivery")));
    assertEquals(before, sla.clocks(id), "the same clocks, from the same start, as before the mistake");
    assertEquals(sla.clocks(id), SlaClocks.replay(journal, SlaPolicy.ofDefaults()).get(id), "replay agrees");
  }

  @Test
  void aClockSetAsideAndThenStoppedDoesNotComeBack() {
    CaseId id = complaint("12", Severity.NORMAL);
    cases.reassess(id, "agent", new Assessment(Intent.PRAISE, Severity.NORMAL, false, Set.of()));
    cases.apply(CaseCommand.movePrivate(id, "agent", PrivateChannel.DIRECT_MESSAGE));
    cases.reassess(id, "agent", new Assessment(Intent.COMPLAINT, Severity.NORMAL, true, Set.of("delivery")));
    assertTrue(sla.clocks(id).stream().noneMatch(c -> c.kind() == SlaKind.MOVE_PRIVATE),
        "moved private while set aside: " + sla.clocks(id));
    assertTrue(clockOf(id, SlaKind.RESOLUTION).running());
    assertEquals(T0.plus(Duration.ofHours(24)), clockOf(id, SlaKind.RESOLUTION).due());
  }

  @Test
  void aComplaintCorrectedToNeutralRunsNoClock() {
    CaseId id = complaint("10", Severity.NORMAL);
    cases.reassess(id, "agent", new Assessment(Intent.NEUTRAL, Severity.NORMAL, false, Set.of()));
    assertTrue(sla.clocks(id).isEmpty(), sla.clocks(id).toString());
    clock.advance(Duration.ofDays(2));
    assertTrue(sla.tick().isEmpty());
  }
}
