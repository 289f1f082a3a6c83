package org.crisiskit;

/**
 * Base class of every runtime failure raised by Crisis Kit, so that callers can catch one type.
 *
 * <p>Caller mistakes (bad arguments, illegal state) use the JDK's {@link IllegalArgumentException}
 * and friends instead; this hierarchy is for failures of the world: a corrupt journal, a network that
 * refuses a call, a transition the workflow does not allow.
 */
public class CrisisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CrisisException(String message) {
    super(message);
  }

  public CrisisException(String message, Throwable cause) {
    super(message, cause);
  }
}
