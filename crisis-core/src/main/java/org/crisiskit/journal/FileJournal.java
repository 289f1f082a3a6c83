package org.crisiskit.journal;

import com.google.common.util.concurrent.Uninterruptibles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.crisiskit.internal.Durable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded journal: one append-only file, {@code journal.ckj}, in a directory of its own.
 *
 * <p>File format: the 8-byte magic {@code CKJRNL01}, then records of {@code [int32 length][int32
 * CRC32C of body][body]}, where the body is {@code [int64 sequence][uint16 type length][type
 * UTF-8][payload UTF-8]}, big-endian.
 *
 * <p>Crash safety: on open, a damaged record that ends the file (a torn final write, or a zero-filled
 * tail) is cut off with a warning; any other damage stops the open with
 * {@link JournalCorruptedException} naming the file and byte offset, and nothing is skipped silently.
 * A lock file keeps a second process from opening the same journal. Thread-safe; an interrupted
 * caller's append, flush or close is not cut short (the caller keeps its interrupt), and never leaves
 * the journal unusable for other threads.
 *
 * <pre>{@code
 * try (Journal journal = FileJournal.open(Path.of("data/journal"), FsyncPolicy.grouped(Duration.ofMillis(50)))) {
 *   CaseService cases = CaseService.newBuilder().journal(journal).build();
 * }
 * }</pre>
 */
public final class FileJournal implements Journal {
  /** The name of the journal file inside the directory. */
  public static final String FILE_NAME = "journal.ckj";

  private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);
  private static final byte[] MAGIC = "CKJRNL01".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 8;
  private static final int MIN_BODY = 10;
  private static final int MAX_BODY = 64 * 1024 * 1024;
  /** Tries at one operation when interrupts of other threads keep closing the channel under it. */
  private static final int CHANNEL_TRIES = 10;

  private final Path file;
  private final FsyncPolicy fsync;
  /** Reopened by {@link #reopen} when an interrupt closed it; written under writeLock. */
  private volatile FileChannel channel;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ScheduledExecutorService flusher;
  private final Object writeLock = new Object();
  private long end;
  private long lastSequence;
  private volatile boolean dirty;
  private volatile IOException syncFailure;
  private boolean closed;
  /** Set by {@link #close} before it closes the channel for good: no more reopening. */
  private boolean released;

  private FileJournal(Path dir, FsyncPolicy fsync) throws IOException {
    Files.createDirectories(dir);
    this.file = dir.resolve(FILE_NAME);
    this.fsync = fsync;
    this.lockChannel = FileChannel.open(dir.resolve("journal.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      lockChannel.close();
      throw new JournalException("journal " + dir + " is in use by another process or instance");
    }
    this.lock = l;
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      this.channel = ch;
      recover();
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      lock.release();
      lockChannel.close();
      throw e;
    }
    if (fsync.isEveryRecord()) {
      this.flusher = null;
    } else {
      this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "crisis-journal-fsync");
        t.setDaemon(true);
        return t;
      });
      long ms = Math.max(1, fsync.interval().toMillis());
      flusher.scheduleWithFixedDelay(this::syncIfDirty, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Opens (creating if needed) the journal in {@code dir}, syncing every record.
   *
   * @throws JournalCorruptedException when the file is damaged other than at its end
   * @throws JournalException when the directory cannot be used or is locked by another instance
   */
  public static FileJournal open(Path dir) {
    return open(dir, FsyncPolicy.everyRecord());
  }

  /**
   * Opens (creating if needed) the journal in {@code dir} with the given sync policy.
   *
   * @throws JournalCorruptedException when the file is damaged other than at its end
   * @throws JournalException when the directory cannot be used or is locked by another instance
   */
  public static FileJournal open(Path dir, FsyncPolicy fsync) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(fsync, "fsync");
    try {
      return new FileJournal(dir, fsync);
    } catch (IOException e) {
      throw new JournalException("cannot open journal in " + dir + ": " + why(e), e);
    }
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  private void recover() throws IOException {
    long size = channel.size();
    if (size == 0) {
      channel.write(ByteBuffer.wrap(MAGIC), 0);
      channel.force(true);
      Durable.syncDirectory(file.getParent()); // else a power cut can lose the new file itself
      end = HEADER;
      return;
    }
    byte[] head = new byte[(int) Math.min(HEADER, size)];
    channel.read(ByteBuffer.wrap(head), 0);
    if (!Arrays.equals(head, Arrays.copyOf(MAGIC, head.length))) {
      throw new JournalCorruptedException(file, 0, "not a Crisis Kit journal (bad magic)");
    }
    if (size < HEADER) {
      LOG.warn("journal {}: torn header ({} bytes) rewritten", file, size);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(MAGIC), 0);
      channel.force(true);
      end = HEADER;
      return;
    }
    ScanResult r = scan(size, null, 0);
    if (r.tornAt >= 0) {
      LOG.warn("journal {}: torn final record at byte offset {} ({} bytes) cut off; {} records kept",
          file, r.tornAt, size - r.tornAt, r.lastSequence);
      channel.truncate(r.tornAt);
      channel.force(true);
    }
    end = r.end;
    lastSequence = r.lastSequence;
  }

  private static final class ScanResult {
    long end;
    long lastSequence;
    long tornAt = -1;
  }

  /**
   * Reads records up to {@code limit} bytes, validating each; calls {@code consumer} for those with
   * sequence greater than {@code after} (when consumer is not null).
   */
  private ScanResult scan(long limit, Consumer<JournalEntry> consumer, long after) throws IOException {
    ScanResult r = new ScanResult();
    CRC32C crc = new CRC32C();
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      in.skipNBytes(HEADER);
      long offset = HEADER;
      long expected = 1;
      byte[] body = new byte[256];
      while (offset < limit) {
        long remaining = limit - offset;
        if (remaining < 8) {
          r.tornAt = offset;
          break;
        }
        int len = in.readInt();
        int storedCrc = in.readInt();
        if (len < MIN_BODY || len > MAX_BODY) {
          if (remaining < 8 + MIN_BODY || tailIsZero(offset, limit)) {
            r.tornAt = offset;
            break;
          }
          throw new JournalCorruptedException(file, offset, "record length " + len + " out of range");
        }
        if (offset + 8 + len > limit) {
          if (intactRecordAfter(offset, limit, expected + 1)) {
            throw new JournalCorruptedException(file, offset, "record length " + len
                + " runs past the end of the file, but intact records follow (damaged length)");
          }
          r.tornAt = offset;
          break;
        }
        if (body.length < len) {
          body = new byte[Math.max(len, body.length * 2)];
        }
        in.readFully(body, 0, len);
        crc.reset();
        crc.update(body, 0, len);
        if ((int) crc.getValue() != storedCrc) {
          long recordEnd = offset + 8 + len;
          if ((recordEnd == limit || tailIsZero(recordEnd, limit))
              && !intactRecordAfter(offset, recordEnd, expected + 1)) {
            r.tornAt = offset;
            break;
          }
          throw new JournalCorruptedException(file, offset, "checksum mismatch");
        }
        ByteBuffer b = ByteBuffer.wrap(body, 0, len);
        long seq = b.getLong();
        int typeLen = Short.toUnsignedInt(b.getShort());
        if (seq != expected || 10 + typeLen > len) {
          throw new JournalCorruptedException(file, offset,
              seq != expected ? "sequence " + seq + " where " + expected + " was expected" : "bad type length");
        }
        if (consumer != null && seq > after) {
          String type = new String(body, 10, typeLen, StandardCharsets.UTF_8);
          String payload = new String(body, 10 + typeLen, len - 10 - typeLen, StandardCharsets.UTF_8);
          consumer.accept(new JournalEntry(seq, type, payload));
        }
        expected++;
        offset += 8 + len;
        r.lastSequence = seq;
        r.end = offset;
      }
      if (r.end == 0) {
        r.end = HEADER;
      }
    } catch (EOFException e) {
      throw new JournalCorruptedException(file, limit, "file shorter than expected while reading");
    }
    return r;
  }

  /**
   * True when an intact record with sequence {@code nextSequence} starts somewhere in {@code (from,
   * limit)}: then the record at {@code from} is damaged in the middle of the file, not torn at its end.
   * The range is shorter than one record, so at most {@link #MAX_BODY} bytes are read.
   */
  private boolean intactRecordAfter(long from, long limit, long nextSequence) throws IOException {
    int size = (int) (limit - from - 1);
    if (size < 8 + MIN_BODY) {
      return false;
    }
    ByteBuffer tail = ByteBuffer.allocate(size);
    while (tail.hasRemaining()) {
      if (channel.read(tail, from + 1 + tail.position()) <= 0) {
        break;
      }
    }
    tail.flip();
    byte[] a = tail.array();
    int n = tail.limit();
    CRC32C crc = new CRC32C();
    for (int p = 0; p + 8 + MIN_BODY <= n; p++) {
      int len = tail.getInt(p);
      if (len < MIN_BODY || p + 8 + len > n || tail.getLong(p + 8) != nextSequence) {
        continue;
      }
      crc.reset();
      crc.update(a, p + 8, len);
      if ((int) crc.getValue() == tail.getInt(p + 4)) {
        return true;
      }
    }
    return false;
  }

  private boolean tailIsZero(long from, long limit) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long pos = from;
    while (pos < limit) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), limit - pos));
      int n = channel.read(buf, pos);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buf.get(i) != 0) {
          return false;
        }
      }
      pos += n;
    }
    return true;
  }

  @Override
  public long append(String type, String payload) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    byte[] t = type.getBytes(StandardCharsets.UTF_8);
    byte[] p = payload.getBytes(StandardCharsets.UTF_8);
    if (t.length == 0 || t.length > 0xFFFF) {
      throw new IllegalArgumentException("type must be 1 to 65535 UTF-8 bytes but was " + t.length);
    }
    int len = 10 + t.length + p.length;
    if (len > MAX_BODY) {
      throw new IllegalArgumentException("record of " + len + " bytes exceeds the limit of " + MAX_BODY);
    }
    throwIfSyncFailed();
    synchronized (writeLock) {
      if (closed) {
        throw new JournalException("journal " + file + " is closed");
      }
      long seq = lastSequence + 1;
      ByteBuffer buf = ByteBuffer.allocate(8 + len);
      buf.putInt(len).putInt(0).putLong(seq).putShort((short) t.length).put(t).put(p);
      CRC32C crc = new CRC32C();
      crc.update(buf.array(), 8, len);
      buf.putInt(4, (int) crc.getValue());
      buf.flip();
      try {
        withChannel(ch -> {
          buf.rewind(); // a try cut short by a closed channel is written again whole, at the same place
          long pos = end;
          while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
          }
          return null;
        });
        if (fsync.isEveryRecord()) {
          withChannel(ch -> {
            ch.force(false);
            return null;
          });
        } else {
          dirty = true;
        }
      } catch (IOException e) {
        try {
          withChannel(ch -> ch.truncate(end)); // cut off what was written of the record
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw new JournalException("cannot append to journal " + file + ": " + why(e), e);
      }
      end += 8 + len;
      lastSequence = seq;
      return seq;
    }
  }

  @Override
  public void replay(long afterSequence, Consumer<JournalEntry> consumer) {
    long limit;
    synchronized (writeLock) {
      limit = end;
    }
    try {
      scan(limit, consumer, afterSequence);
    } catch (IOException e) {
      throw new JournalException("cannot read journal " + file + ": " + why(e), e);
    }
  }

  @Override
  public long lastSequence() {
    synchronized (writeLock) {
      return lastSequence;
    }
  }

  private void syncIfDirty() {
    if (dirty) {
      dirty = false;
      try {
        withChannel(ch -> {
          ch.force(false);
          return null;
        });
      } catch (ClosedChannelException e) {
        // interrupts of other threads kept closing the channel: sync again next time
        dirty = true;
      } catch (JournalException e) {
        // closed meanwhile; close() syncs
      } catch (IOException e) {
        dirty = true;
        syncFailure = e;
        LOG.error("journal {}: fsync failed: {}", file, e.toString());
      }
    }
  }

  /** Fails the caller when a background sync failed since the last successful one. */
  private void throwIfSyncFailed() {
    IOException e = syncFailure;
    if (e != null) {
      throw new JournalException("journal " + file + ": a background fsync failed, recent records may not be"
          + " durable: " + why(e), e);
    }
  }

  @Override
  public void flush() {
    dirty = false; // before the sync, so that a record written during it is synced again
    try {
      withChannel(ch -> {
        ch.force(false);
        return null;
      });
      syncFailure = null;
    } catch (IOException e) {
      dirty = true;
      throw new JournalException("cannot sync journal " + file + ": " + why(e), e);
    }
  }

  /** One operation on the journal file that may be run again: positional writes, force, truncate. */
  private interface ChannelOp<T> {
    T apply(FileChannel ch) throws IOException;
  }

  /**
   * Runs {@code op} with the caller's interrupt cleared, and sets the interrupt again after. An
   * interrupt during I/O on a FileChannel closes it for every thread: when that happened (to this
   * caller or to another thread), the file is reopened and {@code op} run again, so that one
   * cancelled caller neither fails nor takes the journal down for the others.
   *
   * @throws ClosedChannelException when interrupts closed the channel {@link #CHANNEL_TRIES} times
   * @throws JournalException when the journal was closed
   */
  private <T> T withChannel(ChannelOp<T> op) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      for (int tries = 1; ; tries++) {
        FileChannel ch = channel;
        try {
          return op.apply(ch);
        } catch (ClosedChannelException e) {
          interrupted |= Thread.interrupted(); // set again with a ClosedByInterruptException
          if (tries == CHANNEL_TRIES) {
            throw e;
          }
          reopen(ch);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Replaces {@code stale}, closed by an interrupt, with a new channel unless another thread did. */
  private void reopen(FileChannel stale) throws IOException {
    synchronized (writeLock) {
      if (released) {
        throw new JournalException("journal " + file + " is closed");
      }
      if (channel == stale && !stale.isOpen()) {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        dirty = true; // records written through the closed channel are synced through this one
      }
    }
  }

  /** The exception's message, or its class name when it has none. */
  private static String why(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The lock and the sync thread are released even when the last sync fails, which is reported
   * after.
   *
   * @throws JournalException when the last sync fails
   */
  @Override
  public void close() {
    synchronized (writeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    boolean interrupted = Thread.interrupted(); // e.g. close() in a catch (InterruptedException)
    try {
      if (flusher != null) {
        // no shutdownNow(): interrupting a thread inside FileChannel.force closes the channel
        flusher.shutdown();
        Uninterruptibles.awaitTerminationUninterruptibly(flusher, 10, TimeUnit.SECONDS);
      }
      withChannel(ch -> {
        ch.force(false);
        return null;
      });
    } catch (IOException e) {
      throw new JournalException("cannot sync journal " + file + " on close: " + why(e), e);
    } finally {
      release();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Closes the channel for good and releases the lock. */
  private void release() {
    FileChannel ch;
    synchronized (writeLock) {
      released = true;
      ch = channel;
    }
    try {
      ch.close();
    } catch (IOException e) {
      LOG.warn("journal {}: cannot close: {}", file, e.toString());
    } finally {
      try {
        lock.release();
      } catch (IOException e) {
        LOG.warn("journal {}: cannot release its lock: {}", file, e.toString());
      } finally {
        try {
          lockChannel.close();
        } catch (IOException e) {
          LOG.warn("journal {}: cannot close its lock file: {}", file, e.toString());
        }
      }
    }
  }

  @Override
  public String toString() {
    return "FileJournal{" + file + ", " + fsync + "}";
  }
}
