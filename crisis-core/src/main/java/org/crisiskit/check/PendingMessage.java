package org.crisiskit.check;

import java.time.Instant;
import java.util.Objects;
import org.crisiskit.cases.CaseId;

/**
 * A message waiting in the {@link ApprovalQueue}.
 *
 * @param id the queue's id for it
 * @param caseId the case it answers
 * @param message the message as submitted
 * @param requestedBy the agent who wrote it
 * @param submittedAt when
 */
public record PendingMessage(String id, CaseId caseId, OutgoingMessage message, String requestedBy, Instant submittedAt) {
  public PendingMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }
}
