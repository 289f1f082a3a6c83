package org.crisiskit.spi;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.crisiskit.internal.Durable;

/** {@link CheckpointStore} in a properties file written to a temporary file and moved into place. */
final class FileCheckpointStore implements CheckpointStore {
  private final Path file;
  private final TreeMap<String, String> map = new TreeMap<>();

  private FileCheckpointStore(Path file) {
    this.file = file;
  }

  static FileCheckpointStore open(Path file) {
    FileCheckpointStore s = new FileCheckpointStore(file.toAbsolutePath());
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        throw new CheckpointException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
      }
      for (String k : p.stringPropertyNames()) {
        s.map.put(k, p.getProperty(k));
      }
    }
    return s;
  }

  @Override
  public synchronized Optional<String> get(String key) {
    return Optional.ofNullable(map.get(key));
  }

  /**
   * Writes the whole map to a temporary file, forces it to disk, moves it over the old file and
   * forces the directory entry too (without it a power cut can bring the old file back after put
   * returned): a crash leaves either the old or the new checkpoints, never a torn file. If writing
   * fails the entry keeps its old value in memory too, and no temporary file is left behind.
   */
  @Override
  public synchronized void put(String key, String value) {
    String old = map.get(key);
    if (value.equals(old)) {
      return;
    }
    map.put(key, value);
    Properties p = new Properties();
    p.putAll(map);
    Path tmp = null;
    try {
      Path dir = file.getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          Writer w = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8))) {
        p.store(w, "Crisis Kit listener checkpoints");
        w.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      Durable.syncDirectory(dir);
    } catch (IOException | RuntimeException e) {
      if (old == null) {
        map.remove(key);
      } else {
        map.put(key, old);
      }
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new CheckpointException("cannot write checkpoint file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Map<String, String> snapshot() {
    return Map.copyOf(map);
  }

  @Override
  public String toString() {
    return "CheckpointStore.file(" + file + ")";
  }
}
