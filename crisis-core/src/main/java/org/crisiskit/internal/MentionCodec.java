package org.crisiskit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionFormatException;
import org.crisiskit.mention.MentionId;
import org.crisiskit.mention.MentionKind;
import org.crisiskit.mention.PublicMetrics;

/**
 * Jackson-tree form of {@link Mention}, as documented on {@link org.crisiskit.mention.MentionJson}.
 * Not published API.
 */
public final class MentionCodec {
  private static final JsonFields<MentionFormatException> F =
      new JsonFields<>(MentionFormatException::new);

  private MentionCodec() {}

  /** Reads a mention from a JSON object; errors name JSON paths below {@code path}. */
  public static Mention fromNode(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new MentionFormatException(path, "expected a JSON object");
    }
    JsonNode a = F.requireObject(node, "author", path);
    String ap = path + ".author";
    Author.Builder author =
        Author.newBuilder()
            .id(nonBlank(F.requireText(a, "id", ap), ap + ".id"))
            .handle(nonBlank(F.requireText(a, "handle", ap), ap + ".handle"))
            .followers(nonNegative(F.optLong(a, "followers", ap, 0), ap + ".followers"))
            .following(nonNegative(F.optLong(a, "following", ap, 0), ap + ".following"))
            .verified(F.optBoolean(a, "verified", ap, false));
    String displayName = F.optText(a, "displayName", ap);
    if (displayName != null) {
      author.displayName(displayName);
    }
    Instant authorCreated = F.optInstant(a, "createdAt", ap);
    if (authorCreated != null) {
      author.createdAt(authorCreated);
    }
    Mention.Builder b =
        Mention.newBuilder()
            .network(networkName(F.requireText(node, "network", path), path + ".network"))
            .id(nonBlank(F.requireText(node, "id", path), path + ".id"))
            .conversationId(F.optText(node, "conversationId", path))
            .inReplyToId(F.optText(node, "inReplyToId", path))
            .author(build(author::build, ap))
            .text(F.requireText(node, "text", path))
            .language(F.optText(node, "lang", path))
            .createdAt(F.requireInstant(node, "createdAt", path));
    String kind = F.optText(node, "kind", path);
    if (kind != null) {
      try {
        b.kind(MentionKind.fromJsonName(kind));
      } catch (IllegalArgumentException e) {
        throw new MentionFormatException(path + ".kind", e.getMessage());
      }
    }
    String addressing = F.optText(node, "addressing", path);
    if (addressing != null) {
      try {
        b.addressing(Addressing.fromJsonName(addressing));
      } catch (IllegalArgumentException e) {
        throw new MentionFormatException(path + ".addressing", e.getMessage());
      }
    }
    JsonNode m = node.get("metrics");
    if (m != null && !m.isNull()) {
      String mp = path + ".metrics";
      if (!m.isObject()) {
        throw new MentionFormatException(mp, "expected an object");
      }
      b.metrics(
          new PublicMetrics(
              nonNegative(F.optLong(m, "reposts", mp, 0), mp + ".reposts"),
              nonNegative(F.optLong(m, "replies", mp, 0), mp + ".replies"),
              nonNegative(F.optLong(m, "likes", mp, 0), mp + ".likes"),
              nonNegative(F.optLong(m, "quotes", mp, 0), mp + ".quotes")));
    }
    return build(b::build, path);
  }

  /** Runs a builder, turning its validation failure into a format error at {@code path}. */
  private static <T> T build(java.util.function.Supplier<T> builder, String path) {
    try {
      return builder.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new MentionFormatException(path, e.getMessage(), e);
    }
  }

  private static String networkName(String s, String path) {
    try {
      return MentionId.requireNetworkName(s);
    } catch (IllegalArgumentException e) {
      throw new MentionFormatException(path, e.getMessage());
    }
  }

  private static String nonBlank(String s, String path) {
    if (s.isBlank()) {
      throw new MentionFormatException(path, "must not be blank");
    }
    return s;
  }

  private static long nonNegative(long v, String path) {
    if (v < 0) {
      throw new MentionFormatException(path, "must be >= 0 but was " + v);
    }
    return v;
  }

  /** Writes a mention as a JSON object. */
  public static ObjectNode toNode(Mention m) {
    ObjectNode n = Json.object();
    n.put("network", m.network());
    n.put("id", m.id().value());
    m.conversationId().ifPresent(c -> n.put("conversationId", c));
    m.inReplyToId().ifPresent(c -> n.put("inReplyToId", c));
    ObjectNode a = n.putObject("author");
    Author au = m.author();
    a.put("id", au.id());
    a.put("handle", au.handle());
    a.put("displayName", au.displayName());
    a.put("followers", au.followers());
    a.put("following", au.following());
    a.put("verified", au.verified());
    au.createdAt().ifPresent(t -> a.put("createdAt", t.toString()));
    n.put("text", m.text());
    m.language().ifPresent(l -> n.put("lang", l));
    n.put("createdAt", m.createdAt().toString());
    n.put("kind", m.kind().jsonName());
    ObjectNode mt = n.putObject("metrics");
    mt.put("reposts", m.metrics().reposts());
    mt.put("replies", m.metrics().replies());
    mt.put("likes", m.metrics().likes());
    mt.put("quotes", m.metrics().quotes());
    n.put("addressing", m.addressing().jsonName());
    return n;
  }
}
