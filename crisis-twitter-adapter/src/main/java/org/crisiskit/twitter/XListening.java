package org.crisiskit.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
  /** Appended to a checkpoint key for the id ranges that polls have not read yet (see {@link Gaps}). */
  static final String GAPS_SUFFIX = ".gaps";
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
  /** Lower bounds X refused as older than its search window (a few per run; it only ever refuses older). */
  private final Set<String> refusedBounds = new HashSet<>();
  private final Object deliveryLock = new Object();
  /**
   * What to record for the mentions handed to the sink since the last {@link #commit()}, in order:
   * run only once the sink made them durable.
   */
  private final List<Runnable> pending = new ArrayList<>();
  /** True when the sink accepted a mention since its last flush. */
  private boolean unflushed;
  private volatile boolean closing;
  private volatile XTransport.StreamResponse current;
  private PostParser parser;
  private String watermark;
  private boolean gapsOnly;
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
    String limitKey = source(mentions).limitKey();
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

  /** Where a poll reads: recent search or the mentions timeline, and the keys of its progress. */
  private record Source(boolean mentions, String key, String path, String limitKey, String pageParam,
      String what) {
    String gapsKey() {
      return key + GAPS_SUFFIX;
    }
  }

  /**
   * The posts of one id range read in one poll, oldest first. {@code oldest}/{@code newest} are the
   * extreme ids read (deliverable or not); {@code more} when the page budget ran out before the
   * bottom of the range; {@code bottomTooOld} when X refused the lower bound as older than it keeps
   * and the range was read from the start of its search window instead; {@code tooOld} when X
   * refused the upper bound the same way (nothing of the range can be read).
   */
  private record Chunk(List<Mention> posts, Optional<String> oldest, Optional<String> newest,
      int requests, boolean more, boolean bottomTooOld, boolean tooOld, boolean cut) {}

  private Source source(boolean mentions) {
    return mentions
        ? new Source(true, MENTIONS_KEY, "/2/users/" + brandId + "/mentions", "GET /2/users/:id/mentions",
            "pagination_token", "reading the mentions timeline")
        : new Source(false, SEARCH_KEY, "/2/tweets/search/recent", "GET /2/tweets/search/recent",
            "next_token", "recent search");
  }

  /**
   * One poll of at most {@link XConfig#maxPagesPerPoll()} requests. The pages newer than the
   * checkpoint come first (fresh posts matter most); when they do not all fit, the range between the
   * checkpoint and the oldest post read is recorded as a gap before anything is delivered. The rest
   * of the budget, at least one request (every other poll with a budget of one), reads the open
   * gaps, newest first, with {@code since_id}/{@code until_id}. Each range is delivered oldest
   * first, then made durable in the sink and its progress recorded ({@link #commit()}: one sink flush
   * per range), so a restart resumes without a gap or a duplicate, after a power cut too. In mentions
   * mode a read that may have reached the end of X's timeline takes one more small request, outside
   * the budget (see {@link #reaches}).
   */
  private void poll(boolean mentions) {
    Source src = source(mentions);
    int budget = config.maxPagesPerPoll();
    Optional<String> since = store.get(src.key());
    Gaps open = gaps(src, since);
    if (!store.get(src.gapsKey()).orElse("").equals(open.format())) {
      // a gap above the checkpoint was recorded by a poll that stopped before its first delivery;
      // this poll reads that range again from the checkpoint, so the gap goes now: kept, it would
      // come back below the checkpoint once this poll delivers, and be read a second time
      saveGaps(src, open, false);
    }
    int headBudget = budget;
    if (!open.isEmpty()) {
      // keep one request for the gaps, or with a budget of one every other poll, so they do not starve
      headBudget = budget > 1 ? budget - 1 : gapsOnly ? 0 : 1;
      gapsOnly = !gapsOnly;
    }
    if (headBudget == 0) {
      fillGaps(src, budget);
      return;
    }
    Chunk head = fetch(src, since, Optional.empty(), headBudget);
    budget -= head.requests();
    if (closing) {
      return;
    }
    if (head.more() && head.oldest().isPresent()) {
      if (since.isPresent()) {
        Gaps.Gap gap = new Gaps.Gap(head.bottomTooOld() ? Optional.empty() : since, head.oldest().get());
        Gaps gaps = saveGaps(src, open.replace(Optional.empty(), List.of(gap)), true);
        status("more than " + head.requests() + " pages of new posts since the last poll; the posts between "
            + gap.lo().orElse("the start of X's search window") + " and " + gap.hi()
            + " are read by the next polls (" + gaps.size() + " gap(s) open)");
      } else {
        status("first poll: read the newest " + head.requests() + " pages; older posts are not fetched");
      }
    }
    for (Mention m : head.posts()) {
      if (closing) {
        break;
      }
      String id = m.id().value();
      deliver(m, () -> advance(src.key(), id));
    }
    commit();
    if (closing) {
      return;
    }
    // the whole range was read: skipped (own, malformed) posts at its top need not be read again
    head.newest().ifPresent(id -> advance(src.key(), id));
    fillGaps(src, budget);
  }

  /** Reads open gaps, newest first, in at most {@code budget} requests. */
  private void fillGaps(Source src, int budget) {
    while (budget > 0 && !closing) {
      Gaps gaps = gaps(src, store.get(src.key()));
      Optional<Gaps.Gap> gap = gaps.newest();
      if (gap.isEmpty()) {
        break;
      }
      Chunk c = fetch(src, gap.get().lo(), Optional.of(gap.get().hi()), budget);
      budget -= c.requests();
      fill(src, gaps, gap.get(), c);
    }
  }

  /** Delivers what {@code c} read of {@code gap}, recording after each delivery what is still open. */
  private void fill(Source src, Gaps gaps, Gaps.Gap gap, Chunk c) {
    if (closing) {
      return;
    }
    if (c.tooOld()) {
      saveGaps(src, gaps.replace(Optional.of(gap), List.of()), false);
      status("the posts between " + gap.lo().orElse("the start of X's search window") + " and " + gap.hi()
          + " are older than X keeps: they cannot be recovered");
      return;
    }
    Optional<String> lo = c.bottomTooOld() ? Optional.empty() : gap.lo();
    List<Gaps.Gap> rest = c.more()
        ? List.of(new Gaps.Gap(lo, c.oldest().orElse(gap.hi())))
        : List.of();
    List<Mention> posts = c.posts();
    for (int i = 0; i < posts.size(); i++) {
      if (closing) {
        break;
      }
      String id = posts.get(i).id().value();
      List<Gaps.Gap> open = new ArrayList<>(rest);
      if (i < posts.size() - 1) {
        open.add(new Gaps.Gap(Optional.of(id), gap.hi()));
      }
      deliver(posts.get(i), () -> saveGaps(src, gaps.replace(Optional.of(gap), open), false));
    }
    commit();
    if (closing) {
      return;
    }
    Gaps after = saveGaps(src, gaps.replace(Optional.of(gap), rest), false);
    if (after.isEmpty()) {
      status(c.cut() ? "caught up as far as X's mentions timeline reaches back"
          : "caught up: every post missed by earlier polls has been read");
    }
  }

  /** Reads the range ({@code since}, {@code until}) newest first in at most {@code budget} requests. */
  private Chunk fetch(Source src, Optional<String> since, Optional<String> until, int budget) {
    Map<String, String> params = new LinkedHashMap<>();
    if (!src.mentions()) {
      params.put("query", XQueries.searchQuery(config));
    }
    params.put("max_results", "100");
    since.ifPresent(s -> params.put("since_id", s));
    until.ifPresent(u -> params.put("until_id", u));
    if (since.isEmpty() && until.isPresent()) {
      params.put("start_time", windowStart());
    }
    params.putAll(XQueries.fields(config.postFieldsParameter()));
    Map<String, Mention> found = new LinkedHashMap<>();
    int read = 0;
    String oldest = null;
    String newest = null;
    boolean bottomTooOld = false;
    if (since.isPresent() && refusedBounds.contains(since.get())) {
      // X refused this bound in an earlier poll: read from the start of its search window at once
      params.remove("since_id");
      params.put("start_time", windowStart());
      bottomTooOld = true;
    }
    Optional<String> next = Optional.empty();
    int requests = 0;
    while (true) {
      Map<String, String> p = new LinkedHashMap<>(params);
      next.ifPresent(t -> p.put(src.pageParam(), t));
      JsonNode root;
      requests++;
      try {
        root = client.call("GET", src.path(), src.limitKey(), p, Optional.empty(), XClient.Auth.READ, src.what());
      } catch (NetworkException e) {
        String said = e.getMessage();
        if (e.retryable() || !said.contains("HTTP 400")) {
          throw e;
        }
        if (params.containsKey("until_id") && said.contains("until_id")) {
          return new Chunk(List.of(), Optional.empty(), Optional.empty(), requests, false, false, true, false);
        }
        if (!params.containsKey("since_id") || !said.contains("since_id")) {
          throw e;
        }
        // the bound is older than X keeps (7 days for search): read from the oldest reachable post
        params.remove("since_id");
        params.put("start_time", windowStart());
        bottomTooOld = true;
        status((until.isEmpty() ? "the checkpoint " : "the gap after ") + since.orElse("") + " is too old for X ("
            + said + "); resuming from " + params.get("start_time") + ": older posts cannot be recovered");
        if (requests >= budget) {
          // the refusal spent the poll's last request: the next poll reads from the window's start
          refusedBounds.add(since.orElseThrow());
          return new Chunk(List.of(), Optional.empty(), Optional.empty(), requests, true, true, false, false);
        }
        continue;
      }
      PostParser.Page page = parser.parse(root, src.mentions());
      for (Mention m : page.mentions()) {
        if (inRange(m.id().value(), since, until)) {
          found.putIfAbsent(m.id().value(), m);
        }
      }
      for (JsonNode post : root.path("data")) {
        String id = post.path("id").asText("");
        if (PostParser.isId(id) && inRange(id, since, until)) {
          read++;
          oldest = oldest == null || PostParser.compareIds(id, oldest) < 0 ? id : oldest;
          newest = newest == null || PostParser.compareIds(id, newest) > 0 ? id : newest;
        }
      }
      countMalformed(page.malformed(), "post in a " + (src.mentions() ? "mentions" : "search") + " page");
      for (String err : page.errors()) {
        status("partial answer from X: " + err);
      }
      next = page.nextToken();
      if (next.isEmpty() || requests >= budget || closing) {
        break;
      }
    }
    boolean cut = false;
    if (src.mentions() && since.isPresent() && !bottomTooOld && PostParser.isId(since.get()) && next.isEmpty()
        && !closing && (until.isPresent() || read >= 100)) {
      // X's mentions timeline reaches back only 800 mentions and ends there as if the range were read
      // whole. A read that may have gone that deep (a gap, or a full page) checks that the post at the
      // range's lower bound, read before, is still served below the oldest post just read
      Optional<String> below = Optional.ofNullable(oldest).or(() -> until);
      cut = !reaches(src, since.get(), below);
      if (cut) {
        status("X's mentions timeline ended before " + since.get() + " (it reaches back only the newest 800 "
            + "mentions, or that post was deleted): mentions between " + since.get() + " and "
            + below.orElse("now") + " may be missing; recent-search listening (XListenMode.SEARCH) reads back"
            + " 7 days");
      }
    }
    List<Mention> posts = new ArrayList<>(found.values());
    posts.sort(Comparator.comparing((Mention m) -> m.id().value(), PostParser::compareIds));
    return new Chunk(posts, Optional.ofNullable(oldest), Optional.ofNullable(newest), requests, next.isPresent(),
        bottomTooOld, false, cut);
  }

  /**
   * Whether {@code src} still serves post {@code id}, asking for the posts from it to {@code below}
   * (one request, outside the poll's page budget). A check that fails is taken as a yes: it must not
   * cost the poll what it has read.
   */
  private boolean reaches(Source src, String id, Optional<String> below) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("max_results", "5");
    PostParser.idBelow(id).ifPresent(b -> p.put("since_id", b));
    below.ifPresent(u -> p.put("until_id", u));
    JsonNode root;
    try {
      root = client.call("GET", src.path(), src.limitKey(), p, Optional.empty(), XClient.Auth.READ, src.what());
    } catch (RuntimeException e) {
      LOG.debug("could not check that X's mentions timeline still reaches {}", id, e);
      return true;
    }
    for (JsonNode post : root.path("data")) {
      if (post.path("id").asText("").equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inRange(String id, Optional<String> since, Optional<String> until) {
    return since.map(s -> PostParser.compareIds(id, s) > 0).orElse(true)
        && until.map(u -> PostParser.compareIds(id, u) < 0).orElse(true);
  }

  /** One minute after the start of X's 7-day search window, to the second. */
  private String windowStart() {
    return DateTimeFormatter.ISO_INSTANT.format(config.clock().instant().minus(Duration.ofDays(7))
        .plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS));
  }

  /** The open gaps of {@code src} that lie below {@code checkpoint}. */
  private Gaps gaps(Source src, Optional<String> checkpoint) {
    return Gaps.parse(src.gapsKey(), store.get(src.gapsKey()).orElse("")).below(checkpoint);
  }

  /** Stores {@code gaps}; when {@code bounded}, first gives up the oldest beyond {@link Gaps#MAX}. */
  private Gaps saveGaps(Source src, Gaps gaps, boolean bounded) {
    Gaps kept = gaps;
    if (bounded && !gaps.excess().isEmpty()) {
      kept = gaps.trimmed();
      status("more than " + Gaps.MAX + " gaps open: the posts in " + gaps.excess()
          + " are given up (X is sending more than the page budget can read)");
    }
    store.put(src.gapsKey(), kept.format());
    return kept;
  }

  private void advance(String key, String id) {
    Optional<String> cur = store.get(key);
    if (cur.isEmpty() || PostParser.compareIds(id, cur.get()) > 0) {
      store.put(key, id);
    }
  }

  /**
   * Hands {@code m} to the sink unless it was just delivered, and keeps {@code progress} to be
   * recorded by the next {@link #commit()}. When the sink fails, what it accepted before is committed
   * (if it can be) and listening stops.
   */
  private void deliver(Mention m, Runnable progress) {
    synchronized (deliveryLock) {
      if (closing) {
        return;
      }
      String id = m.id().value();
      if (recent.add(id)) {
        if (recent.size() > RECENT_IDS) {
          recent.remove(recent.iterator().next());
        }
        try {
          sink.accept(m);
        } catch (RuntimeException e) {
          recent.remove(id);
          NetworkException failure =
              new NetworkException(XClient.NETWORK, "the mention sink failed on " + m.id() + ": " + e, e);
          try {
            commit();
          } catch (RuntimeException suppressed) {
            failure.addSuppressed(suppressed);
          }
          throw failure;
        }
        unflushed = true;
        countDelivered();
      }
      pending.add(progress);
    }
  }

  /** Deliveries whose progress waits for the next {@link #commit()}. */
  private int waiting() {
    synchronized (deliveryLock) {
      return pending.size();
    }
  }

  /**
   * Ends a batch of deliveries: one {@link MentionSink#flush()} makes the mentions handed over since
   * the last commit durable, then their progress is recorded, in delivery order. A checkpoint is thus
   * never durable before the mentions it covers (a power cut could otherwise leave it past mentions the
   * sink lost: a permanent gap). When the flush fails nothing is recorded and listening stops; the
   * mentions are delivered again after a restart.
   */
  private void commit() {
    synchronized (deliveryLock) {
      if (pending.isEmpty()) {
        return;
      }
      List<Runnable> progress = List.copyOf(pending);
      pending.clear();
      // close() interrupts only while holding deliveryLock, so no interrupt can arrive now; one that
      // came before must not reach the sync (an interrupted FileChannel.force closes the channel): it
      // is put back afterwards, and the deliveries already made are kept
      boolean interrupted = Thread.interrupted();
      try {
        try {
          if (unflushed) {
            sink.flush();
            unflushed = false;
          }
        } catch (RuntimeException e) {
          throw new NetworkException(XClient.NETWORK,
              "the mention sink could not make its mentions durable; the checkpoint stays before them: " + e, e);
        }
        progress.forEach(Runnable::run);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
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

  /** Most stream deliveries one sink flush covers: a stream that never pauses still moves its checkpoint. */
  private static final int MAX_STREAM_BATCH = 100;

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

  /**
   * While connected, reads the gaps a back-fill left open (one poll's budget every poll interval), so
   * they are not left to age out of X's search window; returns when to read them next.
   */
  private Instant readGapsWhileStreaming() {
    Source src = source(false);
    Duration wait = config.pollInterval();
    if (!gaps(src, store.get(SEARCH_KEY)).isEmpty()) {
      try {
        fillGaps(src, config.maxPagesPerPoll());
        Duration limit = client.waitBeforeNext(src.limitKey());
        wait = limit.compareTo(wait) > 0 ? limit : wait;
      } catch (TransientNetworkException | RateLimitedException e) {
        Duration r = e instanceof RateLimitedException ? ((RateLimitedException) e).retryAfter() : Duration.ZERO;
        wait = r.compareTo(wait) > 0 ? r : wait;
        status("reading missed posts failed (" + e.getMessage() + "); trying again in " + wait.toSeconds() + " s");
      }
    }
    return config.clock().instant().plus(wait);
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
    try {
      return readLines(q);
    } finally {
      commit();
    }
  }

  /**
   * Handles the stream's lines until it ends. The lines already received form one batch, of at most
   * {@link #MAX_STREAM_BATCH} mentions: its mentions are committed ({@link #commit()}) before waiting
   * for more, one sink flush for a burst.
   */
  private Outcome readLines(BlockingQueue<Object> q) throws InterruptedException {
    boolean first = true;
    Instant nextGapRead = config.clock().instant().plus(config.pollInterval());
    while (!closing) {
      if (!config.clock().instant().isBefore(nextGapRead)) {
        commit(); // the gap reads start from the stored gaps: a split this stream made is recorded first
        nextGapRead = readGapsWhileStreaming();
      }
      if (q.isEmpty() || waiting() >= MAX_STREAM_BATCH) {
        commit();
      }
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
        String id = m.id().value();
        if (watermark == null || PostParser.compareIds(id, watermark) > 0) {
          deliver(m, () -> advance(SEARCH_KEY, id));
        } else {
          // at or below the watermark is a replay, unless a poll has not read that part yet; the gaps
          // are read from the store, so what this line delivered before is recorded first
          commit();
          Source src = source(false);
          Gaps gaps = gaps(src, store.get(SEARCH_KEY));
          gaps.containing(id).ifPresent(g -> deliver(m, () -> saveGaps(src, gaps.replace(Optional.of(g),
              List.of(new Gaps.Gap(g.lo(), id), new Gaps.Gap(Optional.of(id), g.hi()))), true)));
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
