package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.crisiskit.internal.Json;
import org.crisiskit.mention.Mention;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.DurabilityRecorder;
import org.crisiskit.spi.Listening;
import org.crisiskit.spi.MentionSink;
import org.crisiskit.spi.UsageCapException;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filtered stream against scripted faults on a loopback server. */
class XStreamTest {
  private FakeXServer server;
  private FakeClock clock;
  private RecordingSleeper sleeper;
  private final List<Mention> got = Collections.synchronizedList(new ArrayList<>());
  private final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
  private final MentionSink sink = new MentionSink() {
    @Override
    public void accept(Mention mention) {
      got.add(mention);
    }

    @Override
    public void onStatus(String message) {
      statuses.add(message);
    }
  };

  @BeforeEach
  void setUp() {
    server = new FakeXServer();
    clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));
    sleeper = new RecordingSleeper(clock);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private XAdapter adapter(XListenMode mode) {
    return XAdapter.create(config(mode).build());
  }

  private XConfig.Builder config(XListenMode mode) {
    return XConfig.custom()
        .baseUrl(server.baseUrl())
        .bearerToken("stream-bearer-secret")
        .handle("acme")
        .keywords(List.of("acme", "acme store"))
        .mode(mode)
        .idleTimeout(Duration.ofMillis(400))
        .pollInterval(Duration.ofMillis(100))
        .clock(clock)
        .sleeper(sleeper);
  }

  private List<String> ids() {
    synchronized (got) {
      return got.stream().map(m -> m.id().value()).toList();
    }
  }

  private void awaitCount(int n) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (got.size() < n && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    Thread.sleep(150);
    assertEquals(n, got.size(), "delivered " + ids() + "; status " + statuses);
  }

  private static String id(ObjectNode post) {
    return post.path("id").asText();
  }

  @Test
  void deliversEachPostOnceSkippingKeepAlivesDuplicatesAndMalformedLines() throws Exception {
    ObjectNode p1 = server.publish("11", "ana", "@acme my parcel is late");
    ObjectNode p2 = server.publish("12", "bo", "acme store closed early?");
    ObjectNode own = server.publish(FakeXServer.BRAND_ID, "acme", "We are sorry, @ana");
    server.script(new FakeXServer.StreamScript()
        .keepAlive()
        .line(server.streamLine(p1))
        .line("{\"data\": {\"id\": \"1850000000000000099\", \"text\": \"trunc")
        .line(server.streamLine(p1))
        .keepAlive()
        .line(server.streamLine(own))
        .line(server.streamLine(p2))
        .idle());
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory())) {
      awaitCount(2);
      assertEquals(List.of(id(p1), id(p2)), ids());
      assertEquals(1, l.malformed());
      assertTrue(l.isRunning());
    }
    assertEquals("mention", got.get(0).addressing().jsonName());
    assertEquals("keyword", got.get(1).addressing().jsonName());
    assertEquals("ana", got.get(0).author().handle());
    assertEquals(120, got.get(0).author().followers());

    FakeXServer.Recorded connect = server.requests("GET", "/2/tweets/search/stream").get(0);
    assertEquals("Bearer stream-bearer-secret", connect.auth());
    assertTrue(connect.query().get("tweet.fields").contains("public_metrics"));
    assertTrue(connect.query().get("expansions").contains("author_id"));
    assertTrue(connect.query().get("user.fields").contains("public_metrics"));
  }

  @Test
  void addsTheRuleOnceAndReplacesOnlyItsOwnOutdatedRule() throws Exception {
    server.addRule("1", "old acme rule", "crisiskit");
    server.addRule("2", "cats has:images", "someone else");
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory())) {
      awaitStream(1);
    }
    String expected = "(acme OR \"acme store\" OR @acme) -from:acme -is:retweet";
    List<FakeXServer.Recorded> posts = server.requests("POST", "/2/tweets/search/stream/rules");
    assertEquals(2, posts.size());
    assertEquals("{\"delete\":{\"ids\":[\"1\"]}}", posts.get(0).body());
    JsonNode add = Json.parse(posts.get(1).body());
    assertEquals(expected, add.path("add").get(0).path("value").asText());
    assertEquals("crisiskit", add.path("add").get(0).path("tag").asText());
    assertEquals(2, server.rules().size());

    // a second start finds its rule and changes nothing
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory())) {
      awaitStream(2);
    }
    assertEquals(2, server.requests("POST", "/2/tweets/search/stream/rules").size());
  }

  private void awaitStream(int connections) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.requests("GET", "/2/tweets/search/stream").size() < connections && System.nanoTime() < end) {
      Thread.sleep(10);
    }
  }

  @Test
  void stalledStreamReconnectsAfterTheIdleTimeoutAndBackFillsTheGap() throws Exception {
    ObjectNode p1 = server.publish("11", "ana", "@acme one");
    server.script(new FakeXServer.StreamScript().line(server.streamLine(p1)).stall());
    ObjectNode p3Holder[] = new ObjectNode[1];
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory())) {
      awaitCount(1);
      ObjectNode p2 = server.publish("12", "bo", "acme two, posted while the stream was silent");
      p3Holder[0] = server.publish("13", "cy", "@acme three");
      server.script(new FakeXServer.StreamScript().line(server.streamLine(p3Holder[0])).idle());
      awaitCount(3);
      assertEquals(List.of(id(p1), id(p2), id(p3Holder[0])), ids());
      assertEquals(1, l.reconnects());
    }
    FakeXServer.Recorded backfill = server.requests("GET", "/2/tweets/search/recent").get(0);
    assertEquals(id(p1), backfill.query().get("since_id"));
    assertEquals("(acme OR \"acme store\" OR @acme) -from:acme -is:retweet", backfill.query().get("query"));
    assertEquals(List.of(Backoff.NETWORK_STEP), sleeper.waits());
    assertTrue(statuses.stream().anyMatch(s -> s.contains("stalled")), statuses.toString());
  }

  @Test
  void connectionThatNeverAnswersTimesOutAndReconnectsButALiveStreamIsNotCut() throws Exception {
    ObjectNode p1 = server.publish("11", "ana", "@acme one");
    server.script(FakeXServer.StreamScript.silentBeforeHeaders());
    server.script(new FakeXServer.StreamScript().line(server.streamLine(p1)).idle());
    XTransport transport = new JdkTransport(HttpClient.newHttpClient(), Duration.ofMillis(300));
    try (Listening l = XAdapter.create(config(XListenMode.STREAM).transport(transport).build())
        .listen(sink, CheckpointStore.inMemory())) {
      awaitCount(1);
      Thread.sleep(1000);
      assertEquals(1, l.reconnects(), "status " + statuses);
      assertTrue(l.isRunning());
    }
    assertEquals(List.of(id(p1)), ids());
    assertEquals(2, server.requests("GET", "/2/tweets/search/stream").size(),
        "the answer timeout covers the headers only, not a stream sending keep-alives");
  }

  @Test
  void connectionDroppedMidLineLosesNothing() throws Exception {
    ObjectNode p1 = server.publish("11", "ana", "@acme one");
    ObjectNode p2 = server.publish("12", "bo", "@acme two");
    String line2 = server.streamLine(p2);
    server.script(new FakeXServer.StreamScript()
        .line(server.streamLine(p1))
        .dropMidLine(line2.substring(0, line2.length() / 2)));
    server.script(new FakeXServer.StreamScript().line(line2).idle());
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory())) {
      awaitCount(2);
      assertEquals(List.of(id(p1), id(p2)), ids());
      assertEquals(0, l.malformed(), "a cut line is a dropped connection, not a malformed payload");
    }
  }

  @Test
  void operationalDisconnectLineReconnects() throws Exception {
    ObjectNode p1 = server.publish("11", "ana", "@acme one");
    ObjectNode p2 = server.publish("12", "bo", "@acme two");
    String disconnect = Json.write(Json.parse(FakeXServer.fixture("operational-disconnect.json")));
    server.script(new FakeXServer.StreamScript().line(server.streamLine(p1)).line(disconnect).stall());
    server.script(new FakeXServer.StreamScript().line(server.streamLine(p2)).idle());
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory())) {
      awaitCount(2);
      assertEquals(List.of(id(p1), id(p2)), ids());
      assertEquals(1, l.reconnects());
      assertEquals(0, l.malformed());
    }
    assertTrue(statuses.stream().anyMatch(s -> s.contains("UpstreamOperationalDisconnect")), statuses.toString());
  }

  @Test
  void connectErrorsBackOffByKind() throws Exception {
    ObjectNode p1 = server.publish("11", "ana", "@acme one");
    server.script(FakeXServer.StreamScript.refuse(429, FakeXServer.fixture("too-many-connections.429.json")));
    server.script(FakeXServer.StreamScript.refuse(429, FakeXServer.fixture("too-many-connections.429.json")));
    server.script(FakeXServer.StreamScript.refuse(503, "{\"title\":\"Service Unavailable\"}"));
    server.script(FakeXServer.StreamScript.refuse(503, "{\"title\":\"Service Unavailable\"}"));
    server.script(new FakeXServer.StreamScript().line(server.streamLine(p1)).idle());
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory())) {
      awaitCount(1);
      assertEquals(4, l.reconnects());
    }
    assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10)), sleeper.waits());
  }

  @Test
  void usageCappedStreamStopsWithoutRetrying() throws Exception {
    server.script(FakeXServer.StreamScript.refuse(429, FakeXServer.fixture("usage-capped.429.json")));
    Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory());
    assertTrue(l.awaitStopped(Duration.ofSeconds(10)));
    assertInstanceOf(UsageCapException.class, l.failure().orElseThrow());
    assertEquals(1, server.requests("GET", "/2/tweets/search/stream").size());
    assertTrue(sleeper.waits().isEmpty());
  }

  @Test
  void autoFallsBackToSearchWhenTheTierHasNoStream() throws Exception {
    ObjectNode p1 = server.publish("11", "ana", "@acme one");
    server.script(FakeXServer.StreamScript.refuse(403, FakeXServer.fixture("client-forbidden.403.json")));
    try (Listening l = adapter(XListenMode.AUTO).listen(sink, CheckpointStore.inMemory())) {
      awaitCount(1);
      assertEquals(List.of(id(p1)), ids());
    }
    assertTrue(statuses.stream().anyMatch(s -> s.contains("falling back")), statuses.toString());
  }

  @Test
  void restartResumesFromTheFileCheckpointWithNoGapAndNoDuplicate(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("checkpoints.properties");
    ObjectNode p1 = server.publish("11", "ana", "@acme one");
    ObjectNode p2 = server.publish("12", "bo", "@acme two");
    server.script(new FakeXServer.StreamScript().line(server.streamLine(p1)).line(server.streamLine(p2)).idle());
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.file(state))) {
      awaitCount(2);
    }
    ObjectNode p3 = server.publish("13", "cy", "acme three, while we were down");
    ObjectNode p4 = server.publish("14", "di", "@acme four");
    // the new connection replays p2 (duplicate delivery) then carries p4
    server.script(new FakeXServer.StreamScript().line(server.streamLine(p2)).line(server.streamLine(p4)).idle());
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.file(state))) {
      awaitCount(4);
    }
    assertEquals(List.of(id(p1), id(p2), id(p3), id(p4)), ids());
    assertEquals(id(p4), CheckpointStore.file(state).get(XListening.SEARCH_KEY).orElseThrow());
  }

  @Test
  void aStreamPostInsideAGapNotYetReadIsDeliveredOnceNotDroppedAsAReplay() throws Exception {
    List<ObjectNode> p = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      p.add(server.publish("1" + i, "u" + i, "acme during the outage " + i));
    }
    CheckpointStore store = CheckpointStore.inMemory();
    String gapsKey = XListening.SEARCH_KEY + XListening.GAPS_SUFFIX;
    // an earlier poll delivered p[0] and p[9] but had no budget left for p[1..8]
    store.put(XListening.SEARCH_KEY, id(p.get(9)));
    store.put(gapsKey, id(p.get(0)) + "-" + id(p.get(9)));
    // p[4] is below the watermark (p[9]) but was never delivered
    server.script(new FakeXServer.StreamScript().line(server.streamLine(p.get(4))).idle());
    // an idle time-out far above a busy machine's pauses: this test counts stream connections
    XConfig cfg = config(XListenMode.STREAM).maxPagesPerPoll(1).idleTimeout(Duration.ofSeconds(10)).build();
    try (Listening l = XAdapter.create(cfg).listen(sink, store)) {
      awaitCount(1);
      assertEquals(List.of(id(p.get(4))), ids());
      assertEquals(id(p.get(4)) + "-" + id(p.get(9)) + "," + id(p.get(0)) + "-" + id(p.get(4)),
          store.get(gapsKey).orElseThrow(), "the gap is split around the streamed post");
      // while connected, the gaps are read once per poll interval
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (got.size() < 8 && System.nanoTime() < end) {
        clock.advance(Duration.ofSeconds(1));
        Thread.sleep(60);
      }
      awaitCount(8);
      assertTrue(l.isRunning());
    }
    List<String> expected = new ArrayList<>();
    expected.add(id(p.get(4)));
    p.subList(5, 9).forEach(post -> expected.add(id(post)));
    p.subList(1, 4).forEach(post -> expected.add(id(post)));
    assertEquals(expected, ids(), "each once: the streamed post, then the gaps newest first");
    assertEquals("", store.get(gapsKey).orElseThrow());
    assertEquals(id(p.get(9)), store.get(XListening.SEARCH_KEY).orElseThrow());
    assertEquals(1, server.requests("GET", "/2/tweets/search/stream").size(), "the gaps were read without reconnecting");
  }

  @Test
  void duplicateRuleAnswerIsAcceptedButAnInvalidRuleStopsWithXsDetails() throws Exception {
    server.failNext("POST /2/tweets/search/stream/rules", 200, Map.of("content-type", "application/json"),
        FakeXServer.fixture("rules-add-duplicate.200.json"));
    try (Listening l = adapter(XListenMode.STREAM).listen(sink, CheckpointStore.inMemory())) {
      awaitStream(1);
      assertTrue(l.isRunning());
    }
    FakeXServer other = new FakeXServer();
    try {
      other.failNext("POST /2/tweets/search/stream/rules", 200, Map.of("content-type", "application/json"),
          FakeXServer.fixture("rules-add-invalid.200.json"));
      XAdapter x = XAdapter.create(XConfig.custom().baseUrl(other.baseUrl()).bearerToken("b").keywords(List.of("acme"))
          .mode(XListenMode.STREAM).sleeper(sleeper).build());
      Listening l = x.listen(sink, CheckpointStore.inMemory());
      assertTrue(l.awaitStopped(Duration.ofSeconds(10)));
      String msg = l.failure().orElseThrow().getMessage();
      assertTrue(msg.contains("Rules must contain a non-negation term"), msg);
      assertTrue(other.requests("GET", "/2/tweets/search/stream").isEmpty(), "no stream without a valid rule");
    } finally {
      other.close();
    }
  }

  @Test
  void streamedPostsAreFlushedInTheSinkBeforeTheirCheckpoint() throws Exception {
    ObjectNode p1 = server.publish("11", "ana", "@acme my parcel is late");
    ObjectNode p2 = server.publish("12", "bo", "acme store closed early?");
    ObjectNode p3 = server.publish("13", "cy", "@acme refund please");
    server.script(new FakeXServer.StreamScript()
        .line(server.streamLine(p1))
        .line(server.streamLine(p2))
        .line(server.streamLine(p3))
        .idle());
    DurabilityRecorder rec = new DurabilityRecorder();
    try (Listening l = adapter(XListenMode.STREAM).listen(rec.sink(sink), rec.store(CheckpointStore.inMemory()))) {
      rec.awaitEvent("put " + XListening.SEARCH_KEY + "=" + id(p3), Duration.ofSeconds(10));
    }
    assertEquals(List.of(id(p1), id(p2), id(p3)), ids());
    rec.assertNoCheckpointAheadOfFlush();
    assertTrue(rec.flushes() <= 3, "at most one sync per stream line: " + rec.events());
  }
}
