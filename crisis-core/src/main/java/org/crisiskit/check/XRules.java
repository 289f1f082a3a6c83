package org.crisiskit.check;

import java.text.Normalizer;

/** The twitter-text v3 weighting, approximated. */
final class XRules implements NetworkRules {
  static final XRules INSTANCE = new XRules();
  static final int URL_LENGTH = 23;

  private XRules() {}

  @Override
  public String network() {
    return "x";
  }

  @Override
  public int maxLength() {
    return 280;
  }

  @Override
  public int maxPrivateLength() {
    return 10_000;
  }

  @Override
  public int weightedLength(String text) {
    String t = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    if (t.indexOf('.') < 0) {
      return weightOf(t, 0, t.length());
    }
    int total = 0;
    int last = 0;
    for (Links.Link link : Links.find(t)) {
      if (link.shortened()) {
        total += weightOf(t, last, link.start()) + URL_LENGTH;
        last = link.end();
      }
    }
    return total + weightOf(t, last, t.length());
  }

  static int weightOf(String t, int from, int to) {
    int w = 0;
    int i = from;
    while (i < to) {
      int end = emojiEnd(t, i, to);
      if (end > i) {
        w += 2; // one emoji, however many code points it is written with
        i = end;
        continue;
      }
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      w += weight(cp);
    }
    return w;
  }

  /**
   * The end of the emoji sequence starting at {@code i}, or {@code i} when none starts there: a flag
   * (two regional indicators), a keycap ({@code 0-9 # *}, maybe U+FE0F, U+20E3), or an emoji with its
   * variation selector, skin-tone modifier and tag characters, joined by ZWJ to further emoji.
   */
  static int emojiEnd(String t, int i, int to) {
    int cp = t.codePointAt(i);
    int j = i + Character.charCount(cp);
    if (isRegionalIndicator(cp)) {
      return j < to && isRegionalIndicator(t.codePointAt(j)) ? j + 2 : j;
    }
    if ((cp >= '0' && cp <= '9') || cp == '#' || cp == '*') {
      int k = j < to && t.charAt(j) == '\uFE0F' ? j + 1 : j;
      return k < to && t.charAt(k) == '\u20E3' ? k + 1 : i;
    }
    if (!isEmojiBase(cp)) {
      return i;
    }
    boolean emoji = weight(cp) == 2; // a text-style symbol such as © is an emoji only with U+FE0F
    while (true) {
      while (j < to) {
        int m = t.codePointAt(j);
        if (m == 0xFE0F || m == 0xFE0E || (m >= 0x1F3FB && m <= 0x1F3FF) || (m >= 0xE0020 && m <= 0xE007F)
            || m == 0x20E3) {
          emoji |= m == 0xFE0F || m == 0x20E3;
          j += Character.charCount(m);
        } else {
          break;
        }
      }
      if (emoji && j + 1 < to && t.charAt(j) == '\u200D' && isEmojiBase(t.codePointAt(j + 1))) {
        j += 1 + Character.charCount(t.codePointAt(j + 1));
        continue;
      }
      return emoji ? j : i;
    }
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  /** Code points that start or join an emoji sequence: the emoji and pictograph blocks and symbols used as emoji. */
  private static boolean isEmojiBase(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2300 && cp <= 0x23FF)
        || (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x25FF)
        || (cp >= 0x2100 && cp <= 0x214F) || (cp >= 0x2934 && cp <= 0x2935) || cp == 0x203C || cp == 0x2049
        || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299 || cp == 0xA9 || cp == 0xAE;
  }

  static int weight(int cp) {
    if ((cp >= 0 && cp <= 4351) || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223)
        || (cp >= 8242 && cp <= 8247)) {
      return 1;
    }
    return 2;
  }

  @Override
  public boolean rejects(int cp) {
    return cp == 0xFFFE || cp == 0xFEFF || cp == 0xFFFF || (cp >= 0x202A && cp <= 0x202E)
        || (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t');
  }

  @Override
  public String toString() {
    return "NetworkRules.x()";
  }
}
