package org.crisiskit.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** Regression: a case opened by praise and joined by a complaint had no first-response deadline. */
class FirstResponseDeadlineTest {
  @Test
  void aComplaintJoiningAPraiseCaseStartsTheFirstResponseClock() {
    CaseService cases = CaseService.newBuilder().journal(Journal.inMemory())
        .clock(new FakeClock(MentionFixtures.T0)).build();
    CaseId id = cases.accept(MentionFixtures.mention("1", "a", "c1", 0), Assessment.of(Intent.PRAISE)).caseId();
    assertTrue(cases.find(id).orElseThrow().deadline(CrisisCase.FIRST_RESPONSE).isEmpty(), "praise has no clock");

    cases.accept(MentionFixtures.mention("2", "a", "c1", 10), Assessment.of(Intent.COMPLAINT));
    CrisisCase c = cases.find(id).orElseThrow();
    assertEquals(Intent.COMPLAINT, c.intent());
    assertEquals(MentionFixtures.T0.plus(Duration.ofMinutes(10 + 60)), c.deadline(CrisisCase.FIRST_RESPONSE).orElseThrow());
  }
}
