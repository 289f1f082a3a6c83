package org.crisiskit.classify;

import java.util.Arrays;

/**
 * Scratch state of one classification: the normalized tokens and the scores computed from them.
 * Reused by one thread for every text it classifies, so the hot path allocates no per-token objects
 * (about 83 KB of scratch arrays; the word cache is the lexicon's, shared by all threads). Not
 * thread-safe.
 */
final class Analysis {
  static final int MAX_TOKENS = 400;
  static final int MAX_CHARS = 8192;
  static final int MAX_REASONS = 10;

  static final byte CAPS = 1;
  static final byte ELONGATED = 2;
  static final byte HASHTAG = 4;
  static final byte EMOJI = 8;
  static final byte OBFUSCATED = 16;
  static final byte NEGATED = 32;
  /**
   * The token begins a sentence or clause after . ! ? ; , an ellipsis or a line break: negation does
   * not reach across ("no es malo, pésimo servicio"; "No\nMe encanta").
   */
  static final byte CLAUSE = (byte) 128;
  /** Inside a valence phrase that starts at an earlier token: the phrase carries its valence. */
  static final byte IN_PHRASE = 64;

  /**
   * Whether the tokens' normalized characters are written to {@link #chars} (for features read from
   * them); the rule engine's own scoring reads only the tokens' hashes, entries and flags, and an
   * analysis without them skips copying the characters of words found in the word cache.
   */
  final boolean keepChars;

  /** Scratch state that keeps the tokens' characters. */
  Analysis() {
    this(true);
  }

  /** Scratch state; {@code keepChars}: see {@link #keepChars}. */
  Analysis(boolean keepChars) {
    this.keepChars = keepChars;
  }

  /** The text being classified, copied once (at most {@link RuleEngine#MAX_TEXT} characters). */
  final char[] text = new char[RuleEngine.MAX_TEXT];
  /** The tokens' normalized characters; room for a packed word's eight after {@link #MAX_CHARS}. */
  final char[] chars = new char[MAX_CHARS + WordCache.PACK_LEN];
  int charLen;
  final int[] tokStart = new int[MAX_TOKENS];
  final int[] tokEnd = new int[MAX_TOKENS];
  final long[] tokHash = new long[MAX_TOKENS];
  final int[] tokEntry = new int[MAX_TOKENS];
  final byte[] tokFlags = new byte[MAX_TOKENS];
  /** The indices of the tokens with a lexicon entry, in order (set by the rule engine's scoring). */
  final int[] withEntry = new int[MAX_TOKENS];
  int nWithEntry;
  final char[] scratch = new char[MAX_CHARS];
  int nTok;
  long altHash;
  /** The {@link WordCache#pack}ed characters (or 0) of the word last read by the tokenizer's word scanner. */
  long wordKey;

  int exclam;
  int qmarks;
  boolean invertedQuestion;
  /** A sentence or clause ended since the last token (see {@link #CLAUSE}). */
  boolean clauseBreak;
  int urls;
  int handles;
  int hashtags;
  int esMarks;
  int letters;
  int upper;
  int stopEn;
  int stopEs;
  int latin;
  int arabic;
  int hebrew;
  int cyrillic;
  int greek;
  int cjk;
  int kana;
  int hangul;
  int thai;
  int devanagari;

  String lang;
  boolean es;
  /**
   * Whose cues the text reads ({@link Lexicon#BY_LANG}): {@link Lexicon#EN}, {@link Lexicon#ES}, or -1
   * for both (a text of another or undetermined language).
   */
  int cueLang;
  double sum;
  double compound;
  double posSum;
  double negSum;
  double politePos;
  double complaint;
  double praise;
  int abuse;
  int insult;
  double sensitive;
  long topicMask;
  int flagMask;
  boolean question;
  int negations;
  /** Sentiment-bearing words that pushed the score up, and down (after negation). */
  int nPos;
  /** Scratch inputs of the rule engine's polarity layer. */
  final double[] polarityInputs = new double[RuleEngine.POLARITY_INPUTS];
  int nNeg;
  boolean contrast;

  final String[] reasons = new String[MAX_REASONS];
  int nReasons;
  final int[] fired = new int[64];
  int nFired;

  void reset() {
    charLen = 0;
    nTok = 0;
    exclam = qmarks = urls = handles = hashtags = esMarks = letters = upper = stopEn = stopEs = 0;
    latin = arabic = hebrew = cyrillic = greek = cjk = kana = hangul = thai = devanagari = 0;
    invertedQuestion = false;
    clauseBreak = false;
    lang = "und";
    es = false;
    cueLang = -1;
    sum = compound = posSum = negSum = politePos = complaint = praise = sensitive = 0;
    abuse = 0;
    insult = 0;
    topicMask = 0;
    flagMask = 0;
    question = false;
    negations = 0;
    nPos = 0;
    nNeg = 0;
    contrast = false;
    nReasons = 0;
    nFired = 0;
  }

  void reason(String r) {
    if (r == null || nReasons == MAX_REASONS) {
      return;
    }
    for (int i = 0; i < nReasons; i++) {
      if (reasons[i] == r) {
        return;
      }
    }
    reasons[nReasons++] = r;
  }

  /** Returns true the first time an entry fires in this text. */
  boolean fire(int entry) {
    for (int i = 0; i < nFired; i++) {
      if (fired[i] == entry) {
        return false;
      }
    }
    if (nFired < fired.length) {
      fired[nFired++] = entry;
    }
    return true;
  }

  String[] reasonsCopy() {
    return Arrays.copyOf(reasons, nReasons);
  }
}
