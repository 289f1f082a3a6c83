package org.crisiskit.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisiskit.internal.Json;

/**
 * A loopback X API v2 for tests: serves posts published by the test through search, mentions,
 * users and the filtered stream (newest first, {@code since_id}/{@code until_id} exclusive, paged by
 * offset tokens); records every request; injects scripted faults.
 */
final class FakeXServer implements AutoCloseable {
  static final String BRAND = "acme";
  static final String BRAND_ID = "777000";

  /** One recorded request. */
  record Recorded(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
    String auth() {
      return headers.getOrDefault("authorization", "");
    }
  }

  /** A canned answer. */
  record Canned(int status, Map<String, String> headers, String body) {}

  /** What one stream connection does, step by step. */
  static final class StreamScript {
    final List<Object[]> steps = new ArrayList<>();
    Canned refuse;
    boolean silentBeforeHeaders;

    static StreamScript refuse(int status, String body) {
      StreamScript s = new StreamScript();
      s.refuse = new Canned(status, Map.of(), body);
      return s;
    }

    StreamScript line(String json) {
      steps.add(new Object[] {"line", json});
      return this;
    }

    StreamScript keepAlive() {
      steps.add(new Object[] {"line", ""});
      return this;
    }

    /** Accepts the connection but never sends the response headers. */
    static StreamScript silentBeforeHeaders() {
      StreamScript s = new StreamScript();
      s.silentBeforeHeaders = true;
      return s;
    }

    /** Writes part of a line, then ends the response. */
    StreamScript dropMidLine(String partial) {
      steps.add(new Object[] {"partial", partial});
      return this;
    }

    /** Stays connected without sending anything (not even keep-alives). */
    StreamScript stall() {
      steps.add(new Object[] {"stall"});
      return this;
    }

    /** Stays connected and sends keep-alives every 50 ms. */
    StreamScript idle() {
      steps.add(new Object[] {"idle"});
      return this;
    }
  }

  private final HttpServer server;
  private final List<ObjectNode> posts = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ObjectNode> users = Collections.synchronizedMap(new LinkedHashMap<>());
  private final Set<String> dmOpen = Collections.synchronizedSet(new HashSet<>());
  private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<Canned>> faults = new LinkedHashMap<>();
  private final Deque<StreamScript> scripts = new ArrayDeque<>();
  private final List<ObjectNode> rules = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private volatile int pageSize = 100;
  private volatile int mentionsDepth = Integer.MAX_VALUE;
  private volatile String oldestKept;
  private volatile Map<String, String> extraHeaders = Map.of();
  private long nextPostId = 1850000000000000000L;
  private long nextRuleId = 1;
  private long nextCreated = 1860000000000000000L;

  FakeXServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-x");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
    ObjectNode brand = Json.object().put("id", BRAND_ID).put("username", BRAND).put("name", "Acme");
    users.put(BRAND_ID, brand);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static String fixture(String name) {
    try (InputStream in = FakeXServer.class.getResourceAsStream("/x-fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- scripting

  /** Publishes a post by a new or known author and returns its JSON (with a rising id). */
  synchronized ObjectNode publish(String authorId, String username, String text) {
    users.computeIfAbsent(authorId, id -> Json.object().put("id", id).put("username", username)
        .put("name", username).set("public_metrics", Json.object().put("followers_count", 120)
            .put("following_count", 80).put("tweet_count", 5).put("listed_count", 0)));
    ObjectNode p = Json.object();
    p.put("id", Long.toString(nextPostId++));
    p.put("text", text);
    p.put("author_id", authorId);
    p.put("created_at", "2026-11-02T09:00:00.000Z");
    p.put("lang", "en");
    p.set("public_metrics", Json.object().put("retweet_count", 1).put("reply_count", 0)
        .put("like_count", 2).put("quote_count", 0));
    posts.add(p);
    return p;
  }

  /** The stream line for a published post: {@code data}, {@code includes.users}, {@code matching_rules}. */
  String streamLine(ObjectNode post) {
    ObjectNode line = Json.object();
    line.set("data", post);
    line.putObject("includes").putArray("users").add(users.get(post.path("author_id").asText()));
    line.putArray("matching_rules").addObject().put("id", "1").put("tag", "crisiskit");
    return Json.write(line);
  }

  /**
   * A configuration that polls this server in {@code mode} for the brand {@code acme} (keyword
   * {@code acme}) every 30 s of {@code clock}; callers add the token, sleeper and page budget.
   */
  XConfig.Builder pollingConfig(XListenMode mode, java.time.Clock clock) {
    return XConfig.custom()
        .baseUrl(baseUrl())
        .handle(BRAND)
        .keywords(List.of(BRAND))
        .mode(mode)
        .pollInterval(java.time.Duration.ofSeconds(30))
        .clock(clock);
  }

  void setPageSize(int n) {
    pageSize = n;
  }

  /** Serves only the newest {@code n} posts of the mentions timeline, as X serves its newest 800. */
  void setMentionsDepth(int n) {
    mentionsDepth = n;
  }

  /** Refuses, as X does past its 7-day window, a {@code since_id} or {@code until_id} below {@code id}. */
  void keepOnlyFrom(String id) {
    oldestKept = id;
  }

  void acceptDms(String userId) {
    dmOpen.add(userId);
  }

  void addRule(String id, String value, String tag) {
    ObjectNode r = Json.object().put("id", id).put("value", value);
    if (tag != null) {
      r.put("tag", tag);
    }
    rules.add(r);
  }

  List<ObjectNode> rules() {
    return List.copyOf(rules);
  }

  /** Headers added to every successful answer. */
  void setExtraHeaders(Map<String, String> headers) {
    extraHeaders = Map.copyOf(headers);
  }

  /** The next request whose "METHOD path?query" starts with {@code prefix} gets {@code answer}. */
  synchronized void failNext(String prefix, int status, Map<String, String> headers, String body) {
    faults.computeIfAbsent(prefix, k -> new ArrayDeque<>()).add(new Canned(status, headers, body));
  }

  synchronized void script(StreamScript s) {
    scripts.add(s);
  }

  List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  List<Recorded> requests(String method, String path) {
    return requests().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    shutdown.countDown();
    server.stop(0);
  }

  // ---------------------------------------------------------------- handling

  private void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      Map<String, String> query = parseQuery(ex.getRequestURI().getRawQuery());
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Recorded(method, path, query, headers, body));
      String raw = ex.getRequestURI().getRawQuery();
      Canned fault = takeFault(method + " " + path + (raw == null ? "" : "?" + raw));
      if (fault != null) {
        respond(ex, fault.status(), fault.headers(), fault.body());
        return;
      }
      route(ex, method, path, query, body);
    } catch (RuntimeException e) {
      respond(ex, 500, Map.of(), "{\"title\":\"fake server bug\",\"detail\":\"" + e + "\"}");
    } finally {
      ex.close();
    }
  }

  private synchronized Canned takeFault(String key) {
    for (Map.Entry<String, Deque<Canned>> e : faults.entrySet()) {
      if (key.startsWith(e.getKey()) && !e.getValue().isEmpty()) {
        return e.getValue().poll();
      }
    }
    return null;
  }

  private static final Pattern MENTIONS = Pattern.compile("/2/users/([0-9]+)/mentions");
  private static final Pattern USER = Pattern.compile("/2/users/([0-9]+)");
  private static final Pattern DM = Pattern.compile("/2/dm_conversations/with/([0-9]+)/messages");

  private void route(HttpExchange ex, String method, String path, Map<String, String> q, String body)
      throws IOException {
    Matcher m;
    if (method.equals("GET") && path.equals("/2/tweets/search/stream")) {
      stream(ex);
    } else if (method.equals("GET") && path.equals("/2/tweets/search/recent")) {
      page(ex, q, "next_token", post -> true, Integer.MAX_VALUE);
    } else if (method.equals("GET") && (m = MENTIONS.matcher(path)).matches()) {
      page(ex, q, "pagination_token", post -> post.path("text").asText().toLowerCase().contains("@" + BRAND),
          mentionsDepth);
    } else if (method.equals("GET") && path.equals("/2/users/by/username/" + BRAND)) {
      ok(ex, 200, Json.object().set("data", users.get(BRAND_ID)));
    } else if (method.equals("GET") && (m = USER.matcher(path)).matches()) {
      ObjectNode u = users.get(m.group(1));
      if (u == null) {
        ok(ex, 200, Json.MAPPER.readTree("{\"errors\":[{\"resource_id\":\"" + m.group(1)
            + "\",\"resource_type\":\"user\",\"title\":\"Not Found Error\","
            + "\"type\":\"https://api.x.com/2/problems/resource-not-found\"}]}"));
      } else {
        ObjectNode copy = u.deepCopy();
        if (q.getOrDefault("user.fields", "").contains("receives_your_dm")) {
          copy.put("receives_your_dm", dmOpen.contains(m.group(1)));
        }
        ok(ex, 200, Json.object().set("data", copy));
      }
    } else if (method.equals("POST") && path.equals("/2/tweets")) {
      JsonNode req = Json.parse(body);
      String target = req.path("reply").path("in_reply_to_tweet_id").asText("");
      ObjectNode targetPost = posts.stream().filter(p -> p.path("id").asText().equals(target)).findFirst().orElse(null);
      if (targetPost != null && !targetPost.path("text").asText().toLowerCase().contains("@" + BRAND)) {
        respond(ex, 403, Map.of(), fixture("reply-not-summoned.403.json"));
        return;
      }
      ObjectNode data = Json.object().put("id", Long.toString(nextCreated++)).put("text", req.path("text").asText());
      ok(ex, 201, Json.object().set("data", data));
    } else if (method.equals("POST") && (m = DM.matcher(path)).matches()) {
      if (!dmOpen.contains(m.group(1))) {
        respond(ex, 403, Map.of(), fixture("dm-forbidden.403.json"));
        return;
      }
      ok(ex, 201, Json.MAPPER.readTree("{\"data\":{\"dm_conversation_id\":\"" + BRAND_ID + "-" + m.group(1)
          + "\",\"dm_event_id\":\"" + (nextCreated++) + "\"}}"));
    } else if (path.equals("/2/tweets/search/stream/rules")) {
      rules(ex, method, body);
    } else {
      respond(ex, 404, Map.of(), "{\"title\":\"Not Found\",\"detail\":\"no route " + method + " " + path + "\"}");
    }
  }

  private void page(HttpExchange ex, Map<String, String> q, String tokenParam,
      java.util.function.Predicate<JsonNode> filter, int depth) throws IOException {
    String since = q.get("since_id");
    for (String bound : List.of("until_id", "since_id")) {
      String v = q.get(bound);
      if (oldestKept != null && v != null && PostParser.compareIds(v, oldestKept) < 0) {
        respond(ex, 400, Map.of(), "{\"errors\":[{\"parameters\":{\"" + bound + "\":[\"" + v + "\"]},"
            + "\"message\":\"Invalid '" + bound + "':'" + v + "'. '" + bound + "' must be a tweet id created"
            + " after 2026-10-26T10:00Z.\"}],\"title\":\"Invalid Request\",\"detail\":\"One or more parameters"
            + " to your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\"}");
        return;
      }
    }
    List<ObjectNode> match;
    synchronized (posts) {
      match = new ArrayList<>(posts);
    }
    match.removeIf(p -> !filter.test(p) || p.path("author_id").asText().equals(BRAND_ID)
        && q.getOrDefault("query", "").contains("-from:" + BRAND));
    match.sort(Comparator.comparing((ObjectNode p) -> p.path("id").asText(), PostParser::compareIds).reversed());
    match = new ArrayList<>(match.subList(0, Math.min(depth, match.size())));
    if (since != null) {
      match.removeIf(p -> PostParser.compareIds(p.path("id").asText(), since) <= 0);
    }
    String until = q.get("until_id");
    if (until != null) {
      match.removeIf(p -> PostParser.compareIds(p.path("id").asText(), until) >= 0);
    }
    match.sort(Comparator.comparing((ObjectNode p) -> p.path("id").asText(), PostParser::compareIds).reversed());
    int offset = q.containsKey(tokenParam) ? Integer.parseInt(q.get(tokenParam).substring(1)) : 0;
    int size = Math.min(pageSize, Integer.parseInt(q.getOrDefault("max_results", "10")));
    List<ObjectNode> slice = match.subList(Math.min(offset, match.size()), Math.min(offset + size, match.size()));
    ObjectNode res = Json.object();
    ObjectNode meta = Json.object().put("result_count", slice.size());
    if (!slice.isEmpty()) {
      ArrayNode data = res.putArray("data");
      ArrayNode us = res.putObject("includes").putArray("users");
      Set<String> seen = new HashSet<>();
      for (ObjectNode p : slice) {
        data.add(p);
        String a = p.path("author_id").asText();
        if (seen.add(a) && users.containsKey(a)) {
          us.add(users.get(a));
        }
      }
      meta.put("newest_id", slice.get(0).path("id").asText());
      meta.put("oldest_id", slice.get(slice.size() - 1).path("id").asText());
    }
    if (offset + size < match.size()) {
      meta.put("next_token", "t" + (offset + size));
    }
    res.set("meta", meta);
    ok(ex, 200, res);
  }

  private synchronized void rules(HttpExchange ex, String method, String body) throws IOException {
    if (method.equals("GET")) {
      ObjectNode res = Json.object();
      if (!rules.isEmpty()) {
        ArrayNode data = res.putArray("data");
        rules.forEach(data::add);
      }
      res.putObject("meta").put("sent", "2026-11-02T09:00:00.000Z").put("result_count", rules.size());
      ok(ex, 200, res);
      return;
    }
    JsonNode req = Json.parse(body);
    ObjectNode res = Json.object();
    if (req.has("delete")) {
      Set<String> ids = new HashSet<>();
      req.path("delete").path("ids").forEach(i -> ids.add(i.asText()));
      int before = rules.size();
      rules.removeIf(r -> ids.contains(r.path("id").asText()));
      res.putObject("meta").put("sent", "2026-11-02T09:00:00.000Z").putObject("summary")
          .put("deleted", before - rules.size()).put("not_deleted", ids.size() - (before - rules.size()));
      ok(ex, 200, res);
      return;
    }
    ArrayNode data = res.putArray("data");
    for (JsonNode add : req.path("add")) {
      ObjectNode r = Json.object().put("id", "9" + (nextRuleId++)).put("value", add.path("value").asText());
      if (add.has("tag")) {
        r.put("tag", add.path("tag").asText());
      }
      rules.add(r);
      data.add(r);
    }
    res.putObject("meta").put("sent", "2026-11-02T09:00:00.000Z").putObject("summary")
        .put("created", data.size()).put("not_created", 0).put("valid", data.size()).put("invalid", 0);
    ok(ex, 201, res);
  }

  private void stream(HttpExchange ex) throws IOException {
    StreamScript s;
    synchronized (this) {
      s = scripts.poll();
    }
    if (s == null) {
      s = new StreamScript().idle();
    }
    if (s.refuse != null) {
      respond(ex, s.refuse.status(), s.refuse.headers(), s.refuse.body());
      return;
    }
    if (s.silentBeforeHeaders) {
      try {
        shutdown.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    ex.getResponseHeaders().set("content-type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    try {
      for (Object[] step : s.steps) {
        switch ((String) step[0]) {
          case "line":
            out.write((step[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            break;
          case "partial":
            out.write(((String) step[1]).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return;
          case "stall":
            shutdown.await(20, TimeUnit.SECONDS);
            return;
          case "idle":
            while (!shutdown.await(50, TimeUnit.MILLISECONDS)) {
              out.write("\r\n".getBytes(StandardCharsets.UTF_8));
              out.flush();
            }
            return;
          default:
            throw new IllegalStateException((String) step[0]);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away
    }
  }

  private void ok(HttpExchange ex, int status, JsonNode body) throws IOException {
    Map<String, String> h = new LinkedHashMap<>(extraHeaders);
    h.put("content-type", "application/json; charset=utf-8");
    respond(ex, status, h, Json.write(body));
  }

  private static void respond(HttpExchange ex, int status, Map<String, String> headers, String body)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    if (!headers.containsKey("content-type")) {
      ex.getResponseHeaders().set("content-type", status >= 400 ? "application/problem+json" : "application/json");
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      ex.getResponseBody().write(b);
    }
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }
}
