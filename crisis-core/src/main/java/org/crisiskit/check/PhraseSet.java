package org.crisiskit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of phrases matched as whole token sequences, case- and accent-insensitively, in one pass
 * over the text's tokens (words and single punctuation marks). Immutable and thread-safe.
 */
final class PhraseSet {
  private final Map<String, List<String[]>> byFirst = new HashMap<>();

  PhraseSet(List<String> phrases) {
    for (String p : phrases) {
      List<int[]> spans = tokens(Text.fold(p));
      if (spans.isEmpty()) {
        continue;
      }
      String f = Text.fold(p);
      String[] words = new String[spans.size()];
      for (int i = 0; i < words.length; i++) {
        words[i] = f.substring(spans.get(i)[0], spans.get(i)[1]);
      }
      byFirst.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
    }
  }

  /** Non-overlapping matches in {@code text} as [start, end) char spans, longest first at each place. */
  List<int[]> find(String text) {
    String f = Text.fold(text);
    List<int[]> toks = tokens(f);
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < toks.size(); ) {
      List<String[]> cands = byFirst.get(f.substring(toks.get(i)[0], toks.get(i)[1]));
      int best = 0;
      if (cands != null) {
        for (String[] c : cands) {
          if (c.length > best && i + c.length <= toks.size() && matches(f, toks, i, c)) {
            best = c.length;
          }
        }
      }
      if (best > 0) {
        out.add(new int[] {toks.get(i)[0], toks.get(i + best - 1)[1]});
        i += best;
      } else {
        i++;
      }
    }
    return out;
  }

  boolean any(String text) {
    return !find(text).isEmpty();
  }

  private static boolean matches(String f, List<int[]> toks, int i, String[] c) {
    for (int k = 1; k < c.length; k++) {
      int[] t = toks.get(i + k);
      if (t[1] - t[0] != c[k].length() || !f.startsWith(c[k], t[0])) {
        return false;
      }
    }
    return true;
  }

  /** Words (letters, digits, inner apostrophes) and single other non-space characters. */
  static List<int[]> tokens(String s) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(s.charAt(i))
            || (s.charAt(i) == '\'' && i + 1 < n && Character.isLetter(s.charAt(i + 1))))) {
          i++;
        }
        out.add(new int[] {start, i});
      } else {
        int w = Character.charCount(s.codePointAt(i));
        out.add(new int[] {i, i + w});
        i += w;
      }
    }
    return out;
  }
}
