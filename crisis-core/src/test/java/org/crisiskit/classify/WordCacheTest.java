package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tokenizer's word cache changes no result: warm or cold, in any order, with any lexicon. */
class WordCacheTest {
  private static final List<String> TEXTS = List.of(
      "@acme still no refund, please help", "STILL NO REFUND!!! please HELP", "todavía no llega mi pedido",
      "TODAVÍA no llega mi pedido", "malísimooo el producto", "malisimo el producto", "you are all f*cking idiots",
      "you are all fucking idiots", "sooooo good, best purchase", "so good, best purchase", "jajajaja qué bueno",
      "#NoMoreDelays with my order", "no more delays with my order", "l0ser company, 3 weeks waiting", "xD :) ;)",
      "me cobraron dos veces, quiero mi dinero", "ME COBRARON DOS VECES", "la itinerancia no funciona");

  @Test
  void warmAndColdCachesGiveTheSameResults() {
    List<String> texts = new ArrayList<>(TEXTS);
    // more distinct words than slots, packed ones and ones kept as characters: evictions and reuse of slots
    for (int i = 0; i < Math.max((WordCache.SLOTS + 1000) / 6, WordCache.CHAR_SLOTS + 1000); i++) {
      texts.add("a" + i + " b" + i + " c" + i + " D" + i + " é" + i + " f" + i + " itinerancia" + i + " ł" + (i % 5)
          + " " + TEXTS.get(i % TEXTS.size()));
    }
    assertTrue(texts.size() > WordCache.CHAR_SLOTS + 1000);
    List<Classification> forward = cold(texts);
    List<String> reversed = new ArrayList<>(texts);
    Collections.reverse(reversed);
    List<Classification> backward = cold(reversed);
    Collections.reverse(backward);
    assertEquals(forward, backward);
    // and again in the same order, now that every word has been seen
    assertEquals(forward, cold(concat(texts, texts)).subList(texts.size(), 2 * texts.size()));
  }

  @Test
  void aThreadSwitchingLexiconsSeesEachLexiconsEntries() {
    Classifier plain = Classifiers.defaultClassifier();
    Classifier custom = Classifiers.create(ClassifierConfig.custom()
        .extraTopic("roaming", Map.of("es", List.of("itinerancia")))
        .build());
    String text = "la itinerancia no funciona";
    for (int i = 0; i < 3; i++) {
      assertFalse(plain.classify(text, Optional.empty()).topics().contains("roaming"));
      assertTrue(custom.classify(text, Optional.empty()).topics().contains("roaming"));
    }
  }

  @Test
  void eachLexiconKeepsItsOwnCacheWhenAThreadAlternates() {
    Lexicon plain = Lexicon.defaults();
    Lexicon custom = new Lexicon(Map.of("roaming", Map.of("es", List.of("itinerancia"))));
    Analysis a = new Analysis();
    new RuleEngine(plain).analyze("still no refund, please help, itinerancia", Optional.empty(), a);
    long[] before = plain.words.meta.clone();
    long[] beforeChars = plain.words.charMeta.clone();
    assertTrue(Arrays.stream(before).anyMatch(m -> m != 0), "the words just read are cached");
    assertTrue(Arrays.stream(beforeChars).anyMatch(m -> m != 0), "the long word just read is cached");
    new RuleEngine(custom).analyze("la itinerancia no funciona desde ayer", Optional.empty(), a);
    assertTrue(plain.words != custom.words);
    assertArrayEquals(before, plain.words.meta, "reading with another lexicon leaves this lexicon's cache as it was");
    assertArrayEquals(beforeChars, plain.words.charMeta);
  }

  @Test
  void aHitWritesNothing() {
    Lexicon lex = new Lexicon(Map.of());
    Analysis a = new Analysis();
    String text = "still no refund, please help with the itinerancia";
    new RuleEngine(lex).analyze(text, Optional.empty(), a);
    long[] before = lex.words.meta.clone();
    long[] beforeChars = lex.words.charMeta.clone();
    char[] beforeData = lex.words.data.clone();
    new RuleEngine(lex).analyze(text, Optional.empty(), a);
    assertArrayEquals(before, lex.words.meta, "no version or field changes on hits");
    assertArrayEquals(beforeChars, lex.words.charMeta);
    assertArrayEquals(beforeData, lex.words.data);
  }

  @Test
  void aSlotBeingWrittenIsAMissAndIsNotWrittenAgain() {
    Lexicon lex = new Lexicon(Map.of());
    Analysis a = new Analysis();
    RuleEngine engine = new RuleEngine(lex);
    engine.analyze("refund", Optional.empty(), a);
    Classification expected = engine.decide(a);
    int b = WordCache.base(WordCache.bucket(WordCache.pack("refund".toCharArray(), 0, 6)));
    long version = lex.words.meta[b];
    assertTrue(version > 0 && version % 2 == 0, "written once and published: " + version);
    long fields = lex.words.meta[b + 2];
    lex.words.meta[b] = version + 1; // as a writer leaves it mid-write
    lex.words.meta[b + 2] = 0; // half-written fields: entry -1, no letters
    engine.analyze("refund", Optional.empty(), a);
    assertEquals(expected, engine.decide(a), "read as a miss, not from the half-written slot");
    assertEquals(version + 1, lex.words.meta[b], "a writer that finds the slot taken leaves it");
    assertEquals(0, lex.words.meta[b + 2]);
    lex.words.meta[b + 2] = fields;
    lex.words.meta[b] = version + 2; // the writer publishes
    engine.analyze("refund", Optional.empty(), a);
    assertEquals(expected, engine.decide(a));
    assertEquals(version + 2, lex.words.meta[b], "a hit writes nothing");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The default classifier's results for {@code texts}, read in order from an emptied word cache. */
  static List<Classification> cold(List<String> texts) {
    Lexicon.defaults().words.clear();
    List<Classification> r = new ArrayList<>();
    for (String s : texts) {
      r.add(Classifiers.defaultClassifier().classify(s, Optional.empty()));
    }
    return r;
  }
}
