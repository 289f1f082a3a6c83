package org.crisiskit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Shared Jackson set-up. Not part of the published API: may change without notice. */
public final class Json {
  /** Shared thread-safe mapper: unknown fields ignored, no trailing tokens. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
          .configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false);

  private Json() {}

  /** Returns a new empty object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Parses one JSON document; throws {@link JsonProcessingException} on bad syntax. */
  public static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /**
   * Writes a node as compact JSON. An unpaired UTF-16 surrogate (text cut inside an emoji) is written
   * as a JSON unicode escape, which reads back as the same char; written raw it has no UTF-8 form and
   * a journal would store it as '?'.
   */
  public static String write(JsonNode node) {
    String json;
    try {
      json = MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return escapeUnpairedSurrogates(json);
  }

  private static String escapeUnpairedSurrogates(String json) {
    StringBuilder out = null;
    int n = json.length();
    for (int i = 0; i < n; i++) {
      char c = json.charAt(i);
      if (!Character.isSurrogate(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(json.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(json.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n + 16).append(json, 0, i);
      }
      // outside strings JSON has only ASCII, so the char is inside a string literal
      out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
    }
    return out == null ? json : out.toString();
  }
}
