package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClassifierPropertiesTest {
  private static final Classifier RULES = Classifiers.defaultClassifier();
  private static final Classifier LINEAR = ClassifierTraining.train(List.of(
      new LabelledText("great service thanks", Optional.empty(), Optional.of(Polarity.POSITIVE),
          Optional.of(Intent.PRAISE), Optional.of(false)),
      new LabelledText("still no refund you idiots", Optional.empty(), Optional.of(Polarity.NEGATIVE),
          Optional.of(Intent.COMPLAINT), Optional.of(true)),
      new LabelledText("what time do you open", Optional.empty(), Optional.of(Polarity.NEUTRAL),
          Optional.of(Intent.QUESTION), Optional.of(false)))).classifier();

  @Property(tries = 300)
  void totalAndDeterministic(@ForAll("texts") String text) {
    for (Classifier c : List.of(RULES, LINEAR)) {
      Classification a = c.classify(text, Optional.empty());
      Classification b = c.classify(text, Optional.empty());
      assertEquals(a, b);
      assertTrue(a.sentiment() >= -1 && a.sentiment() <= 1);
      assertTrue(a.reasons().size() <= 10);
      assertTrue(Topics.BUILT_IN.containsAll(a.topics()));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.strings().withChars("abcdeñáé!?¿¡@#*.' 0123:)(<3").ofMaxLength(200),
        Arbitraries.strings().withCharRange('\u0590', '\u06ff').withChars(' ', '?').ofMaxLength(100),
        Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(50),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(50),
        Arbitraries.of("", " ", "😡😡😡", "🙂", "\ud83d", "\ude00x", "#", "@", "http://", "f*", "*", "**k*",
            "#ABCdefGHI", "¿?", "a\u200bb", "\u202eevil\u202c"));
  }

  @Example
  void hugeTextIsClassified() {
    String big = "still no refund please help ".repeat(4000); // ~112 KB
    Classification r = RULES.classify(big, Optional.empty());
    assertEquals(Intent.COMPLAINT, r.intent());
    assertTrue(LINEAR.classify(big, Optional.empty()).sentiment() <= 1);
  }

  @Example
  void emojiOnly() {
    assertEquals(Polarity.NEGATIVE, RULES.classify("😡😡😡", Optional.empty()).polarity());
    assertEquals(Polarity.POSITIVE, RULES.classify("😍", Optional.empty()).polarity());
  }

  @Example
  void nullLanguageOptionalIsTolerated() {
    assertEquals("und", RULES.classify("", Optional.empty()).lang());
  }
}
