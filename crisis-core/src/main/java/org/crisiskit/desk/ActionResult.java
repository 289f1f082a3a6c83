package org.crisiskit.desk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crisiskit.cases.CrisisCase;

/**
 * What an agent action on a {@link CrisisDesk} did.
 *
 * @param status the outcome
 * @param caseAfter the case as it is now
 * @param sentId the network's id of the message sent, if one was sent
 * @param detail why it was refused, blocked or re-routed, or a task for a person; empty when done as asked
 * @param findings message-check findings, blocking and warnings, as readable lines
 */
public record ActionResult(
    Status status, CrisisCase caseAfter, Optional<String> sentId, String detail, List<String> findings) {
  public ActionResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(caseAfter, "caseAfter");
    Objects.requireNonNull(sentId, "sentId");
    Objects.requireNonNull(detail, "detail");
    findings = List.copyOf(findings);
  }

  /** True when the action was carried out (possibly through another route). */
  public boolean done() {
    return status == Status.DONE || status == Status.REROUTED;
  }

  /** Outcomes of an agent action. */
  public enum Status {
    /** Done as asked. */
    DONE,
    /** Done through another route the network allows (for example a DM instead of a public reply). */
    REROUTED,
    /** The message waits in the approval queue. */
    AWAITING_APPROVAL,
    /** A blocking message-check finding stopped it; nothing was sent or changed. */
    BLOCKED,
    /** The workflow or the network refused it; nothing was sent or changed. */
    REFUSED,
    /** The network cannot do it; a manual task was raised and nothing changed. */
    MANUAL_TASK
  }
}
