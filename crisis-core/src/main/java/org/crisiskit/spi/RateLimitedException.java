package org.crisiskit.spi;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * Reads an HTTP {@code Retry-After} value (RFC 9110): delay seconds or an HTTP date, the wait from
   * {@code now}; zero for a date already past, empty when the value is neither. For adapters that turn
   * a 429 into this exception.
   */
  public static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String v = value.trim();
    if (v.matches("[0-9]{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Duration d = Duration.between(now, DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, Instant::from));
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
