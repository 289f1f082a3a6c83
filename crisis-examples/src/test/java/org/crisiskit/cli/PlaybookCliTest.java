package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookCliTest {
  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... argv) {
    Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CrisisCli().run(List.of(argv), io);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void playbookCheckAcceptsTheSampleAndReportsErrorsWithLine() throws Exception {
    Path good = tmp.resolve("good.json");
    try (var in = org.crisiskit.playbook.Playbook.class.getResourceAsStream("sample-playbook.json")) {
      Files.write(good, in.readAllBytes());
    }
    assertEquals(0, run("playbook", "check", good.toString()));
    assertTrue(out().contains("OK"), out());
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\n  \"languages\": [\"es\"],\n  \"defaultDepartment\": \"care\",\n"
        + "  \"routes\": [{\"when\": {\"topic\": \"delivry\"}, \"department\": \"logistics\"}]\n}\n");
    out.reset();
    assertEquals(1, run("playbook", "check", bad.toString()));
    assertTrue(out().contains(bad + ":4: routes[0].when.topic: unknown topic 'delivry' \u2014 did you mean 'delivery'?"),
        out());
    assertEquals(2, run("playbook", "validate", bad.toString()));
  }

  @Test
  void playbookCheckSkipsAByteOrderMarkAndNamesTheLineOfBytesThatAreNotUtf8() throws Exception {
    byte[] sample;
    try (var in = org.crisiskit.playbook.Playbook.class.getResourceAsStream("sample-playbook.json")) {
      sample = in.readAllBytes();
    }
    Path bom = tmp.resolve("bom.json");
    Files.write(bom, ("\uFEFF" + new String(sample, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    assertEquals(0, run("playbook", "check", bom.toString()), out() + err);
    assertTrue(out().contains(bom + ": OK"), out());

    Path latin1 = tmp.resolve("latin1.json");
    Files.write(latin1, "{\n  \"languages\": [\"es\"],\n  \"name\": \"caf\u00e9\"\n}\n".getBytes(StandardCharsets.ISO_8859_1));
    out.reset();
    assertEquals(1, run("playbook", "check", latin1.toString()), out() + err);
    assertTrue(out().contains(latin1 + ":3: $: not valid UTF-8: byte 0xE9"), out() + err);
  }

  @Test
  void lintExitsOneOnABlockingFindingAndShowsTheSpan() {
    assertEquals(1, run("lint", "--network", "x", "--lang", "es", "--text", "Como ya te dijimos, escribe a ana@correo.es",
        "--public"));
    assertTrue(out().contains("argumentative wording"), out());
    assertTrue(out().contains("personal_data"), out());
    assertTrue(out().contains("^^^^"), out());
    assertTrue(out().contains("BLOCKED"), out());
    out.reset();
    assertEquals(0, run("lint", "--network", "x", "--lang", "en", "--text",
        "We're sorry about the delay. We'll send you a private message.", "--intent", "complaint", "--reply-to", "bob"));
    assertTrue(out().startsWith("OK:"), out());
    out.reset();
    assertEquals(0, run("lint", "--network", "x", "--text", "escríbenos a ana@correo.es", "--private"));
    out.reset();
    String detailed = "Hola Ana, te escribimos con los pasos para el reembolso. ".repeat(8);
    assertEquals(0, run("lint", "--network", "x", "--lang", "es", "--text", detailed, "--private"));
    assertTrue(out().contains("/10000 weighted characters"), out());
    out.reset();
    assertEquals(1, run("lint", "--network", "x", "--lang", "es", "--text", detailed, "--public"));
    assertTrue(out().contains("/280 weighted characters"), out());
  }

  @Test
  void lintUsageErrors() {
    assertEquals(2, run("lint", "--network", "myspace", "--text", "hi"));
    assertEquals(2, run("lint", "--network", "x", "--text", "hi", "--public", "--private"));
    assertEquals(2, run("lint", "--network", "x"));
  }

  @Test
  void reportReadsAFileJournal() throws Exception {
    Path dir = tmp.resolve("journal");
    Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
    try (FileJournal j = FileJournal.open(dir)) {
      CaseService cases = CaseService.newBuilder().journal(j).clock(Clock.fixed(t0.plus(Duration.ofMinutes(20)), ZoneOffset.UTC)).build();
      Mention m = Mention.newBuilder().network("x").id("1")
          .author(Author.newBuilder().id("u1").handle("ana").build()).text("mi pedido no llega")
          .language("es").createdAt(t0).addressing(Addressing.MENTION).build();
      CaseId id = cases.accept(m, new Assessment(Intent.COMPLAINT, Severity.NORMAL, true, Set.of("delivery"))).caseId();
      cases.assign(id, "playbook", Optional.of("logistics"), Optional.empty());
      cases.apply(CaseCommand.acknowledge(id, "agent"));
    }
    Path html = tmp.resolve("r.html");
    assertEquals(0, run("report", "--journal", dir.toString(), "--from", "2026-03-01", "--to", "2026-03-09",
        "--html", html.toString()));
    assertTrue(out().contains("p50 20m"), out());
    assertTrue(out().contains("== logistics: 1 negative mentions"), out());
    assertTrue(Files.readString(html).contains("<pre>"));
    out.reset();
    assertEquals(0, run("report", "--journal", dir.toString(), "--from", "2026-03-01", "--to", "2026-03-09", "--json"));
    assertTrue(out().contains("\"p50\":1200"), out());
    assertEquals(1, run("report", "--journal", tmp.resolve("nothing").toString()));
    assertEquals(2, run("report", "--journal", dir.toString(), "--from", "yesterday"));
  }
}
