package org.crisiskit.cases;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link CaseService#tryApply(CaseCommand)}: the case after the command, or why it was
 * refused (then the case is unchanged).
 *
 * @param applied whether the command was applied
 * @param caseAfter the case as it is now
 * @param rejection why the command was refused; empty when applied
 */
public record TransitionResult(boolean applied, CrisisCase caseAfter, Optional<String> rejection) {
  public TransitionResult {
    Objects.requireNonNull(caseAfter, "caseAfter");
    Objects.requireNonNull(rejection, "rejection");
  }
}
