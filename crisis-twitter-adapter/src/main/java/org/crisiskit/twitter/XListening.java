package org.crisiskit.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crisiskit.internal.Json;
import org.crisiskit.mention.Mention;
import org.crisiskit.spi.AuthenticationException;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.ListeningSupport;
import org.crisiskit.spi.MentionSink;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.spi.NotPermittedException;
import org.crisiskit.spi.RateLimitedException;
import org.crisiskit.spi.TransientNetworkException;
import org.crisiskit.spi.UsageCapException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running listen of {@link XAdapter}: a thread that streams or polls until closed. */
final class XListening extends ListeningSupport {
  static final String SEARCH_KEY = "x.search.since_id";
  static final String MENTIONS_KEY = "x.mentions.since_id";
  private static final Logger LOG = LoggerFactory.getLogger(XListening.class);
  private static final int RECENT_IDS = 10_000;
  private static final Object EOF = new Object();
  private static final Object DROPPED = new Object();

  private enum Outcome { STALLED, ENDED, DISCONNECTED, CLOSED }

  private final XClient client;
  private final XConfig config;
  private final MentionSink sink;
  private final CheckpointStore store;
  private final Thread thread;
  private final Backoff backoff = new Backoff();
  private final Set<String> recent = new LinkedHashSet<>();
  private final Object deliveryLock = new Object();
  private volatile boolean closing;
  private volatile XTransport.StreamResponse current;
  private PostParser parser;
  private String watermark;
  private String brandId;

  XListening(XClient client, MentionSink sink, CheckpointStore store) {
    this.client = client;
    this.config = client.config();
    this.sink = sink;
    this.store = store;
    this.thread = new Thread(this::run, "crisis-x-listen");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    try {
      resolveBrand();
      switch (config.mode()) {
        case STREAM:
          streamLoop();
          break;
        case SEARCH:
          pollLoop(false);
          break;
        case MENTIONS:
          pollLoop(true);
          break;
        case AUTO:
        default:
          if (config.hasBearer()) {
            try {
              streamLoop();
            } catch (NotPermittedException | AuthenticationException e) {
              status("filtered stream not available (" + e.getMessage() + "); falling back to recent-search polling");
              pollLoop(false);
            }
          } else {
            status("no X_BEARER_TOKEN: listening by recent-search polling with user credentials");
            pollLoop(false);
          }
          break;
      }
    } catch (InterruptedException e) {
      // closing
    } catch (NetworkException e) {
      if (!closing) {
        stopWith(e);
        status("stopped: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      if (!closing) {
        stopWith(new NetworkException(XClient.NETWORK, "listening stopped: " + e, e));
        LOG.error("X listening stopped", e);
        status("stopped: " + e);
      }
    } finally {
      markStopped();
    }
  }

  private void resolveBrand() throws InterruptedException {
    brandId = config.brandUserId().orElse(null);
    if (brandId == null && config.handle().isPresent()) {
      String handle = config.handle().get();
      while (brandId == null && !closing) {
        try {
          JsonNode n = client.call("GET", "/2/users/by/username/" + handle, "GET /2/users/by/username",
              Map.of("user.fields", "username"), Optional.empty(), XClient.Auth.READ, "looking up @" + handle);
          brandId = n.path("data").path("id").asText(null);
          if (brandId == null) {
            throw new NotPermittedException(XClient.NETWORK, "the brand account @" + handle + " was not found");
          }
        } catch (NetworkException e) {
          if (config.mode() != XListenMode.MENTIONS) {
            status("could not look up @" + handle + " (" + e.getMessage() + "); matching replies by handle only");
            break;
          }
          if (!e.retryable()) {
            throw e;
          }
          retryWait(e);
        }
      }
    }
    if (config.mode() == XListenMode.MENTIONS && brandId == null && !closing) {
      throw new IllegalArgumentException("mentions mode needs the brand's handle or user id");
    }
    parser = new PostParser(config.handle(), Optional.ofNullable(brandId));
  }

  // ---------------------------------------------------------------- polling

  private void pollLoop(boolean mentions) throws InterruptedException {
    String limitKey = mentions ? "GET /2/users/:id/mentions" : "GET /2/tweets/search/recent";
    while (!closing) {
      try {
        poll(mentions);
        backoff.reset();
        Duration wait = client.waitBeforeNext(limitKey);
        if (wait.compareTo(config.pollInterval()) > 0) {
          status("rate limit window used up; next poll in " + wait.toSeconds() + " s");
        } else {
          wait = config.pollInterval();
        }
        config.sleeper().sleep(wait);
      } catch (TransientNetworkException | RateLimitedException e) {
        if (closing) {
          return;
        }
        countReconnect();
        retryWait(e);
      }
    }
  }

  private void retryWait(NetworkException e) throws InterruptedException {
    Duration wait;
    if (e instanceof RateLimitedException) {
      Duration b = backoff.next(Backoff.Kind.RATE_LIMIT);
      Duration r = ((RateLimitedException) e).retryAfter();
      wait = r.compareTo(b) > 0 ? r : b;
    } else if (e.getCause() instanceof IOException) {
      wait = backoff.next(Backoff.Kind.NETWORK);
    } else {
      wait = backoff.next(Backoff.Kind.HTTP);
    }
    status(e.getMessage() + "; retrying in " + wait.toMillis() + " ms");
    config.sleeper().sleep(wait);
  }

  /** Reads every page newer than the checkpoint, then delivers oldest first. */
  private void poll(boolean mentions) {
    String key = mentions ? MENTIONS_KEY : SEARCH_KEY;
    Optional<String> since = store.get(key);
    Map<String, String> params = new LinkedHashMap<>();
    String path;
    String limitKey;
    String pageParam;
    if (mentions) {
      path = "/2/users/" + brandId + "/mentions";
      limitKey = "GET /2/users/:id/mentions";
      pageParam = "pagination_token";
    } else {
      path = "/2/tweets/search/recent";
      limitKey = "GET /2/tweets/search/recent";
      pageParam = "next_token";
      params.put("query", XQueries.searchQuery(config));
    }
    params.put("max_results", "100");
    since.ifPresent(s -> params.put("since_id", s));
    params.putAll(XQueries.fields(config.postFieldsParameter()));
    List<Mention> found = new ArrayList<>();
    Optional<String> next = Optional.empty();
    int pages = 0;
    while (true) {
      Map<String, String> p = new LinkedHashMap<>(params);
      next.ifPresent(t -> p.put(pageParam, t));
      JsonNode root;
      try {
        root = client.call("GET", path, limitKey, p, Optional.empty(), XClient.Auth.READ,
            mentions ? "reading the mentions timeline" : "recent search");
      } catch (NetworkException e) {
        if (e.retryable() || !params.containsKey("since_id") || !e.getMessage().contains("HTTP 400")
            || !e.getMessage().contains("since_id")) {
          throw e;
        }
        // the checkpoint is older than X keeps (7 days for search): restart from the oldest reachable
        params.remove("since_id");
        params.put("start_time", java.time.format.DateTimeFormatter.ISO_INSTANT.format(
            config.clock().instant().minus(Duration.ofDays(7)).plus(Duration.ofMinutes(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        status("the checkpoint " + since.orElse("") + " is too old for X (" + e.getMessage()
            + "); resuming from " + params.get("start_time") + ": older posts cannot be recovered");
        continue;
      }
      PostParser.Page page = parser.parse(root, mentions);
      page.mentions().stream()
          .filter(m -> since.isEmpty() || PostParser.compareIds(m.id().value(), since.get()) > 0)
          .forEach(found::add);
      countMalformed(page.malformed(), "post in a " + (mentions ? "mentions" : "search") + " page");
      for (String err : page.errors()) {
        status("partial answer from X: " + err);
      }
      next = page.nextToken();
      pages++;
      if (next.isEmpty() || pages >= config.maxPagesPerPoll() || closing) {
        break;
      }
    }
    if (next.isPresent() && !closing) {
      status("more than " + pages + " pages of new posts since the last poll; the oldest were skipped");
    }
    deliverAll(found, key);
  }

  private void deliverAll(List<Mention> found, String key) {
    found.sort(Comparator.comparing((Mention m) -> m.id().value(), PostParser::compareIds));
    for (Mention m : found) {
      if (closing) {
        return;
      }
      deliver(m, key);
    }
  }

  private void deliver(Mention m, String key) {
    synchronized (deliveryLock) {
      if (!closing) {
        deliverLocked(m, key);
      }
    }
  }

  private void deliverLocked(Mention m, String key) {
    String id = m.id().value();
    if (recent.contains(id)) {
      return;
    }
    recent.add(id);
    if (recent.size() > RECENT_IDS) {
      recent.remove(recent.iterator().next());
    }
    try {
      sink.accept(m);
    } catch (RuntimeException e) {
      throw new NetworkException(XClient.NETWORK, "the mention sink failed on " + m.id() + ": " + e, e);
    }
    countDelivered();
    Optional<String> cur = store.get(key);
    if (cur.isEmpty() || PostParser.compareIds(id, cur.get()) > 0) {
      store.put(key, id);
    }
  }

  private void countMalformed(int n, String what) {
    if (n > 0) {
      long total = countMalformed((long) n);
      LOG.warn("skipped {} malformed {} ({} so far)", n, what, total);
      status("skipped " + n + " malformed " + what + " (" + total + " so far)");
    }
  }

  // ---------------------------------------------------------------- streaming

  private void streamLoop() throws InterruptedException {
    boolean rulesReady = false;
    Map<String, String> params = XQueries.fields("tweet.fields");
    while (!closing) {
      try {
        if (!rulesReady) {
          reconcileRules();
          rulesReady = true;
        }
      } catch (TransientNetworkException | RateLimitedException e) {
        countReconnect();
        retryWait(e);
        continue;
      }
      XTransport.StreamResponse s;
      try {
        s = client.openStream("/2/tweets/search/stream", params);
      } catch (IOException e) {
        countReconnect();
        retryWait(new TransientNetworkException(XClient.NETWORK, "stream connection failed: " + e, e));
        continue;
      }
      current = s;
      if (closing) {
        closeQuietly(s);
        return;
      }
      if (s.status() != 200) {
        String body = readSome(s.body());
        closeQuietly(s);
        NetworkException e = client.error(s.status(), s.headers(), body, "the filtered stream");
        if (e instanceof UsageCapException || e instanceof AuthenticationException
            || e instanceof NotPermittedException) {
          throw e;
        }
        countReconnect();
        if (e instanceof RateLimitedException || e instanceof TransientNetworkException) {
          retryWait(e);
        } else {
          Duration wait = backoff.next(Backoff.Kind.HTTP);
          status(e.getMessage() + "; retrying in " + wait.toMillis() + " ms");
          config.sleeper().sleep(wait);
        }
        continue;
      }
      status("connected to the filtered stream");
      Outcome outcome;
      try {
        if (store.get(SEARCH_KEY).isPresent()) {
          backfill();
        }
        // a post at or below what was delivered before this connection is a replay
        watermark = store.get(SEARCH_KEY).orElse(null);
        outcome = read(s);
      } catch (TransientNetworkException | RateLimitedException e) {
        closeQuietly(s);
        countReconnect();
        retryWait(e);
        continue;
      } finally {
        closeQuietly(s);
      }
      if (closing || outcome == Outcome.CLOSED) {
        return;
      }
      countReconnect();
      Duration wait = backoff.next(Backoff.Kind.NETWORK);
      status("stream " + outcome.name().toLowerCase(java.util.Locale.ROOT) + "; reconnecting in "
          + wait.toMillis() + " ms, then back-filling by recent search");
      config.sleeper().sleep(wait);
    }
  }

  private void backfill() {
    long before = delivered();
    poll(false);
    long n = delivered() - before;
    if (n > 0) {
      status("back-filled " + n + " posts by recent search");
    }
  }

  private Outcome read(XTransport.StreamResponse s) throws InterruptedException {
    BlockingQueue<Object> q = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      LineReader r = new LineReader(s.body());
      try {
        String line;
        while ((line = r.readLine()) != null) {
          q.put(line);
        }
        q.put(r.droppedMidLine() ? DROPPED : EOF);
      } catch (IOException e) {
        q.offer(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "crisis-x-stream-reader");
    reader.setDaemon(true);
    reader.start();
    boolean first = true;
    while (!closing) {
      Object o = q.poll(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (o == null) {
        status("no post or keep-alive for " + config.idleTimeout().toMillis() + " ms: the stream stalled");
        return Outcome.STALLED;
      }
      if (o == EOF || o instanceof IOException) {
        return closing ? Outcome.CLOSED : Outcome.ENDED;
      }
      if (o == DROPPED) {
        status("the stream connection dropped in the middle of a line");
        return Outcome.ENDED;
      }
      if (first) {
        backoff.reset();
        first = false;
      }
      String line = (String) o;
      if (line.isBlank()) {
        continue;
      }
      if (handleLine(line)) {
        return Outcome.DISCONNECTED;
      }
    }
    return Outcome.CLOSED;
  }

  /** Handles one stream line; true when X announced a disconnect. */
  private boolean handleLine(String line) {
    JsonNode n;
    try {
      n = Json.parse(line);
    } catch (IOException e) {
      countMalformed(1, "stream line (" + line.length() + " characters, not JSON)");
      return false;
    }
    if (!n.isObject()) {
      countMalformed(1, "stream line (not a JSON object)");
      return false;
    }
    if (n.has("data")) {
      PostParser.Page page = parser.parse(n, false);
      countMalformed(page.malformed(), "post in a stream line");
      for (Mention m : page.mentions()) {
        if (watermark == null || PostParser.compareIds(m.id().value(), watermark) > 0) {
          deliver(m, SEARCH_KEY);
        }
      }
      for (String err : page.errors()) {
        status("partial stream message: " + err);
      }
      return false;
    }
    boolean disconnect = false;
    for (JsonNode e : n.path("errors")) {
      String type = XClient.problemType(e);
      if (type.equals("operational-disconnect") || e.has("disconnect_type")) {
        status("X disconnected the stream: " + e.path("disconnect_type").asText(type));
        disconnect = true;
      } else {
        status("stream error: " + type + " " + e.path("detail").asText(""));
      }
    }
    if (!n.has("errors")) {
      countMalformed(1, "stream line (neither data nor errors)");
    }
    return disconnect;
  }

  private void reconcileRules() {
    String value = XQueries.rule(config);
    JsonNode got = client.call("GET", "/2/tweets/search/stream/rules", "GET /2/tweets/search/stream/rules",
        Map.of(), Optional.empty(), XClient.Auth.APP, "reading the stream rules");
    List<String> delete = new ArrayList<>();
    boolean present = false;
    for (JsonNode r : got.path("data")) {
      if (!config.ruleTag().equals(r.path("tag").asText(""))) {
        continue;
      }
      if (value.equals(r.path("value").asText("")) && !present) {
        present = true;
      } else {
        delete.add(r.path("id").asText());
      }
    }
    if (!delete.isEmpty()) {
      ObjectNode body = Json.object();
      ArrayNode ids = body.putObject("delete").putArray("ids");
      delete.forEach(ids::add);
      client.call("POST", "/2/tweets/search/stream/rules", "POST /2/tweets/search/stream/rules", Map.of(),
          Optional.of(Json.write(body)), XClient.Auth.APP, "deleting outdated stream rules");
      status("deleted " + delete.size() + " outdated stream rule(s)");
    }
    if (!present) {
      ObjectNode body = Json.object();
      ObjectNode rule = body.putArray("add").addObject();
      rule.put("value", value);
      rule.put("tag", config.ruleTag());
      JsonNode res = client.call("POST", "/2/tweets/search/stream/rules", "POST /2/tweets/search/stream/rules",
          Map.of(), Optional.of(Json.write(body)), XClient.Auth.APP, "adding the stream rule");
      for (JsonNode e : res.path("errors")) {
        String type = XClient.problemType(e);
        if (type.equals("duplicate-rules") || e.path("title").asText("").equals("DuplicateRule")) {
          continue;
        }
        List<String> details = new ArrayList<>();
        e.path("details").forEach(d -> details.add(d.asText()));
        throw new NetworkException(XClient.NETWORK, "X rejected the stream rule '" + value + "': "
            + e.path("title").asText(type) + (details.isEmpty() ? "" : " " + details));
      }
      status("stream rule added: " + value);
    }
  }

  private static String readSome(InputStream in) {
    try {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void closeQuietly(XTransport.StreamResponse s) {
    try {
      s.close();
    } catch (IOException | RuntimeException e) {
      // already gone
    }
  }

  private void status(String message) {
    LOG.debug("{}", message);
    try {
      sink.onStatus(message);
    } catch (RuntimeException e) {
      LOG.warn("status listener failed", e);
    }
  }

  // ---------------------------------------------------------------- Listening

  @Override
  public void close() {
    synchronized (deliveryLock) {
      // never interrupt a delivery: its checkpoint write must complete
      closing = true;
      thread.interrupt();
    }
    XTransport.StreamResponse s = current;
    if (s != null) {
      closeQuietly(s);
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "XListening{mode=" + config.mode().jsonName() + ", delivered=" + delivered() + ", malformed="
        + malformed() + ", reconnects=" + reconnects() + "}";
  }
}
