package org.crisiskit.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {
  @TempDir Path dir;

  private static List<JournalEntry> entries(int n) {
    List<JournalEntry> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(new JournalEntry(i, i % 2 == 0 ? "case" : "mention", "{\"n\":" + i + ",\"t\":\"ñandú 😀\"}"));
    }
    return out;
  }

  @Test
  void appendsReplayInOrderAndSurviveReopening() {
    try (FileJournal j = FileJournal.open(dir)) {
      assertEquals(0, j.lastSequence());
      assertEquals(1, j.append("mention", "{\"a\":1}"));
      assertEquals(2, j.append("case", ""));
      List<JournalEntry> after1 = new ArrayList<>();
      j.replay(1, after1::add);
      assertEquals(List.of(new JournalEntry(2, "case", "")), after1);
    }
    try (FileJournal j = FileJournal.open(dir)) {
      assertEquals(2, j.lastSequence());
      assertEquals(3, j.append("incident", "{}"));
      List<JournalEntry> all = new ArrayList<>();
      j.replay(all::add);
      assertEquals(List.of(new JournalEntry(1, "mention", "{\"a\":1}"), new JournalEntry(2, "case", ""),
          new JournalEntry(3, "incident", "{}")), all);
    }
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFailsWhileTheFirstIsOpen() {
    FileJournal first = FileJournal.open(dir);
    try {
      JournalException e = assertThrows(JournalException.class, () -> FileJournal.open(dir));
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
      first.append("case", "{}");
    } finally {
      first.close();
    }
    try (FileJournal again = FileJournal.open(dir)) {
      assertEquals(1, again.lastSequence());
    }
  }

  @Test
  void groupedFsyncKeepsEveryRecordFromConcurrentWriters() throws Exception {
    int threads = 4;
    int each = 250;
    Set<Long> sequences = ConcurrentHashMap.newKeySet();
    try (FileJournal j = FileJournal.open(dir, FsyncPolicy.grouped(Duration.ofMillis(3)))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        fs.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            sequences.add(j.append("case", "{\"thread\":" + thread + ",\"i\":" + i + "}"));
            if (i % 50 == 0) {
              Thread.sleep(5); // let the flusher run between bursts
            }
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      j.flush();
      assertEquals(threads * each, j.lastSequence());
    }
    assertEquals(threads * each, sequences.size());
    List<JournalEntry> read = JournalFiles.read(dir);
    assertEquals(threads * each, read.size());
    Set<String> payloads = new HashSet<>();
    read.forEach(e -> payloads.add(e.payload()));
    assertEquals(threads * each, payloads.size());
  }

  @Test
  void closingAGroupedJournalRepeatedlyReleasesItEveryTime() {
    // regression: close() interrupted the fsync thread, and an interrupt inside FileChannel.force
    // closes the channel, so close() could fail and leave the directory locked
    for (int i = 0; i < 50; i++) {
      FileJournal j = FileJournal.open(dir, FsyncPolicy.grouped(Duration.ofMillis(1)));
      j.append("case", "{\"i\":" + i + "}");
      j.close();
    }
    assertEquals(50, JournalFiles.read(dir).size());
  }

  @Test
  void appendAfterCloseFailsAndCloseIsIdempotent() {
    FileJournal j = FileJournal.open(dir);
    j.close();
    j.close();
    assertThrows(JournalException.class, () -> j.append("case", "{}"));
  }

  @Test
  void typeMustBeOneTo65535Bytes() {
    try (FileJournal j = FileJournal.open(dir)) {
      assertThrows(IllegalArgumentException.class, () -> j.append("", "{}"));
      assertThrows(IllegalArgumentException.class, () -> j.append("x".repeat(65536), "{}"));
      assertEquals(0, j.lastSequence());
    }
  }

  @Test
  void aFileThatIsNotAJournalIsRejectedAtOffsetZeroAndLeftAlone() throws IOException {
    byte[] text = "mention,case\n1,2\n".getBytes(StandardCharsets.US_ASCII);
    Files.write(JournalFiles.file(dir), text);
    JournalCorruptedException e = assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().contains(JournalFiles.file(dir).toString()), e.getMessage());
    assertArrayEquals(text, Files.readAllBytes(JournalFiles.file(dir)));
  }

  @Test
  void aTornHeaderIsRewritten() throws IOException {
    Files.write(JournalFiles.file(dir), "CKJ".getBytes(StandardCharsets.US_ASCII));
    try (FileJournal j = FileJournal.open(dir)) {
      assertEquals(0, j.lastSequence());
      assertEquals(1, j.append("case", "{}"));
    }
    assertEquals(1, JournalFiles.read(dir).size());
  }

  @Test
  void aZeroFilledTailIsCut() throws IOException {
    List<Long> b = JournalFiles.write(dir, entries(5));
    JournalFiles.appendZeros(dir, 4096);
    assertEquals(entries(5), JournalFiles.read(dir));
    assertEquals((long) b.get(5), Files.size(JournalFiles.file(dir)));
  }

  @Test
  void aDamagedLengthInTheMiddleIsReportedNotCutOff() throws IOException {
    // regression: a record length damaged to point past the end of the file was taken for a torn
    // final write, and every later record was cut off with only a warning
    List<Long> b = JournalFiles.write(dir, entries(6));
    JournalFiles.flipByte(dir, b.get(2) + 1, 0x10); // length of record 3 grows by 1 MiB
    byte[] damaged = Files.readAllBytes(JournalFiles.file(dir));
    JournalCorruptedException e = assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
    assertEquals((long) b.get(2), e.offset());
    assertArrayEquals(damaged, Files.readAllBytes(JournalFiles.file(dir)));
  }

  @Test
  void aDamagedLengthReachingExactlyTheEndIsReportedNotCutOff() throws IOException {
    List<Long> b = JournalFiles.write(dir, entries(4));
    long start = b.get(1);
    int wrongLength = (int) (b.get(4) - start - 8); // record 2 now claims every byte to the end
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(JournalFiles.file(dir),
        java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.allocate(4).putInt(0, wrongLength), start);
    }
    JournalCorruptedException e = assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
    assertEquals(start, e.offset());
  }

  @Test
  void aDamagedByteInTheMiddleNamesFileAndOffset() throws IOException {
    List<Long> b = JournalFiles.write(dir, entries(5));
    JournalFiles.flipByte(dir, b.get(1) + 20, 0x01);
    JournalCorruptedException e = assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
    assertEquals((long) b.get(1), e.offset());
    assertEquals(JournalFiles.file(dir), e.file());
    assertTrue(e.getMessage().contains("byte offset " + b.get(1)), e.getMessage());
  }

  @Test
  void aTornFinalRecordIsCut() throws IOException {
    List<Long> b = JournalFiles.write(dir, entries(5));
    JournalFiles.truncate(dir, b.get(4) + 11);
    assertEquals(entries(4), JournalFiles.read(dir));
    assertEquals((long) b.get(4), Files.size(JournalFiles.file(dir)));
  }
  @Test
  void replayWhileAppendingAlwaysSeesAWholePrefix() throws Exception {
    int total = 3000;
    try (FileJournal j = FileJournal.open(dir, FsyncPolicy.grouped(Duration.ofMillis(5)))) {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<?> writer = pool.submit(() -> {
        for (int i = 1; i <= total; i++) {
          j.append("case", "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(i % 200) + "\"}");
        }
      });
      int replays = 0;
      while (!writer.isDone() || replays == 0) {
        List<JournalEntry> seen = new ArrayList<>();
        j.replay(seen::add);
        for (int k = 0; k < seen.size(); k++) {
          assertEquals(k + 1, seen.get(k).sequence());
          assertTrue(seen.get(k).payload().startsWith("{\"i\":" + (k + 1) + ","), seen.get(k)::payload);
        }
        replays++;
      }
      writer.get(30, TimeUnit.SECONDS);
      pool.shutdown();
      List<JournalEntry> all = new ArrayList<>();
      j.replay(all::add);
      assertEquals(total, all.size());
    }
  }
  @Test
  void anInterruptedWriterDoesNotCloseTheJournalForEveryoneElse() throws Exception {
    // regression: an interrupt during FileChannel.write/force closes the channel for all threads, so
    // one cancelled caller made every later append fail until the process restarted
    for (FsyncPolicy policy : List.of(FsyncPolicy.everyRecord(), FsyncPolicy.grouped(Duration.ofMillis(2)))) {
      Path d = Files.createDirectory(dir.resolve(policy.isEveryRecord() ? "every" : "grouped"));
      try (FileJournal j = FileJournal.open(d, policy)) {
        assertEquals(1, j.append("case", "first"));
        Thread.currentThread().interrupt();
        try {
          assertEquals(2, j.append("case", "interrupted"));
        } finally {
          assertTrue(Thread.interrupted(), "the caller keeps its interrupt");
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        assertEquals(3L, other.submit(() -> j.append("case", "from another thread")).get(10, TimeUnit.SECONDS));
        other.shutdown();
        assertEquals(4, j.append("case", "fourth"));
        j.flush();
      }
      assertEquals(List.of(new JournalEntry(1, "case", "first"), new JournalEntry(2, "case", "interrupted"),
          new JournalEntry(3, "case", "from another thread"), new JournalEntry(4, "case", "fourth")),
          JournalFiles.read(d));
    }
  }

  @Test
  void anInterruptedFlushDoesNotCloseTheJournalForAnotherThread() throws Exception {
    for (FsyncPolicy policy : List.of(FsyncPolicy.everyRecord(), FsyncPolicy.grouped(Duration.ofMillis(2)))) {
      Path d = Files.createDirectory(dir.resolve(policy.isEveryRecord() ? "every" : "grouped"));
      try (FileJournal j = FileJournal.open(d, policy)) {
        assertEquals(1, j.append("case", "before"));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean keptInterrupt = new AtomicBoolean();
        Thread cancelled = new Thread(() -> {
          Thread.currentThread().interrupt();
          try {
            j.flush();
          } catch (Throwable e) {
            failure.set(e);
          }
          keptInterrupt.set(Thread.interrupted());
        });
        cancelled.start();
        cancelled.join();
        assertNull(failure.get(), () -> "the interrupted flush: " + failure.get());
        assertTrue(keptInterrupt.get(), "the flushing thread keeps its interrupt");
        assertEquals(2, j.append("case", "after"), "this thread was never interrupted");
        j.flush();
      }
      assertEquals(List.of(new JournalEntry(1, "case", "before"), new JournalEntry(2, "case", "after")),
          JournalFiles.read(d));
    }
  }

  @Test
  void interruptsDuringWritesAndSyncsLoseNoRecordAndWriteNoneTwice() throws Exception {
    // an interrupt arriving during I/O closes the channel under every thread: each operation it
    // catches is retried on a new channel, and no record is lost or written twice
    int each = 300;
    for (FsyncPolicy policy : List.of(FsyncPolicy.everyRecord(), FsyncPolicy.grouped(Duration.ofMillis(1)))) {
      Path d = Files.createDirectory(dir.resolve(policy.isEveryRecord() ? "every" : "grouped"));
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicLong progress = new AtomicLong();
      try (FileJournal j = FileJournal.open(d, policy)) {
        Thread target = new Thread(() -> appendAll(j, "target", each, progress, failures));
        Thread innocent = new Thread(() -> appendAll(j, "innocent", each, new AtomicLong(), failures));
        AtomicBoolean done = new AtomicBoolean();
        Thread flusher = new Thread(() -> {
          while (!done.get()) {
            Thread.currentThread().interrupt();
            try {
              j.flush();
            } catch (Throwable e) {
              failures.add(e);
              return;
            }
            if (!Thread.interrupted()) {
              failures.add(new AssertionError("an interrupted flush lost its interrupt"));
              return;
            }
          }
        });
        target.start();
        innocent.start();
        flusher.start();
        // interrupt the target once for each record it appends, wherever it is then
        long interruptedAt = 0;
        while (target.isAlive()) {
          long p = progress.get();
          if (p != interruptedAt) {
            target.interrupt();
            interruptedAt = p;
          }
          Thread.onSpinWait();
        }
        innocent.join(60_000);
        done.set(true);
        flusher.join(60_000);
        assertFalse(innocent.isAlive() || flusher.isAlive(), "writers and flusher finish");
      }
      assertEquals(List.of(), List.copyOf(failures));
      List<JournalEntry> read = JournalFiles.read(d);
      assertEquals(2 * each, read.size());
      int[] next = new int[2];
      for (int k = 0; k < read.size(); k++) {
        JournalEntry e = read.get(k);
        assertEquals(k + 1, e.sequence());
        int writer = e.type().equals("target") ? 0 : 1;
        assertEquals(Integer.toString(next[writer]++), e.payload(), "each writer's records once, in order");
      }
    }
  }

  private static void appendAll(FileJournal j, String type, int n, AtomicLong progress, Queue<Throwable> failures) {
    try {
      for (int i = 0; i < n; i++) {
        j.append(type, Integer.toString(i));
        progress.incrementAndGet();
      }
    } catch (Throwable e) {
      failures.add(e);
    }
  }

  @Test
  void closingFromAnInterruptedThreadSyncsReleasesAndKeepsTheInterrupt() {
    for (FsyncPolicy policy : List.of(FsyncPolicy.everyRecord(), FsyncPolicy.grouped(Duration.ofMillis(2)))) {
      FileJournal j = FileJournal.open(dir, policy);
      long first = j.lastSequence() + 1;
      j.append("case", "a");
      j.append("case", "b");
      Thread.currentThread().interrupt(); // close() in a catch (InterruptedException) that restored it
      try {
        j.close();
      } finally {
        assertTrue(Thread.interrupted(), "the caller keeps its interrupt");
      }
      try (FileJournal again = FileJournal.open(dir, policy)) {
        assertEquals(first + 1, again.lastSequence());
      }
    }
    assertEquals(List.of("a", "b", "a", "b"), JournalFiles.read(dir).stream().map(JournalEntry::payload).toList());
  }

  @Test
  void flushAfterCloseSaysTheJournalIsClosed() {
    FileJournal j = FileJournal.open(dir, FsyncPolicy.grouped(Duration.ofMillis(2)));
    j.close();
    JournalException e = assertThrows(JournalException.class, j::flush);
    assertEquals("journal " + j.file() + " is closed", e.getMessage());
  }
}
