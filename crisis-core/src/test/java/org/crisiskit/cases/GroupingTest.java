package org.crisiskit.cases;

import static org.crisiskit.mention.MentionFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.mention.MentionId;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

class GroupingTest {
  private static final long HOUR = 60;
  private final FakeClock clock = new FakeClock(MentionFixtures.T0);
  private final Journal journal = Journal.inMemory();

  private CaseService service(CaseConfig config) {
    return CaseService.newBuilder().journal(journal).clock(clock).config(config).build();
  }

  private CaseService service() {
    return service(CaseConfig.ofDefaults());
  }

  @Test
  void sameConversationJoinsEvenLongAfterTheWindow() {
    CaseService s = service();
    AcceptResult first = s.accept(mention("1", "ana", "conv", 0));
    AcceptResult later = s.accept(mention("2", "ana", "conv", 5 * 24 * HOUR));
    assertTrue(first.opened());
    assertFalse(later.opened());
    assertEquals(first.caseId(), later.caseId());
    assertEquals(List.of(MentionId.of("x", "1"), MentionId.of("x", "2")),
        s.find(first.caseId()).orElseThrow().mentions());
  }

  @Test
  void otherConversationJoinsWithinTheDefault24HourWindowOnly() {
    CaseService s = service();
    CaseId first = s.accept(mention("1", "ana", "c1", 0)).caseId();
    assertEquals(first, s.accept(mention("2", "ana", "c2", 23 * HOUR)).caseId());
    // the window counts from the newest mention of the case: 23 h + 24 h
    assertEquals(first, s.accept(mention("3", "ana", null, 47 * HOUR)).caseId());
    AcceptResult far = s.accept(mention("4", "ana", "c4", 47 * HOUR + 24 * HOUR + 1));
    assertTrue(far.opened());
    assertNotEquals(first, far.caseId());
    assertEquals(2, s.casesOfAuthor("x", "ana").size());
  }

  @Test
  void windowIsConfigurable() {
    CaseService s = service(CaseConfig.custom().groupingWindow(Duration.ofHours(1)).build());
    CaseId first = s.accept(mention("1", "ana", "c1", 0)).caseId();
    assertEquals(first, s.accept(mention("2", "ana", "c2", 60)).caseId());
    assertNotEquals(first, s.accept(mention("3", "ana", "c3", 121)).caseId());
  }

  @Test
  void otherAuthorsNeverShareACase() {
    CaseService s = service();
    CaseId a = s.accept(mention("1", "ana", "conv", 0)).caseId();
    CaseId b = s.accept(mention("2", "bob", "conv", 1)).caseId();
    assertNotEquals(a, b);
    CaseId c = s.accept(MentionFixtures.mention("3", "ana", "conv", 2).toBuilder().network("mastodon").build()).caseId();
    assertNotEquals(a, c);
  }

  @Test
  void sameConversationWinsOverANewerCaseInTheWindow() {
    CaseService s = service(CaseConfig.custom().groupingWindow(Duration.ofHours(1)).build());
    CaseId old = s.accept(mention("1", "ana", "c1", 0)).caseId();
    CaseId newer = s.accept(mention("2", "ana", "c2", 3 * HOUR)).caseId();
    assertNotEquals(old, newer);
    assertEquals(old, s.accept(mention("3", "ana", "c1", 3 * HOUR + 10)).caseId());
  }

  @Test
  void aMentionOnAnAnsweredCaseReopensIt() {
    CaseService s = service();
    CaseId id = s.accept(mention("1", "ana", "conv", 0), Assessment.of(Intent.COMPLAINT)).caseId();
    s.apply(CaseCommand.acknowledge(id, "agent"));
    s.apply(CaseCommand.resolve(id, "agent", "refund sent"));
    clock.advance(Duration.ofHours(2));
    AcceptResult again = s.accept(mention("2", "ana", "conv", 2 * HOUR), Assessment.of(Intent.COMPLAINT));
    assertTrue(again.reopened());
    assertEquals(id, again.caseId());
    CrisisCase c = s.find(id).orElseThrow();
    assertEquals(CaseState.REOPENED, c.state());
    CaseEvent last = c.history().get(c.history().size() - 1);
    assertEquals(CaseEventType.DEADLINE_SET, last.type());
    assertEquals(Optional.of(MentionFixtures.T0.plus(Duration.ofHours(3))), c.deadline(CrisisCase.FIRST_RESPONSE));
    assertTrue(c.history().stream().anyMatch(e -> e.type() == CaseEventType.CASE_REOPENED
        && e.from() == CaseState.RESOLVED && e.to() == CaseState.REOPENED));
  }

  @Test
  void aMentionOnAnUnansweredCaseJoinsWithoutReopening() {
    CaseService s = service();
    CaseId id = s.accept(mention("1", "ana", "conv", 0)).caseId();
    s.apply(CaseCommand.acknowledge(id, "agent"));
    AcceptResult r = s.accept(mention("2", "ana", "conv", 10));
    assertFalse(r.reopened());
    assertEquals(CaseState.ACKNOWLEDGED, s.find(id).orElseThrow().state());
  }

  @Test
  void aClosedCaseIsNeverJoinedAMentionOpensANewCase() {
    CaseService s = service();
    CaseId id = s.accept(mention("1", "ana", "conv", 0)).caseId();
    s.apply(CaseCommand.thank(id, "agent"));
    s.apply(CaseCommand.close(id, "agent", "thanked"));
    AcceptResult r = s.accept(mention("2", "ana", "conv", 5));
    assertTrue(r.opened());
    assertNotEquals(id, r.caseId());
    assertEquals(CaseId.openedBy(MentionId.of("x", "2")), r.caseId());
    assertEquals(CaseState.CLOSED, s.find(id).orElseThrow().state());
    assertEquals(List.of(id, r.caseId()),
        s.casesOfAuthor("x", "ana").stream().map(CrisisCase::id).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void aDuplicateIsRecordedOnceAndReturnsTheOriginalCase() {
    CaseService s = service();
    AcceptResult first = s.accept(mention("1", "ana", "conv", 0));
    long seq = journal.lastSequence();
    AcceptResult dup = s.accept(mention("1", "ana", "conv", 0).toBuilder().text("edited text").build());
    assertTrue(dup.duplicate());
    assertFalse(dup.opened());
    assertEquals(first.caseId(), dup.caseId());
    assertEquals(seq, journal.lastSequence());
    assertEquals(1, s.mentionCount());
    assertEquals(1, s.allCases().size());
    assertEquals("@acme mention 1", s.mention(MentionId.of("x", "1")).orElseThrow().mention().text());
  }

  @Test
  void intentSeverityAndTopicsAccumulateOverTheCasesMentions() {
    CaseService s = service();
    CaseId id = s.accept(mention("1", "ana", "conv", 0), Assessment.of(Intent.QUESTION)).caseId();
    s.accept(mention("2", "ana", "conv", 5),
        new Assessment(Intent.COMPLAINT, Severity.HIGH, true, java.util.Set.of("delivery")));
    CrisisCase c = s.find(id).orElseThrow();
    assertEquals(Intent.stronger(Intent.QUESTION, Intent.COMPLAINT), c.intent());
    assertEquals(Severity.HIGH, c.severity());
    assertEquals(java.util.Set.of("delivery"), c.topics());
    assertEquals(MentionFixtures.T0.plus(Duration.ofMinutes(5)), c.lastMentionAt());
    assertEquals(2, s.mentionsOf(id).size());
  }

  @Test
  void queriesByStateDepartmentAgeAuthorAndNegativeTopic() {
    CaseService s = service();
    CaseId a = s.accept(mention("1", "ana", "c1", 0),
        new Assessment(Intent.COMPLAINT, Severity.NORMAL, true, java.util.Set.of("delivery"))).caseId();
    CaseId b = s.accept(mention("2", "bob", "c2", 2 * HOUR),
        new Assessment(Intent.COMPLAINT, Severity.NORMAL, true, java.util.Set.of("billing"))).caseId();
    s.accept(mention("3", "eve", "c3", 3 * HOUR), Assessment.of(Intent.PRAISE));
    s.assign(b, "lead", Optional.of("billing"), Optional.empty());
    s.apply(CaseCommand.acknowledge(a, "agent"));
    assertEquals(List.of(a), ids(s.cases(CaseQuery.newBuilder().state(CaseState.ACKNOWLEDGED).build())));
    assertEquals(List.of(b), ids(s.cases(CaseQuery.newBuilder().department("billing").build())));
    assertEquals(List.of(a, b),
        ids(s.cases(CaseQuery.newBuilder().openedBefore(MentionFixtures.T0.plus(Duration.ofHours(3))).build())));
    assertEquals(3, s.cases(CaseQuery.open()).size());
    assertEquals(1L, s.countByState().get(CaseState.ACKNOWLEDGED));
    assertEquals(List.of(MentionId.of("x", "1")),
        s.negativeMentions(MentionFixtures.T0, MentionFixtures.T0.plus(Duration.ofDays(1)), Optional.of("delivery"))
            .stream().map(r -> r.mention().id()).collect(java.util.stream.Collectors.toList()));
    assertEquals(2, s.negativeMentions(MentionFixtures.T0, MentionFixtures.T0.plus(Duration.ofDays(1)),
        Optional.empty()).size());
    assertEquals(0, s.negativeMentions(MentionFixtures.T0.plusSeconds(1),
        MentionFixtures.T0.plus(Duration.ofHours(2)), Optional.empty()).size());
  }

  private static List<CaseId> ids(List<CrisisCase> cases) {
    return cases.stream().map(CrisisCase::id).collect(java.util.stream.Collectors.toList());
  }
}
