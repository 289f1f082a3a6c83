package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void stopsReadingWhenStdoutIsClosed() {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 20_000; k++) {
      sb.append("{\"id\": ").append(k).append(", \"text\": \"still no refund, please help\"}\n");
    }
    byte[] input = sb.toString().getBytes(StandardCharsets.UTF_8);
    java.util.concurrent.atomic.AtomicLong consumed = new java.util.concurrent.atomic.AtomicLong();
    java.io.InputStream in = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(input)) {
      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        int n = super.read(b, off, len);
        consumed.addAndGet(Math.max(n, 0));
        return n;
      }
    };
    java.io.OutputStream closedAfterAFewLines = new java.io.OutputStream() { // as `| head` does
      private int n;

      @Override
      public void write(int b) throws java.io.IOException {
        if (++n > 2_000) {
          throw new java.io.IOException("Broken pipe");
        }
      }
    };
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    Io io = new Io(in, new java.io.PrintStream(closedAfterAFewLines, false, StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

    int exit = new CrisisCli().run(List.of("classify"), io);

    assertEquals(1, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write to stdout"), err::toString);
    assertTrue(consumed.get() < input.length / 4, "read " + consumed.get() + " of " + input.length + " bytes");
  }

  @Test
  void aWriteErrorOnTheLastFewResultsIsReported() {
    java.io.OutputStream broken = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("Broken pipe");
      }
    };
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    Io io = new Io(new java.io.ByteArrayInputStream(
        "{\"id\": 1, \"text\": \"still no refund\"}\n".getBytes(StandardCharsets.UTF_8)),
        new java.io.PrintStream(broken, false, StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

    int exit = new CrisisCli().run(List.of("classify"), io);

    assertEquals(1, exit, "one result lost is a failure");
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write to stdout"), err::toString);
  }

  @Test
  void writesOneResultPerLineInTheDocumentedForm() throws Exception {
    String in = String.join("\n",
        "{\"id\": \"1\", \"text\": \"@acme still no refund, please help\"}",
        "",
        "{\"id\": 2, \"text\": \"¿Cuándo llega mi pedido? nadie me responde\", \"lang\": \"es\"}",
        "{\"network\":\"x\",\"id\":\"3\",\"author\":{\"id\":\"42\",\"handle\":\"ana\"},"
            + "\"text\":\"Thank you, amazing team!\",\"lang\":\"en\",\"createdAt\":\"2026-11-02T09:15:00Z\"}");
    CliRun r = CliRun.run(in, "classify");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.lines();
    assertEquals(3, lines.size(), r.out());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals(List.of("id", "intent", "polarity", "sentiment", "abusive", "sensitive", "topics", "flags", "lang",
        "reasons"), iterable(first));
    assertEquals("1", first.get("id").asText());
    assertTrue(first.get("id").isTextual());
    assertEquals("complaint", first.get("intent").asText());
    assertEquals("negative", first.get("polarity").asText());
    assertTrue(first.get("topics").toString().contains("billing"));
    JsonNode second = JSON.readTree(lines.get(1));
    assertTrue(second.get("id").isIntegralNumber());
    assertEquals("es", second.get("lang").asText());
    assertEquals("complaint", second.get("intent").asText());
    assertEquals("praise", JSON.readTree(lines.get(2)).get("intent").asText());
  }

  @Test
  void malformedLineStopsWithItsNumber() {
    String in = "{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"text\": 5}\n{\"id\": 3, \"text\": \"never read\"}\n";
    CliRun r = CliRun.run(in, "classify");
    assertEquals(1, r.code());
    assertEquals(1, r.lines().size());
    assertTrue(r.err().contains("line 2") && r.err().contains("$.text"), r.err());
  }

  @Test
  void skipInvalidReportsAndGoesOn() {
    String in = "{\"id\": 1, \"text\": \"ok\"}\nnot json\n{\"text\": \"no id\"}\n{\"id\": 3, \"text\": \"fine\"}\n";
    CliRun r = CliRun.run(in, "classify", "--skip-invalid");
    assertEquals(0, r.code(), r.err());
    assertEquals(2, r.lines().size());
    assertTrue(r.err().contains("line 2") && r.err().contains("line 3") && r.err().contains("skipped 2"), r.err());
  }

  @Test
  void textAfterTheFirstJsonValueMakesTheLineMalformed() {
    String in = "{\"id\": 1, \"text\": \"a\"}{\"id\": 2, \"text\": \"b\"}\n{\"id\": 3, \"text\": \"c\"} x\n"
        + "{\"id\": 4, \"text\": \"d\"}  \n";
    CliRun stop = CliRun.run(in, "classify");
    assertEquals(1, stop.code(), stop::toString);
    assertEquals(0, stop.lines().size(), stop::toString);
    assertTrue(stop.err().contains("line 1: not valid JSON"), stop::toString);

    CliRun skip = CliRun.run(in, "classify", "--skip-invalid");
    assertEquals(0, skip.code(), skip::toString);
    assertEquals(1, skip.lines().size(), skip::toString);
    assertTrue(skip.lines().get(0).startsWith("{\"id\":4,"), skip::toString);
    assertTrue(skip.err().contains("line 1: not valid JSON: text after the JSON value at column 23")
        && skip.err().contains("line 2: not valid JSON")
        && skip.err().contains("skipped 2"), skip::toString);
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndsAreAccepted() {
    byte[] in = ("\uFEFF{\"id\": 1, \"text\": \"ok\"}\r\n{\"id\": 2, \"text\": \"fine\"}\r\n")
        .getBytes(StandardCharsets.UTF_8);
    CliRun r = CliRun.run(in, "classify");
    assertEquals(0, r.code(), r::toString);
    assertEquals(2, r.lines().size(), r::toString);
    assertEquals(1, r.lines().stream().filter(l -> l.startsWith("{\"id\":1,")).count(), r::toString);
  }

  @Test
  void aLineThatIsNotUtf8IsMalformedAndNamedByItsNumber() {
    byte[] latin1 = "{\"id\": 2, \"text\": \"caf\u00e9 fr\u00edo\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] ok1 = "{\"id\": 1, \"text\": \"ok\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] ok3 = "{\"id\": 3, \"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[ok1.length + latin1.length + ok3.length];
    System.arraycopy(ok1, 0, in, 0, ok1.length);
    System.arraycopy(latin1, 0, in, ok1.length, latin1.length);
    System.arraycopy(ok3, 0, in, ok1.length + latin1.length, ok3.length);

    CliRun stop = CliRun.run(in, "classify");
    assertEquals(1, stop.code(), stop::toString);
    assertEquals(1, stop.lines().size(), stop::toString);
    assertTrue(stop.err().contains("line 2: not valid UTF-8: byte 0xE9"), stop::toString);

    CliRun skip = CliRun.run(in, "classify", "--skip-invalid");
    assertEquals(0, skip.code(), skip::toString);
    assertEquals(2, skip.lines().size(), skip::toString);
    assertTrue(skip.err().contains("line 2: not valid UTF-8") && skip.err().contains("skipped 1"), skip::toString);
    assertTrue(skip.lines().get(1).startsWith("{\"id\":3,"), skip::toString);
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, CliRun.run("", "classify", "--modle", "x").code());
  }

  private static List<String> iterable(JsonNode n) {
    List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
