package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XConfigTest {
  private static final Map<String, String> ENV = Map.of(
      "X_API_BASE_URL", "http://127.0.0.1:9/",
      "X_BEARER_TOKEN", "bearer-s3cret",
      "X_API_KEY", "key-s3cret",
      "X_API_SECRET", "secret-s3cret",
      "X_ACCESS_TOKEN", "token-s3cret",
      "X_ACCESS_TOKEN_SECRET", "tokensecret-s3cret",
      "X_USER_ACCESS_TOKEN", "user-s3cret");

  @Test
  void readsTheEnvironmentAndNeverPrintsSecrets() {
    XConfig c = XConfig.custom().env(ENV).handle("@acme").keywords(List.of("acme", " ", "acme store")).build();
    assertEquals("http://127.0.0.1:9", c.baseUrl().toString());
    assertEquals("acme", c.handle().orElseThrow());
    assertEquals(List.of("acme", "acme store"), c.keywords());
    assertTrue(c.hasBearer());
    assertTrue(c.hasUserContext());
    String shown = c.toString() + XAdapter.create(c);
    for (String secret : ENV.values()) {
      if (secret.contains("s3cret")) {
        assertFalse(shown.contains(secret), shown);
      }
    }
    assertTrue(shown.contains("bearer=set"), shown);
  }

  @Test
  void defaultsToTheOfficialBaseUrlAndTweetFields() {
    XConfig c = XConfig.ofDefaults();
    assertEquals("https://api.x.com", c.baseUrl().toString());
    assertEquals("tweet.fields", c.postFieldsParameter());
    assertEquals(XListenMode.AUTO, c.mode());
    assertTrue(c.replyNeedsSummons());
    assertFalse(c.followAllowed());
    assertEquals("post.fields", XConfig.custom().postFieldsParameter("post.fields").build().postFieldsParameter());
  }

  @Test
  void rejectsPartialOauth1AndBadValuesNamingTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> XConfig.custom().env(Map.of("X_API_KEY", "k", "X_API_SECRET", "s")).build());
    assertTrue(e.getMessage().contains("X_ACCESS_TOKEN"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> XConfig.custom().baseUrl("ftp://x"));
    assertThrows(IllegalArgumentException.class, () -> XConfig.custom().handle("not a handle"));
    assertThrows(IllegalArgumentException.class, () -> XConfig.custom().postFieldsParameter("fields"));
    assertEquals(XListenMode.MENTIONS, XListenMode.parse("Mentions"));
    assertThrows(IllegalArgumentException.class, () -> XListenMode.parse("firehose"));
  }

  @Test
  void buildsSearchQueryWithoutAtSignsForKeywordsAndExcludesTheBrand() {
    XConfig c = XConfig.custom().handle("acme").keywords(List.of("acme", "acme store"))
        .exclusions(List.of("acmeville")).build();
    assertEquals("(acme OR \"acme store\" OR @acme) -from:acme -is:retweet -acmeville", XQueries.searchQuery(c));
    XConfig many = XConfig.custom().keywords(java.util.Collections.nCopies(60, "keyword")).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> XQueries.searchQuery(many));
    assertTrue(e.getMessage().contains("512"), e.getMessage());
  }
}
