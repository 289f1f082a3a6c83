package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CaseState;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.mention.MentionJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
  /** The sample shipped at the repository root; the test works on a copy. */
  private static final Path SAMPLE = Path.of("..", "samples", "mentions.jsonl");
  private static final Pattern SUMMARY =
      Pattern.compile("accepted (\\d+) mentions \\((\\d+) already in the journal\\); (\\d+) cases");
  private static final Pattern STATE = Pattern.compile("^([A-Z_]+) \\((\\d+)\\)$");

  @TempDir Path tmp;

  private static int[] summary(CliRun r) {
    Matcher m = SUMMARY.matcher(r.out());
    assertTrue(m.find(), r::toString);
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  /** Parses the "STATE (n)" blocks and checks each announces as many case lines as follow it. */
  private static int casesListed(CliRun r) {
    int total = 0;
    String[] lines = r.out().split("\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher m = STATE.matcher(lines[i]);
      if (m.matches()) {
        CaseState.valueOf(m.group(1));
        int n = Integer.parseInt(m.group(2));
        for (int k = 1; k <= n; k++) {
          assertTrue(lines[i + k].startsWith("  x-"), r::toString);
        }
        total += n;
      }
    }
    return total;
  }

  private static long distinctIds(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
        .map(l -> MentionJson.parse(l).id()).distinct().count();
  }

  @Test
  void replaysTheSampleAndPrintsCasesByStateAndASecondRunRecordsNothingTwice() throws IOException {
    Path copy = Files.copy(SAMPLE, tmp.resolve("mentions.jsonl"));
    Path journal = tmp.resolve("journal");
    long lines = Files.readAllLines(copy).stream().filter(l -> !l.isBlank()).count();
    long distinct = distinctIds(copy);
    assertTrue(lines > distinct, "the sample carries a duplicate line");

    CliRun first = CliRun.of("replay", copy.toString(), "--journal", journal.toString());
    assertEquals(0, first.exit(), first::toString);
    int[] s1 = summary(first);
    assertEquals(distinct, s1[0]);
    assertEquals(lines - distinct, s1[1]);
    assertTrue(s1[2] > 1 && s1[2] < distinct, first::toString);
    assertEquals(s1[2], casesListed(first));
    // Ana's four mentions (one thread, then a new post within 24 h) form one case
    List<String> ana = new ArrayList<>();
    for (String l : first.out().split("\n")) {
      if (l.contains("@ana_garcia")) {
        ana.add(l);
      }
    }
    assertEquals(1, ana.size(), first::toString);
    assertTrue(ana.get(0).contains(" 4 mentions"), ana.get(0));

    CliRun second = CliRun.of("replay", copy.toString(), "--journal", journal.toString());
    assertEquals(0, second.exit(), second::toString);
    int[] s2 = summary(second);
    assertEquals(0, s2[0]);
    assertEquals(lines, s2[1]);
    assertEquals(s1[2], s2[2]);

    try (FileJournal j = FileJournal.open(journal)) {
      CaseService cases = CaseService.newBuilder().journal(j).build();
      assertEquals(distinct, cases.mentionCount());
      assertEquals(s1[2], cases.allCases().size());
    }
  }

  @Test
  void aMalformedLineIsReportedWithFileAndLineAndWhatCameBeforeIsKept() throws IOException {
    List<String> good = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      good.add(MentionJson.toJson(MentionFixtures.mention("" + i, "a" + i, null, i)));
    }
    List<String> broken = new ArrayList<>(good);
    broken.set(3, good.get(3).replace("\"handle\":\"user_a4\",", ""));
    Path file = tmp.resolve("in.jsonl");
    Files.write(file, broken, StandardCharsets.UTF_8);
    Path journal = tmp.resolve("journal");

    CliRun r = CliRun.of("replay", file.toString(), "--journal", journal.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(file + ":4: $.author.handle"), r::toString);
    assertEquals(3, summary(r)[0]);
    assertTrue(r.err().contains("(the 3 mentions before it are kept in the journal; fix the line and run again)"),
        r::toString);
    assertFalse(r.err().contains("\tat "), "no stack trace without --debug");

    CliRun again = CliRun.of("replay", file.toString(), "--journal", journal.toString());
    assertEquals(1, again.exit(), again::toString);
    assertEquals(0, summary(again)[0]);
    assertEquals(3, summary(again)[1]);
    assertTrue(again.err().contains("(the 3 mentions before it are kept in the journal, 3 of them recorded by an"
        + " earlier run; fix the line and run again)"), again::toString);

    Files.write(file, good, StandardCharsets.UTF_8);
    CliRun fixed = CliRun.of("replay", file.toString(), "--journal", journal.toString());
    assertEquals(0, fixed.exit(), fixed::toString);
    assertEquals(2, summary(fixed)[0]);
    assertEquals(3, summary(fixed)[1]);
    assertEquals(5, summary(fixed)[2]);
  }

  @Test
  void aLineThatIsNotUtf8IsReportedWithItsLineNumberAndAByteOrderMarkIsSkipped() throws IOException {
    String first = MentionJson.toJson(MentionFixtures.mention("1", "a", null, 0));
    String second = MentionJson.toJson(MentionFixtures.mention("2", "b", null, 1)).replace("\"text\":\"",
        "\"text\":\"caf\u00e9 ");
    Path file = tmp.resolve("in.jsonl");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(("\uFEFF" + first + "\r\n").getBytes(StandardCharsets.UTF_8));
    bytes.write((second + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    Files.write(file, bytes.toByteArray());
    CliRun r = CliRun.of("replay", file.toString(), "--journal", tmp.resolve("j").toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(file + ":2: not valid UTF-8: byte 0xE9"), r::toString);
    assertEquals(1, summary(r)[0]);
  }

  @Test
  void aLineThatIsNotJsonIsReportedWithItsLineNumber() throws IOException {
    Mention m = MentionFixtures.mention("1", "a", null, 0);
    Path file = tmp.resolve("in.jsonl");
    Files.write(file, List.of(MentionJson.toJson(m), "", "{oops"), StandardCharsets.UTF_8);
    CliRun r = CliRun.of("replay", file.toString(), "--journal", tmp.resolve("j").toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(file + ":3: $: not valid JSON"), r::toString);
    assertEquals(1, summary(r)[0]);
  }

  @Test
  void usageErrorsExitWith2() {
    for (String[] argv : List.of(
        new String[] {"replay"},
        new String[] {"replay", "a.jsonl", "b.jsonl"},
        new String[] {"replay", "a.jsonl", "--jornal", "x"},
        new String[] {"replay", "a.jsonl", "--journal"})) {
      CliRun r = CliRun.of(argv);
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("usage: ./crisis replay"), r::toString);
    }
  }

  @Test
  void runtimeFailuresExitWith1OnOneLineAndShowTheStackTraceOnlyWithDebug() {
    String missing = tmp.resolve("missing.jsonl").toString();
    CliRun r = CliRun.of("replay", missing, "--journal", tmp.resolve("j").toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals(1, r.err().split("\n").length, r::toString);
    assertTrue(r.err().contains(missing), r::toString);

    CliRun debug = CliRun.of("replay", missing, "--journal", tmp.resolve("j").toString(), "--debug");
    assertEquals(1, debug.exit());
    assertTrue(debug.err().contains("\tat "), debug::toString);
  }

  @Test
  void aJournalInUseIsARuntimeFailure() throws IOException {
    Path file = Files.copy(SAMPLE, tmp.resolve("mentions.jsonl"));
    Path journal = tmp.resolve("journal");
    try (FileJournal held = FileJournal.open(journal)) {
      CliRun r = CliRun.of("replay", file.toString(), "--journal", journal.toString());
      assertEquals(1, r.exit(), r::toString);
      assertTrue(r.err().contains("in use"), r::toString);
      assertEquals(0, held.lastSequence());
    }
  }
}
