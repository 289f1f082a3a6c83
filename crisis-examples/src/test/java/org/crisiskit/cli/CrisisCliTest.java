package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crisiskit.internal.Version;
import org.junit.jupiter.api.Test;

class CrisisCliTest {
  @Test
  void helpListsEveryCommandWithItsSummary() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.exit(), r::toString);
    for (CliCommand c : java.util.List.of(new VersionCommand(), new ReplayCommand(), new DemoCommand())) {
      assertTrue(r.out().contains(c.name()) && r.out().contains(c.summary()), r::toString);
    }
    assertEquals("", r.err());
    assertEquals(r.out(), CliRun.of("help").out());
    assertEquals(r.out(), CliRun.of("-h").out());
  }

  @Test
  void helpListsTheSummariesInOneColumn() {
    java.util.Set<Integer> columns = new java.util.HashSet<>();
    for (String line : CliRun.of("--help").out().split("\n")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^  ([a-z-]+) +\\S").matcher(line);
      if (m.find()) {
        columns.add(m.end() - 1);
      }
    }
    assertEquals(1, columns.size(), columns::toString);
  }

  @Test
  void noArgumentsIsAUsageErrorWithHelpOnStderr() {
    CliRun r = CliRun.of();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("replay"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CliRun r = CliRun.of("frobnicate");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown command 'frobnicate'"), r::toString);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    CliRun r = CliRun.of("version");
    assertEquals(0, r.exit(), r::toString);
    assertFalse(Version.VALUE.equals("unknown") || Version.VALUE.contains("${"), Version.VALUE);
    assertTrue(Version.VALUE.matches("\\d+\\.\\d+\\.\\d+.*"), Version.VALUE);
    assertTrue(r.out().startsWith("crisis-kit " + Version.VALUE + " "), r::toString);
    assertEquals(r.out(), CliRun.of("--version").out());
  }

  @Test
  void versionRejectsArgumentsAndOptions() {
    CliRun extra = CliRun.of("version", "now");
    assertEquals(2, extra.exit());
    assertTrue(extra.err().contains("usage: ./crisis version"), extra::toString);
    CliRun option = CliRun.of("version", "--verbose", "yes");
    assertEquals(2, option.exit());
    assertTrue(option.err().contains("unknown option --verbose"), option::toString);
  }

  @Test
  void anUnknownOptionLastOnTheLineIsReportedAsUnknownNotAsMissingItsValue() {
    CliRun unknown = CliRun.of("classify", "--skip-invalidd");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown option --skip-invalidd"), unknown::toString);
    CliRun missing = CliRun.of("classify", "--model");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("--model needs a value"), missing::toString);
  }

  @Test
  void aNegativeDurationIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    for (String negative : java.util.List.of("-5s", "PT-5S")) {
      CliRun r = CliRun.of("listen", "--network", "x", "--keywords", "acme", "--duration", negative, "--state",
          dir.resolve("state").toString());
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("--duration expects a duration such as 60s, 5m or 2h but was '" + negative + "'"),
          r::toString);
    }
  }

  @Test
  void commandHelpPrintsItsUsage() {
    CliRun r = CliRun.of("replay", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().startsWith("usage: ./crisis replay FILE.jsonl"), r::toString);
  }

  @Test
  void strayPositionalArgumentsAreUsageErrors() {
    for (String[] argv : new String[][] {
        {"simulate", "--out", "x.jsonl", "extra"},
        {"nab", "--data", "d", "extra"},
        {"train", "--in", "a.jsonl", "--out", "m", "extra"}}) {
      CliRun r = CliRun.of(argv);
      org.junit.jupiter.api.Assertions.assertEquals(2, r.exit(), r.toString());
      org.junit.jupiter.api.Assertions.assertTrue(r.err().contains("unexpected argument 'extra'"), r.toString());
    }
  }
}
