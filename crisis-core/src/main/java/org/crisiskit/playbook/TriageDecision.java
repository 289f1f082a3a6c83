package org.crisiskit.playbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crisiskit.cases.AcceptResult;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.Severity;

/**
 * What the {@link TriageEngine} did with one mention and what it proposes next.
 *
 * @param accepted how the case service recorded the mention (opened, joined or re-opened a case)
 * @param severity the severity assessed
 * @param department the department that owns the case (never empty: routing is total)
 * @param owner the owner the route names, if any
 * @param action the proposed next action
 * @param draft the draft to send for {@link NextAction#ACKNOWLEDGE}, {@link NextAction#THANK} or a
 *     holding reply of an escalated case; empty when nothing is to be sent
 * @param approvalRequired whether outgoing messages of the case must be approved first
 * @param escalatedTo the department the case was escalated to, if it was
 * @param facts counter-arguments and facts on the case's topics, for the agent
 * @param reason why this action, and when nothing is sent, why not
 */
public record TriageDecision(
    AcceptResult accepted,
    Severity severity,
    String department,
    Optional<String> owner,
    NextAction action,
    Optional<Draft> draft,
    boolean approvalRequired,
    Optional<String> escalatedTo,
    List<Fact> facts,
    String reason) {
  public TriageDecision {
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(escalatedTo, "escalatedTo");
    facts = List.copyOf(facts);
    Objects.requireNonNull(reason, "reason");
  }

  /** The case holding the mention. */
  public CaseId caseId() {
    return accepted.caseId();
  }
}
