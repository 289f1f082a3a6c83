package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisiskit.internal.Json;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionKind;
import org.junit.jupiter.api.Test;

/** Parsing of recorded and official payloads, including the spec's renames. */
class PostParserTest {
  @Test
  void readsAuthorsAndMetricsFromExpansions() throws Exception {
    PostParser p = new PostParser(Optional.of("acme"), Optional.empty());
    PostParser.Page page = p.parse(Json.parse(FakeXServer.fixture("search-recent.expansions.200.json")), false);
    Mention m = page.mentions().get(0);
    assertEquals("1234567890123456789", m.id().value());
    assertEquals("pythondev", m.author().handle());
    assertEquals(42, m.metrics().likes());
    assertEquals(5, m.metrics().reposts());
    assertEquals(Instant.parse("2024-01-15T10:30:00Z"), m.createdAt());
    assertEquals(Addressing.KEYWORD, m.addressing());
  }

  @Test
  void mentionsTimelineCountsAsAddressed() throws Exception {
    PostParser p = new PostParser(Optional.of("XDevelopers"), Optional.empty());
    PostParser.Page page = p.parse(Json.parse(FakeXServer.fixture("mentions.200.json")), true);
    assertEquals(Addressing.MENTION, page.mentions().get(0).addressing());
    assertEquals("t3buvdr5pujq9g7bggsnf3ep2ha28", page.nextToken().orElseThrow());
  }

  @Test
  void richLegacyPayloadGivesRepliesAndMentionsOfTheBrand() throws Exception {
    // @snowman's account id is 17200003 in this official example
    PostParser p = new PostParser(Optional.of("snowman"), Optional.of("17200003"));
    PostParser.Page page = p.parse(Json.parse(FakeXServer.fixture("search-recent.rich.200.json")), false);
    assertTrue(page.ownSkipped() > 0, "the brand's own posts must be skipped");
    for (Mention m : page.mentions()) {
      assertTrue(!m.author().id().equals("17200003"));
    }
    Mention first = page.mentions().get(0);
    assertEquals(MentionKind.REPLY, first.kind());
    assertEquals(Addressing.REPLY, first.addressing());
    assertEquals("en", first.language().orElseThrow());
  }

  @Test
  void postsWithoutAuthorExpansionAreCountedMalformedNotFatal() throws Exception {
    PostParser p = new PostParser(Optional.empty(), Optional.empty());
    PostParser.Page page = p.parse(Json.parse(FakeXServer.fixture("search-recent.default-fields.200.json")), false);
    assertEquals(0, page.mentions().size());
    assertEquals(10, page.malformed());
  }

  @Test
  void toleratesPostRenamesAndQuotesOfTheBrand() throws Exception {
    String renamed = "{\"data\":[{\"id\":\"1850000000000000005\",\"text\":\"look at this\",\"author_id\":\"5\","
        + "\"referenced_posts\":[{\"type\":\"quoted\",\"id\":\"1850000000000000001\"}],"
        + "\"public_metrics\":{\"repost_count\":7,\"reply_count\":1,\"like_count\":3,\"quote_count\":2},"
        + "\"brand_new_field\":{\"x\":1}}],"
        + "\"includes\":{\"users\":[{\"id\":\"5\",\"username\":\"eve\",\"public_metrics\":{\"followers_count\":9,"
        + "\"following_count\":1,\"post_count\":3}},{\"id\":\"777\",\"username\":\"acme\"}],"
        + "\"posts\":[{\"id\":\"1850000000000000001\",\"text\":\"our news\",\"author_id\":\"777\"}]},"
        + "\"errors\":[{\"title\":\"Not Found Error\",\"detail\":\"Could not find tweet\","
        + "\"type\":\"https://api.x.com/2/problems/resource-not-found\"}]}";
    PostParser p = new PostParser(Optional.of("acme"), Optional.empty());
    PostParser.Page page = p.parse(Json.parse(renamed), false);
    Mention m = page.mentions().get(0);
    assertEquals(MentionKind.QUOTE, m.kind());
    assertEquals(Addressing.QUOTE, m.addressing());
    assertEquals(7, m.metrics().reposts());
    assertEquals(9, m.author().followers());
    assertEquals(List.of("resource-not-found: Could not find tweet"), page.errors());
    // no created_at: derived from the snowflake id
    assertTrue(m.createdAt().isAfter(Instant.parse("2024-01-01T00:00:00Z")));
  }

  @Test
  void comparesIdsNumerically() {
    assertTrue(PostParser.compareIds("99", "100") < 0);
    assertTrue(PostParser.compareIds("1850000000000000002", "1850000000000000001") > 0);
    assertEquals(0, PostParser.compareIds("5", "5"));
  }
}
