package org.crisiskit.spi;

/**
 * The network does not allow this action, for these credentials, this tier or this recipient (for
 * example a public reply to someone who did not mention the brand). Permanent: do not retry; choose
 * another route (a private message, a manual task).
 */
public class NotPermittedException extends NetworkException {
  private static final long serialVersionUID = 1L;

  public NotPermittedException(String network, String message) {
    super(network, message);
  }
}
