package org.crisiskit.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a listener keeps the position it resumes from (for example X's newest delivered post id),
 * as string keys and values. Implementations must be thread-safe; {@link #put} must be durable when
 * it returns for a restart to neither lose nor repeat mentions.
 */
public interface CheckpointStore {
  /** The value stored under {@code key}, if any. */
  Optional<String> get(String key);

  /** Stores {@code value} under {@code key}, replacing any previous value. */
  void put(String key, String value);

  /** A snapshot of every entry. */
  Map<String, String> snapshot();

  /** Returns a new store that lives in memory only (tests, demos). */
  static CheckpointStore inMemory() {
    return new InMemoryCheckpointStore();
  }

  /**
   * Returns a store kept in {@code file} (a small properties file, replaced atomically on every put;
   * its directory is created when missing).
   *
   * @throws CheckpointException when the file exists but cannot be read
   */
  static CheckpointStore file(Path file) {
    return FileCheckpointStore.open(file);
  }
}
