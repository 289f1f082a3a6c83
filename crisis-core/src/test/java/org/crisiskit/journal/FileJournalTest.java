package org.crisiskit.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
          assertThrows(JournalException.class, () -> j.append("case", "cancelled"));
        } finally {
          assertTrue(Thread.interrupted(), "the caller keeps its interrupt");
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        assertEquals(2L, other.submit(() -> j.append("case", "from another thread")).get(10, TimeUnit.SECONDS));
        other.shutdown();
        assertEquals(3, j.append("case", "third"));
        j.flush();
      }
      List<JournalEntry> read = new ArrayList<>();
      try (FileJournal j = FileJournal.open(d)) {
        j.replay(read::add);
      }
      assertEquals(List.of(new JournalEntry(1, "case", "first"), new JournalEntry(2, "case", "from another thread"),
          new JournalEntry(3, "case", "third")), read);
    }
  }
}
