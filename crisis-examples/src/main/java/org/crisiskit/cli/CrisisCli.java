package org.crisiskit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code ./crisis} command-line tool. Exit codes: 0 success, 1 runtime failure (one line on
 * stderr; the stack trace too with {@code --debug}), 2 usage error (short help on stderr).
 */
public final class CrisisCli {
  /** Switches understood by every command. */
  static final Set<String> GLOBAL_FLAGS = Set.of("debug", "help");

  private final Map<String, CliCommand> commands = new LinkedHashMap<>();

  CrisisCli() {
    for (CliCommand c : List.of(
        new VersionCommand(),
        new ReplayCommand(),
        new DemoCommand(),
        new PlaybookCommand(),
        new LintCommand(),
        new ReportCommand(),
        new ClassifyCommand(),
        new TrainCommand(),
        new EvalCommand(),
        new ExportTrainingCommand(),
        new DetectCommand(),
        new SimulateCommand(),
        new NabCommand(),
        new ListenCommand(),
        new SendCommand())) {
      commands.put(c.name(), c);
    }
  }

  /** Entry point. */
  public static void main(String[] argv) {
    int code = new CrisisCli().run(Arrays.asList(argv), Io.system());
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code. */
  int run(List<String> argv, Io io) {
    List<String> rest = new ArrayList<>(argv);
    boolean debug = rest.remove("--debug");
    if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h") || rest.get(0).equals("help")) {
      if (rest.isEmpty()) {
        io.err().print(help());
        return 2;
      }
      io.out().print(help());
      return 0;
    }
    if (rest.get(0).equals("--version")) {
      rest.set(0, "version");
    }
    CliCommand cmd = commands.get(rest.get(0));
    if (cmd == null) {
      io.err().println("crisis: unknown command '" + rest.get(0) + "'");
      io.err().print(help());
      return 2;
    }
    List<String> cmdArgs = rest.subList(1, rest.size());
    if (cmdArgs.contains("--help") || cmdArgs.contains("-h")) {
      io.out().println(cmd.usage());
      return 0;
    }
    try {
      Args args = Args.parse(cmdArgs, flagsOf(cmd));
      return cmd.run(args, io);
    } catch (UsageException e) {
      io.err().println("crisis " + cmd.name() + ": " + e.getMessage());
      io.err().println(cmd.usage());
      return 2;
    } catch (Exception e) {
      io.err().println("crisis " + cmd.name() + ": " + oneLine(e));
      if (debug) {
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        io.err().print(sw);
      }
      return 1;
    }
  }

  private static Set<String> flagsOf(CliCommand cmd) {
    if (cmd instanceof HasFlags) {
      return ((HasFlags) cmd).flags();
    }
    return Set.of();
  }

  static String oneLine(Throwable e) {
    Throwable t = e;
    if (t instanceof UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    String msg = t.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = t.getClass().getSimpleName();
    } else if (t instanceof IOException && !(t.getClass() == IOException.class)) {
      msg = t.getClass().getSimpleName() + ": " + msg;
    }
    return msg.replace('\n', ' ');
  }

  String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("Crisis Kit: detect a social-media crisis early and answer it well.\n\n");
    sb.append("usage: ./crisis <command> [options]   (./crisis <command> --help for details)\n\ncommands:\n");
    int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (CliCommand c : commands.values()) {
      sb.append(String.format(java.util.Locale.ROOT, "  %-" + width + "s  %s%n", c.name(), c.summary()));
    }
    sb.append("\nglobal options: --debug (stack traces on failure), --help\n");
    return sb.toString();
  }

  /** Implemented by commands that take switches without a value. */
  interface HasFlags {
    Set<String> flags();
  }
}
