package org.crisiskit.playbook;

import static org.crisiskit.playbook.Fixtures.T0;
import static org.crisiskit.playbook.Fixtures.classification;
import static org.crisiskit.playbook.Fixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseEventType;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CaseState;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Topics;
import org.crisiskit.journal.Journal;
import org.crisiskit.sla.SlaKind;
import org.crisiskit.sla.SlaMonitor;
import org.crisiskit.sla.SlaEvent;
import org.crisiskit.sla.SlaPolicy;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** What a later mention of the same customer does to a case the playbook has already acted on. */
class TriageOfLaterMentionsTest {
  private final FakeClock clock = new FakeClock(T0);
  private final Journal journal = Journal.inMemory();
  private final CaseService cases = CaseService.newBuilder().journal(journal).clock(clock).build();
  private final TriageEngine engine = TriageEngine.create(Playbook.sample(), cases);

  @Test
  void anInsultAfterAQuestionLeavesTheQuestionToBeAnswered() {
    SlaMonitor sla = SlaMonitor.create(cases, journal, SlaPolicy.ofDefaults(), clock);
    CaseId id = engine.triage(new TriageInput(mention("1", "eva", "¿cuándo llega mi pedido?", "es"),
        classification(Intent.QUESTION, "es", Topics.DELIVERY), 0)).caseId();
    clock.advance(Duration.ofMinutes(40));
    TriageDecision insult = engine.triage(new TriageInput(
        mention("2", "eva", 100, "sois unos inútiles", "es", clock.instant()), classification(Intent.ABUSE, "es"), 0));
    assertEquals(id, insult.caseId());
    assertEquals(NextAction.NONE, insult.action());
    assertTrue(insult.reason().contains("still owes an answer to its question"), insult.reason());
    CrisisCase c = cases.find(id).orElseThrow();
    assertEquals(Intent.QUESTION, c.intent());
    assertEquals(CaseState.NEW, c.state());
    clock.advance(Duration.ofHours(5));
    List<SlaEvent> due = sla.tick();
    assertTrue(due.stream().anyMatch(n -> n.caseId().equals(id) && n.kind() == SlaKind.FIRST_RESPONSE), due.toString());
  }

  @Test
  void anInfluencerWritingAgainIsNotEscalatedAgain() {
    TriageDecision first = engine.triage(new TriageInput(mention("1", "vip", 200_000, "my order never arrived", "en", T0),
        classification(Intent.COMPLAINT, "en", Topics.DELIVERY), 0));
    CaseId id = first.caseId();
    assertEquals(CaseState.ESCALATED, cases.find(id).orElseThrow().state());
    clock.advance(Duration.ofMinutes(10));
    cases.apply(CaseCommand.acknowledge(id, "agent"));
    for (int h : new int[] {20, 40}) {
      clock.advance(Duration.ofHours(20));
      TriageDecision again = engine.triage(new TriageInput(mention("m" + h, "vip", 200_000, "still nothing", "en",
          clock.instant()), classification(Intent.COMPLAINT, "en", Topics.DELIVERY), 0));
      assertEquals(id, again.caseId());
      assertEquals(NextAction.NONE, again.action(), again.reason());
      assertFalse(again.draft().isPresent());
      assertTrue(again.approvalRequired());
      assertTrue(again.reason().contains("before"), again.reason());
    }
    CrisisCase c = cases.find(id).orElseThrow();
    assertEquals(CaseState.ACKNOWLEDGED, c.state(), "the agents' progress stays");
    assertEquals(1, c.history().stream().filter(e -> e.type() == CaseEventType.CASE_ESCALATED).count());
  }

  @Test
  void aComplaintJoiningACaseNotEngagedGetsNoDraftTheWorkflowRefuses() {
    TriageDecision troll = engine.triage(new TriageInput(mention("1", "troll", "sois unos inutiles", "es"),
        classification(Intent.ABUSE, "es"), 0));
    assertEquals(CaseState.NOT_ENGAGED, cases.find(troll.caseId()).orElseThrow().state());
    clock.advance(Duration.ofMinutes(5));
    TriageDecision complaint = engine.triage(new TriageInput(mention("2", "troll", 100, "mi pedido no ha llegado",
        "es", clock.instant()), classification(Intent.COMPLAINT, "es", Topics.DELIVERY), 0));
    assertEquals(troll.caseId(), complaint.caseId());
    assertEquals(NextAction.NONE, complaint.action());
    assertFalse(complaint.draft().isPresent());
    assertTrue(complaint.reason().contains("not_engaged and the workflow allows only"), complaint.reason());
  }
}
