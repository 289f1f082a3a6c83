package org.crisiskit.spi;

import org.crisiskit.CrisisException;

/**
 * A call to a social network failed. Subclasses say whether and when to retry:
 * {@link RateLimitedException} (retry after {@code retryAfter()}), {@link UsageCapException} (not
 * before the cap resets), {@link NotPermittedException} (never), {@link AuthenticationException} (fix
 * the credentials), {@link TransientNetworkException} (retry with back-off). Messages never contain
 * credentials.
 */
public class NetworkException extends CrisisException {
  private static final long serialVersionUID = 1L;

  private final String network;

  public NetworkException(String network, String message) {
    super(message);
    this.network = network;
  }

  public NetworkException(String network, String message, Throwable cause) {
    super(message, cause);
    this.network = network;
  }

  /** The short name of the network that failed, for example {@code x}. */
  public String network() {
    return network;
  }

  /** True when the same call may succeed later without any change by a person. */
  public boolean retryable() {
    return false;
  }
}
