package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkTransportTest {
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/stalls", ex -> {
      ex.sendResponseHeaders(200, 100); // 100 bytes promised, 10 sent, then nothing
      OutputStream out = ex.getResponseBody();
      out.write("{\"data\":[".getBytes(StandardCharsets.UTF_8));
      out.flush();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    server.createContext("/ok", ex -> {
      byte[] b = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private XTransport.Request get(String path) {
    return new XTransport.Request("GET", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
        Map.of(), Optional.empty());
  }

  @Test
  void anAnswerWhoseBodyStallsTimesOutInsteadOfHangingTheCaller() {
    JdkTransport t = new JdkTransport(HttpClient.newHttpClient(), Duration.ofMillis(500));
    HttpTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(HttpTimeoutException.class, () -> t.send(get("/stalls"))));
    assertTrue(e.getMessage().contains("500"), e.getMessage());
  }

  @Test
  void aFailureOtherThanABadRequestIsAnIOExceptionAsWithHttpClientSendSoItIsRetried() {
    IllegalStateException bug = new IllegalStateException("connection pool in a bad state");
    JdkTransport t = new JdkTransport(new FailingClient(bug), Duration.ofMillis(500));
    IOException e = assertThrows(IOException.class, () -> t.send(get("/ok")));
    assertEquals(bug, e.getCause());

    JdkTransport badRequest = new JdkTransport(new FailingClient(new IllegalArgumentException("bad header")),
        Duration.ofMillis(500));
    assertThrows(IllegalArgumentException.class, () -> badRequest.send(get("/ok")));
  }

  /** A client whose every exchange fails with {@code failure}, as HttpClient.sendAsync reports it. */
  private static final class FailingClient extends HttpClient {
    private final Throwable failure;

    FailingClient(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return CompletableFuture.failedFuture(failure);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return sendAsync(request, handler);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request,
        HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
      throw new UnsupportedOperationException();
    }

    @Override
    public SSLParameters sslParameters() {
      return new SSLParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
      return Optional.empty();
    }
  }

  @Test
  void aCompleteAnswerIsReturned() throws Exception {
    JdkTransport t = new JdkTransport(HttpClient.newHttpClient(), Duration.ofMillis(500));
    XTransport.Response r = t.send(get("/ok"));
    assertEquals(200, r.status());
    assertEquals("{\"data\":[]}", r.body());
  }
}
