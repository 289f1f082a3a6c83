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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crisiskit.cases.CaseEventType;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseJournalFormat;
import org.crisiskit.cases.RecordedMention;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.mention.MentionId;

/**
 * {@code ./crisis export-training --journal DIR --out FILE}: writes the journal's assessed mentions as
 * labelled JSONL for {@code ./crisis train}. A mention's label is the intent an agent last set on its
 * case ({@code CaseService.reassess}) after the mention joined it, or else the intent the mention was
 * accepted with; mentions accepted without an assessment are left out. {@code abusive} is written
 * (true) only for abuse: the journal records no abusiveness of its own, so it is left out otherwise.
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
        "  --out FILE     labelled JSONL: {\"id\", \"text\", \"lang\"?, \"intent\", \"abusive\"?} a line",
        "  intent: the one an agent last set on the mention's case after it joined (reassess),",
        "  else the one it was accepted with; abusive: true for abuse, left out otherwise (not recorded);",
        "  mentions accepted without an assessment (replay) are left out");
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
    int exported = 0;
    try (FileJournal journal = FileJournal.open(dir)) {
      Map<MentionId, RecordedMention> mentions = new LinkedHashMap<>();
      Map<MentionId, Intent> labels = labels(journal, mentions);
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        for (RecordedMention rm : mentions.values()) {
          Intent intent = labels.get(rm.mention().id());
          if (intent != null) {
            write(w, rm, intent);
            exported++;
          }
        }
      }
      io.out().println("exported " + exported + " of " + labels.size() + " journalled mentions to " + out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return 0;
  }

  /**
   * Every journalled mention and its label, null when it has none: the intent it was accepted with (if
   * it was assessed), replaced by each reassessment of the case it had joined by then. Puts each
   * mention's first record into {@code mentions}, in journal order.
   */
  private static Map<MentionId, Intent> labels(FileJournal journal, Map<MentionId, RecordedMention> mentions) {
    Map<MentionId, Intent> labels = new HashMap<>();
    Map<MentionId, CaseId> caseOf = new HashMap<>();
    Map<CaseId, List<MentionId>> members = new HashMap<>();
    journal.replay(0, entry -> {
      CaseJournalFormat.mention(entry).ifPresent(rm -> {
        MentionId id = rm.mention().id();
        mentions.putIfAbsent(id, rm);
        CaseId before = caseOf.put(id, rm.caseId());
        if (before != null) { // journaled again after an interrupted write
          members.get(before).remove(id);
        }
        members.computeIfAbsent(rm.caseId(), k -> new ArrayList<>()).add(id);
        labels.put(id, rm.assessed() ? rm.assessment().intent() : null);
      });
      CaseJournalFormat.caseEvent(entry)
          .filter(e -> e.type() == CaseEventType.CASE_ASSESSED)
          .ifPresent(e -> e.attribute("intent").map(Intent::fromJsonName).ifPresent(intent ->
              members.getOrDefault(e.caseId(), List.of()).forEach(id -> labels.put(id, intent))));
    });
    return labels;
  }

  private static void write(BufferedWriter w, RecordedMention rm, Intent intent) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", rm.mention().id().value());
    n.put("text", rm.mention().text());
    rm.mention().language().ifPresent(l -> n.put("lang", l));
    n.put("intent", intent.jsonName());
    if (intent == Intent.ABUSE) {
      n.put("abusive", true);
    }
    try {
      w.write(MAPPER.writeValueAsString(n));
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
