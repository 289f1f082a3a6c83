package org.crisiskit.spi;

/**
 * A temporary failure: connection refused or dropped, a time-out, a 5xx answer. Retry with back-off.
 */
public class TransientNetworkException extends NetworkException {
  private static final long serialVersionUID = 1L;

  public TransientNetworkException(String network, String message) {
    super(network, message);
  }

  public TransientNetworkException(String network, String message, Throwable cause) {
    super(network, message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
