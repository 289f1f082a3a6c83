package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OAuth 1.0a signing against the example published in X's "Creating a signature" guide. */
class OAuth1Test {
  private static final OAuth1 DOCS_EXAMPLE = new OAuth1(
      "xvz1evFS4wEEPTGEFPHBog",
      "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
      "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
      "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

  @Test
  void reproducesThePublishedSignature() {
    String header = DOCS_EXAMPLE.authorization(
        "POST",
        URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
        List.of(Map.entry("status", "Hello Ladies + Gentlemen, a signed OAuth request!")),
        "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
        1318622958L);
    assertTrue(header.contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\""), header);
    assertTrue(header.startsWith("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce="), header);
    assertTrue(header.contains("oauth_signature_method=\"HMAC-SHA1\""));
    assertTrue(header.contains("oauth_timestamp=\"1318622958\""));
    assertTrue(header.contains("oauth_version=\"1.0\""));
    assertFalse(header.contains("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw"), "consumer secret leaked");
  }

  @Test
  void signatureChangesWithAnyParameter() {
    URI uri = URI.create("https://api.x.com/2/tweets");
    String a = DOCS_EXAMPLE.authorization("POST", uri, List.of(), "n1", 1L);
    String b = DOCS_EXAMPLE.authorization("POST", uri, List.of(), "n2", 1L);
    String c = DOCS_EXAMPLE.authorization("GET", uri, List.of(), "n1", 1L);
    assertFalse(a.equals(b));
    assertFalse(a.equals(c));
  }

  @Test
  void percentEncodesPerRfc3986() {
    assertEquals("Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21",
        OAuth1.encode("Hello Ladies + Gentlemen, a signed OAuth request!"));
    assertEquals("-._~", OAuth1.encode("-._~"));
    assertEquals("%E2%98%83", OAuth1.encode("☃"));
  }

  @Test
  void toStringHidesCredentials() {
    assertEquals("OAuth1{credentials hidden}", DOCS_EXAMPLE.toString());
  }
}
