package org.crisiskit.cases;

import java.util.Locale;
import org.crisiskit.CrisisException;

/**
 * An action was applied to a case whose state or data does not allow it. Nothing was changed. Check
 * {@link Workflow#allowedActions(CaseState)}, or use {@link CaseService#tryApply(CaseCommand)} to get
 * a result instead of an exception.
 */
public final class IllegalTransitionException extends CrisisException {
  private static final long serialVersionUID = 1L;
  private final CaseId caseId;
  private final CaseState from;
  private final CaseAction action;

  public IllegalTransitionException(CaseId caseId, CaseState from, CaseAction action, String reason) {
    super(String.format(Locale.ROOT, "case %s: cannot %s from %s: %s",
        caseId, action.jsonName(), from, reason));
    this.caseId = caseId;
    this.from = from;
    this.action = action;
  }

  /** The case the action was applied to. */
  public CaseId caseId() {
    return caseId;
  }

  /** The state the case was in (and still is). */
  public CaseState from() {
    return from;
  }

  /** The refused action. */
  public CaseAction action() {
    return action;
  }

  /** The state the action would have led to, if the table has one. */
  public java.util.Optional<CaseState> to() {
    return Workflow.target(from, action);
  }
}
