package org.crisiskit.spi;

import org.crisiskit.CrisisException;

/**
 * A checkpoint file could not be read or written. The message names the file; fix its permissions
 * or delete it to start listening from the network's default position.
 */
public class CheckpointException extends CrisisException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
