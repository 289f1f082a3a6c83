package org.crisiskit.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseState;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.spi.FakeNetwork;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** A desk with networks of different length limits: each message is checked by its own network's rules. */
class CrisisDeskNetworksTest {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void aLongMessageAllowedOnItsNetworkGoesThroughTheApprovalQueue() {
    FakeClock clock = new FakeClock(T0);
    FakeNetwork x = FakeNetwork.create();
    FakeNetwork blog = FakeNetwork.newBuilder().network("blog").maxLength(2000).build();
    CrisisDesk desk = CrisisDesk.newBuilder().journal(Journal.inMemory()).clock(clock)
        .adapter(x).adapter(blog).build();
    Mention m = Mention.newBuilder().network("blog").id("7").conversationId("7")
        .author(Author.newBuilder().id("u-star").handle("star").followers(250_000).build())
        .text("@acme my order still hasn't arrived, really disappointed").language("en")
        .createdAt(clock.instant()).addressing(Addressing.MENTION).build();
    blog.publish(m);
    CaseId id = desk.ingest(m).triage().caseId();
    assertEquals(CaseState.ESCALATED, desk.cases().find(id).orElseThrow().state());
    String text = "Hi, we're so sorry about the delay with your order. "
        + "We're looking into it with the warehouse and the carrier right now, and we will message you privately "
        + "as soon as we know where the parcel is and when it will reach you. Thank you for your patience, "
        + "and sorry again for the trouble this has caused you this week.";
    assertTrue(text.length() > 280, "longer than X allows, well within the blog's limit");

    ActionResult r = desk.acknowledge(id, "agent:sam", text);
    assertEquals(ActionResult.Status.AWAITING_APPROVAL, r.status(), r.toString());
    ActionResult sent = desk.approve(desk.pendingApprovals().get(0).id(), "manager:eva", Optional.empty());
    assertEquals(ActionResult.Status.DONE, sent.status(), sent.toString());
    assertEquals(CaseState.ACKNOWLEDGED, sent.caseAfter().state());
    assertEquals(text, blog.sent().get(0).text());
    assertTrue(desk.pendingApprovals().isEmpty());
  }
}
