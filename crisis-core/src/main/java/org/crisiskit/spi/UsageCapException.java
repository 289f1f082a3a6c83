package org.crisiskit.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * The account's usage or spend cap for the period is reached (on X: HTTP 429 with problem type
 * {@code usage-capped}). Unlike a rate limit this does not clear in minutes: do not retry before
 * {@link #resetsAt()} (or before a person raised the cap).
 */
public class UsageCapException extends NetworkException {
  private static final long serialVersionUID = 1L;

  private final Instant resetsAt;

  public UsageCapException(String network, String message, Optional<Instant> resetsAt) {
    super(network, message);
    this.resetsAt = resetsAt.orElse(null);
  }

  /** When the cap resets, if the network said. */
  public Optional<Instant> resetsAt() {
    return Optional.ofNullable(resetsAt);
  }
}
