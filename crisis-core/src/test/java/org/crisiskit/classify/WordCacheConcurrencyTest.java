package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Threads sharing one lexicon's word cache read every text as one thread alone does: words that
 * collide on a slot keep rewriting it while other threads read it, and a torn read would give a
 * wrong token (another word's entry, hash, counts or characters).
 */
class WordCacheConcurrencyTest {
  private static final int THREADS = 4;
  private static final long MILLIS = 2_000;

  /** Words with lexicon entries; each gets words that collide with it on its slot. */
  private static final List<String> PACKED = List.of("good", "bad", "refund", "malo", "love", "hate", "idiota",
      "awful", "pésimo", "gracias", "never", "not", "muy", "SOOO", "f*ck", "jajaja");
  private static final List<String> CHARS = List.of("disappointed", "unacceptable", "ridiculous", "frustrated",
      "decepcionante", "horribleeee", "maravilloso", "itinerancia", "excellent", "malísimooo", "łódź");
  private static final List<String> OTHERS = List.of("supercalifragilisticexpialidocious", "привет", "żółw",
      "no", "very", "please", "help", "?", "!!", ":(", "😡", "#NoMoreDelays", "@acme", "can't", "I'll");

  @Test
  void threadsSharingTheCacheReadEveryTextAsOneThreadDoes() throws Exception {
    Random r = new Random(7);
    List<String> vocabulary = new ArrayList<>(OTHERS);
    for (String w : PACKED) {
      vocabulary.add(w);
      long key = WordCache.pack(w.toCharArray(), 0, w.length());
      assertTrue(key != 0, w);
      for (int i = 0; i < 4; i++) {
        vocabulary.add(collider(r, 3, 8, x -> WordCache.pack(x, 0, x.length) != 0
            && WordCache.bucket(WordCache.pack(x, 0, x.length)) == WordCache.bucket(key)));
      }
    }
    for (String w : CHARS) {
      vocabulary.add(w);
      int slot = WordCache.charBucket(Text.rawHash(w.toCharArray(), 0, w.length()));
      for (int i = 0; i < 2; i++) {
        vocabulary.add(collider(r, 9, 16, x -> WordCache.charBucket(Text.rawHash(x, 0, x.length)) == slot));
      }
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = 1 + r.nextInt(5); n > 0; n--) {
        sb.append(vocabulary.get(r.nextInt(vocabulary.size()))).append(' ');
      }
      texts.add(sb.toString());
    }

    Lexicon lex = new Lexicon(Map.of());
    RuleEngine engine = new RuleEngine(lex);
    Map<String, String> expected = new HashMap<>();
    Analysis single = new Analysis();
    for (String t : texts) {
      expected.put(t, reading(engine, t, single));
    }
    lex.words.clear();

    AtomicReference<String> failure = new AtomicReference<>();
    AtomicLong compared = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int k = 0; k < THREADS; k++) {
      // overlapping corpora: two thirds of the texts each, in its own order
      List<String> mine = new ArrayList<>(texts.subList(k * texts.size() / 6, texts.size()));
      mine.addAll(texts.subList(0, k * texts.size() / 6));
      mine = new ArrayList<>(mine.subList(0, 2 * texts.size() / 3));
      Collections.shuffle(mine, new Random(k));
      List<String> corpus = mine;
      Thread t = new Thread(() -> {
        Analysis a = new Analysis();
        try {
          start.await();
          long end = System.nanoTime() + MILLIS * 1_000_000;
          while (System.nanoTime() < end && failure.get() == null) {
            for (String text : corpus) {
              String got = reading(engine, text, a);
              if (!got.equals(expected.get(text))) {
                failure.compareAndSet(null, "'" + text + "'\n  alone:  " + expected.get(text) + "\n  shared: " + got);
                return;
              }
            }
            compared.addAndGet(corpus.size());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(null, failure.get());
    assertTrue(compared.get() >= 4 * texts.size(), "compared " + compared.get());
  }

  /** A random word of lower-case letters of {@code min..max} characters that {@code collides}. */
  private static String collider(Random r, int min, int max, java.util.function.Predicate<char[]> collides) {
    while (true) {
      char[] x = new char[min + r.nextInt(max - min + 1)];
      for (int i = 0; i < x.length; i++) {
        x[i] = (char) ('a' + r.nextInt(26));
      }
      if (collides.test(x)) {
        return new String(x);
      }
    }
  }

  /** Everything the tokenizer and the rules made of a text: each token's characters, hash, entry and flags, the counts and the decision. */
  private static String reading(RuleEngine engine, String text, Analysis a) {
    engine.analyze(text, Optional.empty(), a);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.nTok; i++) {
      sb.append(a.chars, a.tokStart[i], a.tokEnd[i] - a.tokStart[i]).append('/').append(a.tokHash[i]).append('/')
          .append(a.tokEntry[i]).append('/').append(a.tokFlags[i]).append(' ');
    }
    sb.append(a.letters).append(' ').append(a.upper).append(' ').append(a.latin).append(' ').append(a.esMarks)
        .append(' ').append(a.stopEn).append(' ').append(a.stopEs).append(' ').append(engine.decide(a));
    return sb.toString();
  }
}
