package org.crisiskit.classify;

import org.crisiskit.CrisisException;

/**
 * A classifier model file cannot be read: it is not a model, it was truncated, or it was written by
 * another format version. Train the model again with {@code ./crisis train} of this version.
 */
public final class ModelFormatException extends CrisisException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }

  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
