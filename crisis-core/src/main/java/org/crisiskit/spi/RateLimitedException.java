package org.crisiskit.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * The network refused the call because a rate limit window is exhausted; retry after
 * {@link #retryAfter()}.
 */
public class RateLimitedException extends NetworkException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(String network, String message, Duration retryAfter) {
    super(network, message);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** How long to wait before the same call may succeed; never negative. */
  public Duration retryAfter() {
    return retryAfter.isNegative() ? Duration.ZERO : retryAfter;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
