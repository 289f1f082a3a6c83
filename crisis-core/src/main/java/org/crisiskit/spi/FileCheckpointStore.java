package org.crisiskit.spi;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

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

  @Override
  public synchronized void put(String key, String value) {
    if (value.equals(map.get(key))) {
      return;
    }
    map.put(key, value);
    Properties p = new Properties();
    p.putAll(map);
    try {
      Path dir = file.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Crisis Kit listener checkpoints");
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
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
