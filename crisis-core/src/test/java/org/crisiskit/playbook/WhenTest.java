package org.crisiskit.playbook;

import static org.crisiskit.playbook.Fixtures.T0;
import static org.crisiskit.playbook.Fixtures.classification;
import static org.crisiskit.playbook.Fixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseConfig;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Flag;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Topics;
import org.crisiskit.journal.Journal;
import org.junit.jupiter.api.Test;

class WhenTest {
  private static TriageInput in(String lang, long followers, Intent intent, Set<Flag> flags, int crisis, String... topics) {
    return new TriageInput(mention("1", "a", followers, "x", lang, T0), classification(intent, lang, Set.of(topics), flags),
        crisis);
  }

  @Test
  void everyPartMustHold() {
    When w = When.any().topic(Topics.DELIVERY).intent(Intent.COMPLAINT).lang("es");
    assertTrue(w.matches(in("es", 10, Intent.COMPLAINT, Set.of(), 0, Topics.DELIVERY, Topics.BILLING)));
    assertFalse(w.matches(in("en", 10, Intent.COMPLAINT, Set.of(), 0, Topics.DELIVERY)));
    assertFalse(w.matches(in("es", 10, Intent.QUESTION, Set.of(), 0, Topics.DELIVERY)));
    assertFalse(w.matches(in("es", 10, Intent.COMPLAINT, Set.of(), 0, Topics.BILLING)));
    assertTrue(When.any().matches(in("fr", 0, Intent.NEUTRAL, Set.of(), 0)));
  }

  @Test
  void boundsAndFlags() {
    assertTrue(When.any().severityAtLeast(Severity.HIGH).matches(in("en", 1, Intent.COMPLAINT, Set.of(Flag.LEGAL_THREAT), 0)));
    assertFalse(When.any().severityAtLeast(Severity.HIGH).matches(in("en", 1, Intent.COMPLAINT, Set.of(), 4)));
    assertTrue(When.any().crisisSeverityAtLeast(5).matches(in("es", 1, Intent.NEUTRAL, Set.of(), 5)));
    assertFalse(When.any().followersAtLeast(1000).matches(in("es", 999, Intent.NEUTRAL, Set.of(), 0)));
    assertTrue(When.any().flag(Flag.CHURN_THREAT, Flag.MEDIA_EXPOSURE)
        .matches(in("es", 1, Intent.COMPLAINT, Set.of(Flag.MEDIA_EXPOSURE), 0)));
    assertFalse(When.any().verified(true).matches(in("es", 1, Intent.NEUTRAL, Set.of(), 0)));
  }

  @Test
  void languageRouteSendsSpanishAndEnglishToDifferentTeams() {
    Playbook p = Playbook.newBuilder().defaultDepartment("care")
        .route(RouteRule.of(When.any().lang("en"), "care_en")).build();
    assertEquals("care_en", p.route(in("en", 1, Intent.QUESTION, Set.of(), 0)).department());
    assertEquals("care", p.route(in("es", 1, Intent.QUESTION, Set.of(), 0)).department());
  }

  @Test
  void publicOutcomeRuleReachesTheCaseService() {
    for (boolean required : new boolean[] {true, false}) {
      Playbook p = Playbook.sample().toBuilder().publicOutcomeRequired(required).build();
      CaseService cs = CaseService.newBuilder().journal(Journal.inMemory()).clock(Clock.fixed(T0, ZoneOffset.UTC))
          .config(p.caseConfig(CaseConfig.ofDefaults())).build();
      TriageDecision d = TriageEngine.create(p, cs).triage(mention("2", "b", "tarde", "es"),
          classification(Intent.COMPLAINT, "es", Topics.DELIVERY));
      cs.apply(CaseCommand.acknowledge(d.caseId(), "agent"));
      cs.apply(CaseCommand.movePrivate(d.caseId(), "agent", PrivateChannel.DIRECT_MESSAGE));
      cs.apply(CaseCommand.resolve(d.caseId(), "agent", "reenviado"));
      assertEquals(!required, cs.tryApply(CaseCommand.close(d.caseId(), "agent", "done")).applied());
    }
  }

  @Test
  void followUpDelayReachesTheSlaPolicy() {
    Playbook p = Playbook.sample().toBuilder().followUpDelay(java.time.Duration.ofDays(3)).build();
    assertEquals(java.time.Duration.ofDays(3),
        p.slaPolicy(org.crisiskit.sla.SlaPolicy.ofDefaults()).followUpDelay());
  }
}
