package org.crisiskit.classify;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The default, rule-based engine: a tweet tokenizer feeding lexicon look-ups, then VADER-style
 * valence arithmetic with negation, intensifiers and contrast, then intent rules. Thread-safe: the
 * per-text state lives in an {@link Analysis} that each thread reuses, and the only shared mutable
 * state, the lexicon's {@link WordCache}, is lock-free and changes no result.
 */
final class RuleEngine {
  /** Texts longer than this are classified on their first {@value} characters. */
  static final int MAX_TEXT = 20_000;
  static final double NEG_THRESHOLD = -0.1;
  static final double COMPLAINT_TONE = -0.3;

  private static final float NEGATION_SCALE = -0.74f;
  private static final float CAPS_INCR = 0.733f;

  final Lexicon lex;

  RuleEngine(Lexicon lex) {
    this.lex = lex;
  }

  // ---------------------------------------------------------------- tokenizer

  void analyze(String text, Optional<String> langHint, Analysis a) {
    a.reset();
    int n = Math.min(text.length(), MAX_TEXT);
    char[] t = a.text;
    text.getChars(0, n, t, 0); // one bulk copy: array reads beat String.charAt's coder and bounds checks
    if (text.indexOf('\\') >= 0) {
      n = unescape(t, n);
    }
    int i = 0;
    while (i < n && a.nTok < Analysis.MAX_TOKENS) {
      char c = t[i];
      if (isSep(c)) {
        if (c != ' ' && isLineBreak(c)) {
          a.clauseBreak = true; // a line ends a clause as a full stop does: "No\nMe encanta"
        }
        i++;
        continue;
      }
      int s = i;
      if (Text.isLetterOrDigit(c)) {
        // most chunks are one plain word: read it in one pass (a word never spans a separator, so
        // its end within the text is its end within the chunk)
        int j = wordEnd(t, i, n, a);
        if (j == n || isSep(t[j])) {
          piece(t, s, j, (byte) 0, a, a.wordKey);
          i = j;
          continue;
        }
        int w = j;
        while (j < n && !isSep(t[j])) {
          j++;
        }
        chunk(t, s, j, a, w); // the first word is already read as far as its end
        i = j;
        continue;
      }
      while (i < n && !isSep(t[i])) {
        i++;
      }
      chunk(t, s, i, a, -1);
    }
    language(langHint, a);
    score(a);
  }

  /**
   * Decodes {@code \\uXXXX}, {@code \\n}, {@code \\r} and {@code \\t} escapes left in text exported
   * twice as JSON ("can\\u2019t", "one\\u002c two", "No\\nMe encanta"), in place; returns the new
   * length. Other backslashes stay.
   */
  static int unescape(char[] t, int n) {
    int w = 0;
    for (int i = 0; i < n; i++) {
      char c = t[i];
      if (c == '\\' && i + 1 < n) {
        char d = t[i + 1];
        if (d == 'u' && i + 5 < n) {
          int v = hex4(t, i + 2);
          if (v >= 0) {
            t[w++] = (char) v;
            i += 5;
            continue;
          }
        } else if (d == 'n' || d == 'r' || d == 't') {
          t[w++] = d == 'n' ? '\n' : d == 'r' ? '\r' : '\t';
          i++;
          continue;
        }
      }
      t[w++] = c;
    }
    return w;
  }

  private static int hex4(char[] t, int s) {
    int v = 0;
    for (int k = s; k < s + 4; k++) {
      char c = t[k];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; // ASCII only, as JSON escapes are
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  private static boolean isSep(char c) {
    return c <= ' ' || c >= '\u0085' && isWideSep(c);
  }

  /**
   * A separator that ends a line (Unicode's mandatory breaks: LF, VT, FF, CR, NEL, U+2028, U+2029):
   * it ends a clause, as a full stop does.
   */
  private static boolean isLineBreak(char c) {
    return c >= '\n' && c <= '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isWideSep(char c) {
    return c == '\u00a0' || c == '\u2028' || c == '\u2029' || c == '\u3000'
        || (c >= '\u2000' && c <= '\u200b') || c == '\u202f' || c == '\u205f' || c == '\u0085';
  }

  /**
   * One chunk between separators. {@code firstEnd}, if positive, is the end of the word starting the
   * chunk at {@code s}, with its {@link WordCache#pack}ed characters (or 0) in {@code a.wordKey}.
   */
  private void chunk(char[] t, int s, int e, Analysis a, int firstEnd) {
    char c0 = t[s];
    int len = e - s;
    if (len > 4 && (c0 == 'h' || c0 == 'H' || c0 == 'w' || c0 == 'W')
        && (startsWithIgnoreCase(t, s, e, "http://") || startsWithIgnoreCase(t, s, e, "https://")
            || startsWithIgnoreCase(t, s, e, "www."))) {
      a.urls++;
      return;
    }
    if (c0 == '@' && len > 1) {
      a.handles++;
      return;
    }
    if ((!Text.isLetterOrDigit(c0) || !Text.isLetterOrDigit(t[e - 1])) && hasEmoticonChar(t, s, e)) {
      int end = e;
      while (end > s + 1 && (t[end - 1] == ',' || t[end - 1] == '.')) {
        end--;
      }
      if (end - s >= 2 && end - s <= 6) {
        int entry = lex.map.get(Text.rawHash(t, s, end));
        if (entry >= 0 && (lex.kinds(entry) & Lexicon.EMOTICON) != 0) {
          addToken(a, entry, Text.rawHash(t, s, end), (byte) Analysis.EMOJI, a.charLen, a.charLen);
          return;
        }
      }
    }
    boolean hashtag = false;
    if (c0 == '#' && len > 1) {
      a.hashtags++;
      hashtag = true;
      s++;
    }
    int j = s;
    while (j < e && a.nTok < Analysis.MAX_TOKENS) {
      char c = t[j];
      if (Character.isHighSurrogate(c) && j + 1 < e && Character.isLowSurrogate(t[j + 1])) {
        int cp = Character.toCodePoint(c, t[j + 1]);
        if (Text.isEmoji(cp)) {
          emoji(cp, a);
        } else if (Character.isLetter(cp)) {
          script(cp, a);
        }
        j += 2;
        continue;
      }
      if (Text.isLetterOrDigit(c)) {
        int ws = j;
        if (ws == s && firstEnd > 0) { // not a hashtag: the chunk starts with a letter or digit
          j = firstEnd;
          piece(t, ws, j, (byte) 0, a, a.wordKey);
          continue;
        }
        j = wordEnd(t, j, e);
        word(t, ws, j, hashtag, a);
        continue;
      }
      switch (c) {
        case '!': case '¡':
          a.exclam++;
          a.clauseBreak = true;
          break;
        case '?':
          a.qmarks++;
          a.clauseBreak = true;
          break;
        case '¿':
          a.qmarks++;
          a.invertedQuestion = true;
          a.clauseBreak = true;
          break;
        case '.': case ';': case ',': case '\u2026':
          a.clauseBreak = true;
          break;
        default:
          if (Text.isEmoji(c)) {
            emoji(c, a);
          }
      }
      j++;
    }
  }

  /** {@code prefix} at {@code t[s..e)}, ignoring case. */
  private static boolean startsWithIgnoreCase(char[] t, int s, int e, String prefix) {
    int n = prefix.length();
    if (e - s < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = t[s + i];
      char p = prefix.charAt(i);
      if (c == p) {
        continue;
      }
      char u = Character.toUpperCase(c); // the comparison of String.regionMatches(true, ...)
      char pu = Character.toUpperCase(p);
      if (u != pu && Character.toLowerCase(u) != Character.toLowerCase(pu)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasEmoticonChar(char[] t, int s, int e) {
    for (int i = s; i < e; i++) {
      char c = t[i];
      if (c == ':' || c == ';' || c == '=' || c == '<' || c == '^' || c == '(' || c == ')') {
        return true;
      }
    }
    return false;
  }

  /** End of a word starting at {@code s}: letters and digits, inner apostrophes and obfuscation symbols. */
  private static int wordEnd(char[] t, int s, int e) {
    return wordEnd(t, s, e, null);
  }

  /**
   * {@link #wordEnd(char[], int, int)}, leaving the word's {@link WordCache#pack}ed characters (or 0)
   * in {@code a.wordKey} if given: packing while scanning saves reading the word again.
   */
  private static int wordEnd(char[] t, int s, int e, Analysis a) {
    int j = s + 1;
    long key = t[s];
    int any = t[s];
    while (j < e) {
      char c = t[j];
      if (Text.isLetterOrDigit(c)) {
        key = key << 8 | c; // characters beyond the eighth shift out: such words are not packed
        any |= c;
        j++;
        continue;
      }
      if (!Text.mayContinueWord(c)) {
        break; // most words end at a space or punctuation: one table read decides
      }
      boolean nextLetter = j + 1 < e && Text.isLetterOrDigit(t[j + 1]);
      if ((c == '\'' || c == '\u2019') && nextLetter) {
        j++;
      } else if ((c == '*' || c == '@' || c == '$' || c == '!') && (nextLetter || (j + 1 < e && t[j + 1] == '*'))) {
        j++;
      } else if ((c == '.' || c == '-' || c == '_') && nextLetter && singleLetterSegment(t, s, j)) {
        j++;
      } else if (c == '*' && j > s) {
        j++; // trailing star as in "sh*"
      } else {
        break;
      }
      key = key << 8 | c;
      any |= c;
    }
    if (a != null) {
      a.wordKey = j - s <= WordCache.PACK_LEN && any < 0x100 ? key : 0;
    }
    return j;
  }

  private static boolean singleLetterSegment(char[] t, int s, int j) {
    return j - 1 >= s && (j - 1 == s || !Text.isLetterOrDigit(t[j - 2]));
  }

  private void emoji(int cp, Analysis a) {
    long h = Text.emojiHash(cp);
    addToken(a, lex.map.get(h), h, Analysis.EMOJI, a.charLen, a.charLen);
  }

  private static void script(int cp, Analysis a) {
    Character.UnicodeScript sc;
    try {
      sc = Character.UnicodeScript.of(cp);
    } catch (IllegalArgumentException e) {
      return;
    }
    switch (sc) {
      case LATIN: a.latin++; break;
      case ARABIC: a.arabic++; break;
      case HEBREW: a.hebrew++; break;
      case CYRILLIC: a.cyrillic++; break;
      case GREEK: a.greek++; break;
      case HAN: a.cjk++; break;
      case HIRAGANA: case KATAKANA: a.kana++; break;
      case HANGUL: a.hangul++; break;
      case THAI: a.thai++; break;
      case DEVANAGARI: a.devanagari++; break;
      default: break;
    }
  }

  private void word(char[] t, int s, int e, boolean hashtag, Analysis a) {
    if (!hashtag) {
      piece(t, s, e, (byte) 0, a);
      return;
    }
    // split #NoMoreDelays into no / more / delays
    int ps = s;
    for (int i = s + 1; i < e; i++) {
      char p = t[i - 1];
      char c = t[i];
      boolean split = (Text.isLowerCase(p) && Text.isUpperCase(c))
          || (Text.isDigit(p) != Text.isDigit(c) && Text.isLetter(c) != Text.isLetter(p))
          || (Text.isUpperCase(p) && Text.isUpperCase(c) && i + 1 < e
              && Text.isLowerCase(t[i + 1]));
      if (split) {
        piece(t, ps, i, Analysis.HASHTAG, a);
        ps = i;
      }
    }
    piece(t, ps, e, Analysis.HASHTAG, a);
  }

  private void piece(char[] t, int s, int e, byte flags, Analysis a) {
    piece(t, s, e, flags, a, WordCache.pack(t, s, e));
  }

  /**
   * Adds a cached word's character counts to the analysis; false if the word has no letters (it
   * makes no token).
   */
  private static boolean countCached(long meta, Analysis a) {
    int letters = WordCache.letters(meta);
    a.latin += letters; // cached words are all below U+0250, so every letter is a Latin one
    a.esMarks += WordCache.esMarks(meta);
    if (letters == 0) {
      return false;
    }
    a.letters += letters;
    a.upper += WordCache.uppers(meta);
    return true;
  }

  /** The token of a cached word whose normalized characters were written at {@code start}. */
  private static void cachedToken(Analysis a, long meta, long hash, byte flags, int start, int foldLen) {
    a.charLen = start + foldLen;
    // the stop-word counts from the cache, without a branch or a look-up in the lexicon
    a.stopEn += WordCache.stopEn(meta);
    a.stopEs += WordCache.stopEs(meta);
    token(a, WordCache.entry(meta), hash, (byte) (flags | WordCache.flags(meta)), start, start + foldLen);
  }

  /**
   * One piece of a word; {@code key} is its {@link WordCache#pack}ed characters, or 0 if it has none.
   * Looks the word up in the lexicon's shared {@link WordCache}: what a slot holds is used only once
   * {@link WordCache#valid} confirms that no thread wrote its bucket meanwhile, and until then only
   * to compare and to copy within bounds.
   */
  private void piece(char[] t, int s, int e, byte flags, Analysis a, long key) {
    if (a.charLen + (e - s) >= Analysis.MAX_CHARS || a.nTok >= Analysis.MAX_TOKENS) {
      return;
    }
    int len = e - s;
    WordCache c = lex.words;
    if (key != 0) {
      long[] cm = c.meta;
      int bucket = WordCache.bucket(key);
      int b = WordCache.base(bucket);
      long version = WordCache.begin(cm, b);
      int way = WordCache.way(cm, b, key);
      int w = b + way;
      if (cm[w] == key) {
        // a word seen before: the same characters give the same normalized form, flags and entry
        long meta = cm[w + 1];
        long hash = cm[w + 2];
        boolean keep = a.keepChars;
        long f = keep ? c.normal[4 * bucket + WordCache.index(way)] : 0;
        if (WordCache.valid(cm, b, version)) {
          if (!countCached(meta, a)) {
            return;
          }
          int start = a.charLen;
          if (keep) {
            char[] out = a.chars;
            // all eight bytes, whatever the length: no loop to mispredict; the bytes after the word
            // are past charLen, free space (Analysis.chars has room for them after MAX_CHARS)
            out[start] = (char) (f >>> 56);
            out[start + 1] = (char) (f >>> 48 & 0xff);
            out[start + 2] = (char) (f >>> 40 & 0xff);
            out[start + 3] = (char) (f >>> 32 & 0xff);
            out[start + 4] = (char) (f >>> 24 & 0xff);
            out[start + 5] = (char) (f >>> 16 & 0xff);
            out[start + 6] = (char) (f >>> 8 & 0xff);
            out[start + 7] = (char) (f & 0xff);
          }
          cachedToken(a, meta, hash, flags, start, WordCache.foldLen(meta));
          return;
        }
      }
      readPiece(t, s, e, flags, a, bucket, key, 0);
      return;
    }
    if (len > WordCache.MAX_LEN) {
      readPiece(t, s, e, flags, a, -1, 0, 0);
      return;
    }
    long[] cm = c.charMeta;
    long raw = Text.rawHash(t, s, e);
    int bucket = WordCache.charBucket(raw);
    int b = WordCache.base(bucket);
    long version = WordCache.begin(cm, b);
    // as above, the slot with the word's raw hash if any; its characters confirm the word
    int way = WordCache.way(cm, b, raw);
    int w = b + way;
    long meta = cm[w + 1];
    int at = (4 * bucket + WordCache.index(way)) * WordCache.STRIDE;
    if (cm[w] == raw && WordCache.rawLen(meta) == len && c.sameRaw(at, t, s, e)) {
      // as above, for a word whose characters are kept in the cache's data
      long hash = cm[w + 2];
      int start = a.charLen;
      // a torn read may give any length: copy no more than the word's (a normalized form is never longer)
      int fl = Math.min(WordCache.foldLen(meta), len);
      if (a.keepChars) {
        System.arraycopy(c.data, at + WordCache.MAX_LEN, a.chars, start, fl);
      }
      if (WordCache.valid(cm, b, version)) {
        if (!countCached(meta, a)) {
          return;
        }
        cachedToken(a, meta, hash, flags, start, fl);
        return;
      }
    }
    readPiece(t, s, e, flags, a, bucket, 0, raw);
  }

  /**
   * Normalizes and looks up one piece; remembers the result in the word cache's {@code bucket} if not
   * negative, under {@code key} or, if that is 0, {@code raw} (see {@link WordCache#put}: a packed word's
   * {@link WordCache#bucket}, else its {@link WordCache#charBucket} and raw hash).
   */
  private void readPiece(char[] t, int s, int e, byte flags, Analysis a, int bucket, long key, long raw) {
    char[] buf = a.chars;
    int start = a.charLen;
    int w = start;
    int letters = 0;
    int uppers = 0;
    int digits = 0;
    boolean obfuscated = false;
    boolean elongated = false;
    int latin = 0; // counted in registers, added to the analysis once
    int esMarks = 0;
    long ph = Text.FNV_BASIS;
    int any = 0; // every character ORed: below Text.TABLE only if every character is (a cache may skip some words)
    int apostrophe = -1;
    for (int i = s; i < e; i++) {
      char c = t[i];
      any |= c;
      if (c == '\'' || c == '\u2019' || c == '.' || c == '-' || c == '_') {
        if (c != '\'' && c != '\u2019') {
          obfuscated = true;
        } else {
          apostrophe = w;
        }
        continue;
      }
      if (Text.isLetter(c)) {
        letters++;
        if (Text.isUpperCase(c)) {
          uppers++;
        }
        if (c < 0x250) {
          latin++;
          if (Text.spanishMark(c)) {
            esMarks++;
          }
        } else {
          script(c, a);
        }
      } else if (Text.isDigit(c)) {
        digits++;
      } else {
        obfuscated = true;
      }
      char f = Text.fold(c);
      if (w - start >= 2 && buf[w - 1] == f && buf[w - 2] == f) {
        elongated = true;
        continue;
      }
      buf[w++] = f;
      ph = 31 * ph + f;
    }
    a.latin += latin;
    a.esMarks += esMarks;
    boolean cache = bucket >= 0 && any < Text.TABLE; // else script counters other than Latin were touched
    if (letters == 0) {
      if (cache) {
        lex.words.put(bucket, key, raw, t, s, e, buf, start, 0, 0, 0, esMarks, 0, -1, 0, 0);
      }
      return; // numbers and symbols alone carry nothing
    }
    a.letters += letters;
    a.upper += uppers;
    if (digits > 0) {
      obfuscated = true;
    }
    byte fl = flags;
    if (uppers == letters && letters >= 2) {
      fl |= Analysis.CAPS;
    }
    if (elongated) {
      fl |= Analysis.ELONGATED;
    }
    if (obfuscated) {
      fl |= Analysis.OBFUSCATED;
    }
    boolean rehash = false;
    if (apostrophe > start && isWillOrWould(buf, apostrophe, w)) {
      // I'll, he'll, we'd: the pronoun alone, not "ill", "hell" or "wed"
      w = apostrophe;
      rehash = true;
    }
    if (esMarks > 0 && Text.foldEnye(buf, start, w)) {
      rehash = true;
    }
    if (rehash) {
      ph = Text.FNV_BASIS;
      for (int i = start; i < w; i++) {
        ph = 31 * ph + buf[i];
      }
    }
    long h;
    if ((buf[start] == 'j' || buf[start] == 'h') && isLaugh(buf, start, w)) {
      w = start + 4;
      buf[start] = 'j';
      buf[start + 1] = 'a';
      buf[start + 2] = 'j';
      buf[start + 3] = 'a';
      h = Text.hash(buf, start, w);
    } else {
      h = Text.mix(ph);
    }
    a.charLen = w;
    int entry = lex.map.get(h);
    if (entry < 0 || isPrefixOnly(entry)) {
      int alt = resolve(buf, start, w, elongated, obfuscated, a);
      if (alt >= 0) {
        entry = alt;
        h = a.altHash;
      }
    }
    if (cache) {
      int stops = entry >= 0 ? WordCache.stops(lex.kinds(entry)) : 0;
      lex.words.put(bucket, key, raw, t, s, e, buf, start, w - start, letters, uppers, esMarks, fl & ~flags, entry,
          stops, h);
    }
    addToken(a, entry, h, fl, start, w);
  }

  /** The English contractions 'll and 'd at {@code b[ap..e)}. */
  private static boolean isWillOrWould(char[] b, int ap, int e) {
    return e - ap == 2 && b[ap] == 'l' && b[ap + 1] == 'l' || e - ap == 1 && b[ap] == 'd';
  }

  /**
   * jajaja, jejeje, hahaha, jsjsjs: laughter in any length, its first syllable repeated (not "hija",
   * "hijas": a syllable of laughter followed by another is a word).
   */
  private static boolean isLaugh(char[] b, int s, int e) {
    if (e - s < 4 || b[s + 2] != b[s] || b[s + 3] != b[s + 1]) {
      return false;
    }
    for (int i = s; i < e; i++) {
      char c = b[i];
      boolean even = ((i - s) & 1) == 0;
      if (even ? (c != 'j' && c != 'h') : (c != 'a' && c != 'e' && c != 'i' && c != 's')) {
        return false;
      }
    }
    return true;
  }

  private boolean isPrefixOnly(int entry) {
    return lex.kinds(entry) == Lexicon.PREFIX && Float.isNaN(lex.valEn(entry)) && Float.isNaN(lex.valEs(entry))
        && lex.topics(entry) == 0 && lex.flags(entry) == 0;
  }


  /** Tries spelling variants: elongation cut to one letter, -ísimo, plural, leetspeak, skeleton. */
  private int resolve(char[] buf, int s, int e, boolean elongated, boolean obfuscated, Analysis a) {
    char[] x = a.scratch;
    int n = e - s;
    if (Text.isDigit(buf[s]) && (n > 1 && Text.isDigit(buf[s + 1]) || leet(buf[s]) == buf[s])) {
      return -1; // a number and its unit ("30mins", "40k", "2nd"), not a disguised word
    }
    // variant 1: repeated letters collapsed to one (fuuuck -> fuck), only if elongated
    int m = 0;
    if (elongated || obfuscated) {
      for (int i = s; i < e; i++) {
        char c = buf[i];
        if (obfuscated) {
          c = leet(c);
          if (c == 0) {
            continue;
          }
        }
        if (m > 0 && x[m - 1] == c) {
          continue;
        }
        x[m++] = c;
      }
      int r = lookup(a, x, 0, m);
      if (r >= 0) {
        return r;
      }
      if (obfuscated) {
        r = stars(buf, s, e, x, a);
        if (r >= 0) {
          return r;
        }
        long sk = skeletonHash(x, m);
        if (sk != 0) {
          r = lex.skeletons.get(sk);
          if (r >= 0) {
            a.altHash = sk;
            return r;
          }
        }
      }
    } else {
      // plain word: only -isimo, plural and Spanish forms (enclitics end in e) are worth another look-up
      char last = buf[e - 1];
      if (n <= 3 || (last != 's' && last != 'o' && last != 'a' && last != 'e')) {
        return -1;
      }
      System.arraycopy(buf, s, x, 0, n);
      m = n;
    }
    int es = spanish(x, m, a); // before the -isimo step, which rewrites x
    if (es >= 0) {
      return es;
    }
    // -isimo/-isima(s): malisimo -> malo
    if (m > 6 && x[m - 5] == 'i' && x[m - 4] == 's' && x[m - 3] == 'i' && x[m - 2] == 'm') {
      int stem = m - 5;
      char g = x[m - 1];
      x[stem] = g;
      int r = lookup(a, x, 0, stem + 1);
      if (r >= 0) {
        return r;
      }
    } else if (m > 7 && x[m - 1] == 's' && x[m - 6] == 'i' && x[m - 5] == 's' && x[m - 4] == 'i'
        && x[m - 3] == 'm') {
      int stem = m - 6;
      x[stem] = x[m - 2];
      int r = lookup(a, x, 0, stem + 1);
      if (r >= 0) {
        return r;
      }
    }
    // plural
    if (m > 3 && x[m - 1] == 's') {
      int r = lookup(a, x, 0, m - 1);
      if (r >= 0) {
        return r;
      }
      if (m > 4 && x[m - 2] == 'e' && (x[m - 3] == 's' || x[m - 3] != x[m - 4])) {
        // -es after a consonant (papeles, boxes), not after a double one but ss ("Dulles" is no "dull")
        r = lookup(a, x, 0, m - 2);
        if (r >= 0) {
          return r;
        }
      }
    }
    return -1;
  }

  /** Where {@link #spanish} copies the word in the scratch buffer (after any word it is given). */
  private static final int ES_WORK = Analysis.MAX_CHARS / 2;
  private static final int ES_MAX_WORD = 32;

  /**
   * Spanish forms of a word the lexicons lack (accents are already folded): feminine of a masculine
   * entry (malas -> malo), plurals in -ces (atroces -> atroz), -mente adverbs (jodidamente ->
   * jodido), diminutives (asquito -> asco, feita -> fea, pobrecito -> pobre, chiquillo -> chico) and
   * enclitic pronouns on verbs (odiándome -> odiando, matarme -> matar, cállate -> calla, dámelo ->
   * da). Works in the analysis' scratch buffer: no allocation.
   */
  private int spanish(char[] x, int m, Analysis a) {
    if (m < 4 || m > ES_MAX_WORD) {
      return -1;
    }
    char[] y = a.scratch;
    final int o = ES_WORK;
    System.arraycopy(x, 0, y, o, m);
    // adverbs: jodidamente -> jodida -> jodido, tristemente -> triste
    if (m >= 8 && y[o + m - 5] == 'm' && y[o + m - 4] == 'e' && y[o + m - 3] == 'n' && y[o + m - 2] == 't'
        && y[o + m - 1] == 'e') {
      int r = lookup(a, y, o, o + m - 5);
      if (r < 0 && y[o + m - 6] == 'a') {
        y[o + m - 6] = 'o';
        r = lookup(a, y, o, o + m - 5);
        y[o + m - 6] = 'a';
      }
      if (r >= 0) {
        return r;
      }
    }
    char last = y[o + m - 1];
    // plural -ces of a singular in -z: atroces -> atroz, infelices -> infeliz
    if (last == 's' && m >= 6 && y[o + m - 2] == 'e' && y[o + m - 3] == 'c') {
      y[o + m - 3] = 'z';
      int r = lookup(a, y, o, o + m - 2);
      y[o + m - 3] = 'c';
      if (r >= 0) {
        return r;
      }
    }
    int stemEnd = last == 's' ? m - 1 : m; // number dropped: the lexicons hold the singular
    char g = y[o + stemEnd - 1];
    // feminine -> masculine: mala(s) -> malo
    if (g == 'a' && stemEnd >= 4) {
      y[o + stemEnd - 1] = 'o';
      int r = lookup(a, y, o, o + stemEnd);
      y[o + stemEnd - 1] = 'a';
      if (r >= 0) {
        return r;
      }
    }
    // diminutives: -ito/-ita, -cito/-cita, -illo/-illa, -ucho/-ucha
    if ((g == 'o' || g == 'a') && stemEnd >= 5) {
      char c3 = y[o + stemEnd - 3];
      char c2 = y[o + stemEnd - 2];
      int stem = -1;
      if (c3 == 'i' && c2 == 't') {
        stem = stemEnd - 3;
      } else if (c3 == 'l' && c2 == 'l' && y[o + stemEnd - 4] == 'i' && stemEnd >= 6) {
        stem = stemEnd - 4;
      } else if (c3 == 'c' && c2 == 'h' && y[o + stemEnd - 4] == 'u' && stemEnd >= 6) {
        stem = stemEnd - 4;
      }
      if (stem >= 2) {
        int r = diminutive(y, o, stem, g, a);
        if (r >= 0) {
          return r;
        }
        if (stem >= 4 && y[o + stem - 1] == 'c' && c3 == 'i') { // pobre-cito, amor-cito
          r = lookup(a, y, o, o + stem - 1);
          if (r >= 0) {
            return r;
          }
        }
      }
    }
    // enclitic pronouns, at most two (dámelo): the verb form left must end as an infinitive,
    // a gerund or an imperative
    int end = m;
    for (int k = 0; k < 2; k++) {
      int cl = clitic(y, o, end);
      if (cl == 0 || end - cl < 4) {
        return -1;
      }
      end -= cl;
      char v = y[o + end - 1];
      boolean verb = v == 'r' && isVowel(y[o + end - 2])
          || v == 'o' && y[o + end - 2] == 'd' && y[o + end - 3] == 'n'
          || (v == 'a' || v == 'e' || v == 'i') && m >= 6;
      if (!verb) {
        return -1;
      }
      int r = lookup(a, y, o, o + end);
      if (r >= 0) {
        return r;
      }
    }
    return -1;
  }

  /**
   * A diminutive's base: stem + the same gender vowel, then e (not the other gender: "ratito" is a
   * while, not a rat); qu -> c, gu -> g.
   */
  private int diminutive(char[] y, int o, int stem, char g, Analysis a) {
    int st = stem;
    char keep = y[o + st - 1];
    if (st >= 3 && y[o + st - 1] == 'u' && (y[o + st - 2] == 'q' || y[o + st - 2] == 'g')) {
      st--; // poquito -> poco, amiguita -> amiga
      if (y[o + st - 1] == 'q') {
        y[o + st - 1] = 'c';
      }
    }
    char saved = y[o + st];
    int r = -1;
    for (int t = 0; t < 2 && r < 0; t++) {
      y[o + st] = t == 0 ? g : 'e';
      r = lookup(a, y, o, o + st + 1);
    }
    y[o + st] = saved;
    if (st != stem) {
      y[o + stem - 2] = y[o + stem - 2] == 'c' ? 'q' : y[o + stem - 2];
      y[o + stem - 1] = keep;
    }
    return r;
  }

  /** Length of the enclitic pronoun ending {@code y[o..o+end)}, or 0. */
  private static int clitic(char[] y, int o, int end) {
    char c1 = y[o + end - 1];
    char c2 = y[o + end - 2];
    if (c1 == 's' && end >= 3) {
      char c3 = y[o + end - 3];
      if ((c2 == 'o' && c3 == 'n') || (c3 == 'l' && (c2 == 'o' || c2 == 'a' || c2 == 'e'))) {
        return 3; // nos, los, las, les
      }
      return 0;
    }
    if ((c1 == 'e' && (c2 == 'm' || c2 == 't' || c2 == 's' || c2 == 'l')) || (c2 == 'l' && (c1 == 'o' || c1 == 'a'))) {
      return 2; // me, te, se, le, lo, la
    }
    return 0;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private int lookup(Analysis a, char[] x, int s, int e) {
    long h = Text.hash(x, s, e);
    int r = lex.map.get(h);
    if (r >= 0 && !isPrefixOnly(r)) {
      a.altHash = h;
      return r;
    }
    return -1;
  }

  /** f*ck, p*to: each star (at most two) tried as each vowel. */
  private int stars(char[] buf, int s, int e, char[] x, Analysis a) {
    int n = 0;
    int first = -1;
    int second = -1;
    for (int i = s; i < e; i++) {
      char c = buf[i];
      if (c == '*') {
        if (first < 0) {
          first = n;
        } else if (second < 0) {
          second = n;
        } else {
          return -1;
        }
      }
      x[n++] = leetOrStar(c);
    }
    if (first < 0) {
      return -1;
    }
    final String vowels = "aeiou";
    for (int p = 0; p < 5; p++) {
      x[first] = vowels.charAt(p);
      if (second < 0) {
        int r = lookup(a, x, 0, n);
        if (r >= 0) {
          return r;
        }
        continue;
      }
      for (int q = 0; q < 5; q++) {
        x[second] = vowels.charAt(q);
        int r = lookup(a, x, 0, n);
        if (r >= 0) {
          return r;
        }
      }
    }
    return -1;
  }

  private static char leetOrStar(char c) {
    return c == '*' ? '*' : leet(c) == 0 ? '*' : leet(c);
  }

  private static char leet(char c) {
    switch (c) {
      case '0': return 'o';
      case '1': return 'i';
      case '3': return 'e';
      case '4': return 'a';
      case '5': return 's';
      case '7': return 't';
      case '8': return 'b';
      case '@': return 'a';
      case '$': return 's';
      case '!': return 'i';
      case '*': case '.': case '-': case '_': return 0;
      default: return c;
    }
  }

  /** {@link Text#hash} of the word's consonants without repeats, computed as it goes (no array). */
  private static long skeletonHash(char[] x, int m) {
    long h = Text.FNV_BASIS;
    int k = 0;
    char last = 0;
    for (int i = 0; i < m; i++) {
      char c = x[i];
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || !Text.isLetter(c)) {
        continue;
      }
      if (k > 0 && last == c) {
        continue;
      }
      h = 31 * h + c;
      last = c;
      k++;
    }
    return k >= 3 ? Text.mix(h) : 0;
  }

  private void addToken(Analysis a, int entry, long hash, byte flags, int start, int end) {
    token(a, entry, hash, flags, start, end);
    if (entry >= 0) {
      int k = lex.kinds(entry);
      if ((k & Lexicon.STOP_EN) != 0) {
        a.stopEn++;
      }
      if ((k & Lexicon.STOP_ES) != 0) {
        a.stopEs++;
      }
    }
  }

  /** {@link #addToken} without counting stop words. */
  private static void token(Analysis a, int entry, long hash, byte flags, int start, int end) {
    int i = a.nTok++;
    a.tokHash[i] = hash;
    a.tokEntry[i] = entry;
    a.tokFlags[i] = a.clauseBreak ? (byte) (flags | Analysis.CLAUSE) : flags;
    a.clauseBreak = false;
    a.tokStart[i] = start;
    a.tokEnd[i] = end;
  }

  // ---------------------------------------------------------------- language

  private static void language(Optional<String> hint, Analysis a) {
    detectLanguage(hint, a);
    // English and Spanish texts read the cues of their language (and of both); a text of another or
    // undetermined language ("und": no stop word, no Spanish mark) reads the cues of both, as any
    // language might be its own
    a.cueLang = a.es ? Lexicon.ES : "en".equals(a.lang) ? Lexicon.EN : -1;
  }

  private static void detectLanguage(Optional<String> hint, Analysis a) {
    String h = hint.isPresent() ? hint.get() : "";
    if (h.length() >= 2 && h.length() <= 8 && !h.equalsIgnoreCase("und") && !h.equalsIgnoreCase("zxx")
        && !h.equalsIgnoreCase("qme") && !h.equalsIgnoreCase("qht") && !h.equalsIgnoreCase("qam")) {
      String l = h.length() >= 2 && Character.toLowerCase(h.charAt(0)) == 'e'
          && (Character.toLowerCase(h.charAt(1)) == 's' || Character.toLowerCase(h.charAt(1)) == 'n')
          && (h.length() == 2 || h.charAt(2) == '-' || h.charAt(2) == '_')
          ? (Character.toLowerCase(h.charAt(1)) == 's' ? "es" : "en")
          : null;
      if (l != null) {
        a.lang = l;
        a.es = l.equals("es");
        return;
      }
    }
    int other = Math.max(Math.max(Math.max(a.arabic, a.hebrew), Math.max(a.cyrillic, a.greek)),
        Math.max(Math.max(a.cjk + a.kana, a.hangul), Math.max(a.thai, a.devanagari)));
    if (other > a.latin) {
      a.lang = other == a.arabic ? "ar" : other == a.hebrew ? "he" : other == a.cyrillic ? "ru"
          : other == a.greek ? "el" : other == a.kana ? "ja" : other == a.cjk + a.kana ? (a.kana > 0 ? "ja" : "zh")
          : other == a.hangul ? "ko" : other == a.thai ? "th" : "hi";
      return;
    }
    double es = a.stopEs + 1.5 * a.esMarks + 2 * (a.invertedQuestion ? 1 : 0);
    double en = a.stopEn;
    if (es == 0 && en == 0) {
      a.lang = "und";
    } else if (es >= en) {
      a.lang = "es";
      a.es = true;
    } else {
      a.lang = "en";
    }
  }

  // ---------------------------------------------------------------- scoring

  private void score(Analysis a) {
    Lexicon x = lex;
    int n = a.nTok;
    // The tokens with a lexicon entry, listed without a branch: about half the tokens of a tweet
    // have one, in no predictable order, so testing each token in every loop below would cost a
    // mispredicted branch per token and loop.
    int[] with = a.withEntry;
    int m = 0;
    for (int i = 0; i < n; i++) {
      with[m] = i;
      m += ~a.tokEntry[i] >>> 31; // 1 if the entry is not negative
    }
    a.nWithEntry = m;
    // phrases
    for (int j = 0; j < m; j++) {
      int i = with[j];
      int e = a.tokEntry[i];
      cues(e, i, a);
      if ((x.kinds(e) & Lexicon.PREFIX) == 0) {
        continue;
      }
      long h = a.tokHash[i];
      int covered = 0;
      for (int k = 1; k <= 3 && i + k < n; k++) {
        if ((a.tokFlags[i + k] & Analysis.CLAUSE) != 0) {
          break; // a phrase lies within a clause: "Gracias! No, llega mañana" holds no "no llega"
        }
        h = Text.combine(h, a.tokHash[i + k]);
        int p = x.map.get(h);
        if (p < 0) {
          break;
        }
        cues(p, i, a);
        if (!Float.isNaN(a.es ? x.valEs(p) : x.valEn(p))) {
          // a phrase's valence replaces its words' own, the longest phrase last
          // ("hasta los huevos", "qué asco", "customer care")
          a.tokEntry[i] = p;
          covered = k;
        }
        if ((x.kinds(p) & Lexicon.PREFIX) == 0) {
          break;
        }
      }
      for (int k = 1; k <= covered; k++) {
        a.tokFlags[i + k] |= Analysis.IN_PHRASE;
      }
    }
    valence(a);
    if (a.qmarks > 0) {
      a.question = true;
      a.reason("question mark");
    } else if (n > 0 && a.tokEntry[0] >= 0 && (x.kinds(a.tokEntry[0]) & Lexicon.QWORD) != 0 && !a.es) {
      a.question = true;
      a.reason(x.reasonQuestion[a.tokEntry[0]]);
    }
  }

  private void cues(int e, int pos, Analysis a) {
    Lexicon x = lex;
    int k = x.kinds(e);
    long topics = x.topics(e);
    int flags = x.flags(e);
    if ((k & Lexicon.BY_LANG) != 0 && a.cueLang >= 0) {
      // a cue of one language only: "red" is a network in Spanish, a colour in English
      int l = a.cueLang;
      k = k & ~Lexicon.CUE_KINDS | x.langKinds[l][e];
      if ((a.tokFlags[pos] & Analysis.OBFUSCATED) != 0 && (k & Lexicon.ABUSE) == 0) {
        // a spelling disguised to pass filters is abuse in either language: "st0p1d" reaches the
        // lexicon through the consonant skeleton it shares with Spanish "estúpida"
        k |= (x.langKinds[Lexicon.EN][e] | x.langKinds[Lexicon.ES][e]) & (Lexicon.ABUSE | Lexicon.MILD);
      }
      topics = x.langTopics[l][e];
      flags = x.langFlags[l][e];
    }
    if ((a.tokFlags[pos] & Analysis.IN_PHRASE) != 0) {
      // a word inside a valence phrase is read through the phrase: "días" in "buenos días" is no
      // wait, "wait" in "can't wait" no complaint, "mal" in "menos mal" none either
      k &= ~(Lexicon.COMPLAINT | Lexicon.PRAISE);
    }
    if ((k & (Lexicon.COMPLAINT | Lexicon.PRAISE | Lexicon.ABUSE | Lexicon.SENSITIVE)) == 0 && topics == 0
        && flags == 0) {
      return;
    }
    if (!a.fire(e)) {
      return;
    }
    if ((k & Lexicon.COMPLAINT) != 0) {
      a.complaint += x.complaintW(e);
      a.reason(x.reasonComplaint[e]);
    }
    if ((k & Lexicon.PRAISE) != 0) {
      a.praise += x.praiseW[e];
    }
    if ((k & Lexicon.ABUSE) != 0) {
      a.abuse++;
      if ((k & Lexicon.MILD) == 0) {
        a.insult++;
      }
      a.reason(x.reasonAbuse[e]);
    }
    if ((k & Lexicon.SENSITIVE) != 0) {
      a.sensitive += x.sensitiveW[e];
    }
    if (topics != 0) {
      long fresh = topics & ~a.topicMask;
      a.topicMask |= topics;
      while (fresh != 0) {
        int t = Long.numberOfTrailingZeros(fresh);
        fresh &= fresh - 1;
        a.reason(x.topicReason[t][e]);
      }
    }
    if (flags != 0) {
      int fresh = flags & ~a.flagMask;
      a.flagMask |= flags;
      while (fresh != 0) {
        int f = Integer.numberOfTrailingZeros(fresh);
        fresh &= fresh - 1;
        a.reason(x.reasonFlag[e][f]);
      }
    }
  }

  /**
   * The lexicon valence of token {@code i} as the engine reads it, 0 for none: the text's language,
   * else the other's, except that an English text takes no valence from the Spanish lexicons (false
   * friends there: "pena", "mal"; a Spanish text keeps VADER's for emoticons, slang and loanwords) and
   * a stop word takes none from the other language; a word inside a valence phrase counts through the
   * phrase only. {@code english}: the text's language is {@code en}.
   */
  static float tokenValence(Lexicon x, Analysis a, int i, boolean english) {
    int e = a.tokEntry[i];
    if (e < 0 || (a.tokFlags[i] & Analysis.IN_PHRASE) != 0) {
      return 0;
    }
    float v = a.es ? x.valEs(e) : x.valEn(e);
    if (Float.isNaN(v)) {
      v = a.es ? x.valEn(e) : x.valEs(e);
      if (Float.isNaN(v) || english || (x.kinds(e) & (Lexicon.STOP_EN | Lexicon.STOP_ES)) != 0) {
        return 0;
      }
    }
    return v;
  }

  /** Whether a word within three after token {@code i}, in its sentence, has a valence for it to intensify. */
  private static boolean boostsNext(Lexicon x, Analysis a, int i, boolean english) {
    for (int b = 1; b <= 3 && i + b < a.nTok; b++) {
      if ((a.tokFlags[i + b] & Analysis.CLAUSE) != 0) {
        return false;
      }
      if (tokenValence(x, a, i + b, english) != 0) {
        return true;
      }
    }
    return false;
  }

  private void valence(Analysis a) {
    Lexicon x = lex;
    boolean allCaps = a.letters > 0 && a.upper * 10 >= a.letters * 9;
    int[] with = a.withEntry;
    int m = a.nWithEntry;
    int contrastAt = -1;
    for (int j = 0; j < m; j++) {
      int i = with[j];
      if ((x.kinds(a.tokEntry[i]) & Lexicon.CONTRAST) != 0 && i > 0) {
        contrastAt = i;
      }
    }
    if (contrastAt > 0) {
      a.contrast = true;
    }
    boolean english = "en".equals(a.lang);
    double sum = 0;
    double pos = 0;
    double neg = 0;
    double polite = 0;
    for (int j = 0; j < m; j++) {
      int i = with[j];
      int e = a.tokEntry[i];
      int k = x.kinds(e);
      if ((k & Lexicon.NEG) != 0) {
        a.negations++;
        continue; // negators act on others
      }
      float v = tokenValence(x, a, i, english);
      if (v == 0) {
        continue; // a neutral word takes no emphasis from caps, "sooo" or "very"
      }
      if ((k & Lexicon.BOOST) != 0 && boostsNext(x, a, i, english)) {
        continue; // an intensifier in use has no valence of its own: "so fucking excited", "bien feo"
      }
      if ((k & Lexicon.POLITE) != 0 && a.complaint > 0) {
        polite += Math.max(0, v);
        continue; // polite complaints: "please help" is neither praise nor negated praise
      }
      byte fl = a.tokFlags[i];
      double s = v;
      if ((fl & Analysis.CAPS) != 0 && !allCaps) {
        s += v > 0 ? CAPS_INCR : -CAPS_INCR;
      }
      if ((fl & Analysis.ELONGATED) != 0) {
        s += v > 0 ? 0.3 : -0.3;
      }
      for (int b = 1; b <= 3 && i - b >= 0; b++) {
        int pe = a.tokEntry[i - b];
        if (pe >= 0 && (x.kinds(pe) & Lexicon.BOOST) != 0) {
          double inc = x.boost(pe) * (b == 1 ? 1 : b == 2 ? 0.95 : 0.9);
          s += v > 0 ? inc : -inc;
        }
      }
      boolean negated = false;
      // an emoji or emoticon shows the writer's own feeling: outside negation scope ("sin entradas 😢")
      for (int b = 1; b <= 3 && i - b >= 0 && (fl & Analysis.EMOJI) == 0; b++) {
        if ((a.tokFlags[i - b + 1] & Analysis.CLAUSE) != 0) {
          break; // "Excited is not the word. Frustrated is": the negator is in another clause
        }
        int pe = a.tokEntry[i - b];
        if (pe >= 0 && (x.kinds(pe) & Lexicon.NEG) != 0) {
          negated = true;
          break;
        }
      }
      if (negated) {
        s *= NEGATION_SCALE;
        a.reason(x.reasonNegated[e]);
      } else if (Math.abs(v) >= 1.5) {
        a.reason(x.reasonValence[e]);
      }
      if (contrastAt > 0) {
        s *= i < contrastAt ? 0.5 : 1.5;
      }
      sum += s;
      if (s > 0) {
        pos += s;
        a.nPos++;
      } else if (s < 0) {
        neg += s;
        a.nNeg++;
      }
    }
    a.posSum = pos;
    a.negSum = neg;
    a.politePos = polite;
    if (polite > 0) {
      a.reason("politeness ignored in a complaint");
    }
    if (sum != 0) {
      double ex = Math.min(a.exclam, 4) * 0.292;
      sum += sum > 0 ? ex : -ex;
    }
    a.sum = sum;
    a.compound = sum / Math.sqrt(sum * sum + 15);
  }

  // ---------------------------------------------------------------- polarity layer

  /** Number of inputs of the polarity layer (see {@link #polarityInputs}). */
  static final int POLARITY_INPUTS = 15;

  /**
   * Weights of the polarity layer, one row per class (negative, neutral, positive): a multinomial
   * logistic regression over {@link #polarityInputs}, fit on VADER's 4,200 rated tweets (ship-ok,
   * mean rating <= -0.8 negative, >= 0.8 positive; classes balanced, L2 1e-2). It decides the
   * neutral band from more than the compound score: separate positive and negative mass, how many
   * words carried them, questions, links, negations, complaint and praise cues. Reproduce (or refit
   * after a rule change) with {@code scripts/fit-polarity-layer.sh ../shared/data}: it dumps the
   * inputs with {@code PolarityLayerDump} (test sources) and prints this array from
   * {@code scripts/fit-polarity-layer.py} (numpy, Newton iterations to the unique optimum).
   */
  static final double[][] POLARITY_WEIGHTS = {
    {-0.1475, -0.5951, 1.0379, -1.5323, -0.3788, 0.6627, 0.0553, -0.3289, -0.2176, -0.0921, 0.2050, -0.1406, 0.3351, -0.0986, -0.2572},
    {0.5485, -0.0458, -0.3561, 0.1674, -0.0502, -0.2162, 0.3041, 0.6227, 0.1169, -0.5734, 0.0222, -0.4309, 0.0923, 0.2068, 0.4796},
    {-0.4010, 0.6409, -0.6818, 1.3649, 0.4290, -0.4465, -0.3595, -0.2937, 0.1006, 0.6655, -0.2271, 0.5715, -0.4274, -0.1082, -0.2224},
  };

  /** The inputs of the polarity layer for an analysed text, written into {@code f}. */
  static void polarityInputs(Analysis a, double[] f) {
    double p = a.posSum;
    double n = -a.negSum;
    f[0] = 1;
    f[1] = p / (1 + p);
    f[2] = n / (1 + n);
    f[3] = a.compound;
    f[4] = Math.min(a.nPos, 3) / 3.0;
    f[5] = Math.min(a.nNeg, 3) / 3.0;
    f[6] = a.question ? 1 : 0;
    f[7] = a.urls > 0 ? 1 : 0;
    f[8] = a.handles > 0 ? 1 : 0;
    f[9] = Math.min(a.exclam, 3) / 3.0;
    f[10] = Math.min(a.complaint, 3) / 3.0;
    f[11] = a.praise > 0 ? 1 : 0;
    f[12] = Math.min(a.negations, 2) / 2.0;
    f[13] = a.contrast ? 1 : 0;
    f[14] = a.nPos + a.nNeg == 0 ? 1 : 0;
  }

  /** The layer's score of class {@code c} (negative, neutral, positive) for its inputs {@code f}. */
  static double layerScore(int c, double[] f) {
    double[] w = POLARITY_WEIGHTS[c];
    double z = 0;
    for (int i = 0; i < POLARITY_INPUTS; i++) {
      z += w[i] * f[i];
    }
    return z;
  }

  /** The polarity the layer gives the analysis (no allocation: the inputs live in the analysis). */
  static Polarity layerPolarity(Analysis a) {
    double[] f = a.polarityInputs;
    polarityInputs(a, f);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < 3; c++) {
      double z = layerScore(c, f);
      if (z > bestScore) {
        bestScore = z;
        best = c;
      }
    }
    return best == 0 ? Polarity.NEGATIVE : best == 1 ? Polarity.NEUTRAL : Polarity.POSITIVE;
  }

  // ---------------------------------------------------------------- decision

  Classification decide(Analysis a) {
    return decide(a, Double.NaN, null, null, -1);
  }

  /**
   * Decides from the analysis; a trained model may override the sentiment, polarity, intent and
   * abusive flag ({@code NaN}, {@code null}, {@code -1} mean "use the rules").
   */
  Classification decide(Analysis a, double modelSentiment, Polarity modelPolarity, Intent modelIntent,
      int modelAbusive) {
    Lexicon x = lex;
    double sentiment = Double.isNaN(modelSentiment) ? a.compound : modelSentiment;
    boolean abusive = modelAbusive < 0 ? a.abuse > 0 : modelAbusive == 1;
    boolean sensitive = a.sensitive >= 2;
    boolean complaint = a.complaint >= 2 && sentiment < 0.6
        || a.complaint >= 1 && sentiment < 0.3 && !a.question
        || sentiment <= COMPLAINT_TONE
        || a.handles > 0 && sentiment <= NEG_THRESHOLD
        || a.topicMask != 0 && sentiment <= NEG_THRESHOLD
        || a.flagMask != 0 && sentiment < 0.3;
    if (complaint && modelPolarity == null && a.complaint >= 2) {
      sentiment = Math.max(-1, Math.min(sentiment, 0) - 0.1 * Math.min(a.complaint, 4));
    }
    // a complaint cue with a negative tone is negative whatever the politeness around it
    // ("still no refund, please help"); otherwise the layer decides
    Polarity polarity = modelPolarity != null ? modelPolarity
        : a.complaint >= 1 && sentiment <= NEG_THRESHOLD ? Polarity.NEGATIVE
        : layerPolarity(a);
    Intent intent;
    if (modelIntent != null) {
      intent = modelIntent;
    } else if (complaint && (a.topicMask != 0 || a.insult == 0 || a.complaint >= 2)) {
      intent = Intent.COMPLAINT;
    } else if (abusive && (a.insult > 0 || a.abuse >= 2 || modelAbusive == 1) && sentiment <= 0.3) {
      intent = Intent.ABUSE;
    } else if (sensitive) {
      intent = Intent.SENSITIVE;
    } else if (a.question) {
      intent = Intent.QUESTION;
    } else if (polarity == Polarity.POSITIVE && sentiment >= 0.3 && (a.praise > 0 || sentiment >= 0.6)) {
      intent = Intent.PRAISE;
    } else {
      intent = Intent.NEUTRAL;
    }
    Set<String> topics = topicSet(a.topicMask);
    Set<Flag> flags = FLAG_SETS[a.flagMask];
    if (sensitive) {
      for (int i = 0; i < a.nFired; i++) {
        a.reason(x.reasonSensitive[a.fired[i]]);
      }
    }
    if (a.exclam >= 2) {
      a.reason("emphasis '!!'");
    }
    return new Classification(intent, polarity, clamp(sentiment), abusive, sensitive, topics, flags, a.lang,
        reasonList(a));
  }

  /** Topic sets of the built-in topics by mask, built once: most texts repeat a few combinations. */
  @SuppressWarnings("unchecked")
  private final Set<String>[] topicSets = new Set[1 << 10];
  private static final Set<Flag>[] FLAG_SETS = flagSets();

  @SuppressWarnings("unchecked")
  private static Set<Flag>[] flagSets() {
    Set<Flag>[] sets = new Set[1 << Flag.values().length];
    for (int m = 0; m < sets.length; m++) {
      sets[m] = flagSet(m);
    }
    return sets;
  }

  private Set<String> topicSet(long mask) {
    if (mask == 0) {
      return Set.of();
    }
    if (mask < topicSets.length) {
      Set<String> s = topicSets[(int) mask];
      if (s == null) {
        s = buildTopicSet(mask);
        topicSets[(int) mask] = s; // benign race: every thread builds an equal immutable set
      }
      return s;
    }
    return buildTopicSet(mask);
  }

  private Set<String> buildTopicSet(long mask) {
    if (Long.bitCount(mask) == 1) {
      return Set.of(lex.topicNames[Long.numberOfTrailingZeros(mask)]);
    }
    String[] names = new String[Long.bitCount(mask)];
    int n = 0;
    while (mask != 0) {
      names[n++] = lex.topicNames[Long.numberOfTrailingZeros(mask)];
      mask &= mask - 1;
    }
    return Set.of(names);
  }



  private static Set<Flag> flagSet(int mask) {
    if (mask == 0) {
      return Set.of();
    }
    if (Integer.bitCount(mask) == 1) {
      return Set.of(Flag.values()[Integer.numberOfTrailingZeros(mask)]);
    }
    Flag[] out = new Flag[Integer.bitCount(mask)];
    int n = 0;
    for (Flag f : Flag.values()) {
      if ((mask & (1 << f.ordinal())) != 0) {
        out[n++] = f;
      }
    }
    return Set.of(out);
  }

  /** The reasons as an immutable list, with one array allocation at most (fixed-arity {@code List.of}). */
  private static List<String> reasonList(Analysis a) {
    String[] r = a.reasons;
    switch (a.nReasons) {
      case 0: return List.of();
      case 1: return List.of(r[0]);
      case 2: return List.of(r[0], r[1]);
      case 3: return List.of(r[0], r[1], r[2]);
      case 4: return List.of(r[0], r[1], r[2], r[3]);
      case 5: return List.of(r[0], r[1], r[2], r[3], r[4]);
      case 6: return List.of(r[0], r[1], r[2], r[3], r[4], r[5]);
      case 7: return List.of(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
      case 8: return List.of(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
      case 9: return List.of(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
      default: return List.of(a.reasonsCopy());
    }
  }

  static double clamp(double d) {
    if (Double.isNaN(d)) {
      return 0;
    }
    return Math.max(-1, Math.min(1, d));
  }
}
