package org.crisiskit.cases;

import java.util.Objects;
import java.util.Optional;

/**
 * A request to apply a workflow {@link CaseAction} to a case, built with the static factories.
 *
 * @param caseId the case
 * @param action the action
 * @param actor who asks: an agent name or {@code system}
 * @param note the resolution summary, the reason or a comment; may be empty
 * @param channel for {@link CaseAction#MOVE_PRIVATE}: the private channel
 * @param department for {@link CaseAction#ESCALATE}: the department or role escalated to
 */
public record CaseCommand(
    CaseId caseId,
    CaseAction action,
    String actor,
    String note,
    Optional<PrivateChannel> channel,
    Optional<String> department) {
  public CaseCommand {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(department, "department");
  }

  /** A command with no channel and no department. */
  public static CaseCommand of(CaseId caseId, CaseAction action, String actor, String note) {
    return new CaseCommand(caseId, action, actor, note, Optional.empty(), Optional.empty());
  }

  /** Acknowledge publicly. */
  public static CaseCommand acknowledge(CaseId caseId, String actor) {
    return of(caseId, CaseAction.ACKNOWLEDGE, actor, "");
  }

  /** Move the conversation to {@code channel}. */
  public static CaseCommand movePrivate(CaseId caseId, String actor, PrivateChannel channel) {
    return new CaseCommand(caseId, CaseAction.MOVE_PRIVATE, actor, "", Optional.of(channel), Optional.empty());
  }

  /** Record the resolution; {@code summary} is required by a later public outcome. */
  public static CaseCommand resolve(CaseId caseId, String actor, String summary) {
    return of(caseId, CaseAction.RESOLVE, actor, summary);
  }

  /** Publish the outcome. */
  public static CaseCommand publishOutcome(CaseId caseId, String actor) {
    return of(caseId, CaseAction.PUBLISH_OUTCOME, actor, "");
  }

  /** Follow up with the customer. */
  public static CaseCommand followUp(CaseId caseId, String actor) {
    return of(caseId, CaseAction.FOLLOW_UP, actor, "");
  }

  /** Thank for praise. */
  public static CaseCommand thank(CaseId caseId, String actor) {
    return of(caseId, CaseAction.THANK, actor, "");
  }

  /** Decide not to answer, for {@code reason}. */
  public static CaseCommand doNotEngage(CaseId caseId, String actor, String reason) {
    return of(caseId, CaseAction.DO_NOT_ENGAGE, actor, reason);
  }

  /** Escalate to {@code department} (a department or a role such as {@code management}). */
  public static CaseCommand escalate(CaseId caseId, String actor, String department, String reason) {
    return new CaseCommand(caseId, CaseAction.ESCALATE, actor, reason, Optional.empty(), Optional.of(department));
  }

  /** Close, with a reason. */
  public static CaseCommand close(CaseId caseId, String actor, String reason) {
    return of(caseId, CaseAction.CLOSE, actor, reason);
  }

  /** Re-open an answered case. */
  public static CaseCommand reopen(CaseId caseId, String actor, String note) {
    return of(caseId, CaseAction.REOPEN, actor, note);
  }
}
