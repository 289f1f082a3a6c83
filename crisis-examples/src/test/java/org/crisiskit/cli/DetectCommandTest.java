package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... argv) {
    Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CrisisCli().run(List.of(argv), io);
  }

  @Test
  void seriesModeWritesOneScoredRowPerInputRow() throws Exception {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    int rows = 288 * 3;
    for (int i = 0; i < rows; i++) {
      int minutes = i * 5;
      int value = i == 288 * 2 + 100 ? 900 : 20 + (i * 7 % 11);
      csv.append(String.format(Locale.ROOT, "2015-03-%02d %02d:%02d:00,%d%n", 1 + minutes / 1440,
          minutes / 60 % 24, minutes % 60, value));
    }
    Path file = dir.resolve("series.csv");
    Files.writeString(file, csv);
    assertEquals(0, run("detect", "--series", file.toString()), err.toString());
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("timestamp,value,score,alert", lines.get(0));
    assertEquals(rows + 1, lines.size());
    String spike = lines.get(1 + 288 * 2 + 100);
    assertTrue(spike.endsWith(",1"), spike);
    assertEquals(1, lines.stream().skip(1).filter(l -> l.endsWith(",1")).count(), "one alert only");
  }

  @Test
  void seriesModeRefusesTheMentionOnlyOptionsInsteadOfIgnoringThem() throws Exception {
    Path file = dir.resolve("series.csv");
    Files.writeString(file, "timestamp,value\n2015-03-01 00:00:00,1\n");
    assertEquals(2, run("detect", "--series", file.toString(), "--truth", dir.resolve("t.json").toString()));
    assertTrue(err.toString().contains("--truth and --brand go with --mentions"), err.toString());
    assertTrue(out.toString(StandardCharsets.UTF_8).isEmpty());
  }

  @Test
  void simulateThenDetectFindsIncidents() throws Exception {
    Path file = dir.resolve("sim.jsonl");
    assertEquals(0, run("simulate", "--out", file.toString(), "--seed", "3", "--weeks", "2"), err.toString());
    assertTrue(Files.exists(dir.resolve("sim.truth.json")));
    out.reset();
    assertEquals(0, run("detect", "--mentions", file.toString(), "--truth", dir.resolve("sim.truth.json").toString()),
        err.toString());
    String incidents = out.toString(StandardCharsets.UTF_8);
    assertTrue(incidents.contains("\"state\":\"alert\"") || incidents.contains("\"state\":\"crisis\""), incidents);
    assertTrue(err.toString().contains("delivery_failure"), err.toString());
  }

  @Test
  void badRowNamesFileAndLine() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "timestamp,value\n2015-03-01 00:00:00,1\nnot a row\n");
    assertEquals(1, run("detect", "--series", file.toString()));
    assertTrue(err.toString().contains("bad.csv:3"), err.toString());
    assertEquals(2, run("detect"));
  }

  @Test
  void aValueThatIsNotAPlainNonNegativeDecimalIsRefusedWithFileAndLine() throws Exception {
    for (String bad : List.of("1e400", "1e3", "NaN", "Infinity", "-5", "+5", "1d", "0x10", "1.", "9".repeat(400))) {
      Path file = dir.resolve("v.csv");
      Files.writeString(file, "timestamp,value\n2015-03-01 00:00:00,1\n2015-03-01 00:05:00," + bad + "\n");
      err.reset();
      out.reset();
      assertEquals(1, run("detect", "--series", file.toString()), bad);
      assertTrue(err.toString().contains("v.csv:3: value '" + bad.substring(0, Math.min(bad.length(), 20))), err.toString());
      assertTrue(err.toString().contains("such as '104' or '12.5'"), err.toString());
    }
    Path file = dir.resolve("ok.csv");
    Files.writeString(file, "timestamp,value\n2015-03-01 00:00:00,0\n2015-03-01 00:05:00,12.5\n2015-03-01 00:10:00,.5\n");
    assertEquals(0, run("detect", "--series", file.toString()), err.toString());
  }

  @Test
  void seriesMayStartWithAByteOrderMarkAndARowThatIsNotUtf8IsNamed() throws Exception {
    Path bom = dir.resolve("bom.csv");
    Files.write(bom, "\uFEFFtimestamp,value\r\n2015-03-01 00:00:00,1\r\n2015-03-01 00:05:00,2\r\n"
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(0, run("detect", "--series", bom.toString()), err.toString());
    assertEquals(List.of("timestamp,value,score,alert", "2015-03-01 00:00:00,1,0.0000,0",
        "2015-03-01 00:05:00,2,0.0000,0"), out.toString(StandardCharsets.UTF_8).lines().toList());

    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, new byte[] {'t', 'i', 'm', 'e', 's', 't', 'a', 'm', 'p', ',', 'v', 'a', 'l', 'u', 'e', '\n',
        '2', '0', '1', '5', '-', '0', '3', '-', '0', '1', ' ', '0', '0', ':', '0', '0', ':', '0', '0', ',', '1',
        (byte) 0xB2, '\n'});
    assertEquals(1, run("detect", "--series", latin1.toString()));
    assertTrue(err.toString().contains("latin1.csv:2: value '1\uFFFD' is not a count"), err.toString());
  }

  @Test
  void topicsThatAreNotStringsAreRefusedWithTheirJsonPath() throws Exception {
    Path sim = dir.resolve("sim.jsonl");
    assertEquals(0, run("simulate", "--out", sim.toString(), "--seed", "3", "--weeks", "2"), err.toString());
    List<String> lines = Files.readAllLines(sim, StandardCharsets.UTF_8).subList(0, 2);
    String bad = lines.get(1).replaceFirst("\"classification\":\\{.*\\}\\}$",
        "\"classification\":{\"polarity\":\"negative\",\"topics\":[\"billing\",{\"x\":1},null,7]}}");
    assertTrue(bad.contains("{\"x\":1}"), bad);
    Path file = dir.resolve("topics.jsonl");
    Files.writeString(file, lines.get(0) + "\n" + bad + "\n");
    err.reset();
    assertEquals(1, run("detect", "--mentions", file.toString()));
    assertTrue(err.toString().contains(file + ":2: at $.classification.topics[1]: expected a string such as"
        + " \"delivery\" but was {\"x\":1}"), err.toString());
  }

  @Test
  void mentionsMayStartWithAByteOrderMarkAndALineThatIsNotUtf8IsNamed() throws Exception {
    Path sim = dir.resolve("sim.jsonl");
    assertEquals(0, run("simulate", "--out", sim.toString(), "--seed", "3", "--weeks", "2"), err.toString());
    List<String> lines = Files.readAllLines(sim, StandardCharsets.UTF_8).subList(0, 3);
    Path bom = dir.resolve("bom.jsonl");
    Files.write(bom, ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(0, run("detect", "--mentions", bom.toString()), err.toString());
    assertTrue(err.toString().contains("3 mentions"), err.toString());

    Path latin1 = dir.resolve("latin1.jsonl");
    Files.write(latin1, (lines.get(0) + "\n" + lines.get(1).replace("\"text\":\"", "\"text\":\"caf\u00e9 ") + "\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    err.reset();
    assertEquals(1, run("detect", "--mentions", latin1.toString()));
    assertTrue(err.toString().contains(latin1 + ":2: not valid UTF-8: byte 0xE9"), err.toString());
  }
}
