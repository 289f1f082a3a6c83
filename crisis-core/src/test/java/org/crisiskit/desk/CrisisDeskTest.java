package org.crisiskit.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseState;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.check.PendingMessage;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionKind;
import org.crisiskit.spi.FakeNetwork;
import org.crisiskit.spi.NetworkAction;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrisisDeskTest {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  /** Records every notification. */
  static final class RecordingListener implements DeskListener {
    final List<String> manualTasks = new ArrayList<>();
    final List<PendingMessage> approvals = new ArrayList<>();
    final List<DeskNotice> health = new ArrayList<>();
    final List<CaseEvent> events = new ArrayList<>();
    final List<IngestResult> mentions = new ArrayList<>();

    @Override
    public void onMention(IngestResult result) {
      mentions.add(result);
    }

    @Override
    public void onCaseEvent(CaseEvent event, CrisisCase after) {
      events.add(event);
    }

    @Override
    public void onApprovalNeeded(PendingMessage message) {
      approvals.add(message);
    }

    @Override
    public void onManualTask(CrisisCase c, String task) {
      manualTasks.add(task);
    }

    @Override
    public void onAdapterHealth(DeskNotice notice) {
      health.add(notice);
    }
  }

  FakeClock clock;
  FakeNetwork network;
  RecordingListener listener;
  Journal journal;
  CrisisDesk desk;
  int next;

  @BeforeEach
  void setUp() {
    clock = new FakeClock(T0);
    network = FakeNetwork.create();
    listener = new RecordingListener();
    journal = Journal.inMemory();
    desk = CrisisDesk.newBuilder().journal(journal).clock(clock).adapter(network).listener(listener).build();
  }

  Mention mention(String handle, long followers, String text, Addressing addressing) {
    next++;
    return Mention.newBuilder().network("x").id(Integer.toString(100 + next)).conversationId(Integer.toString(100 + next))
        .author(Author.newBuilder().id("u-" + handle).handle(handle).followers(followers).build())
        .text(text).language("en").createdAt(clock.instant()).addressing(addressing).build();
  }

  CaseId ingest(Mention m) {
    network.publish(m);
    return desk.ingest(m).triage().caseId();
  }

  @Test
  void refusesAnAdapterWhoseNetworkNameIdsCouldNotSplitBack() {
    NetworkAdapter named = (NetworkAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {NetworkAdapter.class},
        (proxy, method, args) -> method.getName().equals("network") ? "My-Net" : method.invoke(network, args));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CrisisDesk.newBuilder().journal(Journal.inMemory()).clock(clock).adapter(named));
    assertTrue(e.getMessage().contains("'My-Net'"), e.getMessage());
  }

  @Test
  void ingestClassifiesTriagesAndOpensACaseOnce() {
    Mention m = mention("ana", 300, "@acme my order still hasn't arrived after two weeks, nobody answers", Addressing.MENTION);
    IngestResult first = desk.ingest(m);
    assertEquals(Intent.COMPLAINT, first.classification().intent());
    assertTrue(first.accepted().opened());
    assertTrue(first.caseAfter().department().isPresent(), "routing is total");
    IngestResult again = desk.ingest(m);
    assertTrue(again.accepted().duplicate());
    assertEquals(1, desk.cases().allCases().size());
    assertEquals(1, listener.mentions.size(), "listeners hear of a mention once");
  }

  @Test
  void acknowledgeRepliesPubliclyWhenTheCustomerAddressedTheBrand() {
    CaseId id = ingest(mention("ana", 300, "@acme my order still hasn't arrived", Addressing.MENTION));
    ActionResult r = desk.acknowledge(id, "agent:sam", "Hi @ana, sorry about the delay. We're checking your order now.");
    assertEquals(ActionResult.Status.DONE, r.status(), r.toString());
    assertEquals(CaseState.ACKNOWLEDGED, r.caseAfter().state());
    assertEquals(NetworkAction.REPLY_PUBLICLY, network.sent().get(0).action());
    assertEquals(r.sentId().orElseThrow(), network.sent().get(0).id());
  }

  @Test
  void acknowledgeBecomesADirectMessageWhenAPublicReplyIsNotAllowed() {
    Mention m = mention("leo", 300, "acme lost my parcel again, third time this year", Addressing.KEYWORD);
    network.acceptPrivateMessages(m.author().id(), true);
    CaseId id = ingest(m);
    ActionResult r = desk.acknowledge(id, "agent:sam", "Hi Leo, sorry about your parcel. Could you send us the order number?");
    assertEquals(ActionResult.Status.REROUTED, r.status(), r.toString());
    assertEquals(CaseState.PRIVATE, r.caseAfter().state());
    assertEquals(NetworkAction.PRIVATE_MESSAGE, network.sent().get(0).action());
    assertTrue(r.detail().contains("did not"), r.detail());
  }

  @Test
  void noRouteRaisesAManualTaskAndChangesNothing() {
    CaseId id = ingest(mention("kim", 300, "acme lost my parcel again, third time this year", Addressing.KEYWORD));
    ActionResult r = desk.acknowledge(id, "agent:sam", "Hi Kim, sorry about your parcel. We're looking into it.");
    assertEquals(ActionResult.Status.MANUAL_TASK, r.status());
    assertEquals(CaseState.NEW, desk.cases().find(id).orElseThrow().state());
    assertTrue(network.sent().isEmpty());
    assertEquals(1, listener.manualTasks.size());
    ActionResult phone = desk.movePrivate(id, "agent:sam", PrivateChannel.PHONE, "call back on the number in the CRM");
    assertEquals(CaseState.PRIVATE, phone.caseAfter().state(), "phone needs no network permission");
  }

  @Test
  void aBlockingFindingStopsTheMessageAndSendsNothing() {
    CaseId id = ingest(mention("ana", 300, "@acme my order still hasn't arrived", Addressing.MENTION));
    ActionResult r = desk.acknowledge(id, "agent:sam",
        "Calm down, as we already told you it's your fault. Write to ana.garcia@example.com {eta}");
    assertEquals(ActionResult.Status.BLOCKED, r.status());
    assertFalse(r.findings().isEmpty());
    assertTrue(r.findings().stream().anyMatch(f -> f.startsWith("blocking")), r.findings().toString());
    assertTrue(network.sent().isEmpty());
    assertEquals(CaseState.NEW, desk.cases().find(id).orElseThrow().state());
  }

  @Test
  void anInfluentialAuthorsCaseWaitsForApprovalAndTheApproverIsJournaled() {
    CaseId id = ingest(mention("star", 250_000, "@acme my order still hasn't arrived, really disappointed", Addressing.MENTION));
    assertEquals(CaseState.ESCALATED, desk.cases().find(id).orElseThrow().state());
    ActionResult r = desk.acknowledge(id, "agent:sam", "Hi, sorry about the delay. We're on it and will DM you.");
    assertEquals(ActionResult.Status.AWAITING_APPROVAL, r.status(), r.toString());
    assertTrue(network.sent().isEmpty());
    assertEquals(1, listener.approvals.size());
    String approval = desk.pendingApprovals().get(0).id();

    ActionResult sent = desk.approve(approval, "manager:eva",
        Optional.of("Hi, we're so sorry about the delay. A manager is on it and will DM you today."));
    assertEquals(ActionResult.Status.DONE, sent.status(), sent.toString());
    assertEquals(CaseState.ACKNOWLEDGED, sent.caseAfter().state());
    assertTrue(network.sent().get(0).text().startsWith("Hi, we're so sorry"), "the edited text is sent");
    assertTrue(desk.pendingApprovals().isEmpty());
    List<String> approvals = new ArrayList<>();
    journal.replay(e -> {
      if (e.type().equals("approval")) {
        approvals.add(e.payload());
      }
    });
    assertTrue(approvals.stream().anyMatch(p -> p.contains("manager:eva")), approvals.toString());
  }

  @Test
  void anApprovalTheQueueWouldRefuseIsBlockedBeforeAnythingIsSent() {
    CaseId id = ingest(mention("star", 250_000, "@acme my order still hasn't arrived, really disappointed", Addressing.MENTION));
    desk.acknowledge(id, "agent:sam", "Hi, sorry about the delay. We're on it and will DM you.");
    String approval = desk.pendingApprovals().get(0).id();
    // the case is corrected to a question: the desk's own check no longer asks for an apology, but the
    // message was queued as the answer to a complaint
    desk.cases().reassess(id, "agent:sam", Assessment.of(Intent.QUESTION));

    ActionResult r = desk.approve(approval, "manager:eva", Optional.of("Hi! Thanks for writing."));

    assertEquals(ActionResult.Status.BLOCKED, r.status(), r.toString());
    assertTrue(r.findings().stream().anyMatch(f -> f.contains("acknowledgement")), r.findings().toString());
    assertTrue(network.sent().isEmpty(), "nothing goes out that the queue then refuses");
    assertEquals(List.of(approval), desk.pendingApprovals().stream().map(p -> p.id()).toList());
    ActionResult fixed = desk.approve(approval, "manager:eva",
        Optional.of("Hi, sorry about the wait. We'll DM you the details today."));
    assertEquals(ActionResult.Status.DONE, fixed.status(), fixed.toString());
    assertEquals(1, network.sent().size());
  }

  @Test
  void approvingAMessageForACaseThatMovedOnSendsNothing() {
    CaseId id = ingest(mention("star", 250_000, "@acme my order still hasn't arrived, really disappointed", Addressing.MENTION));
    desk.acknowledge(id, "agent:sam", "Hi, sorry about the delay. We're on it and will DM you.");
    String approval = desk.pendingApprovals().get(0).id();
    desk.movePrivate(id, "agent:sam", PrivateChannel.PHONE, "called the customer");
    ActionResult r = desk.approve(approval, "manager:eva", Optional.empty());
    assertEquals(ActionResult.Status.REFUSED, r.status());
    assertTrue(network.sent().isEmpty());
    assertTrue(desk.pendingApprovals().isEmpty(), "the stale draft left the queue");
  }

  @Test
  void aSilentAdapterRaisesOneHealthNoticeAndOneRecovery() {
    for (int i = 0; i < 40; i++) {
      desk.ingest(mention("user" + i, 100, "@acme where is my order", Addressing.MENTION));
      clock.advance(Duration.ofMinutes(3));
    }
    assertTrue(desk.checkHealth().isEmpty(), "not silent yet");
    clock.advance(Duration.ofHours(3));
    List<DeskNotice> notices = desk.checkHealth();
    assertEquals(1, notices.size());
    assertEquals("adapter_silent", notices.get(0).kind());
    assertTrue(notices.get(0).message().matches("no mention received on x for 3 h, usual is \\d+/h"), notices.get(0).message());
    assertTrue(desk.checkHealth().isEmpty(), "raised once");
    desk.ingest(mention("back", 100, "@acme hello again", Addressing.MENTION));
    assertEquals("adapter_recovered", desk.checkHealth().get(0).kind());
    assertEquals(2, listener.health.size());
  }

  @Test
  void anAdapterSilentFromARestartOnIsNoticed(@TempDir Path dir) {
    try (CrisisDesk d = CrisisDesk.newBuilder().journalDirectory(dir).clock(clock).adapter(network).build()) {
      for (int i = 0; i < 40; i++) {
        d.ingest(mention("user" + i, 100, "@acme where is my order", Addressing.MENTION));
        clock.advance(Duration.ofMinutes(3));
      }
    }
    // restarted, and nothing arrives any more (a wrong query, revoked access that does not fail)
    try (CrisisDesk d = CrisisDesk.newBuilder().journalDirectory(dir).clock(clock).adapter(network).build()) {
      assertTrue(d.checkHealth().isEmpty(), "not silent yet");
      clock.advance(Duration.ofHours(3));
      List<DeskNotice> notices = d.checkHealth();
      assertEquals(List.of("adapter_silent"), notices.stream().map(DeskNotice::kind).toList());
      assertTrue(notices.get(0).message().matches("no mention received on x for 3 h, usual is \\d+/h"),
          notices.get(0).message());
    }
  }

  @Test
  void aRestartRebuildsCasesAndTheApprovalQueueFromTheJournal(@TempDir Path dir) {
    CaseId id;
    try (CrisisDesk d = CrisisDesk.newBuilder().journalDirectory(dir).clock(clock).adapter(network).build()) {
      Mention m = mention("star", 250_000, "@acme my order still hasn't arrived, really disappointed", Addressing.MENTION);
      network.publish(m);
      id = d.ingest(m).triage().caseId();
      assertEquals(ActionResult.Status.AWAITING_APPROVAL,
          d.acknowledge(id, "agent:sam", "Hi, sorry about the delay. We're on it and will DM you.").status());
    }
    try (CrisisDesk d = CrisisDesk.newBuilder().journalDirectory(dir).clock(clock).adapter(network).build()) {
      assertEquals(CaseState.ESCALATED, d.cases().find(id).orElseThrow().state());
      assertEquals(1, d.pendingApprovals().size());
      ActionResult r = d.approve(d.pendingApprovals().get(0).id(), "manager:eva", Optional.empty());
      assertEquals(ActionResult.Status.DONE, r.status(), r.toString());
    }
  }

  @Test
  void closingFromAnInterruptedThreadReleasesTheJournalAndKeepsTheInterrupt(@TempDir Path dir) {
    // close() called in a catch (InterruptedException) that restored the interrupt
    CrisisDesk d = CrisisDesk.newBuilder().journalDirectory(dir).clock(clock).adapter(network).build();
    CaseId id = d.ingest(mention("ana", 300, "@acme my order still hasn't arrived", Addressing.MENTION)).triage().caseId();
    Thread.currentThread().interrupt();
    try {
      d.close();
    } finally {
      assertTrue(Thread.interrupted(), "the caller keeps its interrupt");
    }
    try (CrisisDesk again = CrisisDesk.newBuilder().journalDirectory(dir).clock(clock).adapter(network).build()) {
      assertTrue(again.cases().find(id).isPresent(), "the journal was released and its records kept");
    }
  }

  @Test
  void autoTickRaisesHealthNoticesWithoutACaller() throws Exception {
    List<DeskNotice> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (CrisisDesk live = CrisisDesk.newBuilder().journal(Journal.inMemory()).clock(clock).adapter(network)
        .autoTick(Duration.ofMillis(20))
        .listener(new DeskListener() {
          @Override
          public void onAdapterHealth(DeskNotice notice) {
            notices.add(notice);
          }
        }).build()) {
      for (int i = 0; i < 20; i++) {
        live.ingest(mention("user" + i, 100, "@acme where is my order", Addressing.MENTION));
        clock.advance(Duration.ofMinutes(3));
      }
      live.start();
      clock.advance(Duration.ofHours(5));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (notices.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals("adapter_silent", notices.get(0).kind());
    }
  }

  private Mention inConversation(String handle, String conversation, String text, Addressing addressing) {
    next++;
    return Mention.newBuilder().network("x").id(Integer.toString(100 + next)).conversationId(conversation)
        .author(Author.newBuilder().id("u-" + handle).handle(handle).followers(300).build())
        .text(text).language("en").createdAt(clock.instant()).addressing(addressing).build();
  }

  @Test
  void aLaterKeywordOnlyMentionKeepsThePublicReplyTheMentionEarned() {
    Mention asked = inConversation("ana", "c1", "@acme my order still hasn't arrived after two weeks", Addressing.MENTION);
    CaseId id = ingest(asked);
    clock.advance(Duration.ofMinutes(5));
    assertEquals(id, ingest(inConversation("ana", "c1", "acme is useless, still no parcel", Addressing.KEYWORD)));
    ActionResult r = desk.acknowledge(id, "agent:sam", "Hi Ana, sorry about the delay. We're checking your order now.");
    assertEquals(ActionResult.Status.DONE, r.status(), r.detail());
    assertEquals(NetworkAction.REPLY_PUBLICLY, network.sent().get(0).action());
    assertEquals(asked.id().value(), network.sent().get(0).target());
  }

  @Test
  void theAnswerGoesUnderTheComplaintNotUnderALaterInsult() {
    Mention complaint = inConversation("bo", "c2", "@acme my order still hasn't arrived after two weeks", Addressing.MENTION);
    CaseId id = ingest(complaint);
    clock.advance(Duration.ofMinutes(5));
    assertEquals(id, ingest(inConversation("bo", "c2", "@acme you are idiots, worst company ever", Addressing.MENTION)));
    ActionResult r = desk.acknowledge(id, "agent:sam", "Hi Bo, sorry about the delay. We're checking your order now.");
    assertEquals(ActionResult.Status.DONE, r.status(), r.detail());
    assertEquals(complaint.id().value(), network.sent().get(0).target());
  }

  @Test
  void praiseFromSomeoneWhoDidNotAddressTheBrandIsThankedByDirectMessageOrByHand() {
    Mention open = mention("zoe", 300, "acme is the best shop ever, thanks for the quick help!", Addressing.KEYWORD);
    network.acceptPrivateMessages(open.author().id(), true);
    CaseId id = ingest(open);
    ActionResult r = desk.thank(id, "agent:sam", "Thanks so much, Zoe!");
    assertEquals(ActionResult.Status.REROUTED, r.status(), r.detail());
    assertEquals(CaseState.THANKED, r.caseAfter().state());
    assertEquals(NetworkAction.PRIVATE_MESSAGE, network.sent().get(0).action());

    CaseId closed = ingest(mention("yan", 300, "acme is the best shop ever, love it", Addressing.KEYWORD));
    ActionResult none = desk.thank(closed, "agent:sam", "Thanks so much!");
    assertEquals(ActionResult.Status.MANUAL_TASK, none.status(), none.detail());
    assertEquals(CaseState.NEW, desk.cases().find(closed).orElseThrow().state(), "nothing sent, nothing recorded as sent");
    assertEquals(1, network.sent().size());
  }

  @Test
  void aDirectMessageGetsNoPublicReply() {
    next++;
    Mention dm = Mention.newBuilder().network("x").id(Integer.toString(100 + next)).kind(MentionKind.DIRECT_MESSAGE)
        .author(Author.newBuilder().id("u-dm").handle("dm").followers(10).build())
        .text("my order still hasn't arrived").language("en").createdAt(clock.instant())
        .addressing(Addressing.DIRECT).build();
    network.acceptPrivateMessages("u-dm", true);
    CaseId id = ingest(dm);
    ActionResult r = desk.acknowledge(id, "agent:sam", "Hi, sorry about the delay. Could you send us the order number?");
    assertEquals(NetworkAction.PRIVATE_MESSAGE, network.sent().get(0).action(), r.detail());
  }
}
