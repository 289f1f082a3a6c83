package org.crisiskit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisiskit.mention.Mention;
import org.crisiskit.twitter.XConfig;

/** What {@code listen} and {@code send} share: the network option, the state directory, the X config. */
final class XCommands {
  static final String DEFAULT_STATE = ".crisis/x-state";
  static final String CHECKPOINTS = "x-checkpoints.properties";
  static final String MENTIONS = "mentions.jsonl";

  private XCommands() {}

  static void requireX(Args args) {
    String network = args.required("network");
    if (!network.equals("x")) {
      throw new UsageException("--network supports only 'x' but was '" + network + "'");
    }
  }

  static Path stateDir(Args args) {
    return Path.of(args.option("state").orElse(DEFAULT_STATE));
  }

  static XConfig.Builder config(Map<String, String> env) {
    return XConfig.custom().env(env);
  }

  static List<String> keywords(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The last mention recorded by {@code listen} in the state directory whose post id
   * ({@code predicateField} {@code id}) or author id ({@code author}) is {@code value}. An unreadable
   * line of the log is reported on {@code err} with its line number.
   */
  static Optional<Mention> findMention(Path stateDir, String predicateField, String value, PrintStream err)
      throws IOException {
    return MentionLog.findLast(stateDir.resolve(MENTIONS), predicateField.equals("id")
        ? m -> m.id().value().equals(value)
        : m -> m.author().id().equals(value), err);
  }
}
