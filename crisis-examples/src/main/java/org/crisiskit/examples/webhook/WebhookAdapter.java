package org.crisiskit.examples.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.crisiskit.check.NetworkRules;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionFormatException;
import org.crisiskit.mention.MentionId;
import org.crisiskit.mention.MentionJson;
import org.crisiskit.mention.MentionKind;
import org.crisiskit.spi.AuthenticationException;
import org.crisiskit.spi.Capabilities;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.Listening;
import org.crisiskit.spi.ListeningSupport;
import org.crisiskit.spi.MentionSink;
import org.crisiskit.spi.NetworkAction;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.spi.NotPermittedException;
import org.crisiskit.spi.Permission;
import org.crisiskit.spi.RateLimitedException;
import org.crisiskit.spi.SentMessage;
import org.crisiskit.spi.TransientNetworkException;
import org.crisiskit.spi.UsageCapException;

/**
 * An inbound webhook adapter: a helpdesk or an integration platform pushes mentions (for example
 * Facebook or Instagram comments and messages) as signed JSON over HTTP, and answers go back to a
 * callback endpoint, signed the same way. A complete small adapter that passes the contract kit.
 *
 * <p>Inbound: {@code POST /mentions} with a body of one mention JSON per line (the
 * {@link MentionJson} form) and the header {@code X-Crisis-Signature: sha256=<hex HMAC-SHA256 of the
 * body with the shared secret>}. A batch is all-or-nothing: a bad line answers 400 naming the line
 * and the JSON path, and nothing of the batch is kept. Answers {@code 202 {"accepted":n,"duplicates":m}}.
 *
 * <p>Outbound: replies {@code POST <callback>/replies {"inReplyTo","text"}} and private messages
 * {@code POST <callback>/messages {"to","text"}}, signed; the callback answers {@code {"id":"…"}}.
 * HTTP 401 maps to {@link AuthenticationException}, 403 to {@link NotPermittedException}, 402 to
 * {@link UsageCapException}, 429 to {@link RateLimitedException} (with {@code Retry-After}), 5xx and
 * I/O errors to {@link TransientNetworkException}.
 *
 * <p>Rules like Meta's: a public reply only to a mention addressed to the page, a private message only
 * within 24 hours of the author's last direct message, no follow. Thread-safe; close it to stop the
 * server.
 */
public final class WebhookAdapter implements NetworkAdapter, AutoCloseable {
  /** The checkpoint key holding how many inbox entries were delivered. */
  public static final String CHECKPOINT_KEY = "webhook.position";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String network;
  private final byte[] secret;
  private final URI callback;
  private final NetworkRules rules;
  private final Duration messagingWindow;
  private final Clock clock;
  private final HttpClient http;
  private final HttpServer server;
  private final List<Mention> inbox = new ArrayList<>();
  private final Set<MentionId> inboxIds = new HashSet<>();
  private final Map<String, Author> authors = new HashMap<>();
  private final Map<String, Instant> lastDirectMessage = new HashMap<>();

  private WebhookAdapter(Builder b) throws IOException {
    this.network = b.network;
    this.secret = b.secret.getBytes(StandardCharsets.UTF_8);
    this.callback = b.callback;
    this.rules = NetworkRules.plain(b.network, b.maxLength);
    this.messagingWindow = b.messagingWindow;
    this.clock = b.clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 0);
    server.createContext("/mentions", this::handleMentions);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "webhook-" + network);
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** A builder; {@code secret} and {@code callback} are required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Where mentions are pushed: {@code http://127.0.0.1:PORT/mentions}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mentions");
  }

  /** Signs {@code body} as the adapter expects: {@code sha256=<hex HMAC-SHA256>}. */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private boolean signatureValid(String header, byte[] body) {
    if (header == null) {
      return false;
    }
    byte[] expected = sign(new String(secret, StandardCharsets.UTF_8), body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.US_ASCII));
  }

  private void handleMentions(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        respond(ex, 405, "{\"error\":\"use POST\"}");
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(8 * 1024 * 1024);
      }
      if (!signatureValid(ex.getRequestHeaders().getFirst("X-Crisis-Signature"), body)) {
        respond(ex, 401, "{\"error\":\"missing or bad X-Crisis-Signature\"}");
        return;
      }
      List<Mention> batch = new ArrayList<>();
      String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        try {
          Mention m = MentionJson.parse(lines[i]);
          if (!m.network().equals(network)) {
            throw new MentionFormatException("$.network", "expected '" + network + "' but was '" + m.network() + "'");
          }
          batch.add(m);
        } catch (MentionFormatException | IllegalArgumentException | NullPointerException e) {
          ObjectNode err = JSON.createObjectNode();
          err.put("error", "line " + (i + 1) + ": " + e.getMessage());
          respond(ex, 400, JSON.writeValueAsString(err));
          return;
        }
      }
      int accepted = 0;
      int duplicates = 0;
      synchronized (this) {
        for (Mention m : batch) {
          authors.put(m.author().id(), m.author());
          if (m.kind() == MentionKind.DIRECT_MESSAGE) {
            lastDirectMessage.merge(m.author().id(), m.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
          }
          if (inboxIds.add(m.id())) {
            inbox.add(m);
            accepted++;
          } else {
            duplicates++;
          }
        }
        notifyAll();
      }
      respond(ex, 202, "{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates + "}");
    }
  }

  private static void respond(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public String network() {
    return network;
  }

  @Override
  public Listening listen(MentionSink sink, CheckpointStore checkpoints) {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(checkpoints, "checkpoints");
    long start = checkpoints.get(CHECKPOINT_KEY).map(Long::parseLong).orElse(0L);
    Delivery d = new Delivery(sink, checkpoints, start);
    Thread t = new Thread(d, "webhook-listen-" + network);
    t.setDaemon(true);
    t.start();
    return d;
  }

  private final class Delivery extends ListeningSupport implements Runnable {
    private final MentionSink sink;
    private final CheckpointStore store;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private long position;
    /** Mentions accepted by the sink but not yet covered by the checkpoint. */
    private int accepted;

    Delivery(MentionSink sink, CheckpointStore store, long position) {
      this.sink = sink;
      this.store = store;
      this.position = position;
    }

    @Override
    public void run() {
      try {
        while (running.get()) {
          List<Mention> batch;
          synchronized (WebhookAdapter.this) {
            while (running.get() && position >= inbox.size()) {
              WebhookAdapter.this.wait(100);
            }
            if (!running.get()) {
              break;
            }
            // what arrived since the last batch is the next batch
            batch = List.copyOf(inbox.subList((int) position, inbox.size()));
          }
          for (Mention next : batch) {
            try {
              sink.accept(next);
            } catch (RuntimeException e) {
              // the ones accepted before are kept and covered by the checkpoint, this one comes again
              NetworkException failed = new NetworkException(network, "the mention sink failed on " + next.id() + ": " + e, e);
              try {
                commit();
              } catch (RuntimeException again) {
                failed.addSuppressed(again);
              }
              throw failed;
            }
            accepted++;
          }
          commit();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (NetworkException e) {
        stopWith(e);
      } catch (RuntimeException e) {
        stopWith(new NetworkException(network, "listening stopped: " + e, e));
      } finally {
        running.set(false);
        markStopped();
      }
    }

    /**
     * Makes the accepted mentions durable in the sink ({@link MentionSink#flush()}, once for the
     * batch), then moves the checkpoint past them: never the other way round.
     */
    private void commit() {
      if (accepted == 0) {
        return;
      }
      sink.flush();
      position += accepted;
      store.put(CHECKPOINT_KEY, Long.toString(position));
      countDelivered(accepted);
      accepted = 0;
    }

    @Override
    public void close() {
      running.set(false);
      synchronized (WebhookAdapter.this) {
        WebhookAdapter.this.notifyAll();
      }
      try {
        awaitStopped(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public SentMessage replyPublicly(MentionId inReplyTo, String text) {
    checkText(text);
    ObjectNode body = JSON.createObjectNode();
    body.put("inReplyTo", inReplyTo.value());
    body.put("text", text);
    return new SentMessage(network, NetworkAction.REPLY_PUBLICLY, post("replies", body));
  }

  @Override
  public SentMessage sendPrivateMessage(String authorId, String text) {
    checkPrivateText(text);
    Permission p = privateMessagePermission(authorId);
    if (!p.allowed()) {
      throw new NotPermittedException(network, p.reason());
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("to", authorId);
    body.put("text", text);
    return new SentMessage(network, NetworkAction.PRIVATE_MESSAGE, post("messages", body));
  }

  private String post(String path, ObjectNode json) {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest req = HttpRequest.newBuilder(callback.resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("X-Crisis-Signature", sign(new String(secret, StandardCharsets.UTF_8), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> res;
    try {
      res = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new TransientNetworkException(network, "callback unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientNetworkException(network, "interrupted while calling the callback", e);
    }
    int s = res.statusCode();
    if (s >= 200 && s < 300) {
      try {
        JsonNode n = JSON.readTree(res.body());
        String id = n.path("id").asText("");
        if (id.isBlank()) {
          throw new TransientNetworkException(network, "callback answered without an id");
        }
        return id;
      } catch (IOException e) {
        throw new TransientNetworkException(network, "callback answered invalid JSON", e);
      }
    }
    String what = "callback answered HTTP " + s;
    switch (s) {
      case 401:
        throw new AuthenticationException(network, what + ": check the shared secret");
      case 402:
        throw new UsageCapException(network, what + ": usage cap reached", Optional.empty());
      case 403:
        throw new NotPermittedException(network, what + ": not permitted");
      case 429:
        throw new RateLimitedException(network, what + ": rate limited",
            retryAfter(res.headers().firstValue("Retry-After").orElse("")));
      default:
        throw new TransientNetworkException(network, what);
    }
  }

  /** Retry-After in seconds or as an HTTP date; 60 s when missing or unreadable. */
  private Duration retryAfter(String value) {
    return RateLimitedException.parseRetryAfter(value, clock.instant()).orElse(Duration.ofSeconds(60));
  }

  @Override
  public synchronized Optional<Author> lookUpAuthor(String authorId) {
    return Optional.ofNullable(authors.get(authorId));
  }

  @Override
  public Capabilities capabilitiesFor(Mention mention) {
    Permission reply = mention.addressedBrand()
        ? Permission.allow(NetworkAction.REPLY_PUBLICLY)
        : Permission.deny(NetworkAction.REPLY_PUBLICLY,
            "reply not permitted: the post was not addressed to the page");
    return new Capabilities(reply, privateMessagePermission(mention.author().id()),
        Permission.deny(NetworkAction.FOLLOW, "follow not permitted: " + network + " pages cannot follow people"));
  }

  private synchronized Permission privateMessagePermission(String authorId) {
    Instant last = lastDirectMessage.get(authorId);
    if (last != null && !clock.instant().isAfter(last.plus(messagingWindow))) {
      return Permission.allow(NetworkAction.PRIVATE_MESSAGE);
    }
    return Permission.deny(NetworkAction.PRIVATE_MESSAGE, String.format(Locale.ROOT,
        "private message not permitted: the author has not written to the page in the last %d h",
        messagingWindow.toHours()));
  }

  @Override
  public int maxLength() {
    return rules.maxLength();
  }

  @Override
  public int weightedLength(String text) {
    return rules.weightedLength(text);
  }

  /** Stops the HTTP server. */
  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  @Override
  public String toString() {
    return "WebhookAdapter{" + network + ", " + endpoint() + ", callback=" + callback + "}";
  }

  /** Builds a {@link WebhookAdapter}. Not thread-safe. */
  public static final class Builder {
    private String network = "webhook";
    private String secret;
    private URI callback;
    private int port;
    private int maxLength = 2000;
    private Duration messagingWindow = Duration.ofHours(24);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The network name the pushed mentions carry (default {@code webhook}). */
    public Builder network(String network) {
      this.network = MentionId.requireNetworkName(network);
      return this;
    }

    /** The shared secret for HMAC-SHA256 signatures (required). */
    public Builder secret(String secret) {
      this.secret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /** The base URI answers are posted to, ending in {@code /} (required). */
    public Builder callback(URI callback) {
      this.callback = Objects.requireNonNull(callback, "callback");
      return this;
    }

    /** The loopback port to listen on (default 0: any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The longest message, in code points (default 2000). */
    public Builder maxLength(int maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    /** How long after the author's last direct message the page may write privately (default 24 h). */
    public Builder messagingWindow(Duration window) {
      this.messagingWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** The clock for the messaging window (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Starts the adapter's HTTP server and returns the adapter.
     *
     * @throws IllegalStateException when secret or callback is missing
     * @throws java.io.UncheckedIOException when the port cannot be opened
     */
    public WebhookAdapter start() {
      if (secret == null || secret.isEmpty()) {
        throw new IllegalStateException("secret is required");
      }
      if (callback == null) {
        throw new IllegalStateException("callback is required");
      }
      try {
        return new WebhookAdapter(this);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot open port " + port + ": " + e.getMessage(), e);
      }
    }
  }
}
