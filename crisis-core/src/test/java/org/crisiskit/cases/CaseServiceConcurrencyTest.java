package org.crisiskit.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.FsyncPolicy;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.mention.MentionId;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseServiceConcurrencyTest {
  private static final int THREADS = 6;
  private static final int AUTHORS_PER_THREAD = 25;
  private static final int FOLLOW_UPS = 6;
  private static final List<CaseAction> PATH = List.of(CaseAction.ACKNOWLEDGE, CaseAction.MOVE_PRIVATE,
      CaseAction.RESOLVE, CaseAction.PUBLISH_OUTCOME, CaseAction.FOLLOW_UP, CaseAction.CLOSE);

  /**
   * Agents work their own cases while customers keep writing into the same conversations from other
   * threads: nothing is lost and every case's history is a valid walk through the workflow.
   */
  @Test
  void manyThreadsAcceptingAndActingLoseNothingAndKeepHistoriesConsistent(@TempDir Path dir) throws Exception {
    RecordingListener recorder = new RecordingListener();
    FakeClock clock = new FakeClock(MentionFixtures.T0);
    Set<MentionId> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
    CaseService live;
    try (FileJournal journal = FileJournal.open(dir, FsyncPolicy.grouped(Duration.ofMillis(2)))) {
      live = CaseService.newBuilder().journal(journal).clock(clock).listener(recorder).build();
      CaseService s = live;
      ExecutorService pool = Executors.newFixedThreadPool(THREADS * 2);
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Integer>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        // the agent: opens cases of its own authors and walks each along the main path
        work.add(() -> {
          start.await();
          int applied = 0;
          for (int a = 0; a < AUTHORS_PER_THREAD; a++) {
            String author = "t" + thread + "a" + a;
            MentionId first = MentionId.of("x", author + "-0");
            sent.add(first);
            CaseId id = s.accept(MentionFixtures.mention(first.value(), author, author + "-conv", 0),
                Assessment.of(Intent.COMPLAINT)).caseId();
            for (CaseAction action : PATH) {
              CaseCommand cmd = new CaseCommand(id, action, "agent" + thread, "resolution for " + author,
                  java.util.Optional.of(PrivateChannel.EMAIL), java.util.Optional.empty());
              if (s.tryApply(cmd).applied()) {
                applied++;
              }
            }
          }
          return applied;
        });
        // the customers: keep writing into the conversations of the other agent's authors
        int other = (t + 1) % THREADS;
        work.add(() -> {
          start.await();
          for (int round = 1; round <= FOLLOW_UPS; round++) {
            for (int a = 0; a < AUTHORS_PER_THREAD; a++) {
              String author = "t" + other + "a" + a;
              MentionId id = MentionId.of("x", author + "-" + round);
              sent.add(id);
              s.accept(MentionFixtures.mention(id.value(), author, author + "-conv", round),
                  Assessment.of(Intent.COMPLAINT));
            }
          }
          return 0;
        });
      }
      List<Future<Integer>> results = new ArrayList<>();
      for (Callable<Integer> c : work) {
        results.add(pool.submit(c));
      }
      start.countDown();
      int applied = 0;
      for (Future<Integer> f : results) {
        applied += f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertTrue(applied > 0);

      // nothing lost: every mention sent is in exactly one case
      assertEquals(sent.size(), s.mentionCount());
      List<MentionId> held = new ArrayList<>();
      s.allCases().forEach(c -> held.addAll(c.mentions()));
      assertEquals(sent.size(), held.size());
      assertEquals(sent, new HashSet<>(held));
      for (CrisisCase c : s.allCases()) {
        WorkflowProperties.assertHistoryFollowsTheTable(c);
        List<CaseEvent> h = c.history();
        for (int i = 0; i < h.size() - 1; i++) {
          assertTrue(h.get(i).type() != CaseEventType.CASE_CLOSED, () -> "event after close in " + h);
        }
        assertEquals(h, recorder.events(c.id()));
      }
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      JournalReplayProperties.assertSameService(live,
          CaseService.newBuilder().journal(journal).clock(clock).build());
    }
  }
  /**
   * Regression: accept() chose a case, then took its lock and applied the new mention to the snapshot
   * taken before the lock, overwriting a transition another thread applied in between (the event was
   * journaled and sent to listeners, but lost from the live case).
   */
  @Test
  void acceptRacingACommandOnTheSameCaseDoesNotUndoTheCommand() throws Exception {
    org.crisiskit.journal.Journal journal = org.crisiskit.journal.Journal.inMemory();
    RecordingListener recorder = new RecordingListener();
    FakeClock clock = new FakeClock(MentionFixtures.T0);
    CaseService s = CaseService.newBuilder().journal(journal).clock(clock).listener(recorder).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 150; round++) {
        String author = "r" + round;
        CaseId id = s.accept(MentionFixtures.mention(author + "-0", author, author, 0)).caseId();
        CountDownLatch go = new CountDownLatch(1);
        Future<?> agent = pool.submit(() -> {
          go.await();
          for (CaseAction a : PATH) {
            s.tryApply(new CaseCommand(id, a, "agent", "done", java.util.Optional.of(PrivateChannel.PHONE),
                java.util.Optional.empty()));
          }
          return null;
        });
        Future<?> customer = pool.submit(() -> {
          go.await();
          for (int i = 1; i <= 4; i++) {
            s.accept(MentionFixtures.mention(author + "-" + i, author, author, i));
          }
          return null;
        });
        go.countDown();
        agent.get(10, TimeUnit.SECONDS);
        customer.get(10, TimeUnit.SECONDS);
        for (CrisisCase c : s.casesOfAuthor("x", author)) {
          assertEquals(recorder.events(c.id()), c.history());
          WorkflowProperties.assertHistoryFollowsTheTable(c);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    JournalReplayProperties.assertSameService(s, CaseService.newBuilder().journal(journal).clock(clock).build());
  }
}
