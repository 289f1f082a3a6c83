package org.crisiskit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link NetworkAdapter} passes (after Micrometer's compatibility kit). An
 * adapter's test class extends this, gives a fresh adapter over a scriptable back-end for each test
 * and implements the hooks; the inherited tests then check listening, resuming, capabilities, length
 * counting, typed failures and secret hiding.
 *
 * <pre>{@code
 * class MyAdapterContractTest extends NetworkAdapterContract {
 *   protected NetworkAdapter adapter() { ... }
 *   protected List<MentionId> publish(int count, Addressing addressing) { ... }
 *   protected void failNextWrite(Class<? extends NetworkException> kind) { ... }
 * }
 * }</pre>
 */
public abstract class NetworkAdapterContract {
  /** How long a test waits for deliveries before failing. */
  protected static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  /** The failure kinds every adapter must raise as distinct types. */
  protected static final List<Class<? extends NetworkException>> FAILURE_KINDS = List.of(
      RateLimitedException.class,
      UsageCapException.class,
      NotPermittedException.class,
      AuthenticationException.class,
      TransientNetworkException.class);

  /** The adapter under test; the same instance for the whole test method. */
  protected abstract NetworkAdapter adapter();

  /**
   * Makes {@code count} new mentions by distinct authors appear on the back-end, addressed to the
   * brand as given, and returns their ids oldest first.
   */
  protected abstract List<MentionId> publish(int count, Addressing addressing);

  /** Makes the next reply or private message fail with an exception of type {@code kind}. */
  protected abstract void failNextWrite(Class<? extends NetworkException> kind);

  /** Makes the back-end accept private messages to {@code authorId}. */
  protected abstract void acceptPrivateMessages(String authorId);

  /** The credentials configured in {@link #adapter()}; none may show in toString or messages. */
  protected Set<String> secrets() {
    return Set.of();
  }

  /** Collects deliveries for the tests. */
  protected static final class CollectingSink implements MentionSink {
    private final List<Mention> mentions = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(Mention mention) {
      mentions.add(mention);
    }

    /** A copy of the mentions received so far. */
    public List<Mention> mentions() {
      synchronized (mentions) {
        return List.copyOf(mentions);
      }
    }

    /** Waits until at least {@code n} mentions arrived, failing after the delivery time-out. */
    public List<Mention> await(int n) throws InterruptedException {
      long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
      while (mentions.size() < n) {
        if (System.nanoTime() > deadline) {
          fail("expected " + n + " mentions within " + DELIVERY_TIMEOUT + " but got " + mentions());
        }
        Thread.sleep(10);
      }
      return mentions();
    }
  }

  private static List<MentionId> ids(List<Mention> mentions) {
    return mentions.stream().map(Mention::id).toList();
  }

  /** Listens until {@code n} mentions arrived plus a short grace for extras, then stops. */
  protected List<Mention> listenFor(int n, CheckpointStore store) throws InterruptedException {
    CollectingSink sink = new CollectingSink();
    try (Listening l = adapter().listen(sink, store)) {
      sink.await(n);
      Thread.sleep(200);
      assertTrue(l.isRunning(), "listening stopped by itself: " + l.failure());
    }
    return sink.mentions();
  }

  @Test
  void listenDeliversEachPublishedMentionOnceInOrder() throws Exception {
    List<MentionId> published = publish(5, Addressing.MENTION);
    List<Mention> got = listenFor(5, CheckpointStore.inMemory());
    assertEquals(published, ids(got));
    for (Mention m : got) {
      assertEquals(adapter().network(), m.network());
    }
  }

  @Test
  void resumingFromTheCheckpointGivesNoGapAndNoDuplicate() throws Exception {
    CheckpointStore store = CheckpointStore.inMemory();
    List<MentionId> first = publish(3, Addressing.MENTION);
    assertEquals(first, ids(listenFor(3, store)));
    List<MentionId> second = publish(4, Addressing.KEYWORD);
    assertEquals(second, ids(listenFor(4, store)), "second run must start after the first");
    assertFalse(store.snapshot().isEmpty(), "a checkpoint must be stored");
  }

  @Test
  void theCheckpointNeverMovesBeforeTheSinkFlushedTheMentionsItCovers() throws Exception {
    List<MentionId> published = publish(5, Addressing.MENTION);
    DurabilityRecorder rec = new DurabilityRecorder();
    CollectingSink got = new CollectingSink();
    try (Listening l = adapter().listen(rec.sink(got), rec.store(CheckpointStore.inMemory()))) {
      rec.awaitCheckpointAfter(5, DELIVERY_TIMEOUT);
      assertTrue(l.isRunning(), "listening stopped by itself: " + l.failure());
    }
    assertEquals(published, ids(got.mentions()));
    rec.assertNoCheckpointAheadOfFlush();
    assertTrue(rec.flushes() > 0, "the sink was never flushed: " + rec.events());
  }

  @Test
  void closeStopsListening() throws Exception {
    Listening l = adapter().listen(new CollectingSink(), CheckpointStore.inMemory());
    l.close();
    assertTrue(l.awaitStopped(Duration.ofSeconds(5)));
    assertFalse(l.isRunning());
  }

  @Test
  void capabilitiesMatchWhatTheNetworkAccepts() throws Exception {
    publish(1, Addressing.MENTION);
    publish(1, Addressing.KEYWORD);
    List<Mention> got = listenFor(2, CheckpointStore.inMemory());
    Mention addressed = got.get(0);
    Mention keyword = got.get(1);
    assertTrue(addressed.addressedBrand());
    assertFalse(keyword.addressedBrand(), "a keyword-only find must not count as addressing the brand");

    Capabilities a = adapter().capabilitiesFor(addressed);
    assertTrue(a.replyPublicly().allowed(), "a brand may always answer someone who addressed it");
    SentMessage sent = adapter().replyTo(addressed, "Thanks, we are on it.");
    assertEquals(NetworkAction.REPLY_PUBLICLY, sent.action());
    assertEquals(adapter().network(), sent.network());

    Capabilities k = adapter().capabilitiesFor(keyword);
    if (k.replyPublicly().allowed()) {
      assertFalse(adapter().replyTo(keyword, "Hello").id().isBlank());
    } else {
      assertFalse(k.replyPublicly().reason().isBlank());
      NotPermittedException e =
          assertThrows(NotPermittedException.class, () -> adapter().replyTo(keyword, "Hello"));
      assertEquals(k.replyPublicly().reason(), e.getMessage());
    }
    for (Capabilities c : List.of(a, k)) {
      for (NetworkAction action : NetworkAction.values()) {
        Permission p = c.get(action);
        assertEquals(action, p.action());
        assertEquals(p.allowed(), c.allowed().contains(action));
        assertEquals(p.allowed(), p.denialReason().isEmpty());
      }
    }
  }

  @Test
  void privateMessageCapabilityMatchesWhatTheNetworkAccepts() throws Exception {
    publish(2, Addressing.MENTION);
    List<Mention> got = listenFor(2, CheckpointStore.inMemory());
    Mention open = got.get(0);
    Mention closed = got.get(1);
    acceptPrivateMessages(open.author().id());

    assertTrue(adapter().capabilitiesFor(open).privateMessage().allowed());
    SentMessage sent = adapter().sendPrivateMessage(open.author().id(), "Could you send us your order number?");
    assertEquals(NetworkAction.PRIVATE_MESSAGE, sent.action());

    Permission p = adapter().capabilitiesFor(closed).privateMessage();
    if (p.allowed()) {
      adapter().sendPrivateMessage(closed.author().id(), "Hello");
    } else {
      assertThrows(NotPermittedException.class,
          () -> adapter().sendPrivateMessage(closed.author().id(), "Hello"));
    }
  }

  @Test
  void authorCapabilitiesNeverOfferAPublicReply() throws Exception {
    publish(1, Addressing.MENTION);
    Mention m = listenFor(1, CheckpointStore.inMemory()).get(0);
    Capabilities c = adapter().capabilitiesFor(m.author());
    assertFalse(c.replyPublicly().allowed());
    if (!c.follow().allowed()) {
      assertThrows(NotPermittedException.class, () -> adapter().follow(m.author().id()));
    }
  }

  @Test
  void looksUpTheAuthorOfADeliveredMention() throws Exception {
    publish(1, Addressing.MENTION);
    Mention m = listenFor(1, CheckpointStore.inMemory()).get(0);
    assertEquals(m.author().id(), adapter().lookUpAuthor(m.author().id()).orElseThrow().id());
  }

  @Test
  void privateMessagesAreHeldToTheirOwnLimit() throws Exception {
    NetworkAdapter a = adapter();
    assertTrue(a.maxPrivateLength() >= a.maxLength(), "a private message may be as long as a public one");
    String tooLong = "a".repeat(a.maxPrivateLength() + 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.sendPrivateMessage("1", tooLong));
    assertTrue(e.getMessage().contains(Integer.toString(a.maxPrivateLength())), e.getMessage());
    if (a.maxPrivateLength() > a.maxLength()) {
      publish(1, Addressing.MENTION);
      Mention m = listenFor(1, CheckpointStore.inMemory()).get(0);
      acceptPrivateMessages(m.author().id());
      String longer = "b".repeat(a.maxLength() + 1);
      assertEquals(NetworkAction.PRIVATE_MESSAGE, a.sendPrivateMessage(m.author().id(), longer).action());
    }
  }

  @Test
  void countsLengthAndRefusesTooLongOrBlankText() {
    NetworkAdapter a = adapter();
    assertTrue(a.maxLength() > 0);
    assertEquals(0, a.weightedLength(""));
    assertEquals(5, a.weightedLength("hello"));
    String full = "a".repeat(a.maxLength());
    assertTrue(a.fits(full));
    assertFalse(a.fits(full + "a"));
    MentionId target = MentionId.of(a.network(), "1");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> a.replyPublicly(target, full + "a"));
    assertTrue(e.getMessage().contains(Integer.toString(a.maxLength())), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.sendPrivateMessage("1", "  "));
    Random r = new Random(42);
    for (int i = 0; i < 200; i++) {
      String s = randomText(r);
      String t = randomText(r);
      assertTrue(a.weightedLength(s + t) >= a.weightedLength(s), "length must not shrink when text grows");
      assertEquals(a.weightedLength(s) <= a.maxLength() && !s.isBlank(), a.fits(s));
    }
  }

  private static String randomText(Random r) {
    String[] parts = {"a", "é", "日本", "😀", " ", "acme ", "https://example.com/x ", "@acme ", "#help "};
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(80);
    for (int i = 0; i < n; i++) {
      sb.append(parts[r.nextInt(parts.length)]);
    }
    return sb.toString();
  }

  @Test
  void failuresAreTypedAndSayWhetherToRetry() {
    List<MentionId> ids = publish(1, Addressing.MENTION);
    for (Class<? extends NetworkException> kind : FAILURE_KINDS) {
      failNextWrite(kind);
      NetworkException e = assertThrows(NetworkException.class,
          () -> adapter().replyPublicly(ids.get(0), "We are looking into it."));
      assertEquals(kind, e.getClass(), "expected " + kind.getSimpleName() + " but got " + e);
      assertEquals(adapter().network(), e.network());
      boolean retryable = kind == RateLimitedException.class || kind == TransientNetworkException.class;
      assertEquals(retryable, e.retryable(), kind.getSimpleName());
      if (e instanceof RateLimitedException) {
        assertFalse(((RateLimitedException) e).retryAfter().isNegative());
      }
      assertNoSecret(String.valueOf(e.getMessage()), kind.getSimpleName() + " message");
    }
  }

  @Test
  void toStringHidesSecrets() {
    assertNoSecret(adapter().toString(), "toString()");
  }

  /** Fails when {@code text} contains one of {@link #secrets()}. */
  protected void assertNoSecret(String text, String where) {
    for (String s : secrets()) {
      assertFalse(text.contains(s), where + " shows a credential: " + text);
    }
  }

  /** Asserts that {@code mentions} contains no mention twice. */
  protected static void assertNoDuplicates(List<Mention> mentions) {
    Set<MentionId> seen = new HashSet<>();
    for (Mention m : mentions) {
      assertTrue(seen.add(m.id()), "delivered twice: " + m.id());
    }
  }

  /** Helper for subclasses: maps ids to their values. */
  protected static List<String> values(List<MentionId> ids) {
    Function<MentionId, String> f = MentionId::value;
    return ids.stream().map(f).toList();
  }
}
