package org.crisiskit.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known word for a misspelt one. Not published API. */
public final class DidYouMean {
  private DidYouMean() {}

  /** The candidate nearest to {@code word} by edit distance, if it is close enough to be a typo. */
  public static Optional<String> suggest(String word, Collection<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, w.length() / 3);
    return best != null && bestDistance <= allowed && bestDistance > 0 ? Optional.of(best) : Optional.empty();
  }

  /** " — did you mean 'x'?" or the empty string. */
  public static String hint(String word, Collection<String> candidates) {
    return suggest(word, candidates).map(s -> " \u2014 did you mean '" + s + "'?").orElse("");
  }

  /** Levenshtein distance. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
