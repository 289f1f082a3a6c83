package org.crisiskit.twitter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.MentionId;
import org.crisiskit.spi.AuthenticationException;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.spi.NetworkAdapterContract;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.spi.NotPermittedException;
import org.crisiskit.spi.RateLimitedException;
import org.crisiskit.spi.UsageCapException;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The X adapter against the loopback X API passes the shared adapter contract. */
class XAdapterContractTest extends NetworkAdapterContract {
  static final String BEARER = "AAAA-test-bearer-secret";
  static final String USER_TOKEN = "user-token-secret-123";

  private FakeXServer server;
  private XAdapter adapter;
  private int authors;

  @BeforeEach
  void setUp() {
    server = new FakeXServer();
    FakeClock clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));
    adapter = XAdapter.create(XConfig.custom()
        .baseUrl(server.baseUrl())
        .bearerToken(BEARER)
        .userAccessToken(USER_TOKEN)
        .handle(FakeXServer.BRAND)
        .keywords(List.of("acme"))
        .mode(XListenMode.SEARCH)
        .pollInterval(Duration.ofMillis(100))
        .clock(clock)
        .sleeper(new RecordingSleeper(null))
        .build());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Override
  protected NetworkAdapter adapter() {
    return adapter;
  }

  @Override
  protected List<MentionId> publish(int count, Addressing addressing) {
    List<MentionId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      authors++;
      String text = addressing == Addressing.KEYWORD
          ? "acme store was slow today " + authors
          : "@acme where is my order " + authors;
      ids.add(MentionId.of("x", server.publish("10" + authors, "customer" + authors, text).path("id").asText()));
    }
    return ids;
  }

  @Override
  protected void failNextWrite(Class<? extends NetworkException> kind) {
    if (kind == RateLimitedException.class) {
      // remaining 0 with a reset that has passed: typed 429 without blocking the next call
      server.failNext("POST /2/tweets", 429, Map.of("x-rate-limit-remaining", "0",
          "x-rate-limit-reset", "1793613600"), FakeXServer.fixture("rate-limited.429.json"));
    } else if (kind == UsageCapException.class) {
      server.failNext("POST /2/tweets", 429, Map.of(), FakeXServer.fixture("usage-capped.429.json"));
    } else if (kind == NotPermittedException.class) {
      server.failNext("POST /2/tweets", 403, Map.of(), FakeXServer.fixture("reply-not-summoned.403.json"));
    } else if (kind == AuthenticationException.class) {
      server.failNext("POST /2/tweets", 401, Map.of(), FakeXServer.fixture("unauthorized.401.json"));
    } else {
      server.failNext("POST /2/tweets", 503, Map.of(), "{\"title\":\"Service Unavailable\"}");
    }
  }

  @Override
  protected void acceptPrivateMessages(String authorId) {
    server.acceptDms(authorId);
  }

  @Override
  protected Set<String> secrets() {
    return Set.of(BEARER, USER_TOKEN);
  }
}
