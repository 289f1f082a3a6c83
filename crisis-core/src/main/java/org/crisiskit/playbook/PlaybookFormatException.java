package org.crisiskit.playbook;

import java.util.List;
import java.util.stream.Collectors;
import org.crisiskit.CrisisException;

/**
 * A playbook file is not valid. The message lists every problem with its file, line and JSON path
 * ({@code playbook.json:42: routes[3].when.topic: unknown topic 'delivry' — did you mean
 * 'delivery'?}); fix each one, or run {@code ./crisis playbook check FILE} to see them all.
 */
public final class PlaybookFormatException extends CrisisException {
  private static final long serialVersionUID = 1L;

  private final List<PlaybookProblem> problems;

  PlaybookFormatException(List<PlaybookProblem> problems) {
    super(problems.stream().filter(p -> !p.warning()).map(PlaybookProblem::toString)
        .collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, errors and warnings, in file order. */
  public List<PlaybookProblem> problems() {
    return problems;
  }
}
