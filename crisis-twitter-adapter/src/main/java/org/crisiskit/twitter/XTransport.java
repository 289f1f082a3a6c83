package org.crisiskit.twitter;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends {@link XAdapter}'s HTTP requests. The default, {@link #jdk()}, uses {@code java.net.http};
 * tests or embedders with their own HTTP stack supply another (after OkHttp's {@code Call.Factory}).
 * Implementations must be thread-safe and must not log request headers (they carry credentials).
 */
public interface XTransport {
  /**
   * One HTTP request.
   *
   * @param method {@code GET}, {@code POST} or {@code DELETE}
   * @param uri the full URI including the query
   * @param headers request headers (including {@code Authorization})
   * @param body the JSON body, if any
   */
  record Request(String method, URI uri, Map<String, String> headers, Optional<String> body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    /** Shows method and URI only: headers carry credentials. */
    @Override
    public String toString() {
      return method + " " + uri;
    }
  }

  /**
   * A complete response.
   *
   * @param status the HTTP status code
   * @param headers response headers, names in lower case (first value of each)
   * @param body the body as text (empty when none)
   */
  record Response(int status, Map<String, String> headers, String body) {
    public Response {
      headers = lowerCase(headers);
      Objects.requireNonNull(body, "body");
    }

    /** The header {@code name} (any case), if present. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  /** A streamed response whose body is read line by line; closing it drops the connection. */
  interface StreamResponse extends Closeable {
    /** The HTTP status code. */
    int status();

    /** Response headers, names in lower case. */
    Map<String, String> headers();

    /** The body; blocks while the server sends nothing. */
    InputStream body();
  }

  /** Sends {@code request} and reads the whole response. */
  Response send(Request request) throws IOException, InterruptedException;

  /** Sends {@code request} and returns as soon as the headers arrived. */
  StreamResponse openStream(Request request) throws IOException, InterruptedException;

  /**
   * Returns the {@code java.net.http} transport (10 s connect time-out, 30 s per complete request and
   * for a stream's response headers).
   */
  static XTransport jdk() {
    return new JdkTransport(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Duration.ofSeconds(30));
  }

  private static Map<String, String> lowerCase(Map<String, String> headers) {
    java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
    headers.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
    return Map.copyOf(m);
  }
}
