package org.crisiskit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisiskit.detect.DetectorConfig;
import org.crisiskit.detect.SeriesDetector;
import org.crisiskit.detect.SeriesScore;
import org.crisiskit.internal.Json;

/**
 * Runs {@link SeriesDetector} over a NAB-layout folder ({@code data/<dir>/<file>.csv},
 * {@code labels/combined_windows.json}) and scores it with {@link NabScorer} under the three NAB
 * profiles. Stateless and thread-safe.
 */
public final class NabEvaluation {
  private static final java.util.regex.Pattern PLAIN_DECIMAL =
      java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** One series in NAB form. */
  public record Series(String name, List<Instant> timestamps, double[] values) {}

  /** Per-file and normalised results. */
  public record Result(Map<String, Map<String, NabScorer.FileScore>> perFile, Map<String, Double> normalised) {}

  private NabEvaluation() {}

  /** Parses a NAB timestamp ({@code 2015-02-26 21:42:53}, optional fraction, or ISO-8601), as UTC. */
  public static Instant parseTimestamp(String s) {
    String t = s.trim();
    if (t.length() > 19 && t.charAt(19) == '.') {
      t = t.substring(0, 19);
    }
    try {
      return LocalDateTime.parse(t, TS).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Instant.parse(t);
    }
  }

  /** One data row of a {@code timestamp,value} CSV: the value as written, and both parsed. */
  public record Row(String timestampText, Instant timestamp, String valueText, double value) {}

  /**
   * Passes each data row of a {@code timestamp,value} CSV (a byte-order mark, blank lines and a first-line header
   * skipped) to {@code each}, in order, as it reads.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed row; the rows before it
   *     were passed on
   */
  public static void readRows(Path file, java.util.function.Consumer<Row> each) throws IOException {
    // bytes that are not UTF-8 become U+FFFD, which no timestamp or number holds: the row error names the line
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || (lineNo == 1 && line.toLowerCase(Locale.ROOT).startsWith("timestamp"))) {
          continue;
        }
        int comma = line.indexOf(',');
        String value;
        Instant at;
        String ts;
        try {
          if (comma < 0) {
            throw new IllegalArgumentException("no comma");
          }
          ts = line.substring(0, comma).trim();
          at = parseTimestamp(ts);
          value = line.substring(comma + 1).trim();
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": expected 'timestamp,value' such as "
              + "'2015-02-26 21:42:53,104' but was '" + line + "'", e);
        }
        // Double.parseDouble also takes NaN, Infinity, signs, exponents and a 'd' suffix: none is a count
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": value '" + value + "' is not a count:"
              + " expected a non-negative plain decimal number such as '104' or '12.5' (digits and at most"
              + " one point: no sign, exponent, suffix, NaN or Infinity)");
        }
        double v = Double.parseDouble(value);
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(file + ":" + lineNo + ": value '" + value.substring(0,
              Math.min(value.length(), 20)) + "...' is too large: expected a count such as '104' or '12.5'");
        }
        Row row = new Row(ts, at, value, v);
        each.accept(row);
      }
    }
  }

  /**
   * Reads a {@code timestamp,value} CSV with a header line.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed row
   */
  public static Series readCsv(Path file) throws IOException {
    List<Instant> ts = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    readRows(file, row -> {
      ts.add(row.timestamp());
      vs.add(row.value());
    });
    double[] values = new double[vs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = vs.get(i);
    }
    return new Series(file.getFileName().toString(), ts, values);
  }

  /** Runs a fresh detector over the series and returns one score per row. */
  public static List<SeriesScore> detect(Series s, DetectorConfig config) {
    SeriesDetector d = SeriesDetector.create(config);
    List<SeriesScore> out = new ArrayList<>(s.values().length);
    for (int i = 0; i < s.values().length; i++) {
      out.add(d.observe(s.timestamps().get(i), s.values()[i]));
    }
    return out;
  }

  /** Evaluates every labelled file of a NAB folder. */
  public static Result evaluate(Path root, DetectorConfig config) throws IOException {
    Path labels = root.resolve("labels").resolve("combined_windows.json");
    if (!Files.isRegularFile(labels)) {
      throw new NoSuchFileException(labels.toString(), null, "expected a NAB folder with labels/combined_windows.json");
    }
    JsonNode windowsJson = Json.MAPPER.readTree(Files.readString(labels));
    Map<String, Map<String, NabScorer.FileScore>> perFile = new LinkedHashMap<>();
    Map<String, Double> raw = new LinkedHashMap<>();
    int windowsTotal = 0;
    Iterator<Map.Entry<String, JsonNode>> it = windowsJson.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Path csv = root.resolve("data").resolve(e.getKey());
      if (!Files.isRegularFile(csv)) {
        continue;
      }
      Series s = readCsv(csv);
      List<SeriesScore> scores = detect(s, config);
      boolean[] alerts = new boolean[scores.size()];
      for (int i = 0; i < alerts.length; i++) {
        alerts[i] = scores.get(i).alert();
      }
      List<NabScorer.Window> windows = new ArrayList<>();
      for (JsonNode w : e.getValue()) {
        Instant a = parseTimestamp(w.get(0).asText());
        Instant b = parseTimestamp(w.get(1).asText());
        int first = -1;
        int last = -1;
        for (int i = 0; i < s.timestamps().size(); i++) {
          Instant t = s.timestamps().get(i);
          if (first < 0 && !t.isBefore(a)) {
            first = i;
          }
          if (!t.isAfter(b)) {
            last = i;
          }
        }
        if (first >= 0 && last >= first) {
          windows.add(new NabScorer.Window(first, last));
        }
      }
      windows = NabScorer.sorted(windows);
      windowsTotal += windows.size();
      Map<String, NabScorer.FileScore> byProfile = new LinkedHashMap<>();
      for (NabScorer.Profile p : NabScorer.Profile.ALL) {
        NabScorer.FileScore fs = NabScorer.score(alerts, windows, p);
        byProfile.put(p.name(), fs);
        raw.merge(p.name(), fs.score(), Double::sum);
      }
      perFile.put(e.getKey(), byProfile);
    }
    Map<String, Double> normalised = new LinkedHashMap<>();
    for (NabScorer.Profile p : NabScorer.Profile.ALL) {
      normalised.put(p.name(), NabScorer.normalise(raw.getOrDefault(p.name(), 0.0), windowsTotal, p));
    }
    return new Result(perFile, normalised);
  }
}
