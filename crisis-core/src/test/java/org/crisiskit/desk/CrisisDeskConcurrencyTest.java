package org.crisiskit.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseState;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.spi.FakeNetwork;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;

/** Agent actions on one case from several threads: the customer gets one message, not one per click. */
class CrisisDeskConcurrencyTest {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void twoAgentsAcknowledgingOneCaseAtOnceSendOneReply() throws Exception {
    FakeClock clock = new FakeClock(T0);
    FakeNetwork network = FakeNetwork.create();
    // a network round trip that takes a while: both agents' clicks arrive while the first is sending
    CountDownLatch bothCalled = new CountDownLatch(2);
    NetworkAdapter slow = (NetworkAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {NetworkAdapter.class}, (proxy, method, args) -> {
          if (method.getName().equals("replyPublicly")) {
            bothCalled.countDown();
            bothCalled.await(300, TimeUnit.MILLISECONDS);
          }
          try {
            return method.invoke(network, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    CrisisDesk desk = CrisisDesk.newBuilder().journal(Journal.inMemory()).clock(clock).adapter(slow).build();
    Mention m = Mention.newBuilder().network("x").id("1").conversationId("1")
        .author(Author.newBuilder().id("u-ana").handle("ana").followers(300).build())
        .text("@acme my order still hasn't arrived").language("en").createdAt(T0)
        .addressing(Addressing.MENTION).build();
    network.publish(m);
    CaseId id = desk.ingest(m).triage().caseId();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ActionResult>> clicks = new ArrayList<>();
      for (String agent : List.of("agent:sam", "agent:eva")) {
        clicks.add(pool.submit(() -> {
          go.await();
          return desk.acknowledge(id, agent, "Hi @ana, sorry about the delay. We're checking your order now.");
        }));
      }
      go.countDown();
      long done = 0;
      for (Future<ActionResult> f : clicks) {
        if (f.get(10, TimeUnit.SECONDS).done()) {
          done++;
        }
      }
      assertEquals(1, network.sent().size(), "one reply reaches the customer: " + network.sent());
      assertEquals(1, done);
      assertEquals(CaseState.ACKNOWLEDGED, desk.cases().find(id).orElseThrow().state());
    } finally {
      pool.shutdownNow();
    }
  }
}
