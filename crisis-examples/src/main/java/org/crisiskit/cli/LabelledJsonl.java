package org.crisiskit.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.LabelledText;
import org.crisiskit.classify.Polarity;

/**
 * Reads labelled JSONL: one {@code {"text": ..., "lang"?: ..., "polarity"?: ..., "intent"?: ...,
 * "abusive"?: true|false}} a line. Errors name the file, the line and the field.
 */
final class LabelledJsonl {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One line: the text and its gold labels (label name → class name, checked on read). */
  record Row(String text, Optional<String> lang, Map<String, String> gold) {}

  private LabelledJsonl() {}

  static List<Row> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    List<Row> rows = new ArrayList<>();
    try (TextLines r = TextLines.open(file)) {
      while (r.next()) {
        int no = r.number();
        String line;
        try {
          line = r.text();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + no + ": " + e.getMessage());
        }
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = parseLine(line);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(file + ":" + no + ": not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode t = n == null ? null : n.get("text");
        if (t == null || !t.isTextual()) {
          throw new IllegalArgumentException(file + ":" + no + ": $.text: expected a string");
        }
        JsonNode l = n.get("lang");
        if (l != null && !l.isNull() && !l.isTextual()) {
          throw new IllegalArgumentException(file + ":" + no + ": $.lang: expected a language code such as \"es\" or null");
        }
        Map<String, String> gold = new LinkedHashMap<>();
        for (String label : List.of("polarity", "intent", "abusive")) {
          JsonNode v = n.get(label);
          if (v != null && !v.isNull()) {
            if (label.equals("abusive") && !v.isBoolean()) {
              throw new IllegalArgumentException(file + ":" + no + ": $.abusive: expected true or false");
            }
            try {
              gold.put(label, switch (label) {
                case "polarity" -> className(v, Polarity.values(), Polarity::jsonName, Polarity::fromJsonName);
                case "intent" -> className(v, Intent.values(), Intent::jsonName, Intent::fromJsonName);
                default -> v.asText();
              });
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(file + ":" + no + ": $." + label + ": " + e.getMessage());
            }
          }
        }
        rows.add(new Row(t.asText(), l == null || l.isNull() ? Optional.empty() : Optional.of(l.asText()), gold));
      }
    }
    return rows;
  }

  /**
   * Parses one line of JSONL: one JSON value, then nothing but white space; text after it (a second
   * object on the line) is a {@link JsonParseException}, as bad syntax is.
   */
  static JsonNode parseLine(String line) throws IOException {
    try (JsonParser p = MAPPER.createParser(line)) {
      JsonNode n = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new JsonParseException(p, "text after the JSON value at column "
            + p.currentTokenLocation().getColumnNr() + " (one value a line)");
      }
      return n;
    }
  }

  /** The class's JSON name; anything but one of them (in any case) is an error listing them. */
  private static <E> String className(JsonNode v, E[] classes, Function<E, String> name, Function<String, E> parse) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException("expected one of "
          + Arrays.stream(classes).map(name).collect(Collectors.joining(", ")));
    }
    return name.apply(parse.apply(v.asText()));
  }

  /** Converts rows to training examples; unknown polarity or intent values are errors. */
  static List<LabelledText> examples(Path file, List<Row> rows) {
    List<LabelledText> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      try {
        out.add(new LabelledText(r.text(), r.lang(),
            Optional.ofNullable(r.gold().get("polarity")).map(Polarity::fromJsonName),
            Optional.ofNullable(r.gold().get("intent")).map(Intent::fromJsonName),
            Optional.ofNullable(r.gold().get("abusive")).map(Boolean::parseBoolean)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": example " + (i + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }
}
