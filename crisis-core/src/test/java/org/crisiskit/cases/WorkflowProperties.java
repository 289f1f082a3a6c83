package org.crisiskit.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.testing.FakeClock;

class WorkflowProperties {
  /** Random actions; a steered one is replaced by an action the table allows in the case's state. */
  @Provide
  Arbitrary<List<net.jqwik.api.Tuple.Tuple2<Steps.Act, Boolean>>> actions() {
    return Combinators.combine(Steps.acts().map(s -> (Steps.Act) s), Arbitraries.integers().between(0, 9))
        .as((act, n) -> net.jqwik.api.Tuple.of(act, n < 6))
        .list().ofMinSize(10).ofMaxSize(50);
  }

  private static Steps.Act steer(Steps.Act act, CaseState state) {
    List<CaseAction> allowed = new java.util.ArrayList<>(Workflow.allowedActions(state));
    if (allowed.isEmpty()) {
      return act;
    }
    return new Steps.Act(act.target(), allowed.get(act.note().length() % allowed.size()), act.note(),
        act.channel(), act.department());
  }

  @Provide
  Arbitrary<Set<PrivateChannel>> reachable() {
    return Arbitraries.subsetOf(PrivateChannel.values());
  }

  /** What the guards say, written independently of CaseService. */
  private static boolean guardsAllow(CrisisCase c, CaseCommand cmd, Set<PrivateChannel> reachable,
      boolean outcomeRequired) {
    switch (cmd.action()) {
      case MOVE_PRIVATE:
        return cmd.channel().map(reachable::contains).orElse(false);
      case PUBLISH_OUTCOME:
        return c.resolution().filter(r -> !r.isBlank()).isPresent();
      case DO_NOT_ENGAGE:
        return !cmd.note().isBlank();
      case CLOSE:
        return !(c.state() == CaseState.RESOLVED && outcomeRequired)
            && !(c.state() == CaseState.NEW && cmd.note().isBlank());
      default:
        return true;
    }
  }

  @Property(tries = 200)
  void randomActionSequencesNeverLeaveTheTransitionTable(
      @ForAll("actions") List<net.jqwik.api.Tuple.Tuple2<Steps.Act, Boolean>> actions,
      @ForAll("reachable") Set<PrivateChannel> reachable,
      @ForAll boolean outcomeRequired) {
    Journal journal = Journal.inMemory();
    RecordingListener recorder = new RecordingListener();
    FakeClock clock = new FakeClock(MentionFixtures.T0);
    CaseService s = CaseService.newBuilder().journal(journal).clock(clock)
        .config(CaseConfig.custom().publicOutcomeRequired(outcomeRequired).build())
        .channels((c, ch) -> reachable.contains(ch)).listener(recorder).build();
    CaseId[] ids = {
        s.accept(MentionFixtures.mention("1", "a", "c1", 0), Assessment.of(Intent.COMPLAINT)).caseId(),
        s.accept(MentionFixtures.mention("2", "b", "c2", 0), Assessment.of(Intent.PRAISE)).caseId()};
    boolean guardRefused = false;
    for (net.jqwik.api.Tuple.Tuple2<Steps.Act, Boolean> step : actions) {
      clock.advance(Duration.ofMinutes(1));
      CaseId id = ids[step.get1().target() % ids.length];
      CrisisCase before = s.find(id).orElseThrow();
      Steps.Act act = step.get2() ? steer(step.get1(), before.state()) : step.get1();
      long seq = journal.lastSequence();
      CaseCommand cmd = act.command(id);
      boolean expected = Workflow.allows(before.state(), cmd.action())
          && guardsAllow(before, cmd, reachable, outcomeRequired);

      TransitionResult r = s.tryApply(cmd);
      guardRefused |= Workflow.allows(before.state(), cmd.action()) && !r.applied();

      assertEquals(expected, r.applied(), () -> cmd + " from " + before.state() + ": " + r.rejection());
      if (r.applied()) {
        CaseState to = Workflow.target(before.state(), cmd.action()).orElseThrow();
        assertEquals(to, r.caseAfter().state());
        CaseEvent last = r.caseAfter().history().get(r.caseAfter().history().size() - 1);
        assertEquals(CaseEventType.of(cmd.action()), last.type());
        assertEquals(before.state(), last.from());
        assertEquals(to, last.to());
        assertEquals(before.history(), r.caseAfter().history().subList(0, before.history().size()));
        assertEquals(seq + 1, journal.lastSequence());
      } else {
        assertTrue(r.rejection().isPresent());
        assertEquals(before, r.caseAfter());
        assertEquals(before, s.find(id).orElseThrow());
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> s.apply(cmd));
        assertEquals(id, e.caseId());
        assertEquals(before.state(), e.from());
        assertEquals(cmd.action(), e.action());
        assertEquals(before, s.find(id).orElseThrow());
        assertEquals(seq, journal.lastSequence());
      }
    }
    int transitions = 0;
    for (CaseId id : ids) {
      CrisisCase c = s.find(id).orElseThrow();
      assertHistoryFollowsTheTable(c);
      assertEquals(c.history(), recorder.events(id));
      transitions += (int) c.history().stream().filter(CaseEvent::isTransition).count();
    }
    // the generator must reach deep into the table and hit the guards, not only bounce off NEW
    Statistics.label("guard refused").collect(guardRefused);
    Statistics.label("3+ transitions").collect(transitions >= 3);
    Statistics.label("guard refused").coverage(c -> c.check(true).percentage(p -> p >= 25));
    Statistics.label("3+ transitions").coverage(c -> c.check(true).percentage(p -> p >= 60));
  }

  /** Every event starts where the previous one ended, and every transition is in the table. */
  static void assertHistoryFollowsTheTable(CrisisCase c) {
    CaseState state = CaseState.NEW;
    assertEquals(CaseEventType.CASE_OPENED, c.history().get(0).type());
    for (CaseEvent e : c.history()) {
      assertEquals(state, e.from(), () -> "history of " + c.id() + " broken at " + e);
      Optional<CaseAction> action = e.type().action();
      if (action.isPresent()) {
        assertEquals(Workflow.target(e.from(), action.get()), Optional.of(e.to()), e::toString);
      } else {
        assertEquals(e.from(), e.to(), e::toString);
      }
      state = e.to();
    }
    assertEquals(state, c.state());
  }

  @net.jqwik.api.Example
  void everyStateIsReachableFromNewAndClosedIsASink() {
    Set<CaseState> seen = EnumSet.of(CaseState.NEW);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (CaseState s : Set.copyOf(seen)) {
        for (CaseAction a : Workflow.allowedActions(s)) {
          grew |= seen.add(Workflow.target(s, a).orElseThrow());
        }
      }
    }
    assertEquals(EnumSet.allOf(CaseState.class), seen);
    assertFalse(Workflow.allowedActions(CaseState.CLOSED).iterator().hasNext());
  }
}
