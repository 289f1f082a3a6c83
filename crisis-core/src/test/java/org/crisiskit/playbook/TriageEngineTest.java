package org.crisiskit.playbook;

import static org.crisiskit.playbook.Fixtures.T0;
import static org.crisiskit.playbook.Fixtures.classification;
import static org.crisiskit.playbook.Fixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CaseState;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Flag;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Topics;
import org.crisiskit.journal.Journal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriageEngineTest {
  private CaseService cases;
  private TriageEngine engine;

  @BeforeEach
  void setUp() {
    cases = CaseService.newBuilder().journal(Journal.inMemory()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    engine = TriageEngine.create(Playbook.sample(), cases);
  }

  private CrisisCase caseOf(TriageDecision d) {
    return cases.find(d.caseId()).orElseThrow();
  }

  @Test
  void spanishDeliveryComplaintIsRoutedToLogisticsWithTheTopicTemplate() {
    TriageDecision d = engine.triage(mention("1", "ana", "mi pedido no llega", "es"),
        classification(Intent.COMPLAINT, "es", Topics.DELIVERY));
    assertEquals("logistics", d.department());
    assertEquals(Optional.of("team-logistics"), d.owner());
    assertEquals(NextAction.ACKNOWLEDGE, d.action());
    Draft draft = d.draft().orElseThrow();
    assertEquals("complaint-delivery-es", draft.templateId());
    assertTrue(draft.text().startsWith("@ana sentimos el retraso"), draft.text());
    assertTrue(draft.text().contains("logística"), draft.text());
    assertEquals(List.of(), draft.unresolved());
    assertEquals(Optional.of("logistics"), caseOf(d).department());
    assertFalse(d.facts().isEmpty());
    assertTrue(d.facts().stream().allMatch(f -> f.lang().equals("es")));
  }

  @Test
  void englishQuestionWithoutRouteGoesToDefaultDepartment() {
    TriageDecision d = engine.triage(mention("2", "bob", "what are your hours?", "en"),
        classification(Intent.QUESTION, "en"));
    assertEquals("customer_care", d.department());
    assertEquals("question-en", d.draft().orElseThrow().templateId());
  }

  @Test
  void criticalSeverityPicksTheCriticalTemplateAndEscalatesWithApproval() {
    TriageDecision d = engine.triage(new TriageInput(mention("3", "carla", "me he intoxicado", "es"),
        classification(Intent.COMPLAINT, "es", Set.of(Topics.SAFETY), Set.of(Flag.HEALTH_SAFETY_RISK)), 2));
    assertEquals(Severity.CRITICAL, d.severity());
    assertEquals(NextAction.ESCALATE, d.action());
    assertEquals(Optional.of("management"), d.escalatedTo());
    assertTrue(d.approvalRequired());
    assertEquals("complaint-critical-es", d.draft().orElseThrow().templateId());
    CrisisCase c = caseOf(d);
    assertEquals(CaseState.ESCALATED, c.state());
    assertTrue(TriageEngine.approvalRequired(c));
  }

  @Test
  void crisisSeverityAndInfluentialAuthorEscalateInEnglish() {
    TriageDecision crisis = engine.triage(new TriageInput(mention("4", "dan", "still waiting", "en"),
        classification(Intent.COMPLAINT, "en", Topics.BILLING), 7));
    assertEquals(Optional.of("management"), crisis.escalatedTo());
    assertEquals(Severity.HIGH, crisis.severity());
    TriageDecision famous = engine.triage(mention("5", "star", 250_000, "your app is down", "en", T0),
        classification(Intent.COMPLAINT, "en", Topics.OUTAGE));
    assertEquals(Optional.of("management"), famous.escalatedTo());
    assertEquals("tech_support", famous.department());
  }

  @Test
  void mediaExposureEscalatesToCommunicationsWithoutApproval() {
    TriageDecision d = engine.triage(new TriageInput(mention("6", "eva", "lo cuento en la tele", "es"),
        classification(Intent.COMPLAINT, "es", Set.of(), Set.of(Flag.MEDIA_EXPOSURE)), 0));
    assertEquals(Optional.of("communications"), d.escalatedTo());
    assertFalse(d.approvalRequired());
  }

  @Test
  void politicsIsNeverAnsweredAndTheReasonIsRecorded() {
    TriageDecision d = engine.triage(mention("7", "fer", "¿qué opináis del gobierno?", "es"),
        classification(Intent.SENSITIVE, "es", "politics"));
    assertEquals(NextAction.DO_NOT_ENGAGE, d.action());
    assertTrue(d.draft().isEmpty());
    CrisisCase c = caseOf(d);
    assertEquals(CaseState.NOT_ENGAGED, c.state());
    assertTrue(c.history().get(c.history().size() - 1).note().contains("política"));
  }

  @Test
  void abuseIsWatchedInEnglish() {
    TriageDecision d = engine.triage(mention("8", "troll", "you are all idiots", "en"),
        classification(Intent.ABUSE, "en"));
    assertEquals(NextAction.WATCH, d.action());
    assertTrue(d.reason().contains("troll"));
  }

  @Test
  void tragedyIsEscalatedToCommunications() {
    TriageDecision d = engine.triage(mention("9", "gil", "terrible accident near your store", "en"),
        classification(Intent.SENSITIVE, "en", "tragedy"));
    assertEquals(NextAction.ESCALATE, d.action());
    assertEquals(Optional.of("communications"), d.escalatedTo());
    assertEquals(CaseState.ESCALATED, caseOf(d).state());
  }

  @Test
  void praiseIsThankedWithTheRewardCodeOrNotAtAllWhenThePolicySaysSo() {
    TriageDecision d = engine.triage(mention("10", "hugo", "¡me encanta!", "es"), classification(Intent.PRAISE, "es"));
    assertEquals(NextAction.THANK, d.action());
    assertTrue(d.draft().orElseThrow().text().contains("GRACIAS10"));
    assertEquals("community", d.department());

    Playbook quiet = Playbook.sample().toBuilder().thankYou(new ThankYouPolicy(false, Optional.empty())).build();
    TriageDecision q = TriageEngine.create(quiet, cases).triage(mention("11", "ines", "love it", "en"),
        classification(Intent.PRAISE, "en"));
    assertEquals(NextAction.NONE, q.action());
    assertTrue(q.reason().contains("no reply"));
  }

  @Test
  void unknownLanguageFallsBackToTheDefaultLanguage() {
    TriageDecision d = engine.triage(mention("12", "jo", "ma commande", "fr"), classification(Intent.COMPLAINT, "fr"));
    assertEquals("es", d.draft().orElseThrow().lang());
  }

  @Test
  void duplicateMentionIsNotTriagedTwice() {
    var m = mention("13", "kim", "late again", "en");
    engine.triage(m, classification(Intent.COMPLAINT, "en", Topics.DELIVERY));
    TriageDecision again = engine.triage(m, classification(Intent.COMPLAINT, "en", Topics.DELIVERY));
    assertEquals(NextAction.NONE, again.action());
    assertTrue(again.accepted().duplicate());
  }

  @Test
  void templateLeftUnresolvedWhenNoValueIsKnown() {
    Playbook p = Playbook.newBuilder().languages("en")
        .template(Template.of("q", Intent.QUESTION, "en", "{author} it ships in {eta}")).build();
    TriageDecision d = TriageEngine.create(p, cases).triage(mention("14", "lu", "when?", "en"),
        classification(Intent.QUESTION, "en"));
    assertEquals(List.of("eta"), d.draft().orElseThrow().unresolved());
  }

  @Test
  void missingTemplateIsExplained() {
    Playbook p = Playbook.newBuilder().languages("en").build();
    TriageDecision d = TriageEngine.create(p, cases).triage(mention("15", "mo", "broken", "en"),
        classification(Intent.COMPLAINT, "en"));
    assertTrue(d.draft().isEmpty());
    assertTrue(d.reason().contains("no complaint template in 'en'"), d.reason());
  }

  @Test
  void criticalDeliveryComplaintGetsTheCriticalTemplateInEnglish() {
    TriageDecision d = engine.triage(new TriageInput(mention("16", "ned", "my parcel caught fire", "en"),
        classification(Intent.COMPLAINT, "en", Set.of(Topics.DELIVERY), Set.of()), 9));
    assertEquals(Severity.CRITICAL, d.severity());
    assertEquals("complaint-critical-en", d.draft().orElseThrow().templateId());
    assertEquals("logistics", d.department());
  }

  @Test
  void aSecondMentionOfAnAnsweredCaseGetsNoNewDraftButAReopenedOneDoes() {
    TriageDecision first = engine.triage(mention("17", "olga", "mi pedido no llega", "es"),
        classification(Intent.COMPLAINT, "es", Topics.DELIVERY));
    cases.apply(org.crisiskit.cases.CaseCommand.acknowledge(first.caseId(), "agent"));
    TriageDecision second = engine.triage(mention("18", "olga", "¿hola?", "es"),
        classification(Intent.COMPLAINT, "es", Topics.DELIVERY));
    assertEquals(first.caseId(), second.caseId());
    assertEquals(NextAction.NONE, second.action());
    assertTrue(second.reason().contains("already answered"), second.reason());
    cases.apply(org.crisiskit.cases.CaseCommand.movePrivate(first.caseId(), "agent",
        org.crisiskit.cases.PrivateChannel.DIRECT_MESSAGE));
    cases.apply(org.crisiskit.cases.CaseCommand.resolve(first.caseId(), "agent", "refund"));
    TriageDecision third = engine.triage(mention("19", "olga", "sigue sin llegar", "es"),
        classification(Intent.COMPLAINT, "es", Topics.DELIVERY));
    assertTrue(third.accepted().reopened());
    assertEquals(NextAction.ACKNOWLEDGE, third.action());
  }

  @Test
  void decisionsAreJournaledWithTheReason() {
    Journal journal = Journal.inMemory();
    CaseService cs = CaseService.newBuilder().journal(journal).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    TriageEngine e = TriageEngine.create(Playbook.sample(), cs, journal);
    e.triage(mention("20", "pia", "what do you think of the election?", "en"),
        classification(Intent.SENSITIVE, "en", "politics"));
    List<String> triage = new java.util.ArrayList<>();
    journal.replay(x -> {
      if (x.type().equals(TriageEngine.RECORD_TYPE)) {
        triage.add(x.payload());
      }
    });
    assertEquals(1, triage.size());
    assertTrue(triage.get(0).contains("\"action\":\"do_not_engage\""), triage.get(0));
    assertTrue(triage.get(0).contains("politics"), triage.get(0));
  }
}
