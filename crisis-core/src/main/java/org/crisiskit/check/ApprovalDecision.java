package org.crisiskit.check;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a pending message was decided.
 *
 * @param pending the message as it waited
 * @param approved true when approved (possibly with edits), false when rejected
 * @param approver who decided; journaled
 * @param at when
 * @param finalText for an approval, the text to send (the approver's edit or the original)
 * @param note for a rejection, why; may be empty for an approval
 */
public record ApprovalDecision(
    PendingMessage pending, boolean approved, String approver, Instant at, Optional<String> finalText, String note) {
  public ApprovalDecision {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(finalText, "finalText");
    Objects.requireNonNull(note, "note");
  }

  /** True when the approver changed the text. */
  public boolean edited() {
    return finalText.map(t -> !t.equals(pending.message().text())).orElse(false);
  }
}
