package org.crisiskit.playbook;

import java.util.Objects;

/**
 * One thing wrong (or doubtful) in a playbook: where it is and what is expected.
 *
 * @param source the file name or another description of where the playbook came from
 * @param line the 1-based line in the source, 0 when unknown (a playbook built in Java)
 * @param path the JSON path, for example {@code rules[3].when.topic}
 * @param message what is wrong and the expected form, with a suggestion when one is close
 * @param warning true for a doubt that does not stop the playbook from loading
 */
public record PlaybookProblem(String source, int line, String path, String message, boolean warning) {
  public PlaybookProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line: path: message}, prefixed by {@code warning: } for warnings. */
  @Override
  public String toString() {
    return (warning ? "warning: " : "") + source + (line > 0 ? ":" + line : "") + ": " + path + ": " + message;
  }
}
