package org.crisiskit.playbook;

import java.util.Objects;

/**
 * A counter-argument or fact an agent can use on a topic ("orders ship in 24 h; 97% arrive in 3
 * days"), in one language. For agents' eyes; never sent as is.
 *
 * @param topic the topic, for example {@code delivery}
 * @param lang the language
 * @param text the fact
 */
public record Fact(String topic, String lang, String text) {
  public Fact {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(text, "text");
  }
}
