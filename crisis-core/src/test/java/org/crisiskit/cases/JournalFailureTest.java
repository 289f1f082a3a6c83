package org.crisiskit.cases;

import static org.crisiskit.mention.MentionFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.testing.FailingJournal;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** What the service does when the journal refuses a write. */
class JournalFailureTest {
  /** A journal that refuses the appends its test asks it to. */
  private final FailingJournal journal = new FailingJournal();
  private final CaseService service =
      CaseService.newBuilder().journal(journal).clock(new FakeClock(MentionFixtures.T0)).build();

  @Test
  void aFailedCaseEventAppendDoesNotLeaveAMentionWithoutACase() {
    // regression: the mention stayed indexed after its case event failed, so the retry was called a
    // duplicate of a mention that belonged to no case
    journal.glitchAtType(CaseJournalFormat.CASE);
    assertThrows(JournalException.class,
        () -> service.accept(mention("1", "ana", "c", 0), Assessment.of(Intent.COMPLAINT)));
    assertEquals(Optional.empty(), service.mention(org.crisiskit.mention.MentionId.of("x", "1")));
    assertEquals(0, service.allCases().size());
    assertEquals(0, service.negativeMentions(MentionFixtures.T0, MentionFixtures.T0.plusSeconds(60),
        Optional.empty()).size());

    AcceptResult retry = service.accept(mention("1", "ana", "c", 0), Assessment.of(Intent.COMPLAINT));
    assertFalse(retry.duplicate());
    assertTrue(retry.opened());
    assertEquals(1, service.mentionsOf(retry.caseId()).size());
    assertEquals(1, service.negativeMentions(MentionFixtures.T0, MentionFixtures.T0.plusSeconds(60),
        Optional.empty()).size());

    JournalReplayProperties.assertSameService(service,
        CaseService.newBuilder().journal(journal).clock(new FakeClock(MentionFixtures.T0)).build());
  }

  @Test
  void aFailedMentionAppendRecordsNothing() {
    journal.glitchAtType(CaseJournalFormat.MENTION);
    assertThrows(JournalException.class, () -> service.accept(mention("1", "ana", "c", 0)));
    assertEquals(0, service.mentionCount());
    assertEquals(0, journal.lastSequence());
    assertTrue(service.accept(mention("1", "ana", "c", 0)).opened());
  }

  @Test
  void aFailedCommandAppendChangesNothing() {
    CaseId id = service.accept(mention("1", "ana", "c", 0)).caseId();
    CrisisCase before = service.find(id).orElseThrow();
    journal.glitchAtType(CaseJournalFormat.CASE);
    assertThrows(JournalException.class, () -> service.apply(CaseCommand.acknowledge(id, "agent")));
    assertEquals(before, service.find(id).orElseThrow());
    assertEquals(CaseState.ACKNOWLEDGED, service.apply(CaseCommand.acknowledge(id, "agent")).state());
  }
}
