package org.crisiskit.twitter;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link XTransport} on {@link HttpClient}. */
final class JdkTransport implements XTransport {
  private final HttpClient client;
  private final Duration requestTimeout;

  JdkTransport(HttpClient client, Duration requestTimeout) {
    this.client = client;
    this.requestTimeout = requestTimeout;
  }

  private HttpRequest.Builder build(Request r) {
    HttpRequest.Builder b = HttpRequest.newBuilder(r.uri());
    r.headers().forEach(b::header);
    HttpRequest.BodyPublisher body = r.body().isPresent()
        ? HttpRequest.BodyPublishers.ofString(r.body().get(), StandardCharsets.UTF_8)
        : HttpRequest.BodyPublishers.noBody();
    if (r.body().isPresent()) {
      b.header("Content-Type", "application/json");
    }
    return b.method(r.method(), body);
  }

  /**
   * Sends and reads the whole answer within the time-out. {@link HttpRequest#timeout} alone ends
   * when the headers arrive, so an answer whose body stalls would block the caller for good: the
   * whole exchange is bounded here, and abandoned when it runs over.
   */
  @Override
  public Response send(Request request) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<String>> call = client.sendAsync(
        build(request).timeout(requestTimeout).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    HttpResponse<String> res;
    try {
      res = call.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + requestTimeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      call.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      // as HttpClient.send reports it: a bad request is the caller's mistake, anything else a
      // failed exchange (an IOException, which XClient retries with back-off)
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof IllegalArgumentException || cause instanceof SecurityException) {
        throw (RuntimeException) cause;
      }
      throw new IOException(cause.toString(), cause);
    }
    return new Response(res.statusCode(), flatten(res.headers()), res.body() == null ? "" : res.body());
  }

  @Override
  public StreamResponse openStream(Request request) throws IOException, InterruptedException {
    // the time-out ends when the headers arrive; the listener's idle watchdog covers the body
    HttpResponse<InputStream> res = client.send(
        build(request).timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofInputStream());
    Map<String, String> headers = flatten(res.headers());
    return new StreamResponse() {
      @Override
      public int status() {
        return res.statusCode();
      }

      @Override
      public Map<String, String> headers() {
        return headers;
      }

      @Override
      public InputStream body() {
        return res.body();
      }

      @Override
      public void close() throws IOException {
        res.body().close();
      }
    };
  }

  private static Map<String, String> flatten(HttpHeaders h) {
    Map<String, String> m = new HashMap<>();
    for (Map.Entry<String, List<String>> e : h.map().entrySet()) {
      if (!e.getValue().isEmpty()) {
        m.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().get(0));
      }
    }
    return m;
  }
}
