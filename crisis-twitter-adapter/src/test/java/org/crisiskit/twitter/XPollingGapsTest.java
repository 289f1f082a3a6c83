package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.Listening;
import org.crisiskit.spi.Sleeper;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polls that find more new posts than their page budget read the rest later: none skipped, none twice. */
class XPollingGapsTest {
  static final String SEARCH = "/2/tweets/search/recent";
  static final String GAPS_KEY = XListening.SEARCH_KEY + XListening.GAPS_SUFFIX;

  private FakeXServer server;
  private FakeClock clock;
  private final List<String> got = Collections.synchronizedList(new ArrayList<>());
  /** Search requests made so far, sampled at every wait of the listening thread (between polls). */
  private final List<Integer> searchesAtWait = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void setUp() {
    server = new FakeXServer();
    clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private XAdapter adapter(int maxPages) {
    Sleeper sleeper = d -> {
      searchesAtWait.add(server.requests("GET", SEARCH).size());
      clock.advance(d);
      // few idle polls: the JDK's loopback server and client now and then lose one of thousands of requests
      Thread.sleep(20);
    };
    return XAdapter.create(server.pollingConfig(XListenMode.SEARCH, clock)
        .bearerToken("gap-bearer")
        .maxPagesPerPoll(maxPages)
        .sleeper(sleeper)
        .build());
  }

  private List<String> publish(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(server.publish("3" + (i % 50), "user" + (i % 50), "acme outage report " + i).path("id").asText());
    }
    return ids;
  }

  private static void await(BooleanSupplier done, String what) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertTrue(done.getAsBoolean(), what);
  }

  private List<String> got() {
    synchronized (got) {
      return List.copyOf(got);
    }
  }

  private void assertEachOnce(List<String> expected) {
    List<String> all = got();
    assertEquals(all.size(), new HashSet<>(all).size(), "no post delivered twice");
    assertEquals(new HashSet<>(expected), new HashSet<>(all), "every post delivered");
  }

  /** A store whose search checkpoint is {@code id}. */
  private static CheckpointStore checkpointAt(String id) {
    CheckpointStore store = CheckpointStore.inMemory();
    store.put(XListening.SEARCH_KEY, id);
    return store;
  }

  /** Listens until the sink throws on its call number {@code failOnCall} and listening stops. */
  private Listening listenUntilTheSinkFails(int maxPages, int failOnCall, CheckpointStore store)
      throws InterruptedException {
    Listening l = adapter(maxPages).listen(new RecordingSink(got, failOnCall), store);
    assertTrue(l.awaitStopped(Duration.ofSeconds(20)));
    return l;
  }

  /** Listens until {@code n} posts in all were delivered, and a little longer for any duplicate. */
  private void listenUntilDelivered(int maxPages, CheckpointStore store, int n) throws InterruptedException {
    try (Listening l = adapter(maxPages).listen(new RecordingSink(got, 0), store)) {
      await(() -> got.size() >= n, "delivered " + got.size() + " of " + n);
      Thread.sleep(200);
    }
  }

  private int mostSearchesInOnePoll() {
    int most = 0;
    int before = 0;
    synchronized (searchesAtWait) {
      for (int n : searchesAtWait) {
        most = Math.max(most, n - before);
        before = n;
      }
    }
    return most;
  }

  @Test
  void moreNewPostsThanOnePollReadsAreNotSkippedButDeliveredOnceByTheFollowingPolls() throws Exception {
    List<String> all = new ArrayList<>(publish(1));
    CheckpointStore store = CheckpointStore.inMemory();
    RecordingSink sink = new RecordingSink(got, 0);
    try (Listening l = adapter(10).listen(sink, store)) {
      await(() -> got.size() == 1, "first post");
      all.addAll(publish(2_500));
      await(() -> got.size() >= all.size(), "delivered " + got.size() + " of " + all.size() + ", "
          + l.failure() + " " + sink.statuses());
      Thread.sleep(200);
      assertTrue(l.isRunning(), "failure: " + l.failure());
    }
    assertEachOnce(all);
    assertEquals(all.get(all.size() - 1), store.get(XListening.SEARCH_KEY).orElseThrow());
    assertEquals("", store.get(GAPS_KEY).orElseThrow(), "every gap closed");
    assertTrue(mostSearchesInOnePoll() <= 10, "a poll made " + mostSearchesInOnePoll() + " requests");
    assertTrue(sink.statuses().stream().anyMatch(s -> s.contains("are read by the next polls")), sink.statuses().toString());
    assertFalse(sink.statuses().stream().anyMatch(s -> s.contains("skipped")), sink.statuses().toString());
  }

  @Test
  void restartAfterAnOutageReadsEveryPostSinceTheCheckpointOverSeveralPolls() throws Exception {
    CheckpointStore store = checkpointAt(publish(1).get(0));
    List<String> missed = publish(2_500);
    listenUntilDelivered(10, store, missed.size());
    assertEachOnce(missed);
    // the newest come first: the first poll delivers the newest 1,000 oldest first
    assertEquals(missed.subList(1_500, 2_500), got().subList(0, 1_000));
    assertTrue(mostSearchesInOnePoll() <= 10);
  }

  @Test
  void restartInTheMiddleOfAGapFillDeliversEachPostOnce() throws Exception {
    server.setPageSize(10);
    String before = publish(1).get(0);
    CheckpointStore store = checkpointAt(before);
    List<String> p = publish(50);
    // poll 1 reads the newest page (p[40..49]) and leaves the gap (before, p[40]); poll 2 fills its
    // top (p[30..39], oldest first) and the sink fails on its fifth post, p[34]
    Listening first = listenUntilTheSinkFails(1, 15, store);
    assertTrue(first.failure().orElseThrow().getMessage().contains(p.get(34)), first.failure().toString());
    List<String> delivered = new ArrayList<>(p.subList(40, 50));
    delivered.addAll(p.subList(30, 34));
    assertEquals(delivered, got());
    assertEquals(p.get(33) + "-" + p.get(40) + "," + before + "-" + p.get(30), store.get(GAPS_KEY).orElseThrow());
    assertEquals(p.get(49), store.get(XListening.SEARCH_KEY).orElseThrow());
    searchesAtWait.add(server.requests("GET", SEARCH).size());

    listenUntilDelivered(1, store, p.size());
    assertEachOnce(p);
    assertEquals(p.get(34), got().get(14), "the post the sink failed on comes first after the restart");
    assertEquals("", store.get(GAPS_KEY).orElseThrow());
    assertTrue(mostSearchesInOnePoll() <= 1);
  }

  @Test
  void crashAfterTheGapIsRecordedButBeforeTheFirstDeliveryLosesNothing() throws Exception {
    server.setPageSize(10);
    String before = publish(1).get(0);
    CheckpointStore store = checkpointAt(before);
    List<String> p = publish(25);
    listenUntilTheSinkFails(1, 1, store);
    assertEquals(List.of(), got());
    assertEquals(before + "-" + p.get(15), store.get(GAPS_KEY).orElseThrow(), "recorded before delivering");
    assertEquals(before, store.get(XListening.SEARCH_KEY).orElseThrow());

    listenUntilDelivered(1, store, p.size());
    assertEachOnce(p);
  }

  @Test
  void aGapLeftByAPollThatStoppedBeforeDeliveringIsDroppedNotReadAgainLater() throws Exception {
    server.setPageSize(10);
    String before = publish(1).get(0);
    CheckpointStore store = checkpointAt(before);
    List<String> p = publish(25);
    // budget 1: the gap (before, p[15]) is recorded, then the sink fails on the first post
    listenUntilTheSinkFails(1, 1, store);
    assertEquals(before + "-" + p.get(15), store.get(GAPS_KEY).orElseThrow());
    // a larger budget reads the whole range from the checkpoint; the sink fails on the last post
    listenUntilTheSinkFails(10, 25, store);
    assertEquals(p.subList(0, 24), got());
    assertEquals("", store.get(GAPS_KEY).orElseThrow(), "the range was read from the checkpoint, not left as a gap");

    try (Listening third = adapter(10).listen(new RecordingSink(got, 0), store)) {
      await(() -> got.size() >= p.size() && searchesAtWait.size() >= 2, "delivered " + got.size() + " of " + p.size());
    }
    assertEachOnce(p);
  }

  @Test
  void aGapOlderThanXKeepsIsReadFromTheSearchWindowOrGivenUpWithAStatus() throws Exception {
    List<String> p = publish(5);
    server.keepOnlyFrom("1840000000000000000");
    CheckpointStore store = CheckpointStore.inMemory();
    store.put(XListening.SEARCH_KEY, p.get(4));
    // a checkpoint file written by an earlier run: one gap reaching below X's window, one entirely below it
    store.put(GAPS_KEY, "1800000000000000000-" + p.get(4) + ",1700000000000000000-1800000000000000001");
    RecordingSink sink = new RecordingSink(got, 0);
    try (Listening l = adapter(10).listen(sink, store)) {
      await(() -> got.size() >= 4, "delivered " + got());
      await(() -> store.get(GAPS_KEY).orElse("x").isEmpty(), "gaps " + store.get(GAPS_KEY));
      assertTrue(l.isRunning(), "failure: " + l.failure());
    }
    assertEquals(p.subList(0, 4), got());
    FakeXServer.Recorded fromWindow = server.requests("GET", SEARCH).stream()
        .filter(r -> r.query().containsKey("start_time")).findFirst().orElseThrow();
    assertEquals(p.get(4), fromWindow.query().get("until_id"));
    assertFalse(fromWindow.query().containsKey("since_id"));
    assertEquals("2026-10-26T10:01:00Z", fromWindow.query().get("start_time"));
    assertTrue(sink.statuses().stream().anyMatch(s -> s.contains("1700000000000000000")
        && s.contains("cannot be recovered")), sink.statuses().toString());
  }

  @Test
  void aBoundXRefusesAsTooOldCostsOneRequestOfThePollsBudgetNotOneMore() throws Exception {
    server.keepOnlyFrom("1840000000000000000");
    CheckpointStore store = CheckpointStore.inMemory();
    store.put(XListening.SEARCH_KEY, "1700000000000000000");
    store.put(GAPS_KEY, "1600000000000000000-1700000000000000000");
    RecordingSink sink = new RecordingSink(got, 0);
    List<String> p = new ArrayList<>();
    try (Listening l = adapter(1).listen(sink, store)) {
      await(() -> searchesAtWait.size() >= 5, "five polls");
      p.addAll(publish(3));
      await(() -> got.size() >= 3, "delivered " + got() + " " + l.failure());
      assertTrue(l.isRunning(), "failure: " + l.failure());
    }
    assertEquals(p, got());
    assertEquals(p.get(2), store.get(XListening.SEARCH_KEY).orElseThrow());
    assertTrue(mostSearchesInOnePoll() <= 1, "a poll made " + mostSearchesInOnePoll() + " requests");
    assertTrue(sink.statuses().stream().anyMatch(s -> s.contains("is too old for X")), sink.statuses().toString());
  }

  @Test
  void aCorruptGapsEntryStopsListeningNamingTheKeyAndTheExpectedForm() throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    store.put(XListening.SEARCH_KEY, publish(1).get(0));
    store.put(GAPS_KEY, "12-abc");
    Listening l = adapter(10).listen(new RecordingSink(got, 0), store);
    assertTrue(l.awaitStopped(Duration.ofSeconds(20)));
    String message = l.failure().orElseThrow().getMessage();
    assertTrue(message.contains(GAPS_KEY) && message.contains("lo-hi"), message);
  }

  /**
   * Listens in mentions mode from a checkpoint with 30 mentions after it, two pages of five a poll,
   * on a timeline that serves its newest {@code depth} mentions; returns the statuses.
   */
  private List<String> mentionsAfterAnOutage(int depth, List<String> newer) throws Exception {
    server.setPageSize(5);
    server.setMentionsDepth(depth);
    CheckpointStore store = CheckpointStore.inMemory();
    store.put(XListening.MENTIONS_KEY, server.publish("60", "early", "@acme delivered before").path("id").asText());
    for (int i = 0; i < 30; i++) {
      newer.add(server.publish("6" + (i % 9), "user" + (i % 9), "@acme mention " + i).path("id").asText());
    }
    int expected = Math.min(depth, newer.size());
    RecordingSink sink = new RecordingSink(got, 0);
    try (Listening l = mentionsAdapter(2).listen(sink, store)) {
      await(() -> got.size() >= expected
          && store.get(XListening.MENTIONS_KEY + XListening.GAPS_SUFFIX).orElse("x").isEmpty(),
          "delivered " + got.size() + " of " + expected + ", gaps closed: " + store.snapshot());
      Thread.sleep(200);
    }
    return sink.statuses();
  }

  private XAdapter mentionsAdapter(int maxPages) {
    return pollingAdapter(server, clock, XListenMode.MENTIONS, maxPages);
  }

  /** An adapter polling {@code server} in {@code mode}, {@code maxPages} a poll, whose waits pass on {@code clock}. */
  static XAdapter pollingAdapter(FakeXServer server, FakeClock clock, XListenMode mode, int maxPages) {
    return XAdapter.create(server.pollingConfig(mode, clock)
        .bearerToken("gap-bearer")
        .maxPagesPerPoll(maxPages)
        .sleeper(d -> {
          clock.advance(d);
          Thread.sleep(10);
        })
        .build());
  }

  @Test
  void aMentionsGapDeeperThanTheTimelineReachesIsReportedNotClosedSilently() throws Exception {
    List<String> newer = new ArrayList<>();
    List<String> statuses = mentionsAfterAnOutage(12, newer);
    // only the newest 12 can be read; the 18 below them are reported as possibly missing
    assertEachOnce(newer.subList(18, 30));
    assertTrue(statuses.stream().anyMatch(s -> s.contains("mentions timeline ended before") && s.contains("800")),
        statuses.toString());
    assertTrue(statuses.contains("caught up as far as X's mentions timeline reaches back"), statuses.toString());
    assertFalse(statuses.stream().anyMatch(s -> s.contains("every post missed")), statuses.toString());
  }

  /** Mentions gap {@code gaps} below checkpoint {@code checkpoint}, read {@code maxPages} a poll; the statuses. */
  private List<String> mentionsGap(String checkpoint, String gaps, int maxPages, int expected) throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    store.put(XListening.MENTIONS_KEY, checkpoint);
    store.put(XListening.MENTIONS_KEY + XListening.GAPS_SUFFIX, gaps);
    RecordingSink sink = new RecordingSink(got, 0);
    try (Listening l = mentionsAdapter(maxPages).listen(sink, store)) {
      await(() -> got.size() >= expected
          && store.get(XListening.MENTIONS_KEY + XListening.GAPS_SUFFIX).orElse("x").isEmpty(),
          "delivered " + got() + ", " + store.snapshot() + ", failure " + l.failure());
      assertTrue(l.isRunning(), "failure: " + l.failure());
    }
    return sink.statuses();
  }

  private List<String> publishMentions(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(server.publish("7" + i, "user7" + i, "@acme mention " + i).path("id").asText());
    }
    return ids;
  }

  @Test
  void aMentionsGapWhoseBoundXRefusesIsReadFromTheWindowWithoutTheTimelineCheck() throws Exception {
    List<String> p = publishMentions(5);
    server.keepOnlyFrom("1840000000000000000");
    List<String> statuses = mentionsGap(p.get(4), "1800000000000000000-" + p.get(4), 10, 4);
    assertEquals(p.subList(0, 4), got());
    assertFalse(statuses.stream().anyMatch(s -> s.contains("mentions timeline ended")), statuses.toString());
  }

  @Test
  void aTimelineCheckThatFailsCostsThePollNothing() throws Exception {
    List<String> p = publishMentions(4);
    String check = "GET /2/users/" + FakeXServer.BRAND_ID + "/mentions?max_results=5&";
    server.failNext(check, 400, java.util.Map.of(), "{\"title\":\"Invalid Request\",\"detail\":\"refused\"}");
    List<String> statuses = mentionsGap(p.get(3), p.get(0) + "-" + p.get(3), 2, 2);
    assertEquals(p.subList(1, 3), got());
    assertTrue(server.requests("GET", "/2/users/" + FakeXServer.BRAND_ID + "/mentions").stream()
        .anyMatch(r -> "5".equals(r.query().get("max_results"))), "the check was sent");
    assertFalse(statuses.stream().anyMatch(s -> s.contains("mentions timeline ended")), statuses.toString());
  }

  @Test
  void aMentionsGapTheTimelineStillReachesIsReadWithoutAWarning() throws Exception {
    List<String> newer = new ArrayList<>();
    List<String> statuses = mentionsAfterAnOutage(Integer.MAX_VALUE, newer);
    assertEachOnce(newer);
    assertTrue(statuses.stream().anyMatch(s -> s.contains("are read by the next polls")), statuses.toString());
    assertFalse(statuses.stream().anyMatch(s -> s.contains("mentions timeline ended")), statuses.toString());
  }
}
