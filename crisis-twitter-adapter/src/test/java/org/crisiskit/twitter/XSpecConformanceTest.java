package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.crisiskit.internal.Json;
import org.crisiskit.mention.MentionId;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.Listening;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every request the adapter sends matches the official OpenAPI spec: a declared path and method,
 * only declared query parameters with allowed list values, required ones present, declared body
 * properties, and an accepted security scheme.
 */
class XSpecConformanceTest {
  private static final String APP = "app-bearer";
  private static final String USER = "user-bearer";
  private FakeXServer server;

  @BeforeEach
  void setUp() {
    server = new FakeXServer();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({"tweet.fields, openapi-2.166.subset.json", "post.fields, openapi-2.167.subset.json"})
  void everyRequestMatchesTheSpec(String fieldsParameter, String spec) throws Exception {
    String target = server.publish("51", "ana", "@acme help").path("id").asText();
    server.acceptDms("51");
    for (XListenMode mode : List.of(XListenMode.SEARCH, XListenMode.MENTIONS, XListenMode.STREAM)) {
      XAdapter x = XAdapter.create(XConfig.custom().baseUrl(server.baseUrl()).bearerToken(APP)
          .userAccessToken(USER).handle("acme").keywords(List.of("acme", "acme store")).mode(mode)
          .postFieldsParameter(fieldsParameter).clock(new FakeClock(Instant.parse("2026-11-02T10:00:00Z")))
          .sleeper(new RecordingSleeper(null)).pollInterval(Duration.ofMillis(100)).build());
      CheckpointStore store = CheckpointStore.inMemory();
      if (mode == XListenMode.STREAM) {
        store.put(XListening.SEARCH_KEY, "1");
        server.script(new FakeXServer.StreamScript().line(server.streamLine(server.publish("52", "bo", "acme"))).idle());
      }
      try (Listening l = x.listen(m -> { }, store)) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (l.delivered() < 1 && System.nanoTime() < end) {
          Thread.sleep(10);
        }
      }
      if (mode == XListenMode.SEARCH) {
        x.replyPublicly(MentionId.of("x", target), "Thanks!");
        x.capabilitiesFor(x.lookUpAuthor("51").map(a -> org.crisiskit.mention.Mention.newBuilder()
            .network("x").id(target).author(a).text("@acme").createdAt(Instant.EPOCH).build()).orElseThrow());
        x.sendPrivateMessage("51", "Hello");
      }
    }
    JsonNode ops = load(spec).path("operations");
    Set<String> seen = new HashSet<>();
    for (FakeXServer.Recorded r : server.requests()) {
      String op = operation(ops, r.method(), r.path());
      seen.add(op);
      check(ops.path(op), op, r);
    }
    assertTrue(seen.containsAll(List.of("GET /2/tweets/search/recent", "GET /2/users/{id}/mentions",
        "GET /2/tweets/search/stream", "GET /2/tweets/search/stream/rules", "POST /2/tweets/search/stream/rules",
        "POST /2/tweets", "POST /2/dm_conversations/with/{participant_id}/messages", "GET /2/users/{id}",
        "GET /2/users/by/username/{username}")), seen.toString());
  }

  private static JsonNode load(String name) throws Exception {
    try (InputStream in = XSpecConformanceTest.class.getResourceAsStream("/x-openapi/" + name)) {
      return Json.MAPPER.readTree(in);
    }
  }

  private static String operation(JsonNode ops, String method, String path) {
    List<String> candidates = new ArrayList<>();
    ops.fieldNames().forEachRemaining(candidates::add);
    candidates.sort(Comparator.comparingInt((String t) -> t.replaceAll("\\{[^}]+}", "").length()).reversed());
    for (String op : candidates) {
      String[] mp = op.split(" ", 2);
      String regex = Pattern.quote(mp[1]).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      if (mp[0].equals(method) && path.matches(regex)) {
        return op;
      }
    }
    fail(method + " " + path + " is not an operation of the spec");
    return null;
  }

  private static void check(JsonNode op, String name, FakeXServer.Recorded r) throws Exception {
    JsonNode params = op.path("parameters");
    for (Map.Entry<String, String> q : r.query().entrySet()) {
      JsonNode p = params.path(q.getKey());
      assertEquals("query", p.path("in").asText(), name + ": undeclared query parameter " + q.getKey());
      if (p.path("enum").isArray()) {
        Set<String> allowed = new HashSet<>();
        p.path("enum").forEach(v -> allowed.add(v.asText()));
        for (String v : q.getValue().split(",")) {
          assertTrue(allowed.contains(v), name + ": " + q.getKey() + " value '" + v + "' not in " + allowed);
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if (p.getValue().path("in").asText().equals("query") && p.getValue().path("required").asBoolean()) {
        assertTrue(r.query().containsKey(p.getKey()), name + ": required " + p.getKey() + " missing");
      }
    }
    if (!r.body().isEmpty()) {
      JsonNode body = Json.parse(r.body());
      JsonNode declared = op.path("body");
      for (Iterator<String> f = body.fieldNames(); f.hasNext(); ) {
        String field = f.next();
        assertTrue(declared.has(field), name + ": undeclared body property " + field);
        if (body.path(field).isObject() && declared.path(field).size() > 0) {
          body.path(field).fieldNames().forEachRemaining(sub -> assertTrue(declared.path(field).has(sub),
              name + ": undeclared body property " + field + "." + sub));
        }
      }
    }
    Set<String> security = new HashSet<>();
    op.path("security").forEach(s -> security.add(s.asText()));
    String auth = r.auth();
    String scheme = auth.equals("Bearer " + APP) ? "BearerToken"
        : auth.equals("Bearer " + USER) ? "OAuth2UserToken"
        : auth.startsWith("OAuth ") ? "UserToken" : "none";
    assertTrue(security.contains(scheme), name + ": sent with " + scheme + " but the spec accepts " + security);
  }
}
