package org.crisiskit.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.twitter.twittertext.TwitterTextParser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.crisiskit.internal.Json;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.crisiskit.mention.MentionKind;
import org.crisiskit.spi.Capabilities;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.Listening;
import org.crisiskit.spi.MentionSink;
import org.crisiskit.spi.NetworkAction;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.spi.NotPermittedException;
import org.crisiskit.spi.Permission;
import org.crisiskit.spi.SentMessage;

/**
 * The X (Twitter) API v2 adapter: listens by filtered stream, mentions timeline or recent search;
 * replies with {@code POST /2/tweets}; sends direct messages with
 * {@code POST /2/dm_conversations/with/:id/messages}; counts length with the official twitter-text
 * library (280 weighted characters, URLs count 23).
 *
 * <pre>{@code
 * XAdapter x = XAdapter.create(XConfig.custom().env(System.getenv()).handle("acme")
 *     .keywords(List.of("acme")).build());
 * try (Listening l = x.listen(mention -> queue.add(mention), CheckpointStore.file(Path.of("state/x.properties")))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Capabilities follow the self-serve tiers of 2026: a public reply only to a post that mentioned,
 * replied to or quoted the brand; no follow; a direct message only to authors whose
 * {@code receives_your_dm} is true (looked up with user credentials, cached 15 minutes).
 * Thread-safe; {@link #toString()} never shows credentials.
 */
public final class XAdapter implements NetworkAdapter {
  /** X's limit on a post in weighted characters. */
  public static final int MAX_LENGTH = 280;
  /** X's limit on a direct message's text. */
  public static final int MAX_PRIVATE_LENGTH = 10_000;
  static final String NOT_SUMMONED = "reply not permitted: the author did not mention the brand";
  static final String FOLLOW_GONE =
      "follow not permitted: following through the X API was removed from self-serve tiers on 2026-04-20";
  private static final Pattern ID = Pattern.compile("[0-9]{1,19}");
  private static final Duration DM_CACHE = Duration.ofMinutes(15);

  private record DmStatus(Permission permission, Instant checkedAt) {}

  private final XConfig config;
  private final XClient client;
  private final Map<String, DmStatus> dmCache = new ConcurrentHashMap<>();

  private XAdapter(XConfig config) {
    this.config = config;
    this.client = new XClient(config);
  }

  /** Returns an adapter for {@code config}. */
  public static XAdapter create(XConfig config) {
    return new XAdapter(Objects.requireNonNull(config, "config"));
  }

  /** The configuration. */
  public XConfig config() {
    return config;
  }

  @Override
  public String network() {
    return XClient.NETWORK;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Checkpoint keys: {@code x.search.since_id} (search and stream) and {@code x.mentions.since_id},
   * the newest delivered post id. When a poll finds more new posts than
   * {@link XConfig#maxPagesPerPoll()} pages, the older ones are read by the following polls; the id
   * ranges still to read are kept under the same key plus {@code .gaps} ({@code lo-hi,...}).
   *
   * @throws IllegalArgumentException when the mode lacks what it needs (keywords or handle; mentions
   *     mode needs the handle or brand user id) or the query is too long
   */
  @Override
  public Listening listen(MentionSink sink, CheckpointStore checkpoints) {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(checkpoints, "checkpoints");
    if (config.mode() == XListenMode.MENTIONS) {
      if (config.handle().isEmpty() && config.brandUserId().isEmpty()) {
        throw new IllegalArgumentException("mentions mode needs the brand's handle (--handle) or user id");
      }
    } else {
      XQueries.searchQuery(config);
    }
    XListening l = new XListening(client, sink, checkpoints);
    l.start();
    return l;
  }

  @Override
  public SentMessage replyPublicly(MentionId inReplyTo, String text) {
    checkText(text);
    String id = postId(inReplyTo);
    ObjectNode body = Json.object();
    body.put("text", text);
    body.putObject("reply").put("in_reply_to_tweet_id", id);
    JsonNode res;
    try {
      res = client.call("POST", "/2/tweets", "POST /2/tweets", Map.of(), Optional.of(Json.write(body)),
          XClient.Auth.USER, "replying to post " + id);
    } catch (NotPermittedException e) {
      if (e.getMessage().contains("only reply") || e.getMessage().contains("not mentioned")) {
        throw new NotPermittedException(network(), NOT_SUMMONED + " (" + e.getMessage() + ")");
      }
      throw e;
    }
    return new SentMessage(network(), NetworkAction.REPLY_PUBLICLY, createdId(res, "id", "reply"));
  }

  @Override
  public SentMessage sendPrivateMessage(String authorId, String text) {
    checkPrivateText(text);
    checkUserId(authorId);
    ObjectNode body = Json.object();
    body.put("text", text);
    JsonNode res = client.call("POST", "/2/dm_conversations/with/" + authorId + "/messages",
        "POST /2/dm_conversations/with/:id/messages", Map.of(), Optional.of(Json.write(body)),
        XClient.Auth.USER, "sending a direct message to user " + authorId);
    return new SentMessage(network(), NetworkAction.PRIVATE_MESSAGE, createdId(res, "dm_event_id", "direct message"));
  }

  @Override
  public Optional<Author> lookUpAuthor(String authorId) {
    checkUserId(authorId);
    JsonNode res = client.call("GET", "/2/users/" + authorId, "GET /2/users/:id",
        Map.of("user.fields", XQueries.USER_FIELDS), Optional.empty(), XClient.Auth.READ,
        "looking up user " + authorId);
    JsonNode data = res.path("data");
    if (!data.isObject() || data.path("id").asText("").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(PostParser.author(data.path("id").asText(), data));
  }

  @Override
  public void follow(String authorId) {
    checkUserId(authorId);
    if (!config.followAllowed()) {
      throw new NotPermittedException(network(), FOLLOW_GONE);
    }
    String me = config.brandUserId().orElseGet(() -> client.call("GET", "/2/users/me", "GET /2/users/me",
        Map.of(), Optional.empty(), XClient.Auth.USER, "looking up the brand account").path("data").path("id").asText());
    ObjectNode body = Json.object();
    body.put("target_user_id", authorId);
    client.call("POST", "/2/users/" + me + "/following", "POST /2/users/:id/following", Map.of(),
        Optional.of(Json.write(body)), XClient.Auth.USER, "following user " + authorId);
  }

  /** Checks only the reply permission (no direct-message look-up), then replies. */
  @Override
  public SentMessage replyTo(Mention mention, String text) {
    checkText(text);
    Permission p = replyPermission(mention);
    if (!p.allowed()) {
      throw new NotPermittedException(network(), p.reason());
    }
    return replyPublicly(mention.id(), text);
  }

  @Override
  public Capabilities capabilitiesFor(Mention mention) {
    return new Capabilities(replyPermission(mention), dmPermission(mention.author().id()), followPermission());
  }

  private Permission replyPermission(Mention mention) {
    if (mention.kind() == MentionKind.DIRECT_MESSAGE) {
      return Permission.deny(NetworkAction.REPLY_PUBLICLY, "reply not possible: a direct message has no public post");
    }
    if (config.replyNeedsSummons() && !mention.addressedBrand()) {
      return Permission.deny(NetworkAction.REPLY_PUBLICLY, NOT_SUMMONED);
    }
    return Permission.allow(NetworkAction.REPLY_PUBLICLY);
  }

  private Permission followPermission() {
    return config.followAllowed()
        ? Permission.allow(NetworkAction.FOLLOW)
        : Permission.deny(NetworkAction.FOLLOW, FOLLOW_GONE);
  }

  private Permission dmPermission(String authorId) {
    if (!config.hasUserContext()) {
      return Permission.deny(NetworkAction.PRIVATE_MESSAGE, "private message not possible: no user-context"
          + " credentials (set X_USER_ACCESS_TOKEN or the four OAuth 1.0a values)");
    }
    if (!ID.matcher(authorId).matches()) {
      return Permission.deny(NetworkAction.PRIVATE_MESSAGE, "private message not possible: '" + authorId
          + "' is not an X user id");
    }
    Instant now = config.clock().instant();
    DmStatus cached = dmCache.get(authorId);
    if (cached != null && cached.checkedAt().plus(DM_CACHE).isAfter(now)) {
      return cached.permission();
    }
    Permission p;
    try {
      JsonNode res = client.call("GET", "/2/users/" + authorId, "GET /2/users/:id (user)",
          Map.of("user.fields", "receives_your_dm"), Optional.empty(), XClient.Auth.USER,
          "checking whether user " + authorId + " receives direct messages");
      JsonNode flag = res.path("data").path("receives_your_dm");
      if (flag.isBoolean() && flag.asBoolean()) {
        p = Permission.allow(NetworkAction.PRIVATE_MESSAGE);
      } else if (flag.isBoolean()) {
        p = Permission.deny(NetworkAction.PRIVATE_MESSAGE,
            "private message not permitted: the author does not accept direct messages from the brand");
      } else {
        p = Permission.deny(NetworkAction.PRIVATE_MESSAGE,
            "private message not confirmed: X did not report receives_your_dm for user " + authorId);
      }
    } catch (NetworkException e) {
      return Permission.deny(NetworkAction.PRIVATE_MESSAGE,
          "private message not confirmed: " + e.getMessage());
    }
    dmCache.put(authorId, new DmStatus(p, now));
    return p;
  }

  @Override
  public int maxLength() {
    return MAX_LENGTH;
  }

  /**
   * X's limit on a direct message's text: 10,000 characters, counted here with the post weighting
   * (CJK and emoji count 2), so a DM of such characters is held to about 5,000: the safe reading.
   */
  @Override
  public int maxPrivateLength() {
    return MAX_PRIVATE_LENGTH;
  }

  @Override
  public int weightedLength(String text) {
    return text.isEmpty() ? 0 : TwitterTextParser.parseTweet(text).weightedLength;
  }

  private String postId(MentionId id) {
    if (!id.network().equals(network())) {
      throw new IllegalArgumentException("mention " + id + " is not an X post");
    }
    if (!ID.matcher(id.value()).matches()) {
      throw new IllegalArgumentException("X post id must be 1 to 19 digits but was '" + id.value() + "'");
    }
    return id.value();
  }

  private static void checkUserId(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("X user id must be 1 to 19 digits but was '" + id + "'");
    }
  }

  private String createdId(JsonNode res, String field, String what) {
    String id = res.path("data").path(field).asText("");
    if (id.isEmpty()) {
      throw new NetworkException(network(), "X accepted the " + what + " but its answer has no data." + field);
    }
    return id;
  }

  @Override
  public String toString() {
    return "XAdapter{" + config + "}";
  }
}
