package org.crisiskit.classify;

import java.util.Optional;
import org.crisiskit.mention.Mention;

/**
 * Decides what a mention is. Implementations are thread-safe, deterministic and total: any string
 * yields a result, never an exception.
 */
public interface Classifier {
  /**
   * Classifies a text.
   *
   * @param text the text as written; may be empty
   * @param lang the language if known (for example reported by the network)
   */
  Classification classify(String text, Optional<String> lang);

  /** Classifies a mention's text using the language the network reported. */
  default Classification classify(Mention mention) {
    return classify(mention.text(), mention.language());
  }
}
