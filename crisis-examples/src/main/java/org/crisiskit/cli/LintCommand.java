package org.crisiskit.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.crisiskit.check.CheckResult;
import org.crisiskit.check.Finding;
import org.crisiskit.check.MessageChecker;
import org.crisiskit.check.NetworkRules;
import org.crisiskit.check.OutgoingMessage;
import org.crisiskit.classify.Intent;
import org.crisiskit.playbook.Playbook;
import org.crisiskit.playbook.PlaybookJson;

/**
 * {@code ./crisis lint --network x [--lang es] --text "…" [--public|--private]}: runs the message
 * checks and prints the findings; exit 1 on a blocking one.
 */
final class LintCommand implements CliCommand, CrisisCli.HasFlags {
  @Override
  public String name() {
    return "lint";
  }

  @Override
  public String summary() {
    return "check an outgoing message before sending it (exit 1 if blocked)";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis lint --network x [--lang es] --text \"…\" [--public|--private]",
        "                     [--reply-to HANDLE] [--intent complaint] [--playbook FILE]",
        "  --network NAME     the network whose limits apply (x)",
        "  --lang CODE        the customer's language; the message must be in it",
        "  --text TEXT        the message",
        "  --public           a public reply (default); --private for a direct message",
        "  --reply-to HANDLE  the customer's handle: a public reply's @handle prefix counts in the length",
        "  --intent NAME      the case's intent; a complaint needs an apology and a next step",
        "  --playbook FILE    forbidden phrases and allowed links from this playbook (default: the sample)",
        "  exit 0 when the message may be sent, 1 when a finding blocks it");
  }

  @Override
  public Set<String> flags() {
    return Set.of("public", "private");
  }

  @Override
  public int run(Args args, Io io) {
    String network = args.required("network");
    String text = args.required("text");
    var lang = args.option("lang");
    var replyTo = args.option("reply-to");
    var intent = args.option("intent");
    var playbookFile = args.option("playbook");
    boolean pub = args.flag("public");
    boolean priv = args.flag("private");
    args.checkAllUsed();
    if (!args.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + args.positional().get(0) + "' (quote the --text)");
    }
    if (pub && priv) {
      throw new UsageException("give --public or --private, not both");
    }
    if (!network.equalsIgnoreCase("x")) {
      throw new UsageException("unknown network '" + network + "', expected x");
    }
    Playbook playbook = playbookFile.map(f -> PlaybookJson.parse(Path.of(f))).orElseGet(Playbook::sample);
    MessageChecker checker = MessageChecker.forPlaybook(playbook, NetworkRules.x());
    OutgoingMessage.Builder b = OutgoingMessage.newBuilder(text).publicMessage(!priv);
    lang.ifPresent(b::customerLang);
    replyTo.ifPresent(b::replyTo);
    if (intent.isPresent()) {
      try {
        b.intent(Intent.fromJsonName(intent.get()));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--intent: " + e.getMessage());
      }
    }
    OutgoingMessage m = b.build();
    CheckResult r = checker.check(m);
    for (Finding f : r.findings()) {
      io.out().printf(Locale.ROOT, "%-8s %-15s %s%n", f.level().name().toLowerCase(Locale.ROOT), f.check(), f.message());
      if (f.end() > f.start()) {
        io.out().println("         " + text.replace('\n', ' '));
        io.out().println("         " + " ".repeat(text.codePointCount(0, f.start()))
            + "^".repeat(Math.max(1, text.codePointCount(f.start(), f.end()))));
      }
      f.suggestion().ifPresent(s -> io.out().println("         → " + s));
    }
    io.out().printf(Locale.ROOT, "%s: %d/%d weighted characters, %d blocking, %d warning%s%n",
        r.blocked() ? "BLOCKED" : "OK", r.weightedLength(),
        priv ? checker.network().maxPrivateLength() : checker.network().maxLength(), r.blocking().size(),
        r.findings().size() - r.blocking().size(), r.findings().size() - r.blocking().size() == 1 ? "" : "s");
    return r.blocked() ? 1 : 0;
  }
}
