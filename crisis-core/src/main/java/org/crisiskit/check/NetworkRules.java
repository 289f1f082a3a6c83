package org.crisiskit.check;

/**
 * How a network measures and restricts an outgoing text: its weighted length limit, how a text is
 * counted, and which characters it rejects. A network adapter can supply its exact counter; the
 * built-in {@link #x()} follows the published twitter-text rules closely enough for checking.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface NetworkRules {
  /** The network's name, for example {@code x}. */
  String network();

  /** The maximum weighted length of one public message. */
  int maxLength();

  /** The maximum weighted length of one private message; by default {@link #maxLength()}. */
  default int maxPrivateLength() {
    return maxLength();
  }

  /** The weighted length of {@code text} as the network counts it. */
  int weightedLength(String text);

  /** True when the network refuses a text containing the code point {@code cp}. */
  default boolean rejects(int cp) {
    return false;
  }

  /**
   * X (Twitter): 280 weighted characters (10,000 in a direct message); each URL counts 23; code points outside the Latin,
   * general-punctuation ranges (CJK, emoji, …) count 2, and so does each emoji written as a sequence
   * (a flag, a keycap, an emoji with its variation selector, skin tone or tags, emoji joined by ZWJ); text is NFC-normalized first. Rejects U+FFFE, U+FEFF,
   * U+FFFF, the bidi overrides U+202A–U+202E and control characters other than newline and tab.
   */
  static NetworkRules x() {
    return XRules.INSTANCE;
  }

  /** A network that counts every code point once, with a {@code maxLength} limit. */
  static NetworkRules plain(String network, int maxLength) {
    return new PlainRules(network, maxLength);
  }
}
