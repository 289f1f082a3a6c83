package org.crisiskit.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the inputs of the rule engine's polarity layer ({@link RuleEngine#polarityInputs}) for a
 * labelled JSONL file, one tab-separated line per text: the polarity label, then the inputs. The
 * fitting script {@code scripts/fit-polarity-layer.py} reads it; {@code scripts/fit-polarity-layer.sh}
 * runs both. Not a test: a development tool kept next to the tests because it needs package access.
 *
 * <p>usage: {@code java -cp crisis-core/target/classes:crisis-core/target/test-classes:JACKSON
 * org.crisiskit.classify.PolarityLayerDump IN.jsonl OUT.tsv}
 */
final class PolarityLayerDump {
  private PolarityLayerDump() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PolarityLayerDump IN.jsonl OUT.tsv");
      System.exit(2);
    }
    RuleEngine engine = new RuleEngine(Lexicon.defaults());
    Analysis a = new Analysis();
    double[] f = new double[RuleEngine.POLARITY_INPUTS];
    ObjectMapper json = new ObjectMapper();
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        JsonNode label = row.get("polarity");
        if (label == null) {
          continue;
        }
        JsonNode lang = row.get("lang");
        engine.analyze(row.get("text").asText(), lang == null ? Optional.empty() : Optional.of(lang.asText()), a);
        RuleEngine.polarityInputs(a, f);
        StringBuilder sb = new StringBuilder(label.asText());
        for (double v : f) {
          sb.append('\t').append(String.format(Locale.ROOT, "%.17g", v));
        }
        out.println(sb);
        n++;
      }
    }
    System.err.println("PolarityLayerDump: " + n + " rows -> " + args[1]);
  }
}
