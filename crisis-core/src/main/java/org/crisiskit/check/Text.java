package org.crisiskit.check;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers that keep char positions: folding, phrase search, language guess. */
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
      String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      out[i] = Character.toLowerCase(d.charAt(0));
    }
    return new String(out);
  }

  /** A case- and accent-insensitive whole-word pattern for a phrase, to run on {@link #fold} text. */
  static Pattern phrase(String phrase) {
    String[] words = fold(phrase).trim().split("\\s+");
    StringBuilder sb = new StringBuilder();
    boolean wordStart = Character.isLetterOrDigit(words[0].charAt(0));
    sb.append(wordStart ? "(?<![\\p{L}\\p{N}])" : "");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        sb.append("\\s+");
      }
      sb.append(Pattern.quote(words[i]));
    }
    String last = words[words.length - 1];
    sb.append(Character.isLetterOrDigit(last.charAt(last.length() - 1)) ? "(?![\\p{L}\\p{N}])" : "");
    return Pattern.compile(sb.toString());
  }

  /** Every match of any of {@code patterns} in the folded text, as [start, end, patternIndex]. */
  static List<int[]> find(String folded, List<Pattern> patterns) {
    List<int[]> out = new ArrayList<>();
    for (int p = 0; p < patterns.size(); p++) {
      Matcher m = patterns.get(p).matcher(folded);
      while (m.find()) {
        out.add(new int[] {m.start(), m.end(), p});
      }
    }
    return out;
  }

  static List<Pattern> phrases(List<String> list) {
    List<Pattern> out = new ArrayList<>();
    for (String s : list) {
      if (!s.isBlank()) {
        out.add(phrase(s));
      }
    }
    return out;
  }

  private static final List<String> ES = List.of("el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una",
      "por", "para", "con", "es", "lo", "te", "tu", "su", "nos", "gracias", "sentimos", "pedido", "hola", "muy", "ya",
      "esta", "estamos", "mensaje", "privado", "tus", "sus", "nuestro", "nuestra", "hemos", "lamentamos", "al");
  private static final List<String> EN = List.of("the", "a", "an", "and", "of", "to", "in", "is", "it", "you", "your",
      "we", "our", "for", "with", "this", "that", "thanks", "thank", "sorry", "order", "hi", "very", "are", "will",
      "be", "we're", "we'll", "message", "private", "on", "please", "us", "have", "has");
  private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

  /** "es", "en" or "und" from function words; needs two hits and twice as many as the other language. */
  static String guessLang(String text) {
    int es = 0;
    int en = 0;
    Matcher m = WORD.matcher(fold(text));
    while (m.find()) {
      String w = m.group();
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
