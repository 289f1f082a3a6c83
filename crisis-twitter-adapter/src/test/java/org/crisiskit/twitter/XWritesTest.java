package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.crisiskit.internal.Json;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.crisiskit.spi.AuthenticationException;
import org.crisiskit.spi.Capabilities;
import org.crisiskit.spi.NetworkAction;
import org.crisiskit.spi.NotPermittedException;
import org.crisiskit.spi.RateLimitedException;
import org.crisiskit.spi.SentMessage;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies, direct messages, look-ups and capabilities: request shapes and error mapping. */
class XWritesTest {
  private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
  private FakeXServer server;
  private FakeClock clock;

  @BeforeEach
  void setUp() {
    server = new FakeXServer();
    clock = new FakeClock(START);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private XConfig.Builder base() {
    return XConfig.custom().baseUrl(server.baseUrl()).handle("acme").keywords(List.of("acme")).clock(clock);
  }

  @Test
  void replyWithOAuth2UserTokenPostsTheSpecBody() throws Exception {
    String target = server.publish("5", "ana", "@acme help").path("id").asText();
    XAdapter x = XAdapter.create(base().userAccessToken("user-token").build());
    SentMessage sent = x.replyPublicly(MentionId.of("x", target), "Sorry, Ana! We are on it.");
    assertEquals(NetworkAction.REPLY_PUBLICLY, sent.action());
    FakeXServer.Recorded r = server.requests("POST", "/2/tweets").get(0);
    assertEquals("Bearer user-token", r.auth());
    assertEquals(Json.parse("{\"text\":\"Sorry, Ana! We are on it.\",\"reply\":{\"in_reply_to_tweet_id\":\"" + target + "\"}}"),
        Json.parse(r.body()));
    assertTrue(r.headers().get("content-type").startsWith("application/json"));
    assertTrue(sent.id().matches("[0-9]+"));
  }

  @Test
  void replyWithOAuth1SignsTheRequest() {
    String target = server.publish("5", "ana", "@acme help").path("id").asText();
    XAdapter x = XAdapter.create(base().oauth1("ck", "cs-secret", "at", "ats-secret").build());
    x.replyPublicly(MentionId.of("x", target), "Thanks!");
    String auth = server.requests("POST", "/2/tweets").get(0).auth();
    assertTrue(auth.startsWith("OAuth oauth_consumer_key=\"ck\""), auth);
    assertTrue(auth.contains("oauth_signature=\""), auth);
    assertTrue(auth.contains("oauth_token=\"at\""), auth);
    assertFalse(auth.contains("cs-secret") || auth.contains("ats-secret"), auth);
  }

  @Test
  void replyToAKeywordOnlyPostIsRefusedWithTheReason() {
    String target = server.publish("5", "ana", "acme is slow").path("id").asText();
    XAdapter x = XAdapter.create(base().userAccessToken("t").build());
    NotPermittedException e = assertThrows(NotPermittedException.class,
        () -> x.replyPublicly(MentionId.of("x", target), "Hello"));
    assertTrue(e.getMessage().startsWith("reply not permitted: the author did not mention the brand"), e.getMessage());
  }

  @Test
  void writingWithoutUserCredentialsIsAnAuthenticationFailureNamingTheSettings() {
    XAdapter x = XAdapter.create(base().bearerToken("app-only").build());
    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> x.replyPublicly(MentionId.of("x", "1850000000000000000"), "Hello"));
    assertTrue(e.getMessage().contains("X_USER_ACCESS_TOKEN"), e.getMessage());
    assertTrue(server.requests().isEmpty(), "nothing may be sent without credentials");
    server.failNext("POST /2/tweets", 403, Map.of(), FakeXServer.fixture("unsupported-authentication.403.json"));
    XAdapter wrongKind = XAdapter.create(base().userAccessToken("actually-app-only").build());
    assertThrows(AuthenticationException.class,
        () -> wrongKind.replyPublicly(MentionId.of("x", "1850000000000000000"), "Hello"));
  }

  @Test
  void dailyWriteLimitHeadersBlockTheNextWriteUntilTheReset() {
    String target = server.publish("5", "ana", "@acme help").path("id").asText();
    server.setExtraHeaders(Map.of("x-user-limit-24hour-limit", "100", "x-user-limit-24hour-remaining", "0",
        "x-user-limit-24hour-reset", Long.toString(START.plusSeconds(3600).getEpochSecond())));
    XAdapter x = XAdapter.create(base().userAccessToken("t").build());
    x.replyPublicly(MentionId.of("x", target), "First");
    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> x.replyPublicly(MentionId.of("x", target), "Second"));
    assertEquals(Duration.ofHours(1), e.retryAfter());
    assertEquals(1, server.requests("POST", "/2/tweets").size(), "the blocked write was not sent");
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    x.replyPublicly(MentionId.of("x", target), "Third");
    assertEquals(2, server.requests("POST", "/2/tweets").size());
  }

  @Test
  void rateLimitedWriteCarriesTheResetAsRetryAfter() {
    server.failNext("POST /2/tweets", 429, Map.of("x-rate-limit-remaining", "0",
        "x-rate-limit-reset", Long.toString(START.plusSeconds(90).getEpochSecond())),
        FakeXServer.fixture("rate-limited.429.json"));
    XAdapter x = XAdapter.create(base().userAccessToken("t").build());
    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> x.replyPublicly(MentionId.of("x", "1850000000000000000"), "Hi"));
    assertEquals(Duration.ofSeconds(90), e.retryAfter());
    assertTrue(e.retryable());
  }

  @Test
  void retryAfterAsAnHttpDateIsHonouredWhenNoResetHeaderIsGiven() {
    server.failNext("POST /2/tweets", 429, Map.of("retry-after",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(START.plusSeconds(120).atOffset(ZoneOffset.UTC))),
        FakeXServer.fixture("rate-limited.429.json"));
    XAdapter x = XAdapter.create(base().userAccessToken("t").build());
    RateLimitedException e = assertThrows(RateLimitedException.class,
        () -> x.replyPublicly(MentionId.of("x", "1850000000000000000"), "Hi"));
    assertEquals(Duration.ofSeconds(120), e.retryAfter());
  }

  @Test
  void directMessagePostsToTheParticipantPathAfterCheckingReceivesYourDm() throws Exception {
    server.publish("55", "bo", "@acme help");
    server.acceptDms("55");
    XAdapter x = XAdapter.create(base().userAccessToken("t").build());
    Mention m = mention("55", Addressing.KEYWORD);
    Capabilities c = x.capabilitiesFor(m);
    assertFalse(c.replyPublicly().allowed());
    assertTrue(c.privateMessage().allowed());
    assertFalse(c.follow().allowed());
    assertTrue(c.follow().reason().contains("2026-04-20"));
    FakeXServer.Recorded lookup = server.requests("GET", "/2/users/55").get(0);
    assertEquals("receives_your_dm", lookup.query().get("user.fields"));
    assertEquals("Bearer t", lookup.auth());

    SentMessage sent = x.sendPrivateMessage("55", "Could you DM us your order number?");
    FakeXServer.Recorded r = server.requests("POST", "/2/dm_conversations/with/55/messages").get(0);
    assertEquals(Json.parse("{\"text\":\"Could you DM us your order number?\"}"), Json.parse(r.body()));
    assertEquals(NetworkAction.PRIVATE_MESSAGE, sent.action());

    x.capabilitiesFor(m);
    assertEquals(1, server.requests("GET", "/2/users/55").size(), "receives_your_dm is cached");
  }

  @Test
  void capabilitiesWithoutUserCredentialsOfferNoPrivateMessage() {
    XAdapter x = XAdapter.create(base().bearerToken("b").build());
    Capabilities c = x.capabilitiesFor(mention("55", Addressing.MENTION));
    assertTrue(c.replyPublicly().allowed());
    assertFalse(c.privateMessage().allowed());
    assertTrue(c.privateMessage().reason().contains("X_USER_ACCESS_TOKEN"));
    assertThrows(NotPermittedException.class, () -> x.follow("55"));
  }

  @Test
  void looksUpAuthorsAndReportsMissingOnesAsEmpty() {
    server.publish("66", "cy", "@acme");
    XAdapter x = XAdapter.create(base().bearerToken("b").build());
    Author a = x.lookUpAuthor("66").orElseThrow();
    assertEquals("cy", a.handle());
    assertEquals(120, a.followers());
    assertTrue(x.lookUpAuthor("123456").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> x.lookUpAuthor("@cy"));
  }

  @Test
  void countsLengthTheWayXDoes() {
    XAdapter x = XAdapter.create(base().build());
    assertEquals(280, x.maxLength());
    assertEquals(23, x.weightedLength("https://example.com/a/very/long/path/that/is/shortened"));
    assertEquals(4 + 23, x.weightedLength("see https://acme.com/help"));
    assertEquals(2, x.weightedLength("😀"));
    assertEquals(4, x.weightedLength("日本"));
    assertTrue(x.fits("a".repeat(280)));
    assertFalse(x.fits("日".repeat(141)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> x.replyPublicly(MentionId.of("x", "1850000000000000100"), "日".repeat(141)));
    assertTrue(e.getMessage().contains("282"), e.getMessage());
    // a direct message may be longer: X allows 10,000 characters
    assertEquals(10_000, x.maxPrivateLength());
    IllegalArgumentException dm = assertThrows(IllegalArgumentException.class,
        () -> x.sendPrivateMessage("5", "日".repeat(5_001)));
    assertTrue(dm.getMessage().contains("10002") && dm.getMessage().contains("10000"), dm.getMessage());
  }

  private static Mention mention(String authorId, Addressing addressing) {
    return Mention.newBuilder().network("x").id("1850000000000000100")
        .author(Author.newBuilder().id(authorId).handle("u" + authorId).build())
        .text("acme").createdAt(START).addressing(addressing).build();
  }
}
