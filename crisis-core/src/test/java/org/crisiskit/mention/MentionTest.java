package org.crisiskit.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MentionTest {
  private static Mention.Builder valid() {
    return Mention.newBuilder()
        .network("x")
        .id("1")
        .author(MentionFixtures.author("42"))
        .text("hola")
        .createdAt(MentionFixtures.T0);
  }

  private static String failure(Consumer<Mention.Builder> change) {
    Mention.Builder b = valid();
    change.accept(b);
    RuntimeException e = assertThrows(RuntimeException.class, b::build);
    assertTrue(e instanceof IllegalArgumentException || e instanceof NullPointerException, e.toString());
    return e.getMessage();
  }

  @Test
  void networkNamesArePlainSoDerivedIdsSplitBack() {
    for (String ok : new String[] {"x", "mastodon", "x2", "google_business", "a".repeat(32)}) {
      assertEquals(ok, MentionId.of(ok, "1").network());
    }
    for (String bad : new String[] {"", " ", "X", "my-net", "a:b", "2x", "_x", "x.y", "é", "a".repeat(33)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MentionId.of(bad, "1"), bad);
      assertTrue(e.getMessage().contains("lower-case ASCII letter"), e.getMessage());
    }
    NullPointerException npe = assertThrows(NullPointerException.class, () -> MentionId.requireNetworkName(null));
    assertEquals("network", npe.getMessage());
  }

  @Test
  void validationMessagesNameTheField() {
    assertTrue(failure(b -> b.network(null)).contains("network"));
    assertTrue(failure(b -> b.network(" ")).contains("network"));
    assertTrue(failure(b -> b.id(" ")).contains("id"));
    assertTrue(failure(b -> b.author(null)).contains("author"));
    assertTrue(failure(b -> b.text(null)).contains("text"));
    assertTrue(failure(b -> b.createdAt(null)).contains("createdAt"));
    assertTrue(failure(b -> b.kind(null)).contains("kind"));
    assertTrue(failure(b -> b.metrics(null)).contains("metrics"));
  }

  @Test
  void authorValidationMessagesNameTheField() {
    assertTrue(assertThrows(NullPointerException.class, () -> Author.newBuilder().handle("a").build())
        .getMessage().contains("author.id"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Author.newBuilder().id(" ").handle("a").build())
        .getMessage().contains("author.id"));
    assertTrue(assertThrows(NullPointerException.class, () -> Author.newBuilder().id("1").build())
        .getMessage().contains("author.handle"));
    String followers = assertThrows(IllegalArgumentException.class,
        () -> Author.newBuilder().id("1").handle("a").followers(-1).build()).getMessage();
    assertTrue(followers.contains("author.followers") && followers.contains("-1"), followers);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Author.newBuilder().id("1").handle("a").following(-5).build()).getMessage().contains("author.following"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new PublicMetrics(0, 0, -1, 0))
        .getMessage().contains("metrics.likes"));
  }

  @Test
  void authorHandleOfOnlyAtSignsIsRejected() {
    // regression: "@" passed the blank check before the @ was stripped, leaving an empty handle
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Author.newBuilder().id("1").handle("@").build());
    assertTrue(e.getMessage().contains("author.handle"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Author.newBuilder().id("1").handle("@@").build());
  }

  @Test
  void authorHandleWithSeveralLeadingAtSignsIsNormalisedOnce() {
    // regression: "@@ana" became "@ana", whose JSON form then parsed back as "ana"
    Author a = Author.newBuilder().id("1").handle("@@ana").build();
    assertEquals("ana", a.handle());
    assertEquals(a, a.toBuilder().build());
  }

  @Test
  void defaultsAndNormalisation() {
    Mention m = valid().conversationId("").language("").build();
    assertEquals(Optional.empty(), m.conversationId());
    assertEquals(Optional.empty(), m.language());
    assertEquals(MentionKind.POST, m.kind());
    assertEquals(Addressing.KEYWORD, m.addressing());
    assertFalse(m.addressedBrand());
    assertEquals(Addressing.DIRECT, valid().kind(MentionKind.DIRECT_MESSAGE).build().addressing());
    assertEquals(PublicMetrics.NONE, m.metrics());
    assertEquals("user_42", m.author().displayName());
    assertEquals(MentionId.of("x", "1"), m.id());
  }

  @Test
  void toBuilderCopiesEveryField() {
    Mention m = valid().conversationId("c").inReplyToId("r").language("es")
        .kind(MentionKind.REPLY).addressing(Addressing.REPLY).metrics(new PublicMetrics(1, 2, 3, 4))
        .author(Author.newBuilder().id("7").handle("@ana").displayName("Ana").verified(true)
            .createdAt(Instant.parse("2015-03-01T10:00:00Z")).build())
        .build();
    assertEquals(m, m.toBuilder().build());
    assertEquals(m.hashCode(), m.toBuilder().build().hashCode());
    assertFalse(m.equals(m.toBuilder().text("other").build()));
  }
}
