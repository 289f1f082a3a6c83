package org.crisiskit.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.crisiskit.mention.MentionJson;
import org.crisiskit.mention.MentionKind;
import org.crisiskit.spi.AuthenticationException;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.spi.NetworkAdapterContract;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.spi.NotPermittedException;
import org.crisiskit.spi.RateLimitedException;
import org.crisiskit.spi.UsageCapException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook adapter passes the same contract as every adapter, plus its own signature rules. */
class WebhookAdapterContractTest extends NetworkAdapterContract {
  private static final String SECRET = "s3cr3t-webhook-key";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private CallbackServer callback;
  private WebhookAdapter adapter;
  private int next;

  @BeforeEach
  void start() throws Exception {
    callback = new CallbackServer();
    adapter = WebhookAdapter.newBuilder().network("facebook").secret(SECRET).callback(callback.base()).start();
  }

  @AfterEach
  void stop() {
    adapter.close();
    callback.close();
  }

  @Override
  protected NetworkAdapter adapter() {
    return adapter;
  }

  @Override
  protected Set<String> secrets() {
    return Set.of(SECRET);
  }

  private Mention mention(Addressing addressing, MentionKind kind, String authorId) {
    next++;
    return Mention.newBuilder()
        .network("facebook")
        .id("c" + next)
        .author(Author.newBuilder().id(authorId).handle("fan" + authorId).build())
        .text("acme comment " + next)
        .createdAt(Instant.now())
        .kind(kind)
        .addressing(addressing)
        .build();
  }

  private HttpResponse<String> push(String body, String signature) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(adapter.endpoint())
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      req.header("X-Crisis-Signature", signature);
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> pushSigned(String body) throws Exception {
    return push(body, WebhookAdapter.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  protected List<MentionId> publish(int count, Addressing addressing) {
    List<MentionId> ids = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < count; i++) {
      Mention m = mention(addressing, MentionKind.POST, "u" + (next + 1));
      ids.add(m.id());
      body.append(MentionJson.toJson(m)).append('\n');
    }
    try {
      HttpResponse<String> r = pushSigned(body.toString());
      assertEquals(202, r.statusCode(), r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return ids;
  }

  @Override
  protected void failNextWrite(Class<? extends NetworkException> kind) {
    Map<Class<?>, Integer> status = Map.of(
        RateLimitedException.class, 429,
        UsageCapException.class, 402,
        NotPermittedException.class, 403,
        AuthenticationException.class, 401);
    callback.failNext(status.getOrDefault(kind, 503));
  }

  @Override
  protected void acceptPrivateMessages(String authorId) {
    Mention dm = mention(Addressing.DIRECT, MentionKind.DIRECT_MESSAGE, authorId);
    try {
      assertEquals(202, pushSigned(MentionJson.toJson(dm)).statusCode());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void unsignedOrWronglySignedPushesAreRefusedAndKeepNothing() throws Exception {
    String body = MentionJson.toJson(mention(Addressing.MENTION, MentionKind.POST, "u1"));
    assertEquals(401, push(body, null).statusCode());
    assertEquals(401, push(body, WebhookAdapter.sign("other", body.getBytes(StandardCharsets.UTF_8))).statusCode());
    assertEquals(202, pushSigned(body).statusCode());
    assertEquals("{\"accepted\":0,\"duplicates\":1}", pushSigned(body).body(), "a second push is a duplicate");
  }

  @Test
  void aBadLineRejectsTheWholeBatchNamingTheLine() throws Exception {
    String good = MentionJson.toJson(mention(Addressing.MENTION, MentionKind.POST, "u1"));
    HttpResponse<String> r = pushSigned(good + "\n{\"network\":\"facebook\",\"id\":\"x\"}\n");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("line 2") && r.body().contains("$.author"), r.body());
    assertEquals(202, pushSigned(good).statusCode());
    assertTrue(pushSigned(good).body().contains("\"duplicates\":1"));
  }

  @Test
  void answersAreSignedForTheCallback() throws Exception {
    List<MentionId> ids = publish(1, Addressing.MENTION);
    adapter.replyPublicly(ids.get(0), "Thanks for telling us.");
    CallbackServer.Received r = callback.received().get(0);
    assertEquals("/hooks/replies", r.path());
    assertEquals(WebhookAdapter.sign(SECRET, r.body().getBytes(StandardCharsets.UTF_8)), r.signature());
    assertTrue(r.body().contains("\"inReplyTo\":\"" + ids.get(0).value() + "\""), r.body());
  }

  @Test
  void retryAfterAsAnHttpDateIsATypedRateLimit() {
    List<MentionId> ids = publish(1, Addressing.MENTION);
    callback.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT");
    callback.failNext(429);
    RateLimitedException e = org.junit.jupiter.api.Assertions.assertThrows(RateLimitedException.class,
        () -> adapter.replyPublicly(ids.get(0), "We are looking into it."));
    assertTrue(e.retryable());
    assertEquals(java.time.Duration.ZERO, e.retryAfter(), "a date in the past means retry now");
  }

  @Test
  void aFailingSinkStopsListeningWithTheFailureReported() throws Exception {
    publish(1, Addressing.MENTION);
    org.crisiskit.spi.CheckpointStore store = org.crisiskit.spi.CheckpointStore.inMemory();
    org.crisiskit.spi.Listening l = adapter.listen(m -> {
      throw new IllegalStateException("queue full");
    }, store);
    assertTrue(l.awaitStopped(java.time.Duration.ofSeconds(5)));
    assertTrue(l.failure().orElseThrow().getMessage().contains("queue full"), l.failure().toString());
    assertTrue(store.get(WebhookAdapter.CHECKPOINT_KEY).isEmpty(), "the failed mention is delivered again");
  }
}
