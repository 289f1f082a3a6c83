package org.crisiskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code listen} and {@code send} against a loopback X API named by X_API_BASE_URL. */
class XCommandsTest {
  private static final String SEARCH = "{\"data\":["
      + "{\"id\":\"1850000000000000002\",\"text\":\"@acme where is my parcel\",\"author_id\":\"42\","
      + "\"created_at\":\"2026-11-02T09:15:00.000Z\",\"entities\":{\"mentions\":[{\"username\":\"acme\"}]}},"
      + "{\"id\":\"1850000000000000001\",\"text\":\"acme store queue is huge\",\"author_id\":\"43\","
      + "\"created_at\":\"2026-11-02T09:10:00.000Z\"}],"
      + "\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"ana_g\",\"name\":\"Ana\"},"
      + "{\"id\":\"43\",\"username\":\"bo\"}]},"
      + "\"meta\":{\"result_count\":2,\"newest_id\":\"1850000000000000002\",\"oldest_id\":\"1850000000000000001\"}}";

  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    env = Map.of("X_API_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
        "X_BEARER_TOKEN", "cli-bearer", "X_USER_ACCESS_TOKEN", "cli-user");
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String target = ex.getRequestMethod() + " " + ex.getRequestURI();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(target + " " + body);
    String path = ex.getRequestURI().getPath();
    String query = String.valueOf(ex.getRequestURI().getQuery());
    int status = 200;
    String answer;
    if (path.equals("/2/users/by/username/acme")) {
      answer = "{\"data\":{\"id\":\"777\",\"username\":\"acme\"}}";
    } else if (path.equals("/2/tweets/search/recent")) {
      answer = query.contains("since_id") ? "{\"meta\":{\"result_count\":0}}" : SEARCH;
    } else if (path.equals("/2/tweets")) {
      status = 201;
      answer = "{\"data\":{\"id\":\"1860000000000000001\",\"text\":\"ok\"}}";
    } else if (path.equals("/2/users/42")) {
      answer = "{\"data\":{\"id\":\"42\",\"username\":\"ana_g\",\"receives_your_dm\":false}}";
    } else {
      status = 404;
      answer = "{\"title\":\"Not Found\"}";
    }
    byte[] b = answer.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("content-type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  private record Run(int code, String out, String err) {}

  /** A mention addressed to the brand, as {@code listen} would log it. */
  static Mention mention(String id, String authorId) {
    return Mention.newBuilder().network("x").id(id)
        .author(Author.newBuilder().id(authorId).handle("user" + authorId).build())
        .text("@acme where is my order " + id).createdAt(Instant.parse("2026-11-02T09:00:00Z"))
        .addressing(Addressing.MENTION).build();
  }

  private Run run(CliCommand cmd, String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = cmd.run(Args.parse(List.of(argv), Set.of()), io);
    } catch (UsageException e) {
      code = 2;
      io.err().println(e.getMessage());
    } catch (Exception e) {
      code = 1;
      io.err().println(CrisisCli.oneLine(e));
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private List<Mention> lines(String out) {
    return out.lines().filter(l -> !l.isBlank()).map(MentionJson::parse).toList();
  }

  @Test
  void listenPrintsJsonlOldestFirstAndResumesFromState(@TempDir Path dir) {
    String state = dir.resolve("state").toString();
    Run first = run(new ListenCommand(env), "--network", "x", "--keywords", "acme,acme store", "--handle", "acme",
        "--mode", "search", "--duration", "3s", "--state", state);
    assertEquals(0, first.code(), first.err());
    List<Mention> got = lines(first.out());
    assertEquals(List.of("1850000000000000001", "1850000000000000002"),
        got.stream().map(m -> m.id().value()).toList(), first.err());
    assertEquals(Addressing.KEYWORD, got.get(0).addressing());
    assertEquals(Addressing.MENTION, got.get(1).addressing());
    assertTrue(first.err().contains("received 2 mentions"), first.err());
    assertTrue(requests.stream().anyMatch(r -> r.contains("query=%28acme%20OR%20%22acme%20store%22%20OR%20%40acme%29")),
        requests.toString());

    Run second = run(new ListenCommand(env), "--network", "x", "--keywords", "acme", "--handle", "acme",
        "--mode", "search", "--duration", "3s", "--state", state);
    assertEquals(0, second.code(), second.err());
    assertEquals("", second.out());
    assertTrue(requests.stream().anyMatch(r -> r.contains("since_id=1850000000000000002")), requests.toString());
  }

  @Test
  void sendChecksLengthAndCapabilitiesBeforeSending(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    run(new ListenCommand(env), "--network", "x", "--keywords", "acme", "--handle", "acme",
        "--mode", "search", "--duration", "3s", "--state", state.toString());
    requests.clear();

    Run refused = run(new SendCommand(env), "--network", "x", "--reply-to", "1850000000000000001",
        "--text", "Sorry to hear that!", "--state", state.toString());
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("reply not permitted: the author did not mention the brand"), refused.err());
    assertTrue(requests.isEmpty(), "nothing sent: " + requests);

    Run ok = run(new SendCommand(env), "--network", "x", "--reply-to", "1850000000000000002",
        "--text", "Sorry, Ana! Checking now.", "--state", state.toString());
    assertEquals(0, ok.code(), ok.err());
    assertEquals("1860000000000000001", ok.out().trim());
    assertTrue(requests.get(0).contains("\"in_reply_to_tweet_id\":\"1850000000000000002\""), requests.toString());

    Run tooLong = run(new SendCommand(env), "--network", "x", "--reply-to", "1850000000000000002",
        "--text", "a".repeat(281), "--state", state.toString());
    assertEquals(1, tooLong.code());
    assertTrue(tooLong.err().contains("281 weighted characters"), tooLong.err());

    Run dm = run(new SendCommand(env), "--network", "x", "--dm", "42", "--text", "hi", "--state", state.toString());
    assertEquals(1, dm.code());
    assertTrue(dm.err().contains("does not accept direct messages"), dm.err());
    assertFalse(requests.stream().anyMatch(r -> r.startsWith("POST /2/dm_conversations")));

    Run usage = run(new SendCommand(env), "--network", "x", "--text", "hi");
    assertEquals(2, usage.code());
    Run badNetwork = run(new SendCommand(env), "--network", "mastodon", "--dm", "1", "--text", "hi");
    assertEquals(2, badNetwork.code());
  }

  @Test
  void listenRepairsATornLastLineOfItsLogAndKeepsEveryCompleteRecord(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    Path log = state.resolve(XCommands.MENTIONS);
    String kept = MentionJson.toJson(mention("1840000000000000007", "41"));
    // a crash while the first post of the search was being written: half a line, no newline
    Files.writeString(log, kept + "\n" + "{\"network\":\"x\",\"id\":\"18500000000000000");
    Run run = run(new ListenCommand(env), "--network", "x", "--keywords", "acme", "--handle", "acme",
        "--mode", "search", "--duration", "2s", "--state", state.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("torn line"), run.err());
    List<String> lines = Files.readAllLines(log);
    assertEquals(3, lines.size(), lines.toString());
    assertEquals(kept, lines.get(0));
    assertEquals(List.of("1840000000000000007", "1850000000000000001", "1850000000000000002"),
        lines.stream().map(l -> MentionJson.parse(l).id().value()).toList());
  }

  @Test
  void sendReportsAnUnreadableLineOfTheLogWithItsNumber(@TempDir Path dir) throws IOException {
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    String good = MentionJson.toJson(mention("1850000000000000002", "42"));
    Files.writeString(state.resolve(XCommands.MENTIONS), good + "\n" + good.substring(0, 30) + good + "\n");
    Run ok = run(new SendCommand(env), "--network", "x", "--reply-to", "1850000000000000002",
        "--text", "Sorry, Ana! Checking now.", "--state", state.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.err().contains(XCommands.MENTIONS + ":2: not a readable mention"), ok.err());
  }
}
