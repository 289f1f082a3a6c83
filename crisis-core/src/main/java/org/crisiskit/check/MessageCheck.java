package org.crisiskit.check;

import java.util.List;

/**
 * One check of outgoing messages. Implementations are stateless and thread-safe, never throw for
 * any text, and report spans inside {@link OutgoingMessage#text()}.
 */
public interface MessageCheck {
  /** The name findings carry, for example {@code tone}. */
  String name();

  /** The findings on {@code message}; empty when it is fine. */
  List<Finding> check(OutgoingMessage message);
}
