package org.crisiskit.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

class FileJournalProperties {
  private Path dir;

  @BeforeTry
  void createDir() throws IOException {
    dir = Files.createTempDirectory("crisis-journal");
  }

  @AfterTry
  void deleteDir() {
    TempDirs.delete(dir);
  }

  @Provide
  Arbitrary<List<JournalEntry>> records() {
    Arbitrary<String> payloads = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0000', '\u07ff').withCharRange('\u3040', '\u30ff').ofMaxLength(300),
        Arbitraries.of("{\"mention\":{\"text\":\"😡 ¿dónde está mi pedido?\"}}", ""));
    Arbitrary<String> types = Arbitraries.of("mention", "case", "incident", "ñ");
    return Combinators.combine(types, payloads).as((t, p) -> new JournalEntry(1, t, p))
        .list().ofMinSize(1).ofMaxSize(25)
        .map(list -> {
          List<JournalEntry> out = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            out.add(new JournalEntry(i + 1, list.get(i).type(), list.get(i).payload()));
          }
          return out;
        });
  }

  @Property(tries = 100)
  void truncatingAtAnyByteOffsetAndReopeningYieldsExactlyAPrefix(
      @ForAll("records") List<JournalEntry> records, @ForAll @IntRange(min = 0, max = 1000) int permille)
      throws IOException {
    List<Long> boundaries = JournalFiles.write(dir, records);
    long size = boundaries.get(boundaries.size() - 1);
    long cut = size * permille / 1000;
    JournalFiles.truncate(dir, cut);

    int complete = 0;
    while (complete < records.size() && boundaries.get(complete + 1) <= cut) {
      complete++;
    }
    try (FileJournal j = FileJournal.open(dir)) {
      List<JournalEntry> read = new ArrayList<>();
      j.replay(read::add);
      assertEquals(records.subList(0, complete), read);
      assertEquals(complete, j.lastSequence());
      assertEquals((long) boundaries.get(complete), Files.size(j.file()), "the torn tail is cut off");
      assertEquals(complete + 1L, j.append("case", "{}"));
    }
    assertEquals(complete + 1, JournalFiles.read(dir).size());
  }

  @Property(tries = 100)
  void aDamagedByteBeforeTheLastRecordStopsTheOpenAtThatRecord(
      @ForAll("records") List<JournalEntry> records,
      @ForAll @IntRange(min = 0, max = 10_000) int which,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
    net.jqwik.api.Assume.that(records.size() >= 2);
    List<Long> boundaries = JournalFiles.write(dir, records);
    int record = which % (records.size() - 1); // any record but the last
    long start = boundaries.get(record);
    long offset = start + where % (boundaries.get(record + 1) - start);
    JournalFiles.flipByte(dir, offset, mask);
    byte[] damaged = Files.readAllBytes(JournalFiles.file(dir));

    JournalCorruptedException e = assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
    assertEquals(start, e.offset(), e::getMessage);
    assertEquals(JournalFiles.file(dir), e.file());
    assertArrayEquals(damaged, Files.readAllBytes(JournalFiles.file(dir)), "a failed open changes nothing");
    // and the failed open released the directory
    assertThrows(JournalCorruptedException.class, () -> FileJournal.open(dir));
  }

  @Property(tries = 40)
  void aZeroFilledTailIsCutOff(
      @ForAll("records") List<JournalEntry> records,
      @ForAll @IntRange(min = 1, max = 20_000) int zeros,
      @ForAll boolean overLastRecord) throws IOException {
    List<Long> boundaries = JournalFiles.write(dir, records);
    int kept = records.size();
    if (overLastRecord) {
      // the last record's blocks were allocated but never written
      kept--;
      JournalFiles.overwriteWithZeros(dir, boundaries.get(kept) + 1);
    }
    JournalFiles.appendZeros(dir, zeros);
    assertEquals(records.subList(0, kept), JournalFiles.read(dir));
    assertEquals((long) boundaries.get(kept), Files.size(JournalFiles.file(dir)));
  }
}
