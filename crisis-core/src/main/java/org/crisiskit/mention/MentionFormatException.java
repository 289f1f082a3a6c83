package org.crisiskit.mention;

import org.crisiskit.CrisisException;

/**
 * A mention's JSON text is malformed or misses a field. The message names the JSON path (for example
 * {@code $.author.handle}) and the form expected there; fix the input as it says. See
 * {@link MentionJson} for the documented form.
 */
public final class MentionFormatException extends CrisisException {
  private static final long serialVersionUID = 1L;
  private final String path;

  public MentionFormatException(String path, String message) {
    super(path + ": " + message);
    this.path = path;
  }

  public MentionFormatException(String path, String message, Throwable cause) {
    super(path + ": " + message, cause);
    this.path = path;
  }

  /** The JSON path of the offending value, {@code $} for the whole document. */
  public String path() {
    return path;
  }
}
