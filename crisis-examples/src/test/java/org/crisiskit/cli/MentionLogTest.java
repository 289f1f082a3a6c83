package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mentions.jsonl} log of {@code listen}: torn last lines repaired, unreadable lines reported. */
class MentionLogTest {
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  private static Mention mention(String id, String authorId) {
    return XCommandsTest.mention(id, authorId);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTornLastLineIsCutOffAndTheNextRecordStartsOnItsOwnLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mentions.jsonl");
    String whole = MentionJson.toJson(mention("101", "1"));
    String torn = MentionJson.toJson(mention("102", "2"));
    Files.writeString(file, whole + "\n" + torn.substring(0, torn.length() / 2));
    try (MentionLog log = MentionLog.open(file, out, err)) {
      log.accept(mention("102", "2"));
      log.flush();
    }
    assertEquals(List.of(whole, torn), Files.readAllLines(file));
    assertTrue(err().contains("torn line"), err());
  }

  @Test
  void aWholeMentionMissingOnlyItsNewlineIsKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mentions.jsonl");
    String first = MentionJson.toJson(mention("101", "1"));
    String second = MentionJson.toJson(mention("102", "2"));
    Files.writeString(file, first + "\n" + second);
    MentionLog.repairTornTail(file, err);
    assertEquals(first + "\n" + second + "\n", Files.readString(file));
  }

  @Test
  void aLogOfOneTornLineBecomesEmptyAndACompleteLogIsLeftAlone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mentions.jsonl");
    Files.writeString(file, "{\"network\":\"x\",\"id\":\"10");
    MentionLog.repairTornTail(file, err);
    assertEquals("", Files.readString(file));
    String whole = MentionJson.toJson(mention("101", "1")) + "\n";
    Files.writeString(file, whole);
    MentionLog.repairTornTail(file, err);
    assertEquals(whole, Files.readString(file));
    MentionLog.repairTornTail(dir.resolve("missing.jsonl"), err);
  }

  @Test
  void findLastReportsEachUnreadableLineWithItsNumber(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mentions.jsonl");
    String a = MentionJson.toJson(mention("101", "1"));
    String b = MentionJson.toJson(mention("102", "2"));
    // line 2: a torn record with the next run's first record glued on, as an older listen left it
    Files.writeString(file, a + "\n" + b.substring(0, 20) + b + "\n\n" + "not json\n" + b + "\n");
    Optional<Mention> found = MentionLog.findLast(file, m -> m.id().value().equals("102"), err);
    assertEquals("102", found.orElseThrow().id().value());
    assertTrue(err().contains(file + ":2: not a readable mention"), err());
    assertTrue(err().contains(file + ":4: not a readable mention"), err());
    assertEquals(2, err().lines().count(), err());
  }
}
