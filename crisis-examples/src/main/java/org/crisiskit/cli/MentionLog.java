package org.crisiskit.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Predicate;
import org.crisiskit.internal.Durable;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionJson;
import org.crisiskit.spi.MentionSink;

/**
 * The {@code mentions.jsonl} log of {@code listen} (one Mention JSON object per line), as the sink
 * the adapter delivers to: each mention is printed on stdout and appended to the log at once (written
 * to the operating system), and {@link #flush()}, called by the adapter once per delivered batch
 * before it saves the checkpoint, syncs the log to disk. A checkpoint is thus never durable before the
 * mentions it covers.
 */
final class MentionLog implements MentionSink, Closeable {
  /** A torn tail longer than this is not worth trying to read as a mention. */
  private static final int MAX_TAIL = 1 << 20;

  private final FileChannel channel;
  private final Writer writer;
  private final PrintStream out;
  private final PrintStream err;

  private MentionLog(FileChannel channel, PrintStream out, PrintStream err) {
    this.channel = channel;
    this.writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
    this.out = out;
    this.err = err;
  }

  /** Opens {@code file} for appending, first repairing a torn last line ({@link #repairTornTail}). */
  static MentionLog open(Path file, PrintStream out, PrintStream err) throws IOException {
    repairTornTail(file, err);
    boolean created = !Files.exists(file);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    if (created) {
      // the new file's directory entry must be durable too, or a power cut takes the whole log
      Durable.syncDirectory(file.toAbsolutePath().getParent());
    }
    return new MentionLog(ch, out, err);
  }

  @Override
  public void accept(Mention m) {
    String json = MentionJson.toJson(m);
    out.println(json);
    out.flush();
    try {
      writer.write(json);
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Syncs every line appended so far to disk: one sync per batch the adapter delivered. */
  @Override
  public void flush() {
    try {
      writer.flush();
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void onStatus(String message) {
    err.println("crisis listen: " + message);
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      writer.close();
    }
  }

  /**
   * Repairs a log whose last line has no newline: a crash or power cut while it was being written.
   * Left alone, the next run's first record would be glued onto it and both lost to readers.
   *
   * <p>A torn tail is cut off (the file truncated to the end of its last complete line) rather than
   * terminated with a newline: terminated, it would stay as an unreadable line that every reader
   * reports, for nothing, because its post is fetched again (the checkpoint moves only after the log
   * is synced, so it never covered a post whose line is torn). Only a tail that reads as a whole
   * mention, missing just its newline, is terminated and kept (it may then appear twice; readers
   * take the last copy, and a log written before this order was kept may hold a post the checkpoint
   * already passed).
   */
  static void repairTornTail(Path file, PrintStream err) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long start = lastNewline(ch, size) + 1;
      if (start == size) { // empty, or ends with its newline
        return;
      }
      long torn = size - start;
      if (torn <= MAX_TAIL && readsAsMention(ch, start, (int) torn)) {
        ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
        err.println("crisis listen: " + file + " ended in a whole mention without its newline: newline added");
      } else {
        ch.truncate(start);
        err.println("crisis listen: " + file + " ended in a torn line of " + torn + " bytes (a crash while"
            + " writing it): cut off; its post is fetched again");
      }
      ch.force(false);
    }
  }

  /** Fills {@code b} (from its position 0) with the file's bytes from {@code pos} on; false when the file ends first. */
  private static boolean readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The position of the last {@code '\n'} before {@code end}, -1 when there is none. */
  private static long lastNewline(FileChannel ch, long end) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long pos = end;
    while (pos > 0) {
      int n = (int) Math.min(buf.capacity(), pos);
      pos -= n;
      buf.clear().limit(n);
      if (!readFully(ch, buf, pos)) {
        throw new IOException("unexpected end of file");
      }
      for (int i = n - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return pos + i;
        }
      }
    }
    return -1;
  }

  private static boolean readsAsMention(FileChannel ch, long start, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    if (!readFully(ch, b, start)) {
      return false;
    }
    try {
      MentionJson.parse(new String(b.array(), StandardCharsets.UTF_8));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The last mention in {@code file} that {@code match} accepts, empty when none does or the file does
   * not exist. A line that is not a readable mention is reported on {@code err} with its line number
   * and skipped.
   */
  static Optional<Mention> findLast(Path file, Predicate<Mention> match, PrintStream err) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Mention found = null;
    // bytes that are not UTF-8 (a torn character) become U+FFFD and fail that line only
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8))) {
      String line;
      long number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Mention m;
        try {
          m = MentionJson.parse(line);
        } catch (RuntimeException e) {
          err.println(file + ":" + number + ": not a readable mention, skipped: " + CrisisCli.oneLine(e));
          continue;
        }
        if (match.test(m)) {
          found = m;
        }
      }
    }
    return Optional.ofNullable(found);
  }
}
