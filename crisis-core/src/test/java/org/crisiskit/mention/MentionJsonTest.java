package org.crisiskit.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionJsonTest {
  private static final String DOC_EXAMPLE =
      "{\"network\":\"x\",\"id\":\"1850000000000000001\",\"conversationId\":\"1850000000000000001\","
          + "\"inReplyToId\":null,"
          + "\"author\":{\"id\":\"42\",\"handle\":\"ana_g\",\"displayName\":\"Ana\",\"followers\":812,"
          + "\"following\":310,\"verified\":false,\"createdAt\":\"2015-03-01T10:00:00Z\"},"
          + "\"text\":\"@acme my order still hasn't arrived\",\"lang\":\"en\",\"createdAt\":\"2026-11-02T09:15:00Z\","
          + "\"kind\":\"post\",\"metrics\":{\"reposts\":0,\"replies\":0,\"likes\":1,\"quotes\":0},"
          + "\"addressing\":\"mention\"}";

  @Test
  void parsesTheDocumentedExample() {
    Mention m = MentionJson.parse(DOC_EXAMPLE);
    assertEquals(MentionId.of("x", "1850000000000000001"), m.id());
    assertEquals("ana_g", m.author().handle());
    assertEquals(812, m.author().followers());
    assertEquals(Instant.parse("2015-03-01T10:00:00Z"), m.author().createdAt().orElseThrow());
    assertEquals("en", m.language().orElseThrow());
    assertEquals(Addressing.MENTION, m.addressing());
    assertEquals(1, m.metrics().likes());
    assertTrue(m.inReplyToId().isEmpty());
    assertEquals(m, MentionJson.parse(MentionJson.toJson(m)));
  }

  @Test
  void minimalFormUsesDefaultsAndAcceptsNumericIds() {
    Mention m = MentionJson.parse("{\"network\":\"x\",\"id\":17,\"author\":{\"id\":42,\"handle\":\"@b\"},"
        + "\"text\":\"\",\"createdAt\":\"2026-11-02T09:15:00Z\",\"extra\":{\"ignored\":true}}");
    assertEquals("17", m.id().value());
    assertEquals("42", m.author().id());
    assertEquals("b", m.author().handle());
    assertEquals(MentionKind.POST, m.kind());
    assertEquals(Addressing.KEYWORD, m.addressing());
    assertEquals(PublicMetrics.NONE, m.metrics());
  }

  @Test
  void toJsonIsOneLine() {
    Mention m = MentionFixtures.mention("1", "2", null, 0).toBuilder().text("a\nb\r\nc\u2028").build();
    String json = MentionJson.toJson(m);
    assertTrue(json.indexOf('\n') < 0 && json.indexOf('\r') < 0, json);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not json at all                                                     | $",
      "{\"network\":\"x\"                                                  | $",
      "[1,2]                                                               | $",
      "{\"network\":\"x\",\"id\":\"1\"} trailing                          | $",
      "{\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.network",
      "{\"network\":\" \",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.network",
      "{\"network\":\"my-net\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.network",
      "{\"network\":\"x\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.id",
      "{\"network\":\"x\",\"id\":\"1\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.author",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":\"ana\",\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.author",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.author.id",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.author.handle",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\",\"followers\":-3},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.author.followers",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\",\"verified\":\"yes\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.author.verified",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.text",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":[\"t\"],\"createdAt\":\"2026-01-01T00:00:00Z\"} | $.text",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\"} | $.createdAt",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"yesterday\"} | $.createdAt",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"kind\":\"tweet\"} | $.kind",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"addressing\":\"dm\"} | $.addressing",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"metrics\":7} | $.metrics",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"metrics\":{\"likes\":\"many\"}} | $.metrics.likes",
      "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"h\"},\"text\":\"t\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"metrics\":{\"quotes\":-1}} | $.metrics.quotes",
  })
  void malformedInputNamesTheJsonPath(String json, String path) {
    MentionFormatException e = assertThrows(MentionFormatException.class, () -> MentionJson.parse(json));
    assertEquals(path, e.path(), e.getMessage());
    assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
  }

  @Test
  void handleOfOnlyAtSignsIsAFormatErrorNotACrash() {
    // regression: the builder's IllegalArgumentException escaped MentionJson.parse without a JSON path
    MentionFormatException e = assertThrows(MentionFormatException.class, () -> MentionJson.parse(
        "{\"network\":\"x\",\"id\":\"1\",\"author\":{\"id\":\"a\",\"handle\":\"@\"},\"text\":\"t\","
            + "\"createdAt\":\"2026-01-01T00:00:00Z\"}"));
    assertTrue(e.path().startsWith("$.author"), e.path());
    assertTrue(e.getMessage().contains("handle"), e.getMessage());
  }
}
