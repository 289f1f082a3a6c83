package org.crisiskit.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.locks.Lock;
import com.google.common.util.concurrent.Striped;
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

  /** What a test does in the network call of a public reply, before the reply is sent. */
  interface ReplyHook {
    void beforeReply(Object inReplyTo) throws InterruptedException;
  }

  /** {@code network}, with {@code hook} run in every public reply's call (a slow round trip, say). */
  private static NetworkAdapter beforeEachReply(FakeNetwork network, ReplyHook hook) {
    return (NetworkAdapter) Proxy.newProxyInstance(CrisisDeskConcurrencyTest.class.getClassLoader(),
        new Class<?>[] {NetworkAdapter.class}, (proxy, method, args) -> {
          if (method.getName().equals("replyPublicly")) {
            hook.beforeReply(args[0]);
          }
          try {
            return method.invoke(network, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void twoAgentsAcknowledgingOneCaseAtOnceSendOneReply() throws Exception {
    FakeClock clock = new FakeClock(T0);
    FakeNetwork network = FakeNetwork.create();
    // a network round trip that takes a while: both agents' clicks arrive while the first is sending
    CountDownLatch bothCalled = new CountDownLatch(2);
    NetworkAdapter slow = beforeEachReply(network, inReplyTo -> {
      bothCalled.countDown();
      bothCalled.await(300, TimeUnit.MILLISECONDS);
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

  @Test
  void aSlowSendForOneCaseDoesNotHoldUpAnotherCase() throws Exception {
    FakeClock clock = new FakeClock(T0);
    FakeNetwork network = FakeNetwork.create();
    List<String> slowMention = new ArrayList<>();
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // the reply to one mention hangs (a network timeout, a rate-limit wait) until the test releases it
    NetworkAdapter slow = beforeEachReply(network, inReplyTo -> {
      if (slowMention.contains(inReplyTo.toString())) {
        sending.countDown();
        release.await();
      }
    });
    CrisisDesk desk = CrisisDesk.newBuilder().journal(Journal.inMemory()).clock(clock).adapter(slow).build();
    // two cases whose ids fall on the same stripe of a 256-lock Striped: no lock may be shared by them
    Striped<Lock> stripes = Striped.lock(256);
    java.util.Map<Lock, CaseId> byStripe = new java.util.HashMap<>();
    CaseId a = null;
    CaseId b = null;
    for (int i = 1; i <= 1000 && b == null; i++) {
      Mention m = Mention.newBuilder().network("x").id("m" + i).conversationId("m" + i)
          .author(Author.newBuilder().id("u" + i).handle("user" + i).followers(300).build())
          .text("@acme my order " + i + " still hasn't arrived").language("en").createdAt(T0)
          .addressing(Addressing.MENTION).build();
      network.publish(m);
      CaseId id = desk.ingest(m).triage().caseId();
      CaseId other = byStripe.putIfAbsent(stripes.get(id), id);
      if (other != null) {
        a = other;
        b = id;
      }
    }
    CaseId first = java.util.Objects.requireNonNull(a, "two case ids on one stripe");
    CaseId second = b;
    slowMention.add(desk.cases().find(first).orElseThrow().mentions().get(0).toString());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<ActionResult> hanging = pool.submit(() -> desk.acknowledge(first, "agent:sam", "Hi, sorry! Checking now."));
      assertTrue(sending.await(10, TimeUnit.SECONDS), "the first reply is being sent");
      ActionResult other = pool.submit(() -> desk.acknowledge(second, "agent:eva", "Hi, sorry! Checking now."))
          .get(10, TimeUnit.SECONDS);
      assertTrue(other.done(), other.toString());
      assertFalse(hanging.isDone(), "the first case's reply is still on its way");
      release.countDown();
      assertTrue(hanging.get(10, TimeUnit.SECONDS).done());
      assertEquals(2, network.sent().size(), network.sent().toString());
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void actionsOnOneCaseNeverOverlapAndLeaveNoLockBehind() throws Exception {
    CrisisDesk desk = CrisisDesk.newBuilder().journal(Journal.inMemory()).clock(new FakeClock(T0)).build();
    CaseId one = CaseId.of("x-1");
    CaseId other = CaseId.of("x-2");
    java.util.concurrent.atomic.AtomicInteger inOne = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<Integer> action = () -> {
      if (inOne.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      Thread.yield();
      inOne.decrementAndGet();
      return runs.incrementAndGet();
    };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        workers.add(pool.submit(() -> {
          for (int i = 0; i < 5_000; i++) {
            switch ((i + seed) % 4) {
              case 0 -> desk.onCase(one, action);
              // an action that calls another on the same case, as escalate calls transition
              case 1 -> desk.onCase(one, () -> desk.onCase(one, action));
              case 2 -> {
                try {
                  desk.onCase(one, () -> {
                    action.get();
                    throw new IllegalStateException("refused");
                  });
                } catch (IllegalStateException expected) {
                  // the lock is released all the same
                }
              }
              default -> desk.onCase(other, () -> 0);
            }
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, overlaps.get(), "actions on one case ran at the same time");
    assertEquals(15_000, runs.get());
    assertEquals(0, desk.casesLocked(), "no lock is kept once no action runs or waits");
  }
}
