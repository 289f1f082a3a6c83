package org.crisiskit.classify;

import java.text.Normalizer;
import java.util.Arrays;

/** Character folding and hashing shared by the lexicon loader and the tokenizer. Stateless. */
final class Text {
  private static final char[] FOLD = new char[0x250];
  /** The Latin range: {@link #fold} reads a table below it, and the tokenizer counts such letters as Latin. */
  static final int TABLE = 0x250;
  static final byte LETTER = 1;
  static final byte DIGIT = 2;
  static final byte UPPER = 4;
  static final byte LOWER = 8;
  /** ' ’ * @ $ ! . - _: characters that may continue a word (see the rule engine's wordEnd). */
  static final byte IN_WORD = 16;
  /**
   * {@link Character}'s answers for every char, one table read instead of a range test and look-ups
   * (64 KB, shared; the tokenizer's loops touch only the few lines of the scripts a text uses).
   */
  private static final byte[] CLS = new byte[0x10000];
  static final long FNV_BASIS = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;
  static final long RAW_SEED = 0x5bd1e9955bd1e995L;
  static final long EMOJI_SEED = 0x27d4eb2f165667c5L;

  static {
    for (int c = 0; c < FOLD.length; c++) {
      char lower = Character.toLowerCase((char) c);
      String d = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
      char base = d.isEmpty() ? lower : d.charAt(0);
      FOLD[c] = base < 0x250 ? base : lower;
    }
    FOLD['ñ'] = 'ñ'; // then folded to n, or not, word by word: see foldEnye
    FOLD['Ñ'] = 'ñ';
    for (int c = 0; c < CLS.length; c++) {
      char ch = (char) c;
      CLS[c] = (byte) ((Character.isLetter(ch) ? LETTER : 0) | (Character.isDigit(ch) ? DIGIT : 0)
          | (Character.isUpperCase(ch) ? UPPER : 0) | (Character.isLowerCase(ch) ? LOWER : 0)
          | ("'\u2019*@$!.-_".indexOf(ch) >= 0 ? IN_WORD : 0));
    }
  }

  private Text() {}

  /**
   * Lower-cases and strips diacritics (Latin scripts), except that ñ stays ñ until {@link #foldEnye}
   * sees the whole word; other characters are lower-cased.
   */
  static char fold(char c) {
    if (c < 0x250) {
      return FOLD[c];
    }
    return Character.toLowerCase(c);
  }

  /**
   * Starts of folded words whose ñ tells them from another word of the lexicons, with their forms:
   * "peña", "peñita" (a group of friends) are not "pena", "penita" (sorrow); "moño" (a bun) is not
   * "mono" (cute), "uñas" (nails) not "unas" (some), "cañón" not "canon". Every other word folds ñ to
   * n, so that texts typed without an ñ ("contrasena", "manana") read like those typed with one.
   */
  private static final char[][] DISTINCT_ENYE = {
    "peñ".toCharArray(), "moñ".toCharArray(), "uñ".toCharArray(), "cañon".toCharArray()};

  /**
   * Folds the ñ of the folded word {@code b[s..e)} to n unless the word starts with one of
   * {@link #DISTINCT_ENYE}; true if a character changed.
   */
  static boolean foldEnye(char[] b, int s, int e) {
    int first = -1;
    for (int i = s; i < e; i++) {
      if (b[i] == 'ñ') {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return false;
    }
    for (char[] p : DISTINCT_ENYE) {
      if (e - s >= p.length && Arrays.equals(b, s, s + p.length, p, 0, p.length)) {
        return false;
      }
    }
    for (int i = first; i < e; i++) {
      if (b[i] == 'ñ') {
        b[i] = 'n';
      }
    }
    return true;
  }

  /** False for the characters that always end a word: not a letter, digit or {@link #IN_WORD}. */
  static boolean mayContinueWord(char c) {
    return CLS[c] != 0;
  }

  static boolean isLetterOrDigit(char c) {
    return (CLS[c] & (LETTER | DIGIT)) != 0;
  }

  static boolean isLetter(char c) {
    return (CLS[c] & LETTER) != 0;
  }

  static boolean isDigit(char c) {
    return (CLS[c] & DIGIT) != 0;
  }

  static boolean isUpperCase(char c) {
    return (CLS[c] & UPPER) != 0;
  }

  static boolean isLowerCase(char c) {
    return (CLS[c] & LOWER) != 0;
  }

  /** True for letters with a diacritic typical of Spanish (á é í ó ú ü ñ in either case). */
  static boolean spanishMark(char c) {
    switch (c) {
      case 'á': case 'é': case 'í': case 'ó': case 'ú': case 'ñ': case 'ü':
      case 'Á': case 'É': case 'Í': case 'Ó': case 'Ú': case 'Ñ':
        return true;
      default:
        return false;
    }
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z = z ^ (z >>> 33);
    return z == 0 ? 1 : z;
  }

  /** Hash of normalized word characters: a polynomial (cheap, one short dependency chain) then {@link #mix}. */
  static long hash(char[] buf, int from, int to) {
    long h = FNV_BASIS;
    for (int i = from; i < to; i++) {
      h = 31 * h + buf[i];
    }
    return mix(h);
  }

  static long rawHash(CharSequence s, int from, int to) {
    long h = RAW_SEED;
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return mix(h);
  }

  /** {@link #rawHash(CharSequence, int, int)} over an array: equal hashes for equal characters. */
  static long rawHash(char[] s, int from, int to) {
    long h = RAW_SEED;
    for (int i = from; i < to; i++) {
      h = (h ^ s[i]) * FNV_PRIME;
    }
    return mix(h);
  }

  static long emojiHash(int codePoint) {
    return mix(EMOJI_SEED ^ (codePoint * 0x9E3779B97F4A7C15L));
  }

  /** Hash of a phrase: the hash of its first word combined with each next word's. */
  static long combine(long prefix, long next) {
    return mix(prefix * 0x9E3779B97F4A7C15L + next);
  }

  /**
   * Normalizes one word the way the tokenizer does: folded (with {@link #foldEnye}), apostrophes and
   * inner dots removed, runs of more than two equal letters cut to two.
   */
  static String normalizeWord(String w) {
    char[] b = new char[w.length()];
    int n = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c == '\'' || c == '\u2019' || c == '.' && n == 1) {
        continue;
      }
      char f = fold(c);
      if (n >= 2 && b[n - 1] == f && b[n - 2] == f) {
        continue;
      }
      b[n++] = f;
    }
    foldEnye(b, 0, n);
    return new String(b, 0, n);
  }

  static long wordHash(String normalized) {
    char[] cs = normalized.toCharArray();
    return hash(cs, 0, cs.length);
  }

  static boolean isEmoji(int cp) {
    if (cp < 0x2600) {
      return false; // letters, digits and punctuation, decided in one test
    }
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
        || cp == 0x2764 || cp == 0x2665 || cp == 0x263A || cp == 0x2639;
  }
}
