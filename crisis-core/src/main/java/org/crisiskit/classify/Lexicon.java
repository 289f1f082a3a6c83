package org.crisiskit.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every word and phrase the rule engine knows, keyed by hash: valences (English VADER, Spanish AFINN
 * and SentiCon), cues, topics and flags. Immutable after construction; thread-safe.
 */
final class Lexicon {
  static final int NEG = 1;
  static final int BOOST = 1 << 1;
  static final int CONTRAST = 1 << 2;
  static final int QWORD = 1 << 3;
  static final int COMPLAINT = 1 << 4;
  static final int PRAISE = 1 << 5;
  static final int POLITE = 1 << 6;
  static final int ABUSE = 1 << 7;
  static final int SENSITIVE = 1 << 8;
  static final int STOP_EN = 1 << 9;
  static final int STOP_ES = 1 << 10;
  static final int PREFIX = 1 << 11;
  static final int EMOTICON = 1 << 12;
  /** Rude but not an insult ("sucks", "crap"): abusive, yet not enough for the abuse intent. */
  static final int MILD = 1 << 13;
  /**
   * The entry's cues ({@link #CUE_KINDS}, topics, flags) differ between English and Spanish texts:
   * read them from {@link #langKinds}, {@link #langTopics} and {@link #langFlags} for a text in either
   * language. The other kinds, topics and flags of an entry are the union of both languages', which a
   * text of any other or undetermined language reads.
   */
  static final int BY_LANG = 1 << 14;
  /** The kinds that a cue of one language gives only in texts of that language. */
  static final int CUE_KINDS = COMPLAINT | PRAISE | ABUSE | MILD | SENSITIVE;
  /** Index of English and Spanish in {@link #langKinds}, {@link #langTopics} and {@link #langFlags}. */
  static final int EN = 0;
  static final int ES = 1;

  static final int MAX_TOPICS = 64;
  /** SentiCon entries weaker than this are too ambiguous to count. */
  private static final float ES_MIN = 0.4f;
  /** SentiCon polarity in [-1, 1] scaled to VADER's [-4, 4] valence range (tuned on the dev data). */
  private static final float ES_SCALE = 2.5f;

  final LongIntMap map = new LongIntMap(32_768);
  /** Abuse words by consonant skeleton, for obfuscated spellings. */
  final LongIntMap skeletons = new LongIntMap(1024);
  /**
   * The tokenizer's cache of recently read words, one per lexicon and shared by every thread that
   * classifies with it (lock-free, see {@link WordCache}): threads that alternate between lexicons
   * (one per playbook, say) keep each one's cache warm, and a discarded lexicon takes its cache with it.
   */
  final WordCache words = new WordCache();
  float[] valEn = new float[32_768];
  float[] valEs = new float[32_768];
  int[] kinds = new int[32_768];
  float[] complaintW = new float[32_768];
  float[] praiseW = new float[32_768];
  float[] sensitiveW = new float[32_768];
  float[] boost = new float[32_768];
  long[] topics = new long[32_768];
  int[] flags = new int[32_768];
  String[] cue = new String[32_768];
  /**
   * Per language ({@link #EN}, {@link #ES}), the {@link #CUE_KINDS}, topics and flags that cues of that
   * language or of both give an entry; read only for {@link #BY_LANG} entries.
   */
  int[][] langKinds = {new int[32_768], new int[32_768]};
  long[][] langTopics = {new long[32_768], new long[32_768]};
  int[][] langFlags = {new int[32_768], new int[32_768]};
  int size;
  final String[] topicNames;
  final String[][] topicReason;
  String[] reasonValence;
  String[] reasonComplaint;
  String[] reasonPraise;
  String[] reasonAbuse;
  String[] reasonSensitive;
  String[] reasonNegated;
  String[] reasonQuestion;
  String[][] reasonFlag;

  private static volatile Lexicon defaults;

  static Lexicon defaults() {
    Lexicon l = defaults;
    if (l == null) {
      synchronized (Lexicon.class) {
        l = defaults;
        if (l == null) {
          l = new Lexicon(Map.of());
          defaults = l;
        }
      }
    }
    return l;
  }

  Lexicon(Map<String, Map<String, List<String>>> extraTopics) {
    Map<String, Integer> topicIndex = new LinkedHashMap<>();
    for (String t : Topics.BUILT_IN) {
      topicIndex.put(t, topicIndex.size());
    }
    for (String t : extraTopics.keySet()) {
      topicIndex.putIfAbsent(t, topicIndex.size());
    }
    if (topicIndex.size() > MAX_TOPICS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "at most %d topics are supported but %d were given", MAX_TOPICS, topicIndex.size()));
    }
    topicNames = topicIndex.keySet().toArray(new String[0]);
    topicReason = new String[topicNames.length][];
    loadVader();
    loadSpanish();
    loadCues(topicIndex);
    extraTopics.forEach((topic, byLang) -> byLang.forEach((lang, words) -> {
      int langs = langs(lang);
      long bit = 1L << topicIndex.get(topic);
      for (String w : words) {
        int e = phraseEntry(w);
        if (e >= 0) {
          addTopics(e, langs, bit);
        }
      }
    }));
    finish();
  }

  private void loadVader() {
    for (String[] row : rows("vader_lexicon.tsv")) {
      String token = row[0];
      float v = Float.parseFloat(row[1]);
      boolean letters = token.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '-');
      if (letters && token.length() == 1) {
        continue; // "l" (2.0): a lone letter is an initial or a split hashtag (#EleccionesL6), not praise
      }
      if (letters) {
        int e = entry(Text.wordHash(Text.normalizeWord(token)), token);
        valEn[e] = v;
      } else {
        int e = entry(Text.rawHash(token, 0, token.length()), token);
        valEn[e] = v;
        valEs[e] = v;
        kinds[e] |= EMOTICON;
      }
    }
  }

  private void loadSpanish() {
    for (String[] row : rows("es_senticon.tsv")) {
      float pol = Float.parseFloat(row[1]);
      if (Math.abs(pol) < ES_MIN) {
        continue;
      }
      int e = phraseEntry(row[0]);
      if (e >= 0) {
        valEs[e] = pol * ES_SCALE;
      }
      if (row[0].indexOf(' ') < 0 && Math.abs(pol) >= 0.5f) {
        for (String form : spanishForms(Text.normalizeWord(row[0]))) {
          long h = Text.wordHash(form);
          if (map.get(h) < 0) {
            int f = entry(h, row[0]);
            valEs[f] = pol * ES_SCALE;
          }
        }
      }
    }
    for (String[] row : rows("es_afinn.tsv")) {
      String token = row[0];
      float v = Float.parseFloat(row[1]) * 0.8f;
      int cp = token.codePointAt(0);
      if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
        continue; // regional indicators: halves of flags (🇪🇸, 🇫🇷), which name a country, not a feeling
      }
      if (!Character.isLetter(cp)) {
        int e = entry(Text.emojiHash(cp), token);
        valEs[e] = v;
        valEn[e] = v;
        continue;
      }
      int e = phraseEntry(token);
      if (e >= 0) {
        valEs[e] = v;
      }
    }
  }

  /**
   * The languages a cue or keyword given for {@code lang} applies to, as bits {@code 1 << }{@link #EN}
   * and {@code 1 << }{@link #ES}: English ("en", "en-GB"), Spanish ("es", "es-MX"), else both ("both",
   * "any", or a language the engine does not tell apart).
   */
  static int langs(String lang) {
    String l = lang.toLowerCase(Locale.ROOT);
    boolean code = l.length() == 2 || l.length() > 2 && (l.charAt(2) == '-' || l.charAt(2) == '_');
    if (code && l.startsWith("en")) {
      return 1 << EN;
    }
    if (code && l.startsWith("es")) {
      return 1 << ES;
    }
    return 1 << EN | 1 << ES;
  }

  /** Adds cue kinds to an entry, for the languages {@code langs}. */
  private void addKinds(int e, int langs, int k) {
    kinds[e] |= k;
    for (int l = EN; l <= ES; l++) {
      if ((langs & 1 << l) != 0) {
        langKinds[l][e] |= k;
      }
    }
  }

  /** Adds topic bits to an entry, for the languages {@code langs}. */
  private void addTopics(int e, int langs, long bits) {
    topics[e] |= bits;
    for (int l = EN; l <= ES; l++) {
      if ((langs & 1 << l) != 0) {
        langTopics[l][e] |= bits;
      }
    }
  }

  /** Adds flag bits to an entry, for the languages {@code langs}. */
  private void addFlags(int e, int langs, int bits) {
    flags[e] |= bits;
    for (int l = EN; l <= ES; l++) {
      if ((langs & 1 << l) != 0) {
        langFlags[l][e] |= bits;
      }
    }
  }

  /** Makes an entry's abuse not mild, for the languages {@code langs}. */
  private void clearMild(int e, int langs) {
    kinds[e] &= ~MILD;
    for (int l = EN; l <= ES; l++) {
      if ((langs & 1 << l) != 0) {
        langKinds[l][e] &= ~MILD;
      }
    }
  }

  private void loadCues(Map<String, Integer> topicIndex) {
    for (String[] row : rows("cues.tsv")) {
      String kind = row[0];
      String lang = row[1];
      int langs = langs(lang);
      float w = Float.parseFloat(row[2]);
      String phrase = row[3];
      if (kind.equals("emoji")) { // an emoji the lexicons lack, both languages
        int cp = phrase.codePointAt(0);
        int e = entry(Text.emojiHash(cp), phrase);
        valEn[e] = w;
        valEs[e] = w;
        continue;
      }
      int e = phraseEntry(phrase);
      if (e < 0) {
        continue;
      }
      switch (kind) {
        case "neg": kinds[e] |= NEG; break;
        case "boost": case "dim": kinds[e] |= BOOST; boost[e] = w; break;
        case "contrast": kinds[e] |= CONTRAST; break;
        case "qword": kinds[e] |= QWORD; break;
        case "complaint":
          addKinds(e, langs, COMPLAINT);
          complaintW[e] = Math.max(complaintW[e], phrase.indexOf(' ') > 0 ? w : w / 2);
          break;
        case "praise": addKinds(e, langs, PRAISE); praiseW[e] = Math.max(praiseW[e], w); break;
        case "polite": kinds[e] |= POLITE; break;
        case "val":
          if (lang.equals("es")) {
            valEs[e] = w;
          } else {
            valEn[e] = w;
          }
          break;
        case "abuse": {
          // English swearing is common in Spanish tweets ("qué fucking asco"), as VADER's slang is
          // in their valence: an English abuse word counts in Spanish texts too, not the reverse
          int al = langs == 1 << EN ? langs | 1 << ES : langs;
          addKinds(e, al, w < 2 ? ABUSE | MILD : ABUSE);
          if (w >= 2) {
            clearMild(e, al);
          }
          if (Float.isNaN(valEn[e])) {
            valEn[e] = -w * 0.7f;
          }
          if (Float.isNaN(valEs[e])) {
            valEs[e] = -w * 0.7f;
          }
          if (phrase.indexOf(' ') < 0) {
            String sk = skeleton(Text.normalizeWord(phrase));
            if (sk.length() >= 3) {
              skeletons.put(Text.wordHash(sk), e);
            }
          }
          break;
        }
        case "sensitive": addKinds(e, langs, SENSITIVE); sensitiveW[e] = Math.max(sensitiveW[e], w); break;
        case "stop": kinds[e] |= lang.equals("es") ? STOP_ES : STOP_EN; break;
        default:
          if (kind.startsWith("topic:")) {
            addTopics(e, langs, 1L << topicIndex.get(kind.substring(6)));
          } else if (kind.startsWith("flag:")) {
            addFlags(e, langs, 1 << Flag.fromJsonName(kind.substring(5)).ordinal());
          } else {
            throw new IllegalStateException("cues.tsv: unknown kind " + kind);
          }
      }
    }
  }

  /** Common inflections of a Spanish lemma (adjective gender/number, frequent verb forms). */
  static List<String> spanishForms(String w) {
    List<String> out = new ArrayList<>();
    int n = w.length();
    if (n < 3) {
      return out;
    }
    String stem = w.substring(0, n - 1);
    char last = w.charAt(n - 1);
    if (last == 'o') {
      out.add(stem + "a");
      out.add(stem + "os");
      out.add(stem + "as");
    } else if (last == 'e' || last == 'l' || last == 'z') {
      out.add(w + "s");
      out.add(w + "es");
    } else if (n > 4 && w.endsWith("ar")) {
      String r = w.substring(0, n - 2);
      for (String end : new String[] {"o", "as", "a", "amos", "an", "aba", "aban", "ado", "ada", "ados", "adas",
          "ando", "e", "en", "o", "aste", "aron"}) {
        out.add(r + end);
      }
    } else if (n > 4 && (w.endsWith("er") || w.endsWith("ir"))) {
      String r = w.substring(0, n - 2);
      for (String end : new String[] {"o", "es", "e", "emos", "imos", "en", "ia", "ian", "ido", "ida", "idos",
          "idas", "iendo", "a", "an", "io", "ieron"}) {
        out.add(r + end);
      }
    }
    return out;
  }

  /** Consonant skeleton of a normalized word: vowels dropped, repeats collapsed. */
  static String skeleton(CharSequence w) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || !Character.isLetter(c)) {
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
        continue;
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** The entry of a phrase of up to four words (created with its prefixes), or -1 if too long. */
  int phraseEntry(String phrase) {
    String[] words = phrase.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length == 0 || words.length > 4 || words[0].isEmpty()) {
      return -1;
    }
    long h = Text.wordHash(Text.normalizeWord(words[0]));
    for (int i = 1; i < words.length; i++) {
      int p = entry(h, null);
      kinds[p] |= PREFIX;
      h = Text.combine(h, Text.wordHash(Text.normalizeWord(words[i])));
    }
    int e = entry(h, phrase.trim());
    if (cue[e] == null) {
      cue[e] = phrase.trim();
    }
    return e;
  }

  private int entry(long key, String text) {
    int e = map.get(key);
    if (e >= 0) {
      if (cue[e] == null && text != null) {
        cue[e] = text;
      }
      return e;
    }
    if (size == kinds.length) {
      int n = size * 2;
      valEn = Arrays.copyOf(valEn, n);
      valEs = Arrays.copyOf(valEs, n);
      kinds = Arrays.copyOf(kinds, n);
      complaintW = Arrays.copyOf(complaintW, n);
      praiseW = Arrays.copyOf(praiseW, n);
      sensitiveW = Arrays.copyOf(sensitiveW, n);
      boost = Arrays.copyOf(boost, n);
      topics = Arrays.copyOf(topics, n);
      flags = Arrays.copyOf(flags, n);
      cue = Arrays.copyOf(cue, n);
      for (int l = EN; l <= ES; l++) {
        langKinds[l] = Arrays.copyOf(langKinds[l], n);
        langTopics[l] = Arrays.copyOf(langTopics[l], n);
        langFlags[l] = Arrays.copyOf(langFlags[l], n);
      }
    }
    e = size++;
    valEn[e] = Float.NaN;
    valEs[e] = Float.NaN;
    cue[e] = text;
    map.put(key, e);
    return e;
  }

  /** Per entry, four longs in one cache line: kinds|flags, valEn|valEs, topics, boost|complaint. */
  private long[] hot;

  int kinds(int e) {
    return (int) hot[e << 2];
  }

  int flags(int e) {
    return (int) (hot[e << 2] >>> 32);
  }

  float valEn(int e) {
    return Float.intBitsToFloat((int) hot[(e << 2) + 1]);
  }

  float valEs(int e) {
    return Float.intBitsToFloat((int) (hot[(e << 2) + 1] >>> 32));
  }

  long topics(int e) {
    return hot[(e << 2) + 2];
  }

  float boost(int e) {
    return Float.intBitsToFloat((int) hot[(e << 2) + 3]);
  }

  float complaintW(int e) {
    return Float.intBitsToFloat((int) (hot[(e << 2) + 3] >>> 32));
  }

  private static long pack(int lo, int hi) {
    return (lo & 0xffffffffL) | ((long) hi << 32);
  }

  /**
   * Renumbers the entries so that those carrying a cue (stop words, negators, intensifiers, phrase
   * prefixes, emoticons, complaint and other cues, topics, flags) come first, in their loading order,
   * then the others. Stop words and cues are the entries a text hits most often and they are few
   * (about 2,000 of about 18,600; the others carry a valence only): packed together, they share cache
   * lines instead of being spread over the whole table. Entry numbers mean nothing outside the
   * lexicon, so this changes no result.
   */
  private void renumber() {
    int[] order = new int[size];
    int n = 0;
    for (int e = 0; e < size; e++) {
      if (kinds[e] != 0 || topics[e] != 0 || flags[e] != 0) {
        order[n++] = e;
      }
    }
    for (int e = 0; e < size; e++) {
      if (!(kinds[e] != 0 || topics[e] != 0 || flags[e] != 0)) {
        order[n++] = e;
      }
    }
    int[] newIndex = new int[size];
    for (int i = 0; i < size; i++) {
      newIndex[order[i]] = i;
    }
    float[] ve = new float[size];
    float[] vs = new float[size];
    int[] k = new int[size];
    float[] cw = new float[size];
    float[] pw = new float[size];
    float[] sw = new float[size];
    float[] b = new float[size];
    long[] tp = new long[size];
    int[] fl = new int[size];
    String[] c = new String[size];
    int[][] lk = new int[2][size];
    long[][] lt = new long[2][size];
    int[][] lf = new int[2][size];
    for (int i = 0; i < size; i++) {
      int e = order[i];
      for (int l = EN; l <= ES; l++) {
        lk[l][i] = langKinds[l][e];
        lt[l][i] = langTopics[l][e];
        lf[l][i] = langFlags[l][e];
      }
      ve[i] = valEn[e];
      vs[i] = valEs[e];
      k[i] = kinds[e];
      cw[i] = complaintW[e];
      pw[i] = praiseW[e];
      sw[i] = sensitiveW[e];
      b[i] = boost[e];
      tp[i] = topics[e];
      fl[i] = flags[e];
      c[i] = cue[e];
    }
    valEn = ve;
    valEs = vs;
    kinds = k;
    complaintW = cw;
    praiseW = pw;
    sensitiveW = sw;
    boost = b;
    topics = tp;
    flags = fl;
    cue = c;
    langKinds = lk;
    langTopics = lt;
    langFlags = lf;
    map.renumber(newIndex);
    skeletons.renumber(newIndex);
  }

  private void finish() {
    renumber();
    for (int e = 0; e < size; e++) {
      if (langKinds[EN][e] != langKinds[ES][e] || langTopics[EN][e] != langTopics[ES][e]
          || langFlags[EN][e] != langFlags[ES][e]) {
        kinds[e] |= BY_LANG;
      }
    }
    hot = new long[size * 4];
    for (int e = 0; e < size; e++) {
      hot[e * 4] = pack(kinds[e], flags[e]);
      hot[e * 4 + 1] = pack(Float.floatToRawIntBits(valEn[e]), Float.floatToRawIntBits(valEs[e]));
      hot[e * 4 + 2] = topics[e];
      hot[e * 4 + 3] = pack(Float.floatToRawIntBits(boost[e]), Float.floatToRawIntBits(complaintW[e]));
    }
    reasonValence = new String[size];
    reasonComplaint = new String[size];
    reasonPraise = new String[size];
    reasonAbuse = new String[size];
    reasonSensitive = new String[size];
    reasonNegated = new String[size];
    reasonQuestion = new String[size];
    reasonFlag = new String[size][];
    for (int t = 0; t < topicNames.length; t++) {
      topicReason[t] = new String[size];
    }
    for (int e = 0; e < size; e++) {
      String c = cue[e] == null ? "?" : cue[e];
      if (!Float.isNaN(valEn[e]) || !Float.isNaN(valEs[e])) {
        float v = Float.isNaN(valEn[e]) ? valEs[e] : valEn[e];
        reasonValence[e] = (v >= 0 ? "positive word '" : "negative word '") + c + "'";
        reasonNegated[e] = "negated '" + c + "'";
      }
      if ((kinds[e] & COMPLAINT) != 0) {
        reasonComplaint[e] = "complaint cue '" + c + "'";
      }
      if ((kinds[e] & QWORD) != 0) {
        reasonQuestion[e] = "question word '" + cue[e] + "'";
      }
      if ((kinds[e] & PRAISE) != 0) {
        reasonPraise[e] = "praise cue '" + c + "'";
      }
      if ((kinds[e] & ABUSE) != 0) {
        reasonAbuse[e] = "abusive word '" + c + "'";
      }
      if ((kinds[e] & SENSITIVE) != 0) {
        reasonSensitive[e] = "sensitive topic '" + c + "'";
      }
      for (int t = 0; t < topicNames.length; t++) {
        if ((topics[e] & (1L << t)) != 0) {
          topicReason[t][e] = "topic " + topicNames[t] + " '" + c + "'";
        }
      }
      if (flags[e] != 0) {
        reasonFlag[e] = new String[Flag.values().length];
        for (Flag f : Flag.values()) {
          if ((flags[e] & (1 << f.ordinal())) != 0) {
            reasonFlag[e][f.ordinal()] = f.jsonName() + " '" + c + "'";
          }
        }
      }
    }
  }

  private static List<String[]> rows(String resource) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("classifier resource missing from the class path: " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length >= 2) {
          out.add(parts);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
