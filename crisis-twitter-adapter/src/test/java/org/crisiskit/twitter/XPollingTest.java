package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Mention;
import org.crisiskit.spi.AuthenticationException;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.DurabilityRecorder;
import org.crisiskit.spi.Listening;
import org.crisiskit.spi.MentionSink;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.spi.UsageCapException;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recent-search and mentions-timeline polling against a loopback server with injected faults. */
class XPollingTest {
  private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
  private FakeXServer server;
  private FakeClock clock;
  private RecordingSleeper sleeper;
  private final List<Mention> got = Collections.synchronizedList(new ArrayList<>());
  private final MentionSink sink = got::add;

  @BeforeEach
  void setUp() {
    server = new FakeXServer();
    clock = new FakeClock(START);
    sleeper = new RecordingSleeper(clock);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private XConfig.Builder config(XListenMode mode) {
    return server.pollingConfig(mode, clock)
        .bearerToken("poll-bearer-secret")
        .sleeper(sleeper);
  }

  private void await(int n) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (got.size() < n && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    Thread.sleep(100);
    assertEquals(n, got.size(), got.toString());
  }

  private List<String> ids() {
    synchronized (got) {
      return got.stream().map(m -> m.id().value()).toList();
    }
  }

  @Test
  void searchRequestsMatchTheSpecAndPagesAreDeliveredOldestFirst() throws Exception {
    server.setPageSize(2);
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      published.add(server.publish("2" + i, "user" + i, "acme question " + i).path("id").asText());
    }
    CheckpointStore store = CheckpointStore.inMemory();
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(sink, store)) {
      await(5);
      ObjectNode later = server.publish("30", "late", "@acme later");
      await(6);
      assertEquals(later.path("id").asText(), ids().get(5));
    }
    assertEquals(published, ids().subList(0, 5));
    List<FakeXServer.Recorded> searches = server.requests("GET", "/2/tweets/search/recent");
    FakeXServer.Recorded first = searches.get(0);
    assertEquals("Bearer poll-bearer-secret", first.auth());
    assertEquals("(acme OR @acme) -from:acme -is:retweet", first.query().get("query"));
    assertEquals("100", first.query().get("max_results"));
    assertEquals(XQueries.POST_FIELDS, first.query().get("tweet.fields"));
    assertEquals(XQueries.EXPANSIONS, first.query().get("expansions"));
    assertEquals(XQueries.USER_FIELDS, first.query().get("user.fields"));
    assertFalse(first.query().containsKey("since_id"));
    assertEquals("t2", searches.get(1).query().get("next_token"));
    assertEquals(published.get(4), searches.get(3).query().get("since_id"));
    assertTrue(sleeper.waits().contains(Duration.ofSeconds(30)), "polls are paced by the poll interval");
    assertEquals(ids().get(5), store.get(XListening.SEARCH_KEY).orElseThrow());
  }

  @Test
  void postFieldsParameterCanBeRenamed() throws Exception {
    server.publish("20", "u", "acme");
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).postFieldsParameter("post.fields").build())
        .listen(sink, CheckpointStore.inMemory())) {
      await(1);
    }
    FakeXServer.Recorded r = server.requests("GET", "/2/tweets/search/recent").get(0);
    assertEquals(XQueries.POST_FIELDS_2_167, r.query().get("post.fields"));
    assertEquals(XQueries.EXPANSIONS_2_167, r.query().get("expansions"));
    assertFalse(r.query().containsKey("tweet.fields"));
  }

  @Test
  void rateLimitWaitsUntilTheResetHeaderAndServerErrorsBackOffExponentially() throws Exception {
    server.publish("20", "u", "acme");
    long reset = START.plusSeconds(300).getEpochSecond();
    server.failNext("GET /2/tweets/search/recent", 429,
        Map.of("x-rate-limit-limit", "450", "x-rate-limit-remaining", "0", "x-rate-limit-reset", Long.toString(reset)),
        FakeXServer.fixture("rate-limited.429.json"));
    server.failNext("GET /2/tweets/search/recent", 503, Map.of(), "{\"title\":\"Service Unavailable\"}");
    server.failNext("GET /2/tweets/search/recent", 503, Map.of(), "{\"title\":\"Service Unavailable\"}");
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(sink, CheckpointStore.inMemory())) {
      await(1);
      assertEquals(3, l.reconnects());
    }
    assertEquals(List.of(Duration.ofSeconds(300), Duration.ofSeconds(5), Duration.ofSeconds(10)),
        sleeper.waits().subList(0, 3));
  }

  @Test
  void aUsedUpWindowDelaysTheNextPollUntilTheReset() throws Exception {
    server.publish("20", "u", "acme");
    server.setExtraHeaders(Map.of("x-rate-limit-remaining", "0",
        "x-rate-limit-reset", Long.toString(START.plusSeconds(600).getEpochSecond())));
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(sink, CheckpointStore.inMemory())) {
      await(1);
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (sleeper.waits().isEmpty() && System.nanoTime() < end) {
        Thread.sleep(5);
      }
    }
    assertEquals(Duration.ofSeconds(600), sleeper.waits().get(0));
  }

  @Test
  void usageCapStopsListeningWithTheTypedFailure() throws Exception {
    server.failNext("GET /2/tweets/search/recent", 429, Map.of("x-rate-limit-remaining", "39999"),
        FakeXServer.fixture("usage-capped.429.json"));
    Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(sink, CheckpointStore.inMemory());
    assertTrue(l.awaitStopped(Duration.ofSeconds(10)));
    UsageCapException e = assertInstanceOf(UsageCapException.class, l.failure().orElseThrow());
    assertTrue(e.getMessage().contains("Monthly"), e.getMessage());
    assertEquals(1, server.requests("GET", "/2/tweets/search/recent").size());
  }

  @Test
  void badCredentialsStopListeningWithoutLeakingTheToken() throws Exception {
    server.failNext("GET /2/tweets/search/recent", 401, Map.of(), FakeXServer.fixture("unauthorized.401.json"));
    Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(sink, CheckpointStore.inMemory());
    assertTrue(l.awaitStopped(Duration.ofSeconds(10)));
    AuthenticationException e = assertInstanceOf(AuthenticationException.class, l.failure().orElseThrow());
    assertFalse(e.getMessage().contains("poll-bearer-secret"));
    assertTrue(e.getMessage().contains("X_BEARER_TOKEN"), e.getMessage());
  }

  @Test
  void partialResponseDeliversTheDataAndMalformedPostsAreSkipped() throws Exception {
    String partial = "{\"data\":[{\"id\":\"1850000000000000007\",\"text\":\"acme ok\",\"author_id\":\"5\"},"
        + "{\"id\":\"not-a-number\",\"text\":\"acme broken\",\"author_id\":\"6\"}],"
        + "\"includes\":{\"users\":[{\"id\":\"5\",\"username\":\"eve\"}]},"
        + "\"errors\":[{\"resource_id\":\"9\",\"resource_type\":\"user\",\"title\":\"Not Found Error\","
        + "\"type\":\"https://api.x.com/2/problems/resource-not-found\"}],\"meta\":{\"result_count\":2}}";
    server.failNext("GET /2/tweets/search/recent", 200, Map.of("content-type", "application/json"), partial);
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(sink, CheckpointStore.inMemory())) {
      await(1);
      assertEquals(1, l.malformed());
      assertTrue(l.isRunning());
    }
    assertEquals(List.of("1850000000000000007"), ids());
  }

  @Test
  void mentionsTimelineUsesTheBrandIdAndItsOwnCheckpoint() throws Exception {
    server.publish("20", "u", "acme without at");
    String m1 = server.publish("21", "v", "@acme with at").path("id").asText();
    CheckpointStore store = CheckpointStore.inMemory();
    try (Listening l = XAdapter.create(config(XListenMode.MENTIONS).build()).listen(sink, store)) {
      await(1);
    }
    assertEquals(List.of(m1), ids());
    assertEquals(Addressing.MENTION, got.get(0).addressing());
    assertEquals(m1, store.get(XListening.MENTIONS_KEY).orElseThrow());
    assertTrue(store.get(XListening.SEARCH_KEY).isEmpty());
    FakeXServer.Recorded r = server.requests("GET", "/2/users/" + FakeXServer.BRAND_ID + "/mentions").get(0);
    assertEquals("100", r.query().get("max_results"));
    assertEquals(1, server.requests("GET", "/2/users/by/username/acme").size());
  }

  @Test
  void ownPostsAreNeverIngested() throws Exception {
    server.publish(FakeXServer.BRAND_ID, "acme", "@acme thanks for writing in, acme here");
    String customer = server.publish("22", "w", "@acme hi").path("id").asText();
    try (Listening l = XAdapter.create(config(XListenMode.MENTIONS).build()).listen(sink, CheckpointStore.inMemory())) {
      await(1);
    }
    assertEquals(List.of(customer), ids());
  }

  /**
   * Listens from the checkpoint 1800000000000000000, which X refuses once with {@code problem}, and
   * checks that the retry reads from the start of X's search window; returns the post it delivered.
   */
  private String listenFromACheckpointXRefusesAsTooOld(String problem, CheckpointStore store) throws Exception {
    String p1 = server.publish("20", "u", "acme after the outage").path("id").asText();
    store.put(XListening.SEARCH_KEY, "1800000000000000000");
    server.failNext("GET /2/tweets/search/recent", 400, Map.of(), problem);
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(sink, store)) {
      await(1);
      assertTrue(l.isRunning(), "stopped: " + l.failure());
    }
    assertEquals(List.of(p1), ids());
    FakeXServer.Recorded retry = server.requests("GET", "/2/tweets/search/recent").get(1);
    assertFalse(retry.query().containsKey("since_id"));
    assertEquals("2026-10-26T10:01:00Z", retry.query().get("start_time"));
    return p1;
  }

  @Test
  void checkpointOlderThanSearchRetentionRestartsFromTheOldestReachablePost() throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    String p1 = listenFromACheckpointXRefusesAsTooOld("{\"title\":\"Invalid Request\","
        + "\"detail\":\"Invalid 'since_id':'1800000000000000000'. 'since_id' must be a tweet id created after"
        + " 2026-10-26T10:00Z.\",\"type\":\"https://api.x.com/2/problems/invalid-request\"}", store);
    assertEquals(p1, store.get(XListening.SEARCH_KEY).orElseThrow());
  }

  @Test
  void tooOldCheckpointIsRecognisedInXsNestedInvalidRequestShape() throws Exception {
    // X's invalid-request problem keeps the generic text in "detail" and names the parameter only in
    // the nested errors[].parameters / errors[].message (as in stream-rules/06 of the reference)
    listenFromACheckpointXRefusesAsTooOld("{\"errors\":[{\"parameters\":"
        + "{\"since_id\":[\"1800000000000000000\"]},\"message\":\"Invalid 'since_id':'1800000000000000000'."
        + " 'since_id' must be a tweet id created after 2026-10-26T10:00Z.\"}],\"title\":\"Invalid Request\","
        + "\"detail\":\"One or more parameters to your request was invalid.\","
        + "\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}", CheckpointStore.inMemory());
  }

  @Test
  void aPageIsMadeDurableInTheSinkWithOneFlushBeforeItsCheckpointIsWritten() throws Exception {
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      published.add(server.publish("2" + i, "user" + i, "acme question " + i).path("id").asText());
    }
    DurabilityRecorder rec = new DurabilityRecorder();
    CheckpointStore store = CheckpointStore.inMemory();
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(rec.sink(sink), rec.store(store))) {
      rec.awaitEvent("put " + XListening.SEARCH_KEY + "=" + published.get(3), Duration.ofSeconds(10));
      assertTrue(l.isRunning(), "stopped: " + l.failure());
    }
    assertEquals(published, ids());
    rec.assertNoCheckpointAheadOfFlush();
    assertEquals(1, rec.flushes(), "one sync for the page, none per mention: " + rec.events());
  }

  @Test
  void whenTheSinkCannotMakeAPageDurableTheCheckpointStaysAndARestartDeliversItAgain() throws Exception {
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      published.add(server.publish("2" + i, "user" + i, "acme question " + i).path("id").asText());
    }
    CheckpointStore store = CheckpointStore.inMemory();
    MentionSink unsynced = new MentionSink() {
      @Override
      public void accept(Mention mention) {
        got.add(mention);
      }

      @Override
      public void flush() {
        throw new IllegalStateException("disk gone");
      }
    };
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(unsynced, store)) {
      assertTrue(l.awaitStopped(Duration.ofSeconds(10)));
      NetworkException e = l.failure().orElseThrow();
      assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
    }
    assertEquals(published, ids());
    assertEquals(Optional.empty(), store.get(XListening.SEARCH_KEY), "the checkpoint must not pass unsynced mentions");

    got.clear();
    try (Listening l = XAdapter.create(config(XListenMode.SEARCH).build()).listen(sink, store)) {
      await(3);
    }
    assertEquals(published, ids());
    assertEquals(published.get(2), store.get(XListening.SEARCH_KEY).orElseThrow());
  }
}
