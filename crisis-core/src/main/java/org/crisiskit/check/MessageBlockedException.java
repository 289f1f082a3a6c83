package org.crisiskit.check;

import java.util.List;
import java.util.stream.Collectors;
import org.crisiskit.CrisisException;

/**
 * A message with blocking findings was about to be sent or approved. Fix every blocking finding
 * (see {@link #findings()}) and check again.
 */
public final class MessageBlockedException extends CrisisException {
  private static final long serialVersionUID = 1L;

  private final transient CheckResult result;

  public MessageBlockedException(CheckResult result) {
    super("message blocked: " + result.blocking().stream().map(Finding::message).collect(Collectors.joining("; ")));
    this.result = result;
  }

  /** Every finding, blocking and warnings. */
  public List<Finding> findings() {
    return result.findings();
  }

  /** The full result. */
  public CheckResult result() {
    return result;
  }
}
