package org.crisiskit.examples.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A loopback helpdesk callback that records what the adapter posts and can be told to fail. */
final class CallbackServer implements AutoCloseable {
  record Received(String path, String body, String signature) {}

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final Deque<Integer> failures = new ArrayDeque<>();
  private int nextId = 1;
  private volatile String retryAfter = "30";

  CallbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        byte[] body = ex.getRequestBody().readAllBytes();
        int status;
        String reply;
        synchronized (this) {
          received.add(new Received(ex.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8),
              ex.getRequestHeaders().getFirst("X-Crisis-Signature")));
          Integer fail = failures.poll();
          status = fail == null ? 200 : fail;
          reply = fail == null ? "{\"id\":\"m" + nextId++ + "\"}" : "{\"error\":\"scripted\"}";
        }
        if (status == 429) {
          ex.getResponseHeaders().set("Retry-After", retryAfter);
        }
        byte[] b = reply.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(b);
        }
      }
    });
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/");
  }

  /** The Retry-After value sent with a scripted 429 (default {@code 30}). */
  void retryAfter(String value) {
    retryAfter = value;
  }

  synchronized void failNext(int status) {
    failures.add(status);
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
