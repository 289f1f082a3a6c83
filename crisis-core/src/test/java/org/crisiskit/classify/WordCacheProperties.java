package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The word cache changes no result for any words: those packed into a {@code long} (up to eight
 * characters below U+0100), those kept as characters (longer, or with a character from U+0100 on)
 * and those too long to cache, whether a word is read cold, warm, or after its slot was reused.
 */
class WordCacheProperties {
  @Property(tries = 60)
  void coldWarmAndReorderedReadingsAgree(@ForAll("texts") List<String> texts) {
    List<Classification> cold = new ArrayList<>();
    for (String t : texts) {
      cold.add(WordCacheTest.cold(List.of(t)).get(0)); // an empty cache for every text
    }
    List<String> twice = new ArrayList<>(texts);
    twice.addAll(texts);
    List<Classification> warm = WordCacheTest.cold(twice);
    assertEquals(cold, warm.subList(0, texts.size()));
    assertEquals(cold, warm.subList(texts.size(), twice.size()));
    List<String> reversed = new ArrayList<>(texts);
    Collections.reverse(reversed);
    List<Classification> backward = WordCacheTest.cold(reversed);
    Collections.reverse(backward);
    assertEquals(cold, backward);
  }

  @Provide
  Arbitrary<List<String>> texts() {
    // letters either side of U+0100 and of the cache's folding, digits and in-word punctuation;
    // lengths around the packing limit (8) and the cache limit (16)
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.strings().withChars("aeiostrnlAZéÉñÑüÿ").ofMinLength(1).ofMaxLength(10),
        Arbitraries.strings().withChars("aeiosñąĄłжщ0-'*.").ofMinLength(1).ofMaxLength(18),
        Arbitraries.of("no", "not", "muy", "very", "good", "malo", "refund", "pedido", "todavía", "SOOOO",
            "f*ck", "l0ser", "jajaja", "can't", "i'll", "a.b.c", "idiota", "malísimooo", "noooooooooooooooooo"));
    Arbitrary<String> text = word.list().ofMinSize(1).ofMaxSize(12).map(ws -> String.join(" ", ws));
    return text.list().ofMinSize(1).ofMaxSize(8);
  }
}
