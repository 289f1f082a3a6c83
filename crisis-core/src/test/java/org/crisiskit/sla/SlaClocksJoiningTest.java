package org.crisiskit.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** Regression: a complaint joining an old praise case got clocks counted from the praise. */
class SlaClocksJoiningTest {
  @Test
  void aComplaintJoiningAnOldPraiseCaseStartsItsClocksAtTheComplaint() {
    FakeClock clock = new FakeClock(MentionFixtures.T0);
    CaseService cases = CaseService.newBuilder().journal(Journal.inMemory()).clock(clock).build();
    CaseId id = cases.accept(MentionFixtures.mention("1", "a", "c1", 0), Assessment.of(Intent.PRAISE)).caseId();
    clock.advance(Duration.ofHours(10));
    cases.accept(MentionFixtures.mention("2", "a", "c1", 600), Assessment.of(Intent.COMPLAINT));

    List<SlaClock> clocks = SlaClocks.of(cases.find(id).orElseThrow(), SlaPolicy.ofDefaults());
    SlaClock first = clocks.stream().filter(c -> c.kind() == SlaKind.FIRST_RESPONSE).findFirst().orElseThrow();
    assertEquals(MentionFixtures.T0.plus(Duration.ofHours(10)), first.start());
    assertTrue(first.running());
    assertTrue(first.due().isAfter(clock.instant()), "not breached the moment the complaint arrives");
    assertTrue(clocks.stream().anyMatch(c -> c.kind() == SlaKind.RESOLUTION), "the resolution clock runs too");
  }
}
