package org.crisiskit.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionKind;
import org.crisiskit.mention.PublicMetrics;

/**
 * Turns X API v2 post payloads (search, mentions timeline, stream lines) into {@link Mention}s.
 * Tolerates the spec's renames: {@code includes.tweets}/{@code includes.posts},
 * {@code referenced_tweets}/{@code referenced_posts}, {@code retweet_count}/{@code repost_count},
 * {@code tweet_count}/{@code post_count}; unknown fields are ignored. Drops the brand's own posts.
 * Thread-safe.
 */
final class PostParser {
  /** X's snowflake epoch, used when a post has no {@code created_at}. */
  private static final long TWEPOCH = 1288834974657L;
  private static final Pattern ID = Pattern.compile("[0-9]{1,19}");

  /** The result of one payload. */
  record Page(List<Mention> mentions, int ownSkipped, int malformed, Optional<String> nextToken,
      List<String> errors) {}

  private final String brandHandle;
  private final String brandId;

  PostParser(Optional<String> brandHandle, Optional<String> brandId) {
    this.brandHandle = brandHandle.map(XConfig::lower).orElse(null);
    this.brandId = brandId.orElse(null);
  }

  Page parse(JsonNode root, boolean mentionsTimeline) {
    Map<String, JsonNode> users = index(root.path("includes").path("users"));
    Map<String, JsonNode> posts = index(root.path("includes").path("tweets"));
    posts.putAll(index(root.path("includes").path("posts")));
    JsonNode data = root.path("data");
    List<JsonNode> items = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(items::add);
    } else if (data.isObject()) {
      items.add(data);
    }
    List<Mention> out = new ArrayList<>();
    int own = 0;
    int malformed = 0;
    for (JsonNode post : items) {
      Mention m;
      try {
        m = toMention(post, users, posts, mentionsTimeline);
      } catch (RuntimeException e) {
        malformed++;
        continue;
      }
      if (isBrand(m.author().id(), m.author().handle())) {
        own++;
        continue;
      }
      out.add(m);
    }
    List<String> errors = new ArrayList<>();
    root.path("errors").forEach(e -> errors.add(XClient.problemType(e) + ": "
        + e.path("detail").asText(e.path("title").asText(""))));
    String next = root.path("meta").path("next_token").asText("");
    return new Page(out, own, malformed, next.isEmpty() ? Optional.empty() : Optional.of(next), errors);
  }

  private static Map<String, JsonNode> index(JsonNode array) {
    Map<String, JsonNode> m = new HashMap<>();
    array.forEach(n -> {
      String id = n.path("id").asText("");
      if (!id.isEmpty()) {
        m.put(id, n);
      }
    });
    return m;
  }

  private boolean isBrand(String id, String handle) {
    return (brandId != null && brandId.equals(id))
        || (brandHandle != null && brandHandle.equals(XConfig.lower(handle)));
  }

  private Mention toMention(JsonNode post, Map<String, JsonNode> users, Map<String, JsonNode> posts,
      boolean mentionsTimeline) {
    String id = post.path("id").asText("");
    if (!isId(id)) {
      throw new IllegalArgumentException("post id must be 1 to 19 digits but was '" + id + "'");
    }
    String authorId = post.path("author_id").asText("");
    if (authorId.isEmpty()) {
      throw new IllegalArgumentException("post " + id + " has no author_id (request expansions=author_id)");
    }
    Author author = author(authorId, users.get(authorId));
    MentionKind kind = MentionKind.POST;
    String repliedTo = null;
    String quoted = null;
    JsonNode refs = post.has("referenced_tweets") ? post.path("referenced_tweets") : post.path("referenced_posts");
    for (JsonNode ref : refs) {
      String type = ref.path("type").asText("");
      if (type.equals("retweeted") || type.equals("reposted")) {
        kind = MentionKind.REPOST;
      } else if (type.equals("replied_to") && kind != MentionKind.REPOST) {
        kind = MentionKind.REPLY;
        repliedTo = ref.path("id").asText(null);
      } else if (type.equals("quoted") && kind == MentionKind.POST) {
        kind = MentionKind.QUOTE;
        quoted = ref.path("id").asText(null);
      }
    }
    String text = post.path("text").asText("");
    Mention.Builder b = Mention.newBuilder()
        .network(XClient.NETWORK)
        .id(id)
        .author(author)
        .text(text)
        .createdAt(instant(post.path("created_at").asText(""), id))
        .kind(kind)
        .metrics(metrics(post.path("public_metrics")))
        .addressing(addressing(post, text, repliedTo, quoted, posts, users, mentionsTimeline));
    String conv = post.path("conversation_id").asText("");
    if (!conv.isEmpty()) {
      b.conversationId(conv);
    }
    if (repliedTo != null) {
      b.inReplyToId(repliedTo);
    }
    String lang = post.path("lang").asText("");
    if (!lang.isEmpty() && !lang.equals("und")) {
      b.language(lang);
    }
    return b.build();
  }

  private Addressing addressing(JsonNode post, String text, String repliedTo, String quoted,
      Map<String, JsonNode> posts, Map<String, JsonNode> users, boolean mentionsTimeline) {
    String inReplyToUser = post.path("in_reply_to_user_id").asText("");
    if (repliedTo != null && (isBrandId(inReplyToUser) || authoredByBrand(posts.get(repliedTo), users))) {
      return Addressing.REPLY;
    }
    if (quoted != null && authoredByBrand(posts.get(quoted), users)) {
      return Addressing.QUOTE;
    }
    if (brandHandle != null) {
      for (JsonNode m : post.path("entities").path("mentions")) {
        if (brandHandle.equals(XConfig.lower(m.path("username").asText(""))) || isBrandId(m.path("id").asText(""))) {
          return Addressing.MENTION;
        }
      }
      if (Pattern.compile("(?i)(^|[^A-Za-z0-9_])@" + Pattern.quote(brandHandle) + "(?![A-Za-z0-9_])")
          .matcher(text).find()) {
        return Addressing.MENTION;
      }
    }
    return mentionsTimeline ? Addressing.MENTION : Addressing.KEYWORD;
  }

  private boolean isBrandId(String id) {
    return brandId != null && brandId.equals(id);
  }

  private boolean authoredByBrand(JsonNode referenced, Map<String, JsonNode> users) {
    if (referenced == null) {
      return false;
    }
    String a = referenced.path("author_id").asText("");
    JsonNode u = users.get(a);
    return isBrandId(a) || (u != null && brandHandle != null
        && brandHandle.equals(XConfig.lower(u.path("username").asText(""))));
  }

  static Author author(String id, JsonNode user) {
    Author.Builder a = Author.newBuilder().id(id);
    if (user == null) {
      return a.handle(id).build();
    }
    a.handle(user.path("username").asText(id));
    String name = user.path("name").asText("");
    if (!name.isEmpty()) {
      a.displayName(name);
    }
    JsonNode pm = user.path("public_metrics");
    a.followers(Math.max(0, pm.path("followers_count").asLong(0)));
    a.following(Math.max(0, pm.path("following_count").asLong(0)));
    a.verified(user.path("verified").asBoolean(false)
        || !user.path("verified_type").asText("none").equals("none"));
    String created = user.path("created_at").asText("");
    if (!created.isEmpty()) {
      try {
        a.createdAt(Instant.parse(created));
      } catch (DateTimeParseException e) {
        // optional field: ignore a malformed date
      }
    }
    return a.build();
  }

  private static PublicMetrics metrics(JsonNode pm) {
    if (pm.isMissingNode()) {
      return PublicMetrics.NONE;
    }
    long reposts = pm.has("retweet_count") ? pm.path("retweet_count").asLong(0) : pm.path("repost_count").asLong(0);
    return new PublicMetrics(Math.max(0, reposts), Math.max(0, pm.path("reply_count").asLong(0)),
        Math.max(0, pm.path("like_count").asLong(0)), Math.max(0, pm.path("quote_count").asLong(0)));
  }

  private static Instant instant(String createdAt, String id) {
    if (!createdAt.isEmpty()) {
      return Instant.parse(createdAt);
    }
    return Instant.ofEpochMilli((Long.parseLong(id) >> 22) + TWEPOCH);
  }

  /** Whether {@code s} has the form of an X id: 1 to 19 digits. */
  static boolean isId(String s) {
    return ID.matcher(s).matches();
  }

  /** The id just below post id {@code id}, or empty for 0 (a bound for {@code since_id}). */
  static Optional<String> idBelow(String id) {
    BigInteger n = new BigInteger(id);
    return n.signum() > 0 ? Optional.of(n.subtract(BigInteger.ONE).toString()) : Optional.empty();
  }

  /** Compares two numeric post ids without overflow. */
  static int compareIds(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }
}
