package org.crisiskit.cases;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.Json;
import org.crisiskit.internal.MentionCodec;
import org.crisiskit.journal.JournalEntry;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;

/**
 * The journal records written by {@link CaseService}, for tools that read a journal directly (reports,
 * exports). Two record types:
 *
 * <ul>
 *   <li>{@value #MENTION}: {@code {"mention": <Mention JSON>, "assessment": {"intent", "severity",
 *       "negative", "topics": [], "assessed"}, "case": "<case id>"}}; {@code assessed} is false for a
 *       mention accepted without an assessment (missing in journals written before it existed)
 *   <li>{@value #CASE}: {@code {"type": "case_resolved", "case", "at", "actor", "from", "to", "note",
 *       "attrs": {}}}
 * </ul>
 *
 * Records of other types belong to other components and are left alone. Thread-safe.
 */
public final class CaseJournalFormat {
  /** Record type of an accepted mention. */
  public static final String MENTION = "mention";
  /** Record type of a case event. */
  public static final String CASE = "case";

  private CaseJournalFormat() {}

  /** The case event in {@code entry}, or empty when the entry is of another type. */
  public static Optional<CaseEvent> caseEvent(JournalEntry entry) {
    if (!CASE.equals(entry.type())) {
      return Optional.empty();
    }
    return Optional.of(decodeEvent(entry));
  }

  /** The recorded mention in {@code entry}, or empty when the entry is of another type. */
  public static Optional<RecordedMention> mention(JournalEntry entry) {
    if (!MENTION.equals(entry.type())) {
      return Optional.empty();
    }
    return Optional.of(decodeMention(entry));
  }

  /**
   * The id of the mention in {@code entry}, or empty when the entry is of another type. Reads only as
   * far as the id: much cheaper than {@link #mention} for a pass over a whole journal.
   */
  public static Optional<MentionId> mentionId(JournalEntry entry) {
    if (!MENTION.equals(entry.type())) {
      return Optional.empty();
    }
    try (JsonParser p = Json.MAPPER.getFactory().createParser(entry.payload())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(p, "expected an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.getCurrentName();
        JsonToken value = p.nextToken();
        if (!field.equals("mention") || value != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        String network = null;
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME && (network == null || id == null)) {
          String name = p.getCurrentName();
          p.nextToken();
          if (name.equals("network")) {
            network = p.getValueAsString();
          } else if (name.equals("id")) {
            id = p.getValueAsString();
          } else {
            p.skipChildren();
          }
        }
        if (network == null || id == null) {
          break;
        }
        return Optional.of(MentionId.of(network, id));
      }
      throw new JsonParseException(p, "no $.mention.network and $.mention.id");
    } catch (IOException | IllegalArgumentException e) {
      throw new JournalException("journal record " + entry.sequence() + " is not a valid mention record: " + e, e);
    }
  }

  static String encode(CaseEvent e) {
    ObjectNode n = Json.object();
    n.put("type", e.type().jsonName());
    n.put("case", e.caseId().value());
    n.put("at", e.at().toString());
    n.put("actor", e.actor());
    n.put("from", e.from().name());
    n.put("to", e.to().name());
    n.put("note", e.note());
    ObjectNode a = n.putObject("attrs");
    new java.util.TreeMap<>(e.attributes()).forEach(a::put);
    return Json.write(n);
  }

  static CaseEvent decodeEvent(JournalEntry entry) {
    JsonNode n = parse(entry);
    try {
      Map<String, String> attrs = new LinkedHashMap<>();
      JsonNode a = n.get("attrs");
      if (a != null) {
        a.fields().forEachRemaining(f -> attrs.put(f.getKey(), f.getValue().asText()));
      }
      return new CaseEvent(
          CaseEventType.fromJsonName(n.get("type").asText()),
          CaseId.of(n.get("case").asText()),
          Instant.parse(n.get("at").asText()),
          n.get("actor").asText(),
          CaseState.valueOf(n.get("from").asText()),
          CaseState.valueOf(n.get("to").asText()),
          n.path("note").asText(""),
          attrs);
    } catch (RuntimeException e) {
      throw new JournalException("journal record " + entry.sequence() + " is not a valid case event: " + e, e);
    }
  }

  static String encode(Mention m, Assessment a, CaseId caseId) {
    ObjectNode n = Json.object();
    n.set("mention", MentionCodec.toNode(m));
    ObjectNode as = n.putObject("assessment");
    as.put("intent", a.intent().jsonName());
    as.put("severity", a.severity().jsonName());
    as.put("negative", a.negative());
    ArrayNode topics = as.putArray("topics");
    new TreeSet<>(a.topics()).forEach(topics::add);
    as.put("assessed", a != Assessment.unassessed());
    n.put("case", caseId.value());
    return Json.write(n);
  }

  static RecordedMention decodeMention(JournalEntry entry) {
    JsonNode n = parse(entry);
    try {
      Mention m = MentionCodec.fromNode(n.get("mention"), "$.mention");
      JsonNode as = n.get("assessment");
      TreeSet<String> topics = new TreeSet<>();
      as.path("topics").forEach(t -> topics.add(t.asText()));
      Assessment a = new Assessment(
          Intent.fromJsonName(as.get("intent").asText()),
          Severity.fromJsonName(as.get("severity").asText()),
          as.path("negative").asBoolean(false),
          topics);
      // older journals do not say: there an assessment equal to unassessed() counts as none
      if (!as.path("assessed").asBoolean(!a.equals(Assessment.unassessed()))) {
        a = Assessment.unassessed();
      }
      return new RecordedMention(m, a, CaseId.of(n.get("case").asText()));
    } catch (RuntimeException e) {
      throw new JournalException("journal record " + entry.sequence() + " is not a valid mention record: " + e, e);
    }
  }

  private static JsonNode parse(JournalEntry entry) {
    try {
      return Json.parse(entry.payload());
    } catch (JsonProcessingException e) {
      throw new JournalException("journal record " + entry.sequence() + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
