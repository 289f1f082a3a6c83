package org.crisiskit.cases;

import static org.crisiskit.mention.MentionFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

class WorkflowTest {
  private final FakeClock clock = new FakeClock(MentionFixtures.T0.plus(Duration.ofMinutes(5)));
  private final Journal journal = Journal.inMemory();
  private final RecordingListener recorder = new RecordingListener();

  private CaseService service(CaseConfig config, ChannelAvailability channels) {
    return CaseService.newBuilder().journal(journal).clock(clock).config(config).channels(channels)
        .listener(recorder).build();
  }

  private CaseService service() {
    return service(CaseConfig.ofDefaults(), ChannelAvailability.ALL);
  }

  private static CaseId open(CaseService s, String id) {
    return s.accept(mention(id, "a" + id, "c" + id, 0), Assessment.of(Intent.COMPLAINT)).caseId();
  }

  @Test
  void mainPathEndsClosedWithEveryFactRecorded() {
    CaseService s = service();
    CaseId id = open(s, "1");
    assertEquals(CaseState.NEW, s.find(id).orElseThrow().state());
    clock.advance(Duration.ofMinutes(10));
    s.apply(CaseCommand.acknowledge(id, "ana"));
    s.apply(CaseCommand.movePrivate(id, "ana", PrivateChannel.DIRECT_MESSAGE));
    s.apply(CaseCommand.resolve(id, "ana", "refund sent"));
    s.apply(CaseCommand.publishOutcome(id, "ana"));
    s.apply(CaseCommand.followUp(id, "ana"));
    CrisisCase c = s.apply(CaseCommand.close(id, "ana", "done"));
    assertEquals(CaseState.CLOSED, c.state());
    assertEquals(Optional.of("refund sent"), c.resolution());
    assertEquals(Optional.of(PrivateChannel.DIRECT_MESSAGE), c.privateChannel());
    assertEquals(Optional.of(Duration.ofMinutes(15)), c.firstResponseTime());
    assertEquals(Optional.of(MentionFixtures.T0.plus(Duration.ofHours(1))), c.deadline(CrisisCase.FIRST_RESPONSE));
    assertEquals(
        List.of(CaseEventType.CASE_OPENED, CaseEventType.DEADLINE_SET, CaseEventType.CASE_ACKNOWLEDGED,
            CaseEventType.CASE_MOVED_PRIVATE, CaseEventType.CASE_RESOLVED, CaseEventType.CASE_OUTCOME_PUBLISHED,
            CaseEventType.CASE_FOLLOWED_UP, CaseEventType.CASE_CLOSED),
        c.history().stream().map(CaseEvent::type).collect(Collectors.toList()));
    assertFalse(c.isOpen());
  }

  @Test
  void illegalApplyThrowsWithCaseStateAndActionAndChangesNothing() {
    CaseService s = service();
    CaseId id = open(s, "1");
    CrisisCase before = s.find(id).orElseThrow();
    long seq = journal.lastSequence();
    int events = recorder.events().size();
    IllegalTransitionException e =
        assertThrows(IllegalTransitionException.class, () -> s.apply(CaseCommand.publishOutcome(id, "ana")));
    assertEquals(id, e.caseId());
    assertEquals(CaseState.NEW, e.from());
    assertEquals(CaseAction.PUBLISH_OUTCOME, e.action());
    assertEquals(Optional.empty(), e.to());
    assertTrue(e.getMessage().contains(id.value()) && e.getMessage().contains("publish_outcome"), e.getMessage());
    assertEquals(before, s.find(id).orElseThrow());
    assertEquals(seq, journal.lastSequence());
    assertEquals(events, recorder.events().size());

    TransitionResult r = s.tryApply(CaseCommand.followUp(id, "ana"));
    assertFalse(r.applied());
    assertTrue(r.rejection().orElseThrow().contains("acknowledge"), r.rejection().get());
    assertEquals(before, r.caseAfter());
  }

  @Test
  void unknownCaseIsACallerMistake() {
    CaseService s = service();
    assertThrows(IllegalArgumentException.class, () -> s.tryApply(CaseCommand.acknowledge(CaseId.of("x-404"), "ana")));
  }

  @Test
  void movePrivateNeedsAChannelThatReachesTheAuthor() {
    ChannelAvailability emailOnly = (c, ch) -> ch == PrivateChannel.EMAIL;
    CaseService s = service(CaseConfig.ofDefaults(), emailOnly);
    CaseId id = open(s, "1");
    s.apply(CaseCommand.acknowledge(id, "ana"));

    TransitionResult noChannel = s.tryApply(CaseCommand.of(id, CaseAction.MOVE_PRIVATE, "ana", ""));
    assertFalse(noChannel.applied());
    assertTrue(noChannel.rejection().orElseThrow().contains("channel"));

    IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
        () -> s.apply(CaseCommand.movePrivate(id, "ana", PrivateChannel.DIRECT_MESSAGE)));
    assertEquals(CaseState.ACKNOWLEDGED, e.from());
    assertEquals(Optional.of(CaseState.PRIVATE), e.to());
    assertTrue(e.getMessage().contains("direct_message"), e.getMessage());

    CrisisCase c = s.apply(CaseCommand.movePrivate(id, "ana", PrivateChannel.EMAIL));
    assertEquals(CaseState.PRIVATE, c.state());
    assertEquals(Optional.of(PrivateChannel.EMAIL), c.privateChannel());
  }

  @Test
  void publishOutcomeNeedsAResolutionSummary() {
    CaseService s = service();
    CaseId id = open(s, "1");
    s.apply(CaseCommand.acknowledge(id, "ana"));
    s.apply(CaseCommand.resolve(id, "ana", "  "));
    TransitionResult r = s.tryApply(CaseCommand.publishOutcome(id, "ana"));
    assertFalse(r.applied());
    assertTrue(r.rejection().orElseThrow().contains("resolution summary"));
    assertEquals(CaseState.RESOLVED, s.find(id).orElseThrow().state());

    CaseId other = open(s, "2");
    s.apply(CaseCommand.acknowledge(other, "ana"));
    s.apply(CaseCommand.resolve(other, "ana", "replaced the router"));
    assertEquals(CaseState.OUTCOME_PUBLISHED, s.apply(CaseCommand.publishOutcome(other, "ana")).state());
  }

  @Test
  void closeStraightFromResolvedOnlyWhenNoPublicOutcomeIsRequired() {
    CaseService strict = service();
    CaseId id = open(strict, "1");
    strict.apply(CaseCommand.acknowledge(id, "ana"));
    strict.apply(CaseCommand.resolve(id, "ana", "fixed"));
    IllegalTransitionException e =
        assertThrows(IllegalTransitionException.class, () -> strict.apply(CaseCommand.close(id, "ana", "done")));
    assertEquals(CaseState.RESOLVED, e.from());
    assertTrue(e.getMessage().contains("public outcome"), e.getMessage());

    CaseService lenient = CaseService.newBuilder().journal(Journal.inMemory()).clock(clock)
        .config(CaseConfig.custom().publicOutcomeRequired(false).build()).build();
    CaseId id2 = open(lenient, "2");
    lenient.apply(CaseCommand.acknowledge(id2, "ana"));
    lenient.apply(CaseCommand.resolve(id2, "ana", "fixed"));
    assertEquals(CaseState.CLOSED, lenient.apply(CaseCommand.close(id2, "ana", "done")).state());
  }

  @Test
  void doNotEngageNeedsAReasonAndTheCaseStaysVisibleAndEscalable() {
    CaseService s = service();
    CaseId id = open(s, "1");
    TransitionResult r = s.tryApply(CaseCommand.doNotEngage(id, "ana", ""));
    assertFalse(r.applied());
    assertTrue(r.rejection().orElseThrow().contains("reason"));
    CrisisCase c = s.apply(CaseCommand.doNotEngage(id, "ana", "troll: repeated insults"));
    assertEquals(CaseState.NOT_ENGAGED, c.state());
    assertEquals("troll: repeated insults", c.history().get(c.history().size() - 1).note());
    assertEquals(List.of(c), s.cases(CaseQuery.open()));
    c = s.apply(CaseCommand.escalate(id, "ana", "legal", "threatens a lawsuit"));
    assertEquals(CaseState.ESCALATED, c.state());
    assertEquals(Optional.of("legal"), c.department());
  }

  @Test
  void closingAnUnansweredCaseNeedsAReason() {
    CaseService s = service();
    CaseId id = open(s, "1");
    assertFalse(s.tryApply(CaseCommand.close(id, "ana", "")).applied());
    assertEquals(CaseState.CLOSED, s.apply(CaseCommand.close(id, "ana", "spam")).state());
  }

  @Test
  void listenersGetEveryEventInOrder() {
    RecordingListener late = new RecordingListener();
    CaseService s = service();
    s.addListener(late);
    s.addListener(new CaseListener() {
      @Override
      public void onEvent(CaseEvent event, CrisisCase after) {
        throw new IllegalStateException("a broken listener must not undo the event");
      }
    });
    CaseId a = open(s, "1");
    CaseId b = open(s, "2");
    s.apply(CaseCommand.thank(a, "ana"));
    s.apply(CaseCommand.acknowledge(b, "ana"));
    s.assign(b, "lead", Optional.of("logistics"), Optional.of("ana"));
    s.reassess(b, "ana", Assessment.of(Intent.QUESTION));
    s.setDeadline(b, "ana", "resolution", Optional.of(MentionFixtures.T0.plus(Duration.ofDays(1))));
    s.apply(CaseCommand.close(a, "ana", "thanked"));
    assertFalse(s.tryApply(CaseCommand.publishOutcome(b, "ana")).applied());

    List<CaseEvent> all = s.allCases().stream().flatMap(c -> c.history().stream()).collect(Collectors.toList());
    assertEquals(Set.copyOf(all), Set.copyOf(recorder.events()));
    assertEquals(all.size(), recorder.events().size());
    assertEquals(recorder.events(), late.events());
    for (CrisisCase c : s.allCases()) {
      assertEquals(c.history(), recorder.events(c.id()));
    }
    CrisisCase cb = s.find(b).orElseThrow();
    assertEquals(Optional.of("logistics"), cb.department());
    assertEquals(Optional.of("ana"), cb.assignee());
    assertEquals(Intent.QUESTION, cb.intent());
  }

  @Test
  void listenersAreNotCalledForEventsReplayedAtStart() {
    CaseService s = service();
    open(s, "1");
    RecordingListener fresh = new RecordingListener();
    CaseService.newBuilder().journal(journal).clock(clock).listener(fresh).build();
    assertEquals(List.of(), fresh.events());
  }

  @Test
  void everyTransitionInTheTableHasItsEventTypeAndTerminalStateIsClosed() {
    for (CaseState from : CaseState.values()) {
      for (CaseAction a : Workflow.allowedActions(from)) {
        assertEquals(Optional.of(a), CaseEventType.of(a).action());
        assertTrue(Workflow.allows(from, a));
      }
    }
    assertEquals(Set.of(), Workflow.allowedActions(CaseState.CLOSED));
    for (CaseState s : CaseState.values()) {
      if (s.answered()) {
        assertTrue(Workflow.allows(s, CaseAction.REOPEN), s + " must be re-openable");
      }
    }
  }
}
