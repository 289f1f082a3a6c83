package org.crisiskit.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.crisiskit.spi.FakeNetwork;
import org.crisiskit.testing.FakeClock;

/** Invariants of the whole pipeline: nothing lost, nothing twice, no complaint left without a clock. */
class CrisisDeskProperties {
  private static final String[] TEXTS = {
    "@acme my order still hasn't arrived, nobody answers",
    "@acme how do I change my delivery address?",
    "@acme love the new app, thanks!",
    "@acme you are all idiots",
    "@acme mi pedido no llega y nadie me responde",
    "¿Cómo puedo cancelar mi suscripción? @acme",
    "acme store opens at 9 today",
    "still no refund, please help @acme",
    ""
  };

  @Provide
  Arbitrary<List<Mention>> streams() {
    Arbitrary<Mention> one = Combinators.combine(
            Arbitraries.integers().between(1, 60),
            Arbitraries.integers().between(1, 8),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(TEXTS),
            Arbitraries.integers().between(0, 72 * 60))
        .as((id, author, conv, text, minute) -> Mention.newBuilder()
            .network("x").id(Integer.toString(id)).conversationId("c" + author + "-" + conv)
            .author(Author.newBuilder().id("a" + author).handle("user" + author).followers(100L * author).build())
            .text(text).createdAt(Instant.parse("2026-11-02T00:00:00Z").plusSeconds(60L * minute)).build());
    return one.list().ofMinSize(1).ofMaxSize(60);
  }

  @Property(tries = 60)
  void everyDistinctMentionLandsInExactlyOneCaseAndComplaintsGetADeadline(@ForAll("streams") List<Mention> stream) {
    FakeClock clock = new FakeClock(Instant.parse("2026-11-05T00:00:00Z"));
    try (Journal journal = Journal.inMemory();
        CrisisDesk desk = CrisisDesk.newBuilder().journal(journal).clock(clock).adapter(FakeNetwork.create()).build()) {
      // the first delivery of an id wins, as on a network that never edits a post
      Map<MentionId, Mention> distinct = new HashMap<>();
      for (Mention m : stream) {
        Mention first = distinct.putIfAbsent(m.id(), m);
        desk.ingest(first == null ? m : first);
      }
      assertEquals(distinct.size(), desk.cases().mentionCount(), "every distinct mention recorded once");
      Set<MentionId> inCases = new HashSet<>();
      List<MentionId> all = new ArrayList<>();
      for (CrisisCase c : desk.cases().allCases()) {
        all.addAll(c.mentions());
        inCases.addAll(c.mentions());
        boolean needsAnswer = c.intent() == Intent.COMPLAINT || c.intent() == Intent.QUESTION;
        if (needsAnswer && c.state().awaitsBrand()) {
          assertTrue(c.deadline(CrisisCase.FIRST_RESPONSE).isPresent() || c.firstResponseAt().isPresent(),
              "a complaint or question waiting for the brand has a first-response clock: " + c);
        }
      }
      assertEquals(all.size(), inCases.size(), "no mention in two cases");
      assertEquals(distinct.keySet(), inCases, "no mention outside a case");

      // a restart rebuilds the same cases
      try (CrisisDesk again = CrisisDesk.newBuilder().journal(journal).clock(clock).adapter(FakeNetwork.create()).build()) {
        Map<CaseId, CrisisCase> before = new HashMap<>();
        desk.cases().allCases().forEach(c -> before.put(c.id(), c));
        for (CrisisCase c : again.cases().allCases()) {
          assertEquals(before.get(c.id()), c);
        }
        assertEquals(before.size(), again.cases().allCases().size());
      }
    }
  }
}
