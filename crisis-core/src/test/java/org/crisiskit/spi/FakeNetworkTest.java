package org.crisiskit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeNetworkTest {
  private static Mention mention(String id, Addressing addressing) {
    return Mention.newBuilder().network("x").id(id)
        .author(Author.newBuilder().id("a" + id).handle("h" + id).build())
        .text("acme").createdAt(Instant.EPOCH).addressing(addressing).build();
  }

  @Test
  void refusesANetworkNameThatIdsCouldNotSplitBack() {
    assertEquals("mastodon", FakeNetwork.newBuilder().network("mastodon").build().network());
    for (String bad : new String[] {"X", "my-net", ""}) {
      assertThrows(IllegalArgumentException.class, () -> FakeNetwork.newBuilder().network(bad), bad);
    }
  }

  @Test
  void recordsSentMessagesWithDeterministicIds() {
    FakeNetwork net = FakeNetwork.create();
    Mention m = mention("1", Addressing.MENTION);
    net.publish(m);
    net.acceptPrivateMessages("a1", true);
    assertEquals("1", net.replyTo(m, "hi").id());
    assertEquals("2", net.sendPrivateMessage("a1", "dm").id());
    assertEquals(List.of(
        new FakeNetwork.Sent(NetworkAction.REPLY_PUBLICLY, "1", "hi", "1"),
        new FakeNetwork.Sent(NetworkAction.PRIVATE_MESSAGE, "a1", "dm", "2")), net.sent());
  }

  @Test
  void keywordMentionCannotBeRepliedToButAnotherRouteIsOffered() {
    FakeNetwork net = FakeNetwork.create();
    Mention m = mention("1", Addressing.KEYWORD);
    net.publish(m);
    net.acceptPrivateMessages("a1", true);
    Capabilities c = net.capabilitiesFor(m);
    assertFalse(c.replyPublicly().allowed());
    assertEquals("reply not permitted: the author did not mention the brand", c.replyPublicly().reason());
    assertEquals(List.of(NetworkAction.PRIVATE_MESSAGE), c.allowed());
    assertThrows(NotPermittedException.class, () -> net.replyTo(m, "hi"));
    assertTrue(net.sent().isEmpty());
  }

  @Test
  void republishedMentionIsDeliveredOnce() throws Exception {
    FakeNetwork net = FakeNetwork.create();
    net.publish(mention("1", Addressing.MENTION), mention("1", Addressing.MENTION));
    assertEquals(1, net.publishedCount());
  }

  @Test
  void fileCheckpointStoreSurvivesReopening(@TempDir Path dir) {
    Path f = dir.resolve("state/checkpoints.properties");
    CheckpointStore s = CheckpointStore.file(f);
    s.put("x.search.since_id", "123");
    s.put("x.mentions.since_id", "456");
    assertTrue(Files.exists(f));
    CheckpointStore again = CheckpointStore.file(f);
    assertEquals("123", again.get("x.search.since_id").orElseThrow());
    assertEquals("456", again.get("x.mentions.since_id").orElseThrow());
    assertTrue(again.get("missing").isEmpty());
  }

  @Test
  void capabilitiesRejectPermissionsForTheWrongAction() {
    assertThrows(IllegalArgumentException.class, () -> new Capabilities(
        Permission.allow(NetworkAction.FOLLOW),
        Permission.allow(NetworkAction.PRIVATE_MESSAGE),
        Permission.allow(NetworkAction.FOLLOW)));
    assertThrows(IllegalArgumentException.class, () -> Permission.deny(NetworkAction.FOLLOW, " "));
  }

  @Test
  void aFailingSinkStopsListeningWithoutAdvancingTheCheckpoint() throws Exception {
    FakeNetwork net = FakeNetwork.create();
    net.publish(mention("1", Addressing.MENTION));
    CheckpointStore store = CheckpointStore.inMemory();
    Listening l = net.listen(m -> {
      throw new IllegalStateException("queue full");
    }, store);
    assertTrue(l.awaitStopped(java.time.Duration.ofSeconds(5)));
    assertTrue(l.failure().orElseThrow().getMessage().contains("queue full"));
    assertTrue(store.get(FakeNetwork.CHECKPOINT_KEY).isEmpty());
  }

  @Test
  void aFailingCheckpointStoreStopsListeningWithTheFailureReported() throws Exception {
    FakeNetwork net = FakeNetwork.create();
    net.publish(mention("1", Addressing.MENTION));
    CheckpointStore full = new CheckpointStore() {
      @Override
      public java.util.Optional<String> get(String key) {
        return java.util.Optional.empty();
      }

      @Override
      public void put(String key, String value) {
        throw new CheckpointException("cannot write checkpoint file state.properties: disk full", null);
      }

      @Override
      public java.util.Map<String, String> snapshot() {
        return java.util.Map.of();
      }
    };
    Listening l = net.listen(m -> {}, full);
    assertTrue(l.awaitStopped(java.time.Duration.ofSeconds(5)));
    assertTrue(l.failure().orElseThrow().getMessage().contains("disk full"), l.failure().toString());
  }
}
