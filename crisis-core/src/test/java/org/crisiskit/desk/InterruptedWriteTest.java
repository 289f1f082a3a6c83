package org.crisiskit.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CaseEventType;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseState;
import org.crisiskit.check.ApprovalQueue;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.spi.FakeNetwork;
import org.crisiskit.testing.FailingJournal;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

/**
 * A write that fails halfway through ingesting a mention or queuing a message for approval (a crash,
 * a full disk) leaves nothing half done: the repeated delivery, or the restart, finishes or undoes it.
 */
class InterruptedWriteTest {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final String ACK = "Hi, sorry about the delay. We're on it and will DM you.";

  private final FakeClock clock = new FakeClock(T0);
  private final FakeNetwork network = FakeNetwork.create();
  private final CrisisDeskTest.RecordingListener listener = new CrisisDeskTest.RecordingListener();

  /** A complaint by an author with 250,000 followers: the sample playbook escalates it and wants approval. */
  private static Mention star() {
    return Mention.newBuilder().network("x").id("101").conversationId("101")
        .author(Author.newBuilder().id("u-star").handle("star").followers(250_000).build())
        .text("@acme my order still hasn't arrived, really disappointed").language("en")
        .createdAt(T0).addressing(Addressing.MENTION).build();
  }

  private CrisisDesk desk(Journal journal) {
    return CrisisDesk.newBuilder().journal(journal).clock(clock).adapter(network).listener(listener).build();
  }

  @Test
  void aCrashBetweenJoiningACaseAndEscalatingItIsFinishedWhenTheMentionComesAgain() {
    FailingJournal journal = new FailingJournal();
    CrisisDesk before = desk(journal);
    network.publish(star());
    journal.crashAt("case_escalated");
    assertThrows(JournalException.class, () -> before.ingest(star()));
    assertTrue(listener.mentions.isEmpty());

    CrisisDesk after = desk(journal.disk); // the adapter's checkpoint never moved: it delivers the mention again
    IngestResult again = after.ingest(star());
    CaseId id = again.triage().caseId();
    assertFalse(again.accepted().duplicate(), "reported as new: nobody has seen it yet");
    assertTrue(again.accepted().opened());
    assertEquals(CaseState.ESCALATED, after.cases().find(id).orElseThrow().state());
    assertTrue(again.triage().approvalRequired());
    assertEquals(1, listener.mentions.size());

    ActionResult ack = after.acknowledge(id, "agent:sam", ACK);
    assertEquals(ActionResult.Status.AWAITING_APPROVAL, ack.status());
    assertTrue(network.sent().isEmpty());
  }

  @Test
  void aFailedWriteBeforeTheEscalationIsFinishedByTheRetry() {
    FailingJournal journal = new FailingJournal().glitchAt("case_escalated");
    CrisisDesk desk = desk(journal);
    assertThrows(JournalException.class, () -> desk.ingest(star()));
    IngestResult again = desk.ingest(star());
    assertFalse(again.accepted().duplicate());
    assertEquals(CaseState.ESCALATED, desk.cases().find(again.triage().caseId()).orElseThrow().state());
    assertEquals(1, listener.mentions.size());
    // and once finished, a third delivery is a plain duplicate
    long seq = journal.lastSequence();
    assertTrue(desk.ingest(star()).accepted().duplicate());
    assertEquals(seq, journal.lastSequence());
  }

  @Test
  void aMentionDeliveredAgainAfterARestartIsADuplicate() {
    Journal journal = Journal.inMemory();
    Mention m = star();
    desk(journal).ingest(m);
    long seq = journal.lastSequence();
    CrisisDesk after = desk(journal);
    IngestResult again = after.ingest(m);
    assertTrue(again.accepted().duplicate());
    assertEquals("mention already triaged", again.triage().reason());
    assertEquals(seq, journal.lastSequence());
    assertEquals(1, listener.mentions.size());
  }

  @Test
  void anApprovalRequestWhoseActionWasNotRecordedIsTurnedBackAtRestart() {
    FailingJournal journal = new FailingJournal();
    CrisisDesk before = desk(journal);
    CaseId id = before.ingest(star()).triage().caseId();
    journal.crashAt("approval_action");
    assertThrows(JournalException.class, () -> before.acknowledge(id, "agent:sam", ACK));

    CrisisDesk after = desk(journal.disk);
    assertTrue(after.pendingApprovals().isEmpty(), "nobody could approve it: no action is known for it");
    List<String> steps = new ArrayList<>();
    journal.disk.replay(e -> {
      if (ApprovalQueue.RECORD_TYPE.equals(e.type())) {
        steps.add(e.payload());
      }
    });
    assertEquals(2, steps.size());
    assertTrue(steps.get(1).contains("\"event\":\"rejected\""), steps.get(1));
    assertTrue(steps.get(1).contains("write the message again"), steps.get(1));

    ActionResult ack = after.acknowledge(id, "agent:sam", ACK);
    assertEquals(ActionResult.Status.AWAITING_APPROVAL, ack.status());
    String approval = after.pendingApprovals().get(0).id();
    assertEquals(ActionResult.Status.DONE, after.approve(approval, "manager:eva", Optional.empty()).status());
    assertEquals(1, network.sent().size());
  }

  @Test
  void aFailedWriteOfAnApprovalRequestLeavesNothingWaiting() {
    FailingJournal journal = new FailingJournal().glitchAt("approval_action");
    CrisisDesk desk = desk(journal);
    CaseId id = desk.ingest(star()).triage().caseId();
    assertThrows(JournalException.class, () -> desk.acknowledge(id, "agent:sam", ACK));
    assertTrue(desk.pendingApprovals().isEmpty());
    assertEquals(ActionResult.Status.AWAITING_APPROVAL, desk.acknowledge(id, "agent:sam", ACK).status());
    assertEquals(1, desk.pendingApprovals().size());
  }

  private static Mention other(int i) {
    return Mention.newBuilder().network("x").id(Integer.toString(5000 + i))
        .author(Author.newBuilder().id("u" + i).handle("h" + i).followers(10).build())
        .text("@acme my order is late again " + i).language("en")
        .createdAt(T0.plusSeconds(i)).addressing(Addressing.MENTION).build();
  }

  @Test
  void aJournalWrittenWithoutTriageRecordsFinishesNothing() {
    Journal written = Journal.inMemory();
    desk(written).ingest(star());
    Journal older = Journal.inMemory(); // as a desk that kept no triage records wrote it
    written.replay(e -> {
      if (!e.type().startsWith("triage")) {
        older.append(e.type(), e.payload());
      }
    });
    listener.mentions.clear();
    long seq = older.lastSequence();
    IngestResult again = desk(older).ingest(star());
    assertTrue(again.accepted().duplicate(), again.triage().reason());
    assertTrue(listener.mentions.isEmpty());
    assertEquals(seq, older.lastSequence());
  }

  @Test
  void aTriageCutShortIsFinishedAfterARestartHowEverManyMentionsCameBetween() {
    FailingJournal journal = new FailingJournal().glitchAt("case_escalated");
    CrisisDesk before = desk(journal);
    assertThrows(JournalException.class, () -> before.ingest(star()));
    for (int i = 0; i < 300; i++) {
      before.ingest(other(i));
    }
    CrisisDesk after = desk(journal.disk);
    IngestResult again = after.ingest(star());
    assertFalse(again.accepted().duplicate());
    assertEquals(CaseState.ESCALATED, after.cases().find(again.triage().caseId()).orElseThrow().state(),
        again.triage().reason());
  }

  @Test
  void aTriageWhoseRecordFailedDecidesAsAnUninterruptedOne() {
    CrisisDesk clean = desk(Journal.inMemory());
    IngestResult reference = clean.ingest(star());
    FailingJournal journal = new FailingJournal().glitchAt("\"approvalRequired\"");
    CrisisDesk desk = desk(journal);
    assertThrows(JournalException.class, () -> desk.ingest(star()));
    IngestResult again = desk.ingest(star());
    assertEquals(reference.triage().action(), again.triage().action());
    assertEquals(reference.triage().escalatedTo(), again.triage().escalatedTo());
    assertEquals(reference.triage().reason(), again.triage().reason());
    assertEquals(reference.triage().draft().isPresent(), again.triage().draft().isPresent());
    assertEquals(clean.cases().find(reference.triage().caseId()).orElseThrow().history().size(),
        desk.cases().find(again.triage().caseId()).orElseThrow().history().size());
  }

  @Test
  void aStartTellsListenersWhatItFinishesAndNothingItReplays() {
    FailingJournal journal = new FailingJournal();
    desk(journal);
    journal.crashAt("first_response");
    assertThrows(JournalException.class, () -> desk(journal).ingest(star()));
    listener.events.clear();
    CrisisDesk after = desk(journal.disk);
    assertEquals(List.of(CaseEventType.DEADLINE_SET), listener.events.stream().map(CaseEvent::type).toList());
    assertTrue(after.cases().find(CaseId.openedBy(star().id())).orElseThrow()
        .deadline(org.crisiskit.cases.CrisisCase.FIRST_RESPONSE).isPresent());
    listener.events.clear();
    desk(journal.disk);
    assertTrue(listener.events.isEmpty(), listener.events.toString());
  }
}
