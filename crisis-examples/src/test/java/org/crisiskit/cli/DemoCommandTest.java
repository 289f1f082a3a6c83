package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void weeksAreCheckedAgainstTheSimulatorsRangeAndTheHelpSaysSo() throws Exception {
    assertTrue(new DemoCommand().usage().contains("--weeks N  simulated weeks, 2 to 12"), new DemoCommand().usage());
    for (String weeks : new String[] {"1", "13", "0"}) {
      CliRun r = CliRun.of("demo", "--weeks", weeks, "--out", dir.resolve("never").toString());
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("--weeks must be between 2 and 12 but was " + weeks), r::toString);
      assertFalse(Files.exists(dir.resolve("never")), "refused before anything runs");
    }
    // 9 weeks is taken by the simulator: the command lets it through (stopped here by an --out that is a file)
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    CliRun r = CliRun.of("demo", "--weeks", "9", "--out", notADirectory.toString());
    assertEquals(1, r.exit(), r::toString);
    assertFalse(r.err().contains("--weeks"), r::toString);
  }
}
