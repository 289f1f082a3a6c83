package org.crisiskit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckpointStoreTest {
  @TempDir Path dir;

  @Test
  void entriesSurviveReopening() {
    Path file = dir.resolve("sub/checkpoints.properties");
    CheckpointStore s = CheckpointStore.file(file);
    s.put("x:acme", "1790000000000000001");
    s.put("fake:acme", "42");
    s.put("x:acme", "1790000000000000002");

    CheckpointStore reopened = CheckpointStore.file(file);
    assertEquals(Map.of("x:acme", "1790000000000000002", "fake:acme", "42"), reopened.snapshot());
  }

  @Test
  void aFailedWriteKeepsTheOldValueAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("checkpoints.properties");
    CheckpointStore s = CheckpointStore.file(file);
    s.put("x:acme", "100");
    // the file's place is taken by a non-empty directory: the move over it fails
    Files.delete(file);
    Files.createDirectories(file.resolve("blocker"));

    CheckpointException e = assertThrows(CheckpointException.class, () -> s.put("x:acme", "200"));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertThrows(CheckpointException.class, () -> s.put("new", "1"));

    assertEquals(Optional.of("100"), s.get("x:acme"), "the value whose write failed is not kept");
    assertEquals(Optional.empty(), s.get("new"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "only the blocking directory is left, no temporary file");
    }
  }
}
