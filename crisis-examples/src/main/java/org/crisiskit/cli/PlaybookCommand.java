package org.crisiskit.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.crisiskit.playbook.Playbook;
import org.crisiskit.playbook.PlaybookJson;
import org.crisiskit.playbook.PlaybookProblem;

/** {@code ./crisis playbook check FILE}: validates a playbook and prints every problem. */
final class PlaybookCommand implements CliCommand {
  @Override
  public String name() {
    return "playbook";
  }

  @Override
  public String summary() {
    return "validate a playbook file (check FILE)";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis playbook check FILE",
        "  prints each problem as FILE:LINE: JSON.PATH: message, errors first then warnings;",
        "  exits 1 when the playbook has an error. The schema is in the README; samples/playbook.json",
        "  is a complete bilingual example.");
  }

  @Override
  public int run(Args args, Io io) throws Exception {
    args.checkAllUsed();
    List<String> pos = args.positional();
    if (pos.size() != 2 || !pos.get(0).equals("check")) {
      throw new UsageException("expected: check FILE");
    }
    Path file = Path.of(pos.get(1));
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    List<PlaybookProblem> problems = PlaybookJson.check(file);
    long errors = problems.stream().filter(p -> !p.warning()).count();
    problems.stream().filter(p -> !p.warning()).forEach(p -> io.out().println(p));
    problems.stream().filter(PlaybookProblem::warning).forEach(p -> io.out().println(p));
    if (errors > 0) {
      io.out().printf(Locale.ROOT, "%s: %d error%s, %d warning%s%n", file, errors, errors == 1 ? "" : "s",
          problems.size() - errors, problems.size() - errors == 1 ? "" : "s");
      return 1;
    }
    Playbook p = PlaybookJson.parse(file);
    io.out().printf(Locale.ROOT, "%s: OK (%d templates in %s, %d routes, %d escalations, %d never-answer rules, "
        + "%d warning%s)%n", file, p.templates().size(), p.languages(), p.routes().size(), p.escalations().size(),
        p.neverAnswer().size(), problems.size(), problems.size() == 1 ? "" : "s");
    return 0;
  }
}
