package org.crisiskit.playbook;

import java.util.Objects;
import java.util.Optional;

/**
 * Sends the cases matching a condition to a department and, optionally, an owner. The first matching
 * route of a playbook wins; when none matches, the playbook's default department owns the case.
 *
 * @param when the condition
 * @param department the department, for example {@code logistics}
 * @param owner the agent or team who owns such cases, if fixed
 */
public record RouteRule(When when, String department, Optional<String> owner) {
  public RouteRule {
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(owner, "owner");
    if (department.isBlank()) {
      throw new IllegalArgumentException("department must not be blank");
    }
  }

  /** A route without a fixed owner. */
  public static RouteRule of(When when, String department) {
    return new RouteRule(when, department, Optional.empty());
  }
}
