package org.crisiskit.check;

/** How serious a {@link Finding} is. */
public enum Level {
  /** The message must not be sent as it is. */
  BLOCKING,
  /** The agent should look again; the message may be sent. */
  WARNING
}
