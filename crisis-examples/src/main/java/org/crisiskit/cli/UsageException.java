package org.crisiskit.cli;

/** The command line is wrong: exit 2 with a short help on stderr. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
