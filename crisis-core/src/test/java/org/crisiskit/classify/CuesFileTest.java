package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written cue list: each line says something, and no line is undone by a later one. */
class CuesFileTest {
  @Test
  void everyKindLanguageAndPhraseIsListedOnce() throws IOException {
    Map<String, Integer> firstLine = new HashMap<>();
    Map<String, String> weights = new HashMap<>();
    List<String> repeats = new ArrayList<>();
    int rows = 0;
    try (InputStream in = Lexicon.class.getResourceAsStream("cues.tsv")) {
      assertNotNull(in, "cues.tsv on the class path");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        assertEquals(4, f.length, "line " + n + ": kind, language, weight and phrase, tab-separated: " + line);
        rows++;
        Integer same = firstLine.putIfAbsent(line, n);
        if (same != null) {
          repeats.add("line " + n + " is a copy of line " + same + ": " + line);
        }
        // spellings that read alike ("pésimo", "pesimo"; "don't", "dont") may repeat a cue, but with
        // another weight one of the two values would be silently lost
        String key = f[0] + "\t" + f[1] + "\t" + normalized(f[3]);
        String weight = weights.putIfAbsent(key, f[2]);
        if (weight != null && Float.parseFloat(weight) != Float.parseFloat(f[2])) {
          repeats.add("line " + n + " gives " + f[3] + " weight " + f[2] + ", an earlier line " + weight);
        }
      }
    }
    assertTrue(rows > 1000, "cues.tsv has " + rows + " cue lines");
    assertEquals(List.of(), repeats);
  }

  private static String normalized(String phrase) {
    StringBuilder sb = new StringBuilder();
    for (String w : phrase.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
      sb.append(Text.normalizeWord(w)).append(' ');
    }
    return sb.toString();
  }
}
