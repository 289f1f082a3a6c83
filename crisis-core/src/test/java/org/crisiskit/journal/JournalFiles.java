package org.crisiskit.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Writes journals and damages their files the way crashes and bad disks do. */
final class JournalFiles {
  private JournalFiles() {}

  /** Appends {@code records} to a new journal in {@code dir}; returns the file size after the header and each record. */
  static List<Long> write(Path dir, List<JournalEntry> records) {
    List<Long> boundaries = new ArrayList<>();
    try (FileJournal j = FileJournal.open(dir, FsyncPolicy.grouped(java.time.Duration.ofSeconds(5)))) {
      boundaries.add(Files.size(j.file()));
      for (JournalEntry e : records) {
        j.append(e.type(), e.payload());
        boundaries.add(Files.size(j.file()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return boundaries;
  }

  static List<JournalEntry> read(Path dir) {
    List<JournalEntry> out = new ArrayList<>();
    try (FileJournal j = FileJournal.open(dir)) {
      j.replay(out::add);
    }
    return out;
  }

  static Path file(Path dir) {
    return dir.resolve(FileJournal.FILE_NAME);
  }

  static void truncate(Path dir, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file(dir), StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }

  static void flipByte(Path dir, long offset, int mask) throws IOException {
    try (FileChannel ch = FileChannel.open(file(dir), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, offset);
      b.put(0, (byte) (b.get(0) ^ mask));
      b.rewind();
      ch.write(b, offset);
    }
  }

  static void appendZeros(Path dir, int n) throws IOException {
    Files.write(file(dir), new byte[n], StandardOpenOption.APPEND);
  }

  static void overwriteWithZeros(Path dir, long from) throws IOException {
    try (FileChannel ch = FileChannel.open(file(dir), StandardOpenOption.WRITE)) {
      long size = ch.size();
      ch.write(ByteBuffer.allocate((int) (size - from)), from);
    }
  }
}
