package org.crisiskit.twitter;

import java.time.Duration;

/**
 * X's reconnection guidance: network errors back off linearly by 250 ms up to 16 s; HTTP errors
 * exponentially from 5 s up to 320 s; HTTP 429 exponentially from 1 minute (up to 16 minutes).
 * {@link #reset()} after a success. Not thread-safe (one per listening thread).
 */
final class Backoff {
  enum Kind { NETWORK, HTTP, RATE_LIMIT }

  static final Duration NETWORK_STEP = Duration.ofMillis(250);
  static final Duration NETWORK_MAX = Duration.ofSeconds(16);
  static final Duration HTTP_FIRST = Duration.ofSeconds(5);
  static final Duration HTTP_MAX = Duration.ofSeconds(320);
  static final Duration RATE_FIRST = Duration.ofMinutes(1);
  static final Duration RATE_MAX = Duration.ofMinutes(16);

  private int network;
  private int http;
  private int rate;

  Duration next(Kind kind) {
    switch (kind) {
      case NETWORK:
        network++;
        return min(NETWORK_STEP.multipliedBy(network), NETWORK_MAX);
      case HTTP:
        http++;
        return min(HTTP_FIRST.multipliedBy(1L << Math.min(http - 1, 20)), HTTP_MAX);
      case RATE_LIMIT:
        rate++;
        return min(RATE_FIRST.multipliedBy(1L << Math.min(rate - 1, 20)), RATE_MAX);
      default:
        throw new AssertionError(kind);
    }
  }

  void reset() {
    network = 0;
    http = 0;
    rate = 0;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
