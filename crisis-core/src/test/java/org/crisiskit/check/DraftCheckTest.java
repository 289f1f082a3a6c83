package org.crisiskit.check;

import static org.crisiskit.playbook.Fixtures.classification;
import static org.crisiskit.playbook.Fixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.ZoneOffset;
import org.crisiskit.cases.CaseService;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Topics;
import org.crisiskit.journal.Journal;
import org.crisiskit.playbook.Fixtures;
import org.crisiskit.playbook.Playbook;
import org.crisiskit.playbook.TriageDecision;
import org.crisiskit.playbook.TriageEngine;
import org.crisiskit.playbook.TriageInput;
import org.junit.jupiter.api.Test;

/** Every draft of the sample playbook passes the checks in the language it answers. */
class DraftCheckTest {
  private final CaseService cases = CaseService.newBuilder().journal(Journal.inMemory())
      .clock(Clock.fixed(Fixtures.T0, ZoneOffset.UTC)).build();
  private final TriageEngine engine = TriageEngine.create(Playbook.sample(), cases);
  private final MessageChecker checker = MessageChecker.forPlaybook(Playbook.sample(), NetworkRules.x());

  @Test
  void sampleDraftsPassInSpanishAndEnglish() {
    int n = 0;
    for (String lang : new String[] {"es", "en"}) {
      for (Intent intent : new Intent[] {Intent.COMPLAINT, Intent.QUESTION, Intent.PRAISE}) {
        for (String topic : new String[] {Topics.DELIVERY, Topics.BILLING}) {
          TriageInput in = TriageInput.of(mention("d" + n++, "user" + n, "texto", lang),
              classification(intent, lang, topic));
          TriageDecision d = engine.triage(in);
          OutgoingMessage m = OutgoingMessage.reply(d.draft().orElseThrow(), in);
          CheckResult r = checker.check(m);
          assertTrue(r.findings().isEmpty(), lang + " " + intent + " " + topic + ": " + r.findings());
          assertEquals("", m.handlePrefix());
        }
      }
    }
  }
}
