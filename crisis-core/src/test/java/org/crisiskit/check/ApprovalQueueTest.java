package org.crisiskit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.crisiskit.cases.CaseId;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.junit.jupiter.api.Test;

class ApprovalQueueTest {
  private final Journal journal = Journal.inMemory();
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
  private final ApprovalQueue queue = ApprovalQueue.create(journal, MessageChecker.ofDefaults(), clock);
  private final CaseId caseId = CaseId.of("x-1");

  private OutgoingMessage msg(String text) {
    return OutgoingMessage.newBuilder(text).customerLang("es").intent(Intent.COMPLAINT).replyTo("ana").build();
  }

  @Test
  void approveWithEditsJournalsTheApproverAndSurvivesRestart() {
    PendingMessage p = queue.submit(caseId, msg("Lo sentimos. Te escribimos por privado."), "agent:leo");
    ApprovalDecision d = queue.approve(p.id(), "manager:eva",
        Optional.of("Lo sentimos mucho. Te escribimos por mensaje privado ahora."));
    assertTrue(d.approved());
    assertTrue(d.edited());
    assertTrue(queue.pending().isEmpty());
    List<String> approvals = new java.util.ArrayList<>();
    journal.replay(e -> approvals.add(e.payload()));
    assertTrue(approvals.get(1).contains("\"by\":\"manager:eva\""), approvals.get(1));
    ApprovalQueue again = ApprovalQueue.create(journal, MessageChecker.ofDefaults(), clock);
    assertEquals("manager:eva", again.decisions().get(0).approver());
    assertTrue(again.pending().isEmpty());
  }

  @Test
  void rejectNeedsANoteAndPendingSurvivesRestart() {
    PendingMessage p = queue.submit(caseId, msg("Lo sentimos, te escribimos por mensaje privado."), "agent:leo");
    PendingMessage q = queue.submit(caseId, msg("Lo sentimos. Te escribimos por privado."), "agent:leo");
    assertThrows(IllegalArgumentException.class, () -> queue.reject(p.id(), "manager:eva", " "));
    ApprovalDecision d = queue.reject(p.id(), "manager:eva", "responde en español");
    assertEquals("responde en español", d.note());
    ApprovalQueue again = ApprovalQueue.create(journal, MessageChecker.ofDefaults(), clock);
    assertEquals(List.of(q.id()), again.pending().stream().map(PendingMessage::id).toList());
    PendingMessage r = again.submit(caseId, msg("Lo sentimos. Te escribimos por privado."), "agent:leo");
    assertTrue(!r.id().equals(q.id()) && !r.id().equals(p.id()));
  }

  @Test
  void blockedMessagesAreRefusedAtSubmitAndAtApproval() {
    assertThrows(MessageBlockedException.class, () -> queue.submit(caseId, msg("Cálmate, es culpa tuya."), "agent:leo"));
    assertEquals(0, journal.lastSequence());
    PendingMessage p = queue.submit(caseId, msg("Lo sentimos. Te escribimos por privado."), "agent:leo");
    MessageBlockedException e = assertThrows(MessageBlockedException.class,
        () -> queue.approve(p.id(), "manager:eva", Optional.of("Lo sentimos, llega el {eta}. Te escribimos por privado.")));
    assertTrue(e.findings().stream().anyMatch(f -> f.check().equals("placeholder")));
    assertEquals(1, queue.pending().size());
  }

  @Test
  void unknownIdIsACallerMistake() {
    assertThrows(IllegalArgumentException.class, () -> queue.approve("approval-9", "m", Optional.empty()));
  }
}
