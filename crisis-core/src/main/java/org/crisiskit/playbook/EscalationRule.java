package org.crisiskit.playbook;

import java.util.Objects;

/**
 * Escalates the cases matching a condition (a severe crisis, an influential author, a legal or
 * safety flag) to a department, usually management, and may require approval of every outgoing
 * message of the case.
 *
 * @param when the condition
 * @param department who receives the case, for example {@code management}
 * @param approvalRequired whether outgoing messages of such cases wait in the approval queue
 * @param reason recorded with the escalation
 */
public record EscalationRule(When when, String department, boolean approvalRequired, String reason) {
  public EscalationRule {
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(reason, "reason");
    if (department.isBlank()) {
      throw new IllegalArgumentException("department must not be blank");
    }
  }
}
