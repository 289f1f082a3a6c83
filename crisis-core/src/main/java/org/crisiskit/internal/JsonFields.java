package org.crisiskit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.BiFunction;

/**
 * Typed reads of JSON fields that fail with the field's JSON path and the expected form. Not
 * published API.
 *
 * @param <E> the exception type raised for a bad field
 */
public final class JsonFields<E extends RuntimeException> {
  private final BiFunction<String, String, E> error;

  /** Creates a reader whose errors are made by {@code error.apply(path, message)}. */
  public JsonFields(BiFunction<String, String, E> error) {
    this.error = error;
  }

  /** Returns the error for {@code path}. */
  public E error(String path, String message) {
    return error.apply(path, message);
  }

  public JsonNode requireObject(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      throw error.apply(path + "." + field, "is required (an object)");
    }
    if (!n.isObject()) {
      throw error.apply(path + "." + field, "expected an object but was " + n.getNodeType());
    }
    return n;
  }

  public String requireText(JsonNode parent, String field, String path) {
    String s = optText(parent, field, path);
    if (s == null) {
      throw error.apply(path + "." + field, "is required (a string)");
    }
    return s;
  }

  /** Returns the text, {@code null} when absent or JSON null; numbers are accepted as text. */
  public String optText(JsonNode parent, String field, String path) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.asText();
    }
    throw error.apply(path + "." + field, "expected a string but was " + n.getNodeType());
  }

  public long optLong(JsonNode parent, String field, String path, long dflt) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isTextual()) {
      try {
        return Long.parseLong(n.textValue());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw error.apply(path + "." + field, "expected a whole number but was " + n);
  }

  public double optDouble(JsonNode parent, String field, String path, double dflt) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    throw error.apply(path + "." + field, "expected a number but was " + n);
  }

  public boolean optBoolean(JsonNode parent, String field, String path, boolean dflt) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    throw error.apply(path + "." + field, "expected true or false but was " + n);
  }

  public Instant requireInstant(JsonNode parent, String field, String path) {
    Instant i = optInstant(parent, field, path);
    if (i == null) {
      throw error.apply(path + "." + field, "is required (an ISO-8601 instant such as 2026-01-31T09:15:00Z)");
    }
    return i;
  }

  public Instant optInstant(JsonNode parent, String field, String path) {
    String s = optText(parent, field, path);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw error.apply(
          path + "." + field,
          "expected an ISO-8601 instant such as 2026-01-31T09:15:00Z but was '" + s + "'");
    }
  }
}
