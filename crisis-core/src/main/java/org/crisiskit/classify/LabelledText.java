package org.crisiskit.classify;

import java.util.Objects;
import java.util.Optional;

/**
 * One training or evaluation example: a text with any of the labels a model can learn. Immutable;
 * no field is null (absent labels are empty).
 *
 * @param text the mention text
 * @param lang the language if known
 * @param polarity the gold polarity, if labelled
 * @param intent the gold intent, if labelled
 * @param abusive whether the text is abusive, if labelled
 */
public record LabelledText(String text, Optional<String> lang, Optional<Polarity> polarity,
    Optional<Intent> intent, Optional<Boolean> abusive) {
  public LabelledText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(polarity, "polarity");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(abusive, "abusive");
  }
}
