package org.crisiskit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitedExceptionTest {
  @Test
  void retryAfterInSecondsOrAsAnHttpDatePastOrUnreadable() {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(30)), RateLimitedException.parseRetryAfter(" 30", now));
    assertEquals(Optional.of(Duration.ofMinutes(2)),
        RateLimitedException.parseRetryAfter("Sun, 1 Mar 2026 10:02:00 GMT", now));
    assertEquals(Optional.of(Duration.ZERO), RateLimitedException.parseRetryAfter("Sun, 1 Mar 2026 09:00:00 GMT", now));
    assertEquals(Optional.empty(), RateLimitedException.parseRetryAfter("soon", now));
    assertEquals(Optional.empty(), RateLimitedException.parseRetryAfter("", now));
  }
}
