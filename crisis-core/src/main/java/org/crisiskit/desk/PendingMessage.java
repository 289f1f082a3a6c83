package org.crisiskit.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crisiskit.cases.CaseAction;
import org.crisiskit.cases.CaseId;

/**
 * A drafted message that waits for a person's approval before it is sent; approve it with
 * {@link CrisisDesk#approve} or reject it with {@link CrisisDesk#reject}.
 *
 * @param id the approval id
 * @param caseId the case
 * @param action the workflow action the message belongs to
 * @param text the drafted text
 * @param requestedBy the agent who drafted it
 * @param requestedAt when
 * @param reasons why approval is required
 */
public record PendingMessage(
    String id, CaseId caseId, CaseAction action, String text, String requestedBy, Instant requestedAt,
    List<String> reasons) {
  public PendingMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    reasons = List.copyOf(reasons);
  }
}
