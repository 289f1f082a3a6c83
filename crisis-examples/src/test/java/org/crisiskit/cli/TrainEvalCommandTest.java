package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEvalCommandTest {
  @TempDir
  Path dir;

  /** Labelled examples written for this test. */
  private Path labelled() throws IOException {
    List<String> lines = new ArrayList<>();
    String[][] rows = {
        {"my order never arrived", "negative", "complaint"}, {"worst service ever", "negative", "complaint"},
        {"still waiting for my refund", "negative", "complaint"}, {"mi pedido no ha llegado", "negative", "complaint"},
        {"love the new app", "positive", "praise"}, {"great service thank you", "positive", "praise"},
        {"me encanta, gracias", "positive", "praise"}, {"excellent support", "positive", "praise"},
        {"what time do you open", "neutral", "question"}, {"where is the store", "neutral", "question"},
        {"¿a qué hora abren?", "neutral", "question"}, {"do you ship to Spain", "neutral", "question"}};
    for (int rep = 0; rep < 2; rep++) {
      for (String[] r : rows) {
        lines.add("{\"text\": \"" + r[0] + "\", \"polarity\": \"" + r[1] + "\", \"intent\": \"" + r[2]
            + "\", \"abusive\": " + r[0].contains("worst") + "}");
      }
    }
    Path f = dir.resolve("labelled.jsonl");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  private static CliRun train(Path in, Path out) {
    return CliRun.run("", "train", "--in", in.toString(), "--out", out.toString());
  }

  @Test
  void trainThenEvalThenClassifyWithTheModel() throws IOException {
    Path in = labelled();
    Path model = dir.resolve("m.ckm");
    CliRun t = train(in, model);
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("polarity, intent, abusive"), t.out());
    CliRun e = CliRun.run("", "eval", "--in", in.toString(), "--model", model.toString());
    assertEquals(0, e.code(), e.err());
    for (String s : List.of("polarity: n=24 accuracy=", "intent: n=24", "abusive: n=24", "macro-recall=",
        "macro-F1=", "confusion (rows gold, columns predicted)", "precision")) {
      assertTrue(e.out().contains(s), s + " missing in\n" + e.out());
    }
    double acc = Double.parseDouble(e.out().replaceAll("(?s).*polarity: n=24 accuracy=([0-9.]+).*", "$1"));
    assertTrue(acc >= 0.9, e.out());
    CliRun c = CliRun.run("{\"id\":1,\"text\":\"my order never arrived\"}\n", "classify", "--model", model.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("\"polarity\":\"negative\""), c.out());
  }

  @Test
  void trainCreatesTheModelsDirectoryAndRefusesOneItCannotCreateBeforeTraining() throws IOException {
    Path in = labelled();
    Path model = dir.resolve("models/2026/m.ckm");
    CliRun t = train(in, model);
    assertEquals(0, t.code(), t.err());
    assertTrue(Files.size(model) > 0);

    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    CliRun bad = train(in, file.resolve("m.ckm"));
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.err().contains("--out " + file.resolve("m.ckm") + ": cannot create its directory"), bad.err());
    assertTrue(bad.out().isEmpty(), "nothing trained: " + bad.out());
  }

  @Test
  void trainRefusesAnOutItCannotWriteBeforeReadingItsInput() throws IOException {
    Path missing = dir.resolve("not-read.jsonl"); // a wasted training run would read it first
    CliRun d = train(missing, dir);
    assertEquals(2, d.code(), d::toString);
    assertTrue(d.err().contains("--out " + dir + ": is a directory"), d::toString);

    Path readOnly = Files.createDirectory(dir.resolve("read-only"));
    readOnly.toFile().setWritable(false, false);
    try {
      if (!Files.isWritable(readOnly)) { // not so for root
        CliRun r = train(missing, readOnly.resolve("m.ckm"));
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("cannot write in " + readOnly), r::toString);
      }
    } finally {
      readOnly.toFile().setWritable(true, false);
    }
  }

  @Test
  void aDirectoryGivenAsModelIsCalledADirectory() {
    for (String cmd : List.of("classify", "eval")) {
      CliRun r = cmd.equals("classify")
          ? CliRun.run("{\"id\":1,\"text\":\"x\"}\n", "classify", "--model", dir.toString())
          : CliRun.run("", "eval", "--in", dir.resolve("x.jsonl").toString(), "--model", dir.toString());
      assertEquals(1, r.code(), r::toString);
      assertTrue(r.err().contains(dir + ": is a directory, not a model file"), r::toString);
    }
  }

  @Test
  void evalWithTheRuleEngine() throws IOException {
    CliRun e = CliRun.run("", "eval", "--in", labelled().toString());
    assertEquals(0, e.code(), e.err());
    assertTrue(e.out().contains("the rule engine") && e.out().contains("intent: n=24"), e.out());
  }

  @Test
  void truncatedModelFailsWithOneClearLine() throws IOException {
    Path model = dir.resolve("m.ckm");
    assertEquals(0, train(labelled(), model).code());
    byte[] b = Files.readAllBytes(model);
    Files.write(model, java.util.Arrays.copyOf(b, b.length / 2));
    CliRun c = CliRun.run("{\"id\":1,\"text\":\"x\"}\n", "classify", "--model", model.toString());
    assertEquals(1, c.code());
    assertTrue(c.err().contains("truncated") && c.err().contains(model.toString()), c.err());
  }

  @Test
  void badLabelNamesTheLine() throws IOException {
    Path f = dir.resolve("bad.jsonl");
    Files.writeString(f, "{\"text\": \"a\", \"polarity\": \"negative\"}\n\n{\"text\": \"b\", \"polarity\": \"meh\"}\n");
    for (String cmd : List.of("train", "eval")) {
      CliRun t = cmd.equals("train")
          ? train(f, dir.resolve("m"))
          : CliRun.run("", "eval", "--in", f.toString());
      assertEquals(1, t.code(), t::toString);
      assertTrue(t.err().contains(f + ":3: $.polarity: unknown polarity 'meh', expected one of negative, neutral,"
          + " positive"), t::toString);
    }
  }

  @Test
  void evalRefusesLabelsThatAreNotOneOfTheClassesInsteadOfScoringThemAsANewClass() throws IOException {
    Path f = dir.resolve("bad.jsonl");
    for (String[] bad : new String[][] {
        {"\"intent\": \"complain\"", "$.intent: unknown intent 'complain'"},
        {"\"intent\": [\"complaint\"]", "$.intent: expected one of complaint,"},
        {"\"polarity\": -1", "$.polarity: expected one of negative, neutral, positive"},
        {"\"lang\": 5", "$.lang: expected a language code"}}) {
      Files.writeString(f, "{\"text\": \"a\", \"intent\": \"complaint\"}\n{\"text\": \"b\", " + bad[0] + "}\n");
      CliRun e = CliRun.run("", "eval", "--in", f.toString());
      assertEquals(1, e.code(), e::toString);
      assertTrue(e.err().contains(f + ":2: " + bad[1]), e::toString);
      assertEquals("", e.out(), e::toString);
    }
  }

  @Test
  void labelledFilesMayStartWithAByteOrderMarkAndALineThatIsNotUtf8IsNamed() throws IOException {
    Path bom = dir.resolve("bom.jsonl");
    Files.write(bom, ("\uFEFF" + Files.readString(labelled())).getBytes(StandardCharsets.UTF_8));
    CliRun e = CliRun.run("", "eval", "--in", bom.toString());
    assertEquals(0, e.code(), e::toString);
    assertTrue(e.out().contains("polarity: n=24"), e.out());

    Path latin1 = dir.resolve("latin1.jsonl");
    Files.write(latin1, "{\"text\": \"ok\", \"polarity\": \"neutral\"}\n{\"text\": \"caf\u00e9\", \"polarity\": \"neutral\"}\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    for (String cmd : List.of("eval", "train")) {
      CliRun r = cmd.equals("train")
          ? train(latin1, dir.resolve("m"))
          : CliRun.run("", "eval", "--in", latin1.toString());
      assertEquals(1, r.code(), r::toString);
      assertTrue(r.err().contains(latin1 + ":2: not valid UTF-8: byte 0xE9"), r::toString);
    }
  }

  @Test
  void aLabelledLineWithTextAfterItsJsonValueIsNamed() throws IOException {
    Path in = dir.resolve("two-on-a-line.jsonl");
    Files.write(in, List.of("{\"text\": \"ok\", \"intent\": \"neutral\"}",
        "{\"text\": \"love it\", \"intent\": \"praise\"}{\"text\": \"awful\", \"intent\": \"complaint\"}"));
    for (String cmd : List.of("eval", "train")) {
      CliRun r = cmd.equals("train") ? train(in, dir.resolve("m")) : CliRun.run("", "eval", "--in", in.toString());
      assertEquals(1, r.code(), r::toString);
      assertTrue(r.err().contains(in + ":2: not valid JSON"), r::toString);
    }
  }

  @Test
  void exportTrainingWritesTheAgentsIntents() throws IOException {
    Path journalDir = dir.resolve("journal");
    try (FileJournal journal = FileJournal.open(journalDir)) {
      CaseService service = CaseService.newBuilder().journal(journal).build();
      service.accept(mention("1", "my order never arrived"), Assessment.of(Intent.COMPLAINT));
      service.accept(mention("2", "you idiots"), Assessment.of(Intent.ABUSE));
      service.accept(mention("3", "nobody looked at this one"));
    }
    Path out = dir.resolve("training.jsonl");
    CliRun r = CliRun.run("", "export-training", "--journal", journalDir.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("exported 2 of 3"), r.out());
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).contains("\"intent\":\"complaint\"") && lines.get(0).contains("my order never arrived"));
    assertTrue(lines.get(1).contains("\"intent\":\"abuse\"") && lines.get(1).contains("\"abusive\":true"));
  }

  @Test
  void exportTrainingPrefersTheAgentsReassessmentKeepsExplicitNeutralsAndInventsNoAbusiveLabel()
      throws IOException {
    Path journalDir = dir.resolve("journal");
    try (FileJournal journal = FileJournal.open(journalDir)) {
      CaseService service = CaseService.newBuilder().journal(journal).build();
      CaseId first = service.accept(mention("1", "my order arrived, thanks"), Assessment.of(Intent.COMPLAINT)).caseId();
      service.accept(mention("2", "ok"), Assessment.of(Intent.NEUTRAL));
      service.accept(mention("3", "nobody looked at this one"));
      service.accept(mention("4", "you idiots"), Assessment.of(Intent.ABUSE));
      CaseId fifth = service.accept(mention("5", "lol"), Assessment.of(Intent.PRAISE)).caseId();
      service.reassess(first, "agent:ana", Assessment.of(Intent.PRAISE));
      service.reassess(fifth, "agent:ana", Assessment.of(Intent.NEUTRAL));
      // joins mention 1's case after the reassessment: the agent never saw it
      assertEquals(first, service.accept(mention("6", "1", "still no refund"), Assessment.of(Intent.COMPLAINT)).caseId());
    }
    Path out = dir.resolve("training.jsonl");
    CliRun r = CliRun.run("", "export-training", "--journal", journalDir.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("exported 5 of 6"), r.out());
    assertEquals(List.of(
        "{\"id\":\"1\",\"text\":\"my order arrived, thanks\",\"intent\":\"praise\"}",
        "{\"id\":\"2\",\"text\":\"ok\",\"intent\":\"neutral\"}",
        "{\"id\":\"4\",\"text\":\"you idiots\",\"intent\":\"abuse\",\"abusive\":true}",
        "{\"id\":\"5\",\"text\":\"lol\",\"intent\":\"neutral\"}",
        "{\"id\":\"6\",\"text\":\"still no refund\",\"intent\":\"complaint\"}"), Files.readAllLines(out));
    CliRun t = train(out, dir.resolve("m.ckm"));
    assertEquals(0, t.code(), t::toString);
  }

  private static Mention mention(String id, String text) {
    return mention(id, id, text);
  }

  private static Mention mention(String id, String author, String text) {
    return Mention.newBuilder().network("x").id(id)
        .author(Author.newBuilder().id("a" + author).handle("user" + author).build())
        .text(text).createdAt(Instant.parse("2026-11-02T09:15:00Z")).build();
  }
}
