package org.crisiskit.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.report.CareReport;
import org.crisiskit.report.ReportOptions;
import org.crisiskit.sla.SlaPolicy;

/** {@code ./crisis report --journal DIR [--from … --to …] [--html FILE] [--json]}. */
final class ReportCommand implements CliCommand, CrisisCli.HasFlags {
  private final Clock clock;

  ReportCommand() {
    this(Clock.systemUTC());
  }

  ReportCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "care report from a journal: response times, coverage, backlog, learning";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis report --journal DIR [--from T] [--to T] [--html FILE] [--json]",
        "  --journal DIR  the journal directory written by replay or the service",
        "  --from T       window start: an instant (2026-03-02T09:00:00Z) or a date (2026-03-02, UTC);",
        "                 default 7 days before --to",
        "  --to T         window end (exclusive); default now",
        "  --html FILE    also write the report as an HTML page",
        "  --json         print JSON instead of text");
  }

  @Override
  public Set<String> flags() {
    return Set.of("json");
  }

  @Override
  public int run(Args args, Io io) throws Exception {
    Path dir = Path.of(args.required("journal"));
    Optional<Instant> from = args.option("from").map(v -> instant("from", v));
    Instant to = args.option("to").map(v -> instant("to", v)).orElse(clock.instant());
    Optional<String> html = args.option("html");
    boolean json = args.flag("json");
    args.checkAllUsed();
    if (!args.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + args.positional().get(0) + "'");
    }
    Instant start = from.orElse(to.minus(Duration.ofDays(7)));
    if (!to.isAfter(start)) {
      throw new UsageException("--to must be after --from");
    }
    if (!Files.isRegularFile(dir.resolve(FileJournal.FILE_NAME))) {
      throw new NoSuchFileException(dir.toString(), null, "no journal in this directory");
    }
    Instant now = clock.instant().isBefore(to) ? clock.instant() : to;
    CareReport r;
    try (FileJournal journal = FileJournal.open(dir)) {
      r = CareReport.fromJournal(journal, new ReportOptions(start, to, now, SlaPolicy.ofDefaults(), 10));
    }
    io.out().print(json ? r.toJson() + "\n" : r.toText());
    if (html.isPresent()) {
      Files.writeString(Path.of(html.get()), r.toHtml(), StandardCharsets.UTF_8);
      io.err().println("crisis report: wrote " + html.get());
    }
    return 0;
  }

  static Instant instant(String name, String v) {
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new UsageException("--" + name + " expects an instant such as 2026-03-02T09:00:00Z or a date such as "
          + "2026-03-02 but was '" + v + "'");
    }
  }
}
