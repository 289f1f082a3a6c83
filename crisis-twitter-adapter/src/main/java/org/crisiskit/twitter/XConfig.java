package org.crisiskit.twitter;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crisiskit.spi.Sleeper;

/**
 * Settings of an {@link XAdapter}: where the API is, credentials, what to listen for and how.
 *
 * <pre>{@code
 * XConfig config = XConfig.custom()
 *     .env(System.getenv())                 // X_BEARER_TOKEN, X_API_KEY, ...
 *     .handle("acme")
 *     .keywords(List.of("acme", "acme store"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} says which credentials are set, never their
 * values.
 */
public final class XConfig {
  /** The public API's base URL. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com");

  private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
  private static final Pattern ID = Pattern.compile("[0-9]{1,19}");

  private final URI baseUrl;
  private final String bearerToken;
  private final String apiKey;
  private final String apiSecret;
  private final String accessToken;
  private final String accessTokenSecret;
  private final String userAccessToken;
  private final String handle;
  private final String brandUserId;
  private final List<String> keywords;
  private final List<String> exclusions;
  private final XListenMode mode;
  private final Duration pollInterval;
  private final Duration idleTimeout;
  private final String postFieldsParameter;
  private final boolean replyNeedsSummons;
  private final boolean followAllowed;
  private final int maxPagesPerPoll;
  private final String ruleTag;
  private final Clock clock;
  private final Sleeper sleeper;
  private final XTransport transport;

  private XConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.bearerToken = b.bearerToken;
    this.apiKey = b.apiKey;
    this.apiSecret = b.apiSecret;
    this.accessToken = b.accessToken;
    this.accessTokenSecret = b.accessTokenSecret;
    this.userAccessToken = b.userAccessToken;
    this.handle = b.handle;
    this.brandUserId = b.brandUserId;
    this.keywords = List.copyOf(b.keywords);
    this.exclusions = List.copyOf(b.exclusions);
    this.mode = b.mode;
    this.pollInterval = b.pollInterval;
    this.idleTimeout = b.idleTimeout;
    this.postFieldsParameter = b.postFieldsParameter;
    this.replyNeedsSummons = b.replyNeedsSummons;
    this.followAllowed = b.followAllowed;
    this.maxPagesPerPoll = b.maxPagesPerPoll;
    this.ruleTag = b.ruleTag;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.transport = b.transport;
    int partial = count(apiKey, apiSecret, accessToken, accessTokenSecret);
    if (partial != 0 && partial != 4) {
      throw new IllegalArgumentException("OAuth 1.0a needs all four of X_API_KEY, X_API_SECRET,"
          + " X_ACCESS_TOKEN and X_ACCESS_TOKEN_SECRET but only " + partial + " are set");
    }
  }

  private static int count(String... values) {
    int n = 0;
    for (String v : values) {
      if (v != null) {
        n++;
      }
    }
    return n;
  }

  /** Returns a builder with the defaults of {@link #ofDefaults()}. */
  public static Builder custom() {
    return new Builder();
  }

  /** Returns a builder initialised from {@code base}. */
  public static Builder from(XConfig base) {
    return new Builder(base);
  }

  /** Defaults: {@code https://api.x.com}, no credentials, mode auto, 30 s polls, 25 s idle watchdog. */
  public static XConfig ofDefaults() {
    return custom().build();
  }

  /** The API base URL. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The brand's handle without {@code @}, if set. */
  public Optional<String> handle() {
    return Optional.ofNullable(handle);
  }

  /** The brand account's id, if set (otherwise looked up from the handle when needed). */
  public Optional<String> brandUserId() {
    return Optional.ofNullable(brandUserId);
  }

  /** Keywords searched for (without {@code @}). */
  public List<String> keywords() {
    return keywords;
  }

  /** Terms excluded from search and stream rules. */
  public List<String> exclusions() {
    return exclusions;
  }

  /** The listening mode. */
  public XListenMode mode() {
    return mode;
  }

  /** Pause between two polls of search or mentions. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** Silence on the stream (no post, no keep-alive) after which it reconnects. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** The name of the post-fields query parameter: {@code tweet.fields} (default) or {@code post.fields}. */
  public String postFieldsParameter() {
    return postFieldsParameter;
  }

  /** Whether a public reply needs the author to have addressed the brand (self-serve tiers: true). */
  public boolean replyNeedsSummons() {
    return replyNeedsSummons;
  }

  /** Whether following through the API is allowed on the account's tier (self-serve: false). */
  public boolean followAllowed() {
    return followAllowed;
  }

  /**
   * Most requests of one poll (pages of 100 posts), which keeps polling within X's rate limits.
   * When more new posts arrived, the newest are read first and the rest by the following polls. In
   * mentions mode a read that may have reached the end of X's 800-mention timeline takes one more
   * request of at most five posts, to check that nothing below was lost.
   */
  public int maxPagesPerPoll() {
    return maxPagesPerPoll;
  }

  /** Tag of the filtered-stream rule this adapter owns. */
  public String ruleTag() {
    return ruleTag;
  }

  /** Clock used for rate-limit resets and caches. */
  public Clock clock() {
    return clock;
  }

  /** Sleeper used for back-off and poll pauses. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** The HTTP transport. */
  public XTransport transport() {
    return transport;
  }

  boolean hasBearer() {
    return bearerToken != null;
  }

  boolean hasUserContext() {
    return userAccessToken != null || apiKey != null;
  }

  String bearerToken() {
    return bearerToken;
  }

  String userAccessToken() {
    return userAccessToken;
  }

  OAuth1 oauth1() {
    return apiKey == null ? null : new OAuth1(apiKey, apiSecret, accessToken, accessTokenSecret);
  }

  @Override
  public String toString() {
    return "XConfig{baseUrl=" + baseUrl
        + ", bearer=" + (bearerToken != null ? "set" : "unset")
        + ", oauth1=" + (apiKey != null ? "set" : "unset")
        + ", userAccessToken=" + (userAccessToken != null ? "set" : "unset")
        + ", handle=" + handle + ", keywords=" + keywords + ", mode=" + mode.jsonName() + "}";
  }

  /** Builds {@link XConfig}s. Not thread-safe. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private String bearerToken;
    private String apiKey;
    private String apiSecret;
    private String accessToken;
    private String accessTokenSecret;
    private String userAccessToken;
    private String handle;
    private String brandUserId;
    private List<String> keywords = new ArrayList<>();
    private List<String> exclusions = new ArrayList<>();
    private XListenMode mode = XListenMode.AUTO;
    private Duration pollInterval = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(25);
    private String postFieldsParameter = "tweet.fields";
    private boolean replyNeedsSummons = true;
    private boolean followAllowed;
    private int maxPagesPerPoll = 10;
    private String ruleTag = "crisiskit";
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private XTransport transport;

    private Builder() {}

    private Builder(XConfig c) {
      baseUrl = c.baseUrl;
      bearerToken = c.bearerToken;
      apiKey = c.apiKey;
      apiSecret = c.apiSecret;
      accessToken = c.accessToken;
      accessTokenSecret = c.accessTokenSecret;
      userAccessToken = c.userAccessToken;
      handle = c.handle;
      brandUserId = c.brandUserId;
      keywords = new ArrayList<>(c.keywords);
      exclusions = new ArrayList<>(c.exclusions);
      mode = c.mode;
      pollInterval = c.pollInterval;
      idleTimeout = c.idleTimeout;
      postFieldsParameter = c.postFieldsParameter;
      replyNeedsSummons = c.replyNeedsSummons;
      followAllowed = c.followAllowed;
      maxPagesPerPoll = c.maxPagesPerPoll;
      ruleTag = c.ruleTag;
      clock = c.clock;
      sleeper = c.sleeper;
      transport = c.transport;
    }

    /**
     * Reads {@code X_API_BASE_URL}, {@code X_BEARER_TOKEN}, {@code X_API_KEY}, {@code X_API_SECRET},
     * {@code X_ACCESS_TOKEN}, {@code X_ACCESS_TOKEN_SECRET} and {@code X_USER_ACCESS_TOKEN} from
     * {@code env} (for example {@code System.getenv()}); blank values count as unset.
     */
    public Builder env(Map<String, String> env) {
      value(env, "X_API_BASE_URL").ifPresent(this::baseUrl);
      value(env, "X_BEARER_TOKEN").ifPresent(v -> bearerToken = v);
      value(env, "X_API_KEY").ifPresent(v -> apiKey = v);
      value(env, "X_API_SECRET").ifPresent(v -> apiSecret = v);
      value(env, "X_ACCESS_TOKEN").ifPresent(v -> accessToken = v);
      value(env, "X_ACCESS_TOKEN_SECRET").ifPresent(v -> accessTokenSecret = v);
      value(env, "X_USER_ACCESS_TOKEN").ifPresent(v -> userAccessToken = v);
      return this;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /**
     * Sets the API base URL (default {@code https://api.x.com}).
     *
     * @throws IllegalArgumentException when it is not an absolute http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      URI u;
      try {
        u = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("X_API_BASE_URL must be a URL such as https://api.x.com but was '"
            + baseUrl + "'", e);
      }
      if (u.getScheme() == null || !u.getScheme().matches("https?") || u.getHost() == null) {
        throw new IllegalArgumentException(
            "X_API_BASE_URL must be an http(s) URL such as https://api.x.com but was '" + baseUrl + "'");
      }
      this.baseUrl = u;
      return this;
    }

    /** Sets the app-only bearer token used for reading and the filtered stream. */
    public Builder bearerToken(String token) {
      this.bearerToken = nonBlank(token, "bearerToken");
      return this;
    }

    /** Sets the four OAuth 1.0a user-context values used for writing. */
    public Builder oauth1(String apiKey, String apiSecret, String accessToken, String accessTokenSecret) {
      this.apiKey = nonBlank(apiKey, "apiKey");
      this.apiSecret = nonBlank(apiSecret, "apiSecret");
      this.accessToken = nonBlank(accessToken, "accessToken");
      this.accessTokenSecret = nonBlank(accessTokenSecret, "accessTokenSecret");
      return this;
    }

    /** Sets an OAuth 2.0 user access token used for writing (preferred over OAuth 1.0a when both are set). */
    public Builder userAccessToken(String token) {
      this.userAccessToken = nonBlank(token, "userAccessToken");
      return this;
    }

    /**
     * Sets the brand's handle (a leading {@code @} is dropped).
     *
     * @throws IllegalArgumentException when it is not 1 to 15 letters, digits or underscores
     */
    public Builder handle(String handle) {
      String h = handle.startsWith("@") ? handle.substring(1) : handle;
      if (!HANDLE.matcher(h).matches()) {
        throw new IllegalArgumentException(
            "handle must be 1 to 15 letters, digits or underscores but was '" + handle + "'");
      }
      this.handle = h;
      return this;
    }

    /** Sets the brand account's numeric id (saves a look-up). */
    public Builder brandUserId(String id) {
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("brandUserId must be 1 to 19 digits but was '" + id + "'");
      }
      this.brandUserId = id;
      return this;
    }

    /** Sets the keywords to find (phrases allowed; no {@code @} needed). */
    public Builder keywords(List<String> keywords) {
      List<String> k = new ArrayList<>();
      for (String s : keywords) {
        String t = s.trim();
        if (t.isEmpty()) {
          continue;
        }
        if (t.contains("\"")) {
          throw new IllegalArgumentException("keyword must not contain '\"' but was '" + s + "'");
        }
        k.add(t);
      }
      this.keywords = k;
      return this;
    }

    /** Sets terms to exclude (each becomes {@code -term}). */
    public Builder exclusions(List<String> exclusions) {
      this.exclusions = new ArrayList<>(exclusions);
      return this;
    }

    /** Sets the listening mode (default {@link XListenMode#AUTO}). */
    public Builder mode(XListenMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Sets the pause between polls (default 30 s; at least 100 ms). */
    public Builder pollInterval(Duration d) {
      if (d.toMillis() < 100) {
        throw new IllegalArgumentException("pollInterval must be >= 100ms but was " + d);
      }
      this.pollInterval = d;
      return this;
    }

    /** Sets the stream idle watchdog (default 25 s; X sends keep-alives at least every 20 s). */
    public Builder idleTimeout(Duration d) {
      if (d.toMillis() < 50) {
        throw new IllegalArgumentException("idleTimeout must be >= 50ms but was " + d);
      }
      this.idleTimeout = d;
      return this;
    }

    /** Sets the post-fields parameter name: {@code tweet.fields} (default) or {@code post.fields}. */
    public Builder postFieldsParameter(String name) {
      if (!name.equals("tweet.fields") && !name.equals("post.fields")) {
        throw new IllegalArgumentException(
            "postFieldsParameter must be tweet.fields or post.fields but was '" + name + "'");
      }
      this.postFieldsParameter = name;
      return this;
    }

    /** Whether replies need the author to have addressed the brand (default true, self-serve tiers). */
    public Builder replyNeedsSummons(boolean b) {
      this.replyNeedsSummons = b;
      return this;
    }

    /** Whether the tier allows following (default false: removed from self-serve tiers on 2026-04-20). */
    public Builder followAllowed(boolean b) {
      this.followAllowed = b;
      return this;
    }

    /** Sets the most result pages read per poll (default 10); posts beyond it wait for the next polls. */
    public Builder maxPagesPerPoll(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxPagesPerPoll must be >= 1 but was " + n);
      }
      this.maxPagesPerPoll = n;
      return this;
    }

    /** Sets the tag of the stream rule this adapter owns (default {@code crisiskit}). */
    public Builder ruleTag(String tag) {
      this.ruleTag = nonBlank(tag, "ruleTag");
      return this;
    }

    /** Sets the clock (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the sleeper used for back-off and poll pauses (default {@link Sleeper#SYSTEM}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets the HTTP transport (default {@link XTransport#jdk()}). */
    public Builder transport(XTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    private static String nonBlank(String v, String name) {
      Objects.requireNonNull(v, name);
      if (v.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return v.trim();
    }

    /**
     * Returns the config.
     *
     * @throws IllegalArgumentException when only some OAuth 1.0a values are set
     */
    public XConfig build() {
      if (transport == null) {
        transport = XTransport.jdk();
      }
      return new XConfig(this);
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
