package org.crisiskit.twitter;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 as X documents it). JSON bodies are not signed;
 * query parameters and form parameters are. Immutable; {@link #toString()} hides the secrets.
 */
final class OAuth1 {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String consumerKey;
  private final String consumerSecret;
  private final String token;
  private final String tokenSecret;

  OAuth1(String consumerKey, String consumerSecret, String token, String tokenSecret) {
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.token = token;
    this.tokenSecret = tokenSecret;
  }

  /** Returns the {@code Authorization} header for a request with a fresh nonce and timestamp. */
  String authorization(String method, URI uri, long epochSeconds) {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(b).replaceAll("[^A-Za-z0-9]", "");
    return authorization(method, uri, List.of(), nonce, epochSeconds);
  }

  /** Returns the header for explicit nonce, timestamp and form parameters (tests, form posts). */
  String authorization(String method, URI uri, List<Map.Entry<String, String>> formParams, String nonce,
      long epochSeconds) {
    List<Map.Entry<String, String>> oauth = new ArrayList<>();
    oauth.add(Map.entry("oauth_consumer_key", consumerKey));
    oauth.add(Map.entry("oauth_nonce", nonce));
    oauth.add(Map.entry("oauth_signature_method", "HMAC-SHA1"));
    oauth.add(Map.entry("oauth_timestamp", Long.toString(epochSeconds)));
    oauth.add(Map.entry("oauth_token", token));
    oauth.add(Map.entry("oauth_version", "1.0"));
    String signature = signature(method, uri, formParams, oauth);
    List<Map.Entry<String, String>> header = new ArrayList<>(oauth);
    header.add(Map.entry("oauth_signature", signature));
    header.sort(Map.Entry.comparingByKey());
    StringBuilder sb = new StringBuilder("OAuth ");
    for (int i = 0; i < header.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(encode(header.get(i).getKey())).append("=\"").append(encode(header.get(i).getValue())).append('"');
    }
    return sb.toString();
  }

  String signature(String method, URI uri, List<Map.Entry<String, String>> formParams,
      List<Map.Entry<String, String>> oauthParams) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    for (Map.Entry<String, String> e : queryParams(uri)) {
      all.add(Map.entry(encode(e.getKey()), encode(e.getValue())));
    }
    for (Map.Entry<String, String> e : formParams) {
      all.add(Map.entry(encode(e.getKey()), encode(e.getValue())));
    }
    for (Map.Entry<String, String> e : oauthParams) {
      all.add(Map.entry(encode(e.getKey()), encode(e.getValue())));
    }
    all.sort(Comparator.<Map.Entry<String, String>, String>comparing(Map.Entry::getKey)
        .thenComparing(Map.Entry::getValue));
    StringBuilder params = new StringBuilder();
    for (Map.Entry<String, String> e : all) {
      if (params.length() > 0) {
        params.append('&');
      }
      params.append(e.getKey()).append('=').append(e.getValue());
    }
    String base = method.toUpperCase(Locale.ROOT) + "&" + encode(baseUrl(uri)) + "&" + encode(params.toString());
    String key = encode(consumerSecret) + "&" + encode(tokenSecret);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available in this JDK", e);
    }
  }

  private static String baseUrl(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port) + uri.getRawPath();
  }

  private static List<Map.Entry<String, String>> queryParams(URI uri) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    String q = uri.getRawQuery();
    if (q == null || q.isEmpty()) {
      return out;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(Map.entry(decode(k), decode(v)));
    }
    return out;
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** RFC 3986 percent-encoding: everything but {@code A-Z a-z 0-9 - . _ ~}. */
  static String encode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "OAuth1{credentials hidden}";
  }
}
