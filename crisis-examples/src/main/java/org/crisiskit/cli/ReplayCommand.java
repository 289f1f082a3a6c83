package org.crisiskit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.crisiskit.cases.AcceptResult;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CaseState;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.FsyncPolicy;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionFormatException;
import org.crisiskit.mention.MentionJson;

/**
 * {@code ./crisis replay FILE.jsonl [--journal DIR]}: feeds mentions through the case service with a
 * file journal and prints the cases by state.
 */
final class ReplayCommand implements CliCommand {
  @Override
  public String name() {
    return "replay";
  }

  @Override
  public String summary() {
    return "feed mentions (JSONL) through the case workflow and a file journal";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis replay FILE.jsonl [--journal DIR]",
        "  FILE.jsonl     one mention a line, in the Mention JSON form (see README)",
        "  --journal DIR  journal directory (default .crisis/journal); a second run with the same",
        "                 journal records nothing twice");
  }

  @Override
  public int run(Args args, Io io) throws IOException {
    Path journalDir = Path.of(args.option("journal").orElse(".crisis/journal"));
    args.checkAllUsed();
    if (args.positional().size() != 1) {
      throw new UsageException("expected exactly one FILE.jsonl");
    }
    Path file = Path.of(args.positional().get(0));
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    int accepted = 0;
    int duplicates = 0;
    String failure = null;
    try (FileJournal journal = FileJournal.open(journalDir, FsyncPolicy.grouped(java.time.Duration.ofMillis(100)))) {
      CaseService service = CaseService.newBuilder().journal(journal).build();
      try (TextLines r = TextLines.open(file)) {
        while (r.next()) {
          Mention m;
          try {
            String line = r.text();
            if (line.isBlank()) {
              continue;
            }
            m = MentionJson.parse(line);
          } catch (MentionFormatException | IllegalArgumentException | NullPointerException e) {
            failure = file + ":" + r.number() + ": " + e.getMessage();
            break;
          }
          AcceptResult res = service.accept(m);
          if (res.duplicate()) {
            duplicates++;
          } else {
            accepted++;
          }
        }
      }
      journal.flush();
      print(io.out(), service, accepted, duplicates, journal.file().getParent());
    }
    if (failure != null) {
      // the lines before it are in the journal whether this run or an earlier one recorded them
      int before = accepted + duplicates;
      io.err().println("crisis replay: " + failure + " (the " + before + (before == 1 ? " mention" : " mentions")
          + " before it " + (before == 1 ? "is" : "are") + " kept in the journal"
          + (duplicates == 0 ? "" : ", " + duplicates + " of them recorded by an earlier run")
          + "; fix the line and run again)");
      return 1;
    }
    return 0;
  }

  private static void print(PrintStream out, CaseService service, int accepted, int duplicates, Path dir) {
    List<CrisisCase> all = service.allCases();
    out.printf(Locale.ROOT, "accepted %d mentions (%d already in the journal); %d cases; journal %s%n",
        accepted, duplicates, all.size(), dir);
    Map<CaseState, List<CrisisCase>> byState = all.stream().collect(Collectors.groupingBy(CrisisCase::state));
    for (CaseState s : CaseState.values()) {
      List<CrisisCase> list = byState.getOrDefault(s, List.of());
      if (list.isEmpty()) {
        continue;
      }
      out.printf(Locale.ROOT, "%s (%d)%n", s, list.size());
      for (CrisisCase c : list) {
        out.printf(Locale.ROOT, "  %-28s @%-18s %-9s %2d mention%s  opened %s%n",
            c.id(), c.authorHandle(), c.intent().jsonName(), c.mentions().size(),
            c.mentions().size() == 1 ? " " : "s", c.openedAt());
      }
    }
  }
}
