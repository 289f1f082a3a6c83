package org.crisiskit.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crisiskit.internal.Json;
import org.crisiskit.spi.AuthenticationException;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.spi.NotPermittedException;
import org.crisiskit.spi.RateLimitedException;
import org.crisiskit.spi.TransientNetworkException;
import org.crisiskit.spi.UsageCapException;

/**
 * Low-level X API v2 calls: URIs, authentication headers, rate-limit bookkeeping and the mapping of
 * error answers to typed exceptions. Thread-safe.
 */
final class XClient {
  static final String NETWORK = "x";

  /** Which credentials a call uses. */
  enum Auth {
    /** App-only bearer token. */
    APP,
    /** User context: OAuth 2.0 user token, else OAuth 1.0a. */
    USER,
    /** Bearer when set, else user context. */
    READ
  }

  /** Remaining calls and reset time from the last answer of one endpoint. */
  record Limit(long remaining, Instant reset) {}

  private final XConfig config;
  private final OAuth1 oauth1;
  private final Map<String, Limit> limits = new ConcurrentHashMap<>();
  private final Map<String, Limit> dailyLimits = new ConcurrentHashMap<>();

  XClient(XConfig config) {
    this.config = config;
    this.oauth1 = config.oauth1();
  }

  XConfig config() {
    return config;
  }

  URI uri(String path, Map<String, String> params) {
    StringBuilder sb = new StringBuilder(config.baseUrl().toString()).append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append(sep).append(OAuth1.encode(e.getKey())).append('=').append(OAuth1.encode(e.getValue()));
      sep = '&';
    }
    return URI.create(sb.toString());
  }

  private Map<String, String> headers(String method, URI uri, Auth auth, String what) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("User-Agent", "crisis-kit-x-adapter");
    Auth effective = auth == Auth.READ ? (config.hasBearer() ? Auth.APP : Auth.USER) : auth;
    if (effective == Auth.APP) {
      if (!config.hasBearer()) {
        throw new AuthenticationException(NETWORK, what + " needs an app bearer token: set X_BEARER_TOKEN");
      }
      h.put("Authorization", "Bearer " + config.bearerToken());
    } else if (config.userAccessToken() != null) {
      h.put("Authorization", "Bearer " + config.userAccessToken());
    } else if (oauth1 != null) {
      h.put("Authorization", oauth1.authorization(method, uri, config.clock().instant().getEpochSecond()));
    } else {
      throw new AuthenticationException(NETWORK, what + " needs user-context credentials: set"
          + " X_USER_ACCESS_TOKEN, or X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_TOKEN_SECRET");
    }
    return h;
  }

  /** Sends a request and returns the parsed 2xx body; maps failures to typed exceptions. */
  JsonNode call(String method, String path, String limitKey, Map<String, String> params,
      Optional<String> body, Auth auth, String what) {
    checkKnownLimits(limitKey, what);
    URI uri = uri(path, params);
    XTransport.Request req = new XTransport.Request(method, uri, headers(method, uri, auth, what), body);
    XTransport.Response res;
    try {
      res = config.transport().send(req);
    } catch (IOException e) {
      throw new TransientNetworkException(NETWORK, what + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientNetworkException(NETWORK, what + " interrupted", e);
    }
    record(limitKey, res.headers());
    if (res.status() / 100 != 2) {
      throw error(res.status(), res.headers(), res.body(), what);
    }
    if (res.body().isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return Json.parse(res.body());
    } catch (IOException e) {
      throw new TransientNetworkException(NETWORK, what + ": the answer is not valid JSON ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Opens the filtered stream; a non-200 status is returned, not thrown, so the caller picks back-off. */
  XTransport.StreamResponse openStream(String path, Map<String, String> params) throws IOException,
      InterruptedException {
    URI uri = uri(path, params);
    return config.transport().openStream(
        new XTransport.Request("GET", uri, headers("GET", uri, Auth.APP, "the filtered stream"), Optional.empty()));
  }

  /** How long to wait before calling {@code limitKey} again; zero unless its window is used up. */
  Duration waitBeforeNext(String limitKey) {
    Limit l = limits.get(limitKey);
    if (l == null || l.remaining() > 0) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(config.clock().instant(), l.reset());
    return d.isNegative() ? Duration.ZERO : d;
  }

  private void checkKnownLimits(String key, String what) {
    Instant now = config.clock().instant();
    for (Map<String, Limit> m : java.util.List.of(limits, dailyLimits)) {
      Limit l = m.get(key);
      if (l != null && l.remaining() <= 0 && l.reset().isAfter(now)) {
        throw new RateLimitedException(NETWORK, what + " not sent: the X rate limit for " + key
            + " is used up until " + l.reset(), Duration.between(now, l.reset()));
      }
    }
  }

  private void record(String key, Map<String, String> headers) {
    limit(headers, "x-rate-limit-remaining", "x-rate-limit-reset").ifPresent(l -> limits.put(key, l));
    Optional<Limit> user = limit(headers, "x-user-limit-24hour-remaining", "x-user-limit-24hour-reset");
    Optional<Limit> app = limit(headers, "x-app-limit-24hour-remaining", "x-app-limit-24hour-reset");
    Optional<Limit> daily = user.isPresent() && (app.isEmpty() || user.get().remaining() <= app.get().remaining())
        ? user : app;
    daily.ifPresent(l -> dailyLimits.put(key, l));
  }

  private static Optional<Limit> limit(Map<String, String> headers, String remaining, String reset) {
    try {
      String r = headers.get(remaining);
      String t = headers.get(reset);
      if (r == null || t == null) {
        return Optional.empty();
      }
      return Optional.of(new Limit(Long.parseLong(r.trim()), Instant.ofEpochSecond(Long.parseLong(t.trim()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The last segment of the problem {@code type} URI ({@code usage-capped}), or empty. */
  static String problemType(JsonNode problem) {
    String type = problem.path("type").asText("");
    int slash = type.lastIndexOf('/');
    return slash >= 0 ? type.substring(slash + 1) : type;
  }

  static JsonNode parseOrMissing(String body) {
    try {
      return body == null || body.isBlank() ? MissingNode.getInstance() : Json.parse(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /** Maps an error answer to the typed exception the SPI promises. */
  NetworkException error(int status, Map<String, String> headers, String body, String what) {
    JsonNode root = parseOrMissing(body);
    JsonNode p = root;
    if (p.has("errors") && !p.has("title") && p.path("errors").isArray() && p.path("errors").size() > 0) {
      p = p.path("errors").get(0);
    }
    String type = problemType(p);
    String detail = p.path("detail").asText(p.path("message").asText(p.path("title").asText("")));
    if (p == root) {
      // invalid-request keeps a generic detail and names the parameter in nested errors[].message
      for (JsonNode e : root.path("errors")) {
        String m = e.path("message").asText(e.path("detail").asText(""));
        if (!m.isEmpty()) {
          detail = detail.isEmpty() ? m : detail + " " + m;
        }
      }
    }
    String said = "HTTP " + status + (type.isEmpty() ? "" : " " + type) + (detail.isEmpty() ? "" : ": " + detail);
    Instant now = config.clock().instant();
    if (status == 429) {
      if (type.equals("usage-capped")) {
        String period = p.path("period").asText("");
        String scope = p.path("scope").asText("");
        return new UsageCapException(NETWORK, what + " refused: usage cap reached"
            + (period.isEmpty() ? "" : " (" + period + (scope.isEmpty() ? "" : ", " + scope) + ")")
            + "; do not retry before the cap resets — " + said, Optional.empty());
      }
      Duration wait = resetWait(headers, now);
      if (type.equals("streaming-connection")) {
        return new RateLimitedException(NETWORK, what + " refused: too many stream connections"
            + " (close the other connection or DELETE /2/connections/all) — " + said,
            wait.isZero() ? Backoff.RATE_FIRST : wait);
      }
      return new RateLimitedException(NETWORK, what + " rate limited — " + said,
          wait.isZero() ? Backoff.RATE_FIRST : wait);
    }
    if (status == 401) {
      return new AuthenticationException(NETWORK, what + " refused: the credentials were rejected ("
          + said + "); check X_BEARER_TOKEN, X_USER_ACCESS_TOKEN or the OAuth 1.0a values");
    }
    if (status == 403) {
      if (type.equals("unsupported-authentication") || type.equals("oauth1-permissions")) {
        return new AuthenticationException(NETWORK, what + " refused: wrong kind or permission of"
            + " credentials (" + said + ")");
      }
      return new NotPermittedException(NETWORK, what + " not permitted (" + said + ")");
    }
    if (status >= 500) {
      return new TransientNetworkException(NETWORK, what + " failed on X's side (" + said + ")");
    }
    return new NetworkException(NETWORK, what + " rejected (" + said + ")");
  }

  private static Duration resetWait(Map<String, String> headers, Instant now) {
    Duration best = Duration.ZERO;
    for (String[] pair : new String[][] {
        {"x-rate-limit-remaining", "x-rate-limit-reset"},
        {"x-user-limit-24hour-remaining", "x-user-limit-24hour-reset"},
        {"x-app-limit-24hour-remaining", "x-app-limit-24hour-reset"}}) {
      Optional<Limit> l = limit(headers, pair[0], pair[1]);
      if (l.isPresent() && l.get().remaining() <= 0) {
        Duration d = Duration.between(now, l.get().reset());
        if (d.compareTo(best) > 0) {
          best = d;
        }
      }
    }
    String retryAfter = headers.get("retry-after");
    if (best.isZero() && retryAfter != null) {
      best = RateLimitedException.parseRetryAfter(retryAfter, now).orElse(Duration.ZERO);
    }
    return best;
  }

  @Override
  public String toString() {
    return "XClient{" + config.baseUrl() + "}";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
