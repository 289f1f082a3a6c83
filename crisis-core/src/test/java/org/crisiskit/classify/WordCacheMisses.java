package org.crisiskit.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Prints how many words the default classifier's {@link WordCache} misses on each of four passes over
 * the first 4,096 lines of a file (one text a line, e.g. the benchmark corpus written by
 * {@code scripts/bench-corpus.py}): each miss writes its bucket once, so the growth of the buckets'
 * versions counts them. The first pass reads the words cold; the next ones show what a warm cache
 * of the current size and layout misses. Not a test: a development tool kept next to the tests
 * because it needs package access.
 *
 * <p>usage (after {@code mvn -B -q -o -pl benchmarks -am package -DskipTests} and
 * {@code mvn -B -q -o -pl crisis-core test-compile}): {@code java -cp
 * benchmarks/target/benchmarks.jar:crisis-core/target/test-classes org.crisiskit.classify.WordCacheMisses
 * /tmp/ck-bench-corpus.txt}
 */
final class WordCacheMisses {
  private WordCacheMisses() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: WordCacheMisses TEXTS.txt");
      System.exit(2);
    }
    List<String> all = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    List<String> texts = all.subList(0, Math.min(4096, all.size()));
    Classifier rules = Classifiers.defaultClassifier();
    WordCache cache = Lexicon.defaults().words;
    for (int pass = 1; pass <= 4; pass++) {
      long packed = writes(cache.meta);
      long chars = writes(cache.charMeta);
      for (String t : texts) {
        rules.classify(t, Optional.empty());
      }
      System.out.printf("pass %d: %d packed words and %d words kept as characters missed%n", pass,
          writes(cache.meta) - packed, writes(cache.charMeta) - chars);
    }
  }

  /** The writes into a table's buckets so far: each takes a bucket's version two steps on. */
  private static long writes(long[] table) {
    long sum = 0;
    for (int b = WordCache.base(0); b < table.length; b += WordCache.META) {
      sum += table[b];
    }
    return sum / 2;
  }
}
