package org.crisiskit.journal;

import org.crisiskit.CrisisException;

/** The journal could not be read or written (I/O failure, closed journal). */
public class JournalException extends CrisisException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message) {
    super(message);
  }

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
