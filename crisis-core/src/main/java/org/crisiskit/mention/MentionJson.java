package org.crisiskit.mention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.crisiskit.internal.Json;
import org.crisiskit.internal.MentionCodec;

/**
 * Reads and writes the one JSON form of a {@link Mention}, used by every command and file that
 * carries mentions (JSONL: one object a line).
 *
 * <pre>{@code
 * {"network":"x","id":"1850000000000000001","conversationId":"1850000000000000001",
 *  "inReplyToId":null,
 *  "author":{"id":"42","handle":"ana_g","displayName":"Ana","followers":812,"following":310,
 *            "verified":false,"createdAt":"2015-03-01T10:00:00Z"},
 *  "text":"@acme my order still hasn't arrived","lang":"en","createdAt":"2026-11-02T09:15:00Z",
 *  "kind":"post","metrics":{"reposts":0,"replies":0,"likes":1,"quotes":0},
 *  "addressing":"mention"}
 * }</pre>
 *
 * <p>Required: {@code network}, {@code id}, {@code author.id}, {@code author.handle}, {@code text},
 * {@code createdAt}; {@code network} is a lower-case ASCII letter, then up to 31 of a-z, 0-9 or
 * {@code _}. {@code kind} defaults to {@code post}; {@code addressing} (one of {@code mention},
 * {@code reply}, {@code quote}, {@code direct}, {@code keyword}) to {@code direct} for direct messages
 * and {@code keyword} otherwise; counts default to 0. Ids may be strings or integers. Unknown fields
 * are ignored, so a line may carry more (for example a {@code classification}). Thread-safe.
 */
public final class MentionJson {
  private MentionJson() {}

  /**
   * Parses one mention from its JSON text.
   *
   * @throws MentionFormatException naming the JSON path and the expected form
   */
  public static Mention parse(String json) {
    JsonNode node;
    try {
      node = Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new MentionFormatException("$", "not valid JSON: " + e.getOriginalMessage(), e);
    }
    return MentionCodec.fromNode(node, "$");
  }

  /** Returns the mention as one line of compact JSON (no line breaks). */
  public static String toJson(Mention mention) {
    return Json.write(MentionCodec.toNode(mention));
  }
}
