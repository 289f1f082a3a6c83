package org.crisiskit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionJson;
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

  /** The last mention with id {@code postId} recorded by {@code listen} in the state directory. */
  static Optional<Mention> findMention(Path stateDir, String predicateField, String value) throws IOException {
    Path log = stateDir.resolve(MENTIONS);
    if (!Files.isRegularFile(log)) {
      return Optional.empty();
    }
    Mention found = null;
    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || !line.contains(value)) {
          continue;
        }
        try {
          Mention m = MentionJson.parse(line);
          boolean match = predicateField.equals("id") ? m.id().value().equals(value) : m.author().id().equals(value);
          if (match) {
            found = m;
          }
        } catch (RuntimeException e) {
          // a damaged line in our own log: skip it
        }
      }
    }
    return Optional.ofNullable(found);
  }
}
