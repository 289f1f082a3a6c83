package org.crisiskit.spi;

/**
 * The credentials are missing, invalid, revoked or of the wrong kind for the call. Fix the
 * configuration; retrying does not help. The message names the setting, never its value.
 */
public class AuthenticationException extends NetworkException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String network, String message) {
    super(network, message);
  }
}
