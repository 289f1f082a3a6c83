package org.crisiskit.cli;

import java.nio.file.Path;

/** The {@code detect --mentions} glue. */
final class MentionDetection {
  private MentionDetection() {}

  static int run(Path file, Io io) {
    throw new UsageException("--mentions is not available yet");
  }
}
