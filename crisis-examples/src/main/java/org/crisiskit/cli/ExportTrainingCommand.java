package org.crisiskit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.crisiskit.cases.CaseJournalFormat;
import org.crisiskit.cases.RecordedMention;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.FileJournal;

/**
 * {@code ./crisis export-training --journal DIR --out FILE}: writes the journal's assessed mentions as
 * labelled JSONL for {@code ./crisis train}: the intent the agents decided, and {@code abusive} for
 * abuse.
 */
final class ExportTrainingCommand implements CliCommand {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String name() {
    return "export-training";
  }

  @Override
  public String summary() {
    return "export the journal's assessed mentions as labelled JSONL for train";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis export-training --journal DIR --out FILE",
        "  --journal DIR  a journal directory written by replay or the case service",
        "  --out FILE     labelled JSONL: {\"id\", \"text\", \"lang\"?, \"intent\", \"abusive\"} a line",
        "  mentions never assessed (neutral, normal severity, no topics) are left out");
  }

  @Override
  public int run(Args args, Io io) throws IOException {
    Path dir = Path.of(args.required("journal"));
    Path out = Path.of(args.required("out"));
    args.checkAllUsed();
    args.checkNoPositional();
    if (!Files.isRegularFile(dir.resolve(FileJournal.FILE_NAME))) {
      throw new NoSuchFileException(dir.resolve(FileJournal.FILE_NAME).toString(), null, "no journal here");
    }
    int[] counts = new int[2];
    try (FileJournal journal = FileJournal.open(dir);
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      journal.replay(0, entry -> CaseJournalFormat.mention(entry).ifPresent(rm -> {
        counts[1]++;
        if (write(w, rm)) {
          counts[0]++;
        }
      }));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    io.out().println("exported " + counts[0] + " of " + counts[1] + " journalled mentions to " + out);
    return 0;
  }

  private static boolean write(BufferedWriter w, RecordedMention rm) {
    if (rm.assessment().equals(org.crisiskit.cases.Assessment.unassessed())) {
      return false;
    }
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", rm.mention().id().value());
    n.put("text", rm.mention().text());
    rm.mention().language().ifPresent(l -> n.put("lang", l));
    n.put("intent", rm.assessment().intent().jsonName());
    n.put("abusive", rm.assessment().intent() == Intent.ABUSE);
    try {
      w.write(MAPPER.writeValueAsString(n));
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }
}
