package org.crisiskit.check;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Text utilities that keep char positions: folding and a language guess. */
final class Text {
  private Text() {}

  /** Lower case without accents, curly quotes made straight; same length as {@code s}. */
  static String fold(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u2019' || c == '\u2018') {
        out[i] = '\'';
        continue;
      }
      if (c < 128) {
        out[i] = Character.toLowerCase(c);
        continue;
      }
      out[i] = c < FOLDED.length ? FOLDED[c] : foldOne(c);
    }
    return new String(out);
  }

  private static final char[] FOLDED = new char[0x250];

  static {
    for (char c = 0; c < FOLDED.length; c++) {
      FOLDED[c] = foldOne(c);
    }
  }

  private static char foldOne(char c) {
    String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    return Character.toLowerCase(d.charAt(0));
  }

  private static final Set<String> ES = Set.of("el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una",
      "por", "para", "con", "es", "lo", "te", "tu", "su", "nos", "gracias", "sentimos", "pedido", "hola", "muy", "ya",
      "esta", "estamos", "mensaje", "privado", "tus", "sus", "nuestro", "nuestra", "hemos", "lamentamos", "al");
  private static final Set<String> EN = Set.of("the", "a", "an", "and", "of", "to", "in", "is", "it", "you", "your",
      "we", "our", "for", "with", "this", "that", "thanks", "thank", "sorry", "order", "hi", "very", "are", "will",
      "be", "we're", "we'll", "message", "private", "on", "please", "us", "have", "has");

  /** "es", "en" or "und" from function words; needs two hits and twice as many as the other language. */
  static String guessLang(String text) {
    int es = 0;
    int en = 0;
    String f = fold(text);
    for (int[] t : PhraseSet.tokens(f)) {
      String w = f.substring(t[0], t[1]);
      if (ES.contains(w)) {
        es++;
      }
      if (EN.contains(w)) {
        en++;
      }
    }
    if (es >= 2 && es >= 2 * en + 1) {
      return "es";
    }
    if (en >= 2 && en >= 2 * es + 1) {
      return "en";
    }
    return "und";
  }

  static String root(String lang) {
    int dash = lang.indexOf('-');
    return (dash > 0 ? lang.substring(0, dash) : lang).toLowerCase(Locale.ROOT);
  }
}
