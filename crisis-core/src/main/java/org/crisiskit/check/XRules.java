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
    boolean afterZwj = false;
    while (i < to) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (afterZwj) {
        afterZwj = false;
        continue; // part of the emoji already counted
      }
      if (cp == 0x200D) {
        afterZwj = true;
        continue;
      }
      if (cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
        continue; // variation selector or skin tone: part of the previous emoji
      }
      w += weight(cp);
    }
    return w;
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
