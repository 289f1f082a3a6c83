package org.crisiskit.check;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The findings of every check on one message.
 *
 * @param text the message text checked
 * @param weightedLength its weighted length as the network counts it, @handle prefix included
 * @param findings blocking findings first, then warnings, each group by position
 */
public record CheckResult(String text, int weightedLength, List<Finding> findings) {
  public CheckResult {
    Objects.requireNonNull(text, "text");
    findings = List.copyOf(findings);
  }

  /** True when a finding blocks sending. */
  public boolean blocked() {
    return findings.stream().anyMatch(Finding::blocking);
  }

  /** True when nothing blocks sending (warnings may remain). */
  public boolean passes() {
    return !blocked();
  }

  /** The blocking findings. */
  public List<Finding> blocking() {
    return findings.stream().filter(Finding::blocking).collect(Collectors.toList());
  }

  /** The findings of one check. */
  public List<Finding> of(String check) {
    return findings.stream().filter(f -> f.check().equals(check)).collect(Collectors.toList());
  }
}
