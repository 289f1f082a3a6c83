package org.crisiskit.cases;

import static org.crisiskit.mention.MentionFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalEntry;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.mention.MentionId;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** Tools that read a journal directly see exactly what the service recorded. */
class CaseJournalFormatTest {
  @Test
  void decodesEveryRecordTheServiceWroteAndLeavesOtherTypesAlone() {
    Journal journal = Journal.inMemory();
    CaseService s = CaseService.newBuilder().journal(journal).clock(new FakeClock(MentionFixtures.T0)).build();
    Assessment complaint = new Assessment(Intent.COMPLAINT, Severity.HIGH, true, Set.of("delivery", "app"));
    CaseId id = s.accept(mention("1", "ana", "c", 0), complaint).caseId();
    s.accept(mention("2", "ana", "c", 3), Assessment.of(Intent.QUESTION));
    s.apply(CaseCommand.acknowledge(id, "agent"));
    s.apply(CaseCommand.movePrivate(id, "agent", PrivateChannel.PHONE));
    s.apply(CaseCommand.resolve(id, "agent", "línea \"restablecida\"\n"));
    journal.append("incident", "{\"not\":\"ours\"}");

    List<CaseEvent> events = new ArrayList<>();
    List<RecordedMention> mentions = new ArrayList<>();
    List<JournalEntry> others = new ArrayList<>();
    journal.replay(e -> {
      Optional<CaseEvent> ev = CaseJournalFormat.caseEvent(e);
      Optional<RecordedMention> m = CaseJournalFormat.mention(e);
      ev.ifPresent(events::add);
      m.ifPresent(mentions::add);
      if (ev.isEmpty() && m.isEmpty()) {
        others.add(e);
      }
    });
    assertEquals(s.find(id).orElseThrow().history(), events);
    assertEquals(List.of(s.mention(mentions.get(0).mention().id()).orElseThrow(),
        s.mention(mentions.get(1).mention().id()).orElseThrow()), mentions);
    assertEquals(complaint, mentions.get(0).assessment());
    assertEquals(1, others.size());
    assertEquals("incident", others.get(0).type());
  }

  @Test
  void theMentionIdIsReadWithoutDecodingTheRecord() {
    Journal journal = Journal.inMemory();
    CaseService s = CaseService.newBuilder().journal(journal).clock(new FakeClock(MentionFixtures.T0)).build();
    s.accept(mention("1", "ana", "c", 0), Assessment.of(Intent.COMPLAINT));
    s.accept(mention("18500000000000000002", "bob", null, 3));
    journal.append(CaseJournalFormat.MENTION, "{\"case\":\"x-9\",\"mention\":{\"text\":\"{\\\"id\\\":1}\","
        + "\"author\":{\"id\":\"a\"},\"id\":\"9\",\"network\":\"web\"}}");
    journal.append(CaseJournalFormat.MENTION, "{\"mention\":{\"network\":\"x\"}}");
    List<Object> ids = new ArrayList<>();
    journal.replay(e -> {
      try {
        CaseJournalFormat.mentionId(e).ifPresent(ids::add);
      } catch (JournalException ex) {
        ids.add(ex.getMessage());
      }
    });
    assertEquals(MentionId.of("x", "1"), ids.get(0));
    assertEquals(MentionId.of("x", "18500000000000000002"), ids.get(1));
    assertEquals(MentionId.of("web", "9"), ids.get(2), "fields in any order, nested objects skipped");
    assertTrue(((String) ids.get(3)).contains("not a valid mention record"), (String) ids.get(3));
    assertEquals(4, ids.size());
  }

  @Test
  void aNeutralDecisionIsToldApartFromNoAssessmentAlsoAfterARestart() {
    Journal journal = Journal.inMemory();
    CaseService s = CaseService.newBuilder().journal(journal).clock(new FakeClock(MentionFixtures.T0)).build();
    s.accept(mention("1", "ana", null, 0), Assessment.of(Intent.NEUTRAL));
    s.accept(mention("2", "bob", null, 1));
    s.accept(mention("3", "eve", null, 2), Assessment.unassessed());
    // written before the flag existed: an assessment equal to unassessed() counts as none
    journal.append(CaseJournalFormat.MENTION, "{\"mention\":" + org.crisiskit.mention.MentionJson.toJson(
        mention("4", "kim", null, 3)) + ",\"assessment\":{\"intent\":\"neutral\",\"severity\":\"normal\","
        + "\"negative\":false,\"topics\":[]},\"case\":\"x-4\"}");
    List<Boolean> assessed = new ArrayList<>();
    journal.replay(e -> CaseJournalFormat.mention(e).ifPresent(m -> assessed.add(m.assessed())));
    assertEquals(List.of(true, false, false, false), assessed);
    assertEquals(Assessment.of(Intent.NEUTRAL), Assessment.unassessed()); // equal, yet told apart

    CaseService restarted = CaseService.newBuilder().journal(journal).clock(new FakeClock(MentionFixtures.T0)).build();
    List<Boolean> after = new ArrayList<>();
    for (String id : List.of("1", "2", "3", "4")) {
      after.add(restarted.mention(org.crisiskit.mention.MentionId.of("x", id)).orElseThrow().assessed());
    }
    assertEquals(List.of(true, false, false, false), after);
  }

  @Test
  void aDamagedRecordNamesItsSequence() {
    JournalException e = assertThrows(JournalException.class,
        () -> CaseJournalFormat.caseEvent(new JournalEntry(17, CaseJournalFormat.CASE, "{\"type\":\"case_opened\"}")));
    assertTrue(e.getMessage().contains("journal record 17"), e.getMessage());
    JournalException notJson = assertThrows(JournalException.class,
        () -> CaseJournalFormat.mention(new JournalEntry(18, CaseJournalFormat.MENTION, "{mention")));
    assertTrue(notJson.getMessage().contains("journal record 18"), notJson.getMessage());
  }

  @Test
  void aServiceDoesNotStartOnAJournalWithADamagedCaseRecord() {
    Journal journal = Journal.inMemory();
    journal.append(CaseJournalFormat.CASE, "{\"type\":\"case_acknowledged\",\"case\":\"x-9\",\"at\":\"2026-11-02T09:00:00Z\","
        + "\"actor\":\"a\",\"from\":\"NEW\",\"to\":\"ACKNOWLEDGED\",\"note\":\"\",\"attrs\":{}}");
    JournalException e = assertThrows(JournalException.class, () -> CaseService.newBuilder().journal(journal).build());
    assertTrue(e.getMessage().contains("unknown case x-9"), e.getMessage());
  }
}
