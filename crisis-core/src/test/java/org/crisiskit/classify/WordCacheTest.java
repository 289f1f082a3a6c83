package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
  void warmAndColdCachesGiveTheSameResults() throws Exception {
    List<String> texts = new ArrayList<>(TEXTS);
    for (int i = 0; i < WordCache.SLOTS + 1000; i++) { // more distinct words than slots: evictions and reuse of slots
      texts.add("word" + i + " pedido" + (i % 7) + " refund " + TEXTS.get(i % TEXTS.size()));
    }
    List<Classification> forward = inFreshThread(texts);
    List<String> reversed = new ArrayList<>(texts);
    Collections.reverse(reversed);
    List<Classification> backward = inFreshThread(reversed);
    Collections.reverse(backward);
    assertEquals(forward, backward);
    // and again in the same order, now that every word has been seen
    assertEquals(forward, inFreshThread(concat(texts, texts)).subList(texts.size(), 2 * texts.size()));
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
    new RuleEngine(plain).analyze("still no refund, please help", Optional.empty(), a);
    long[] before = plain.words.get().meta.clone();
    assertTrue(java.util.Arrays.stream(before).anyMatch(m -> m != 0), "the words just read are cached");
    new RuleEngine(custom).analyze("la itinerancia no funciona desde ayer", Optional.empty(), a);
    assertTrue(plain.words.get() != custom.words.get());
    org.junit.jupiter.api.Assertions.assertArrayEquals(before, plain.words.get().meta,
        "reading with another lexicon leaves this lexicon's cache as it was");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The default classifier's results for {@code texts}, read in order by a new thread (an empty word cache). */
  static List<Classification> inFreshThread(List<String> texts) throws Exception {
    AtomicReference<List<Classification>> out = new AtomicReference<>();
    Thread t = new Thread(() -> {
      List<Classification> r = new ArrayList<>();
      for (String s : texts) {
        r.add(Classifiers.defaultClassifier().classify(s, Optional.empty()));
      }
      out.set(r);
    });
    t.start();
    t.join();
    return out.get();
  }
}
