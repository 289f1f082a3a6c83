package org.crisiskit.twitter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds search queries, stream rules and the field parameters of every read. */
final class XQueries {
  static final String POST_FIELDS =
      "author_id,created_at,conversation_id,in_reply_to_user_id,referenced_tweets,entities,public_metrics,lang";
  static final String EXPANSIONS = "author_id,referenced_tweets.id,referenced_tweets.id.author_id";
  static final String USER_FIELDS = "username,name,public_metrics,verified,verified_type,created_at";
  /** Post fields under the 2.167 spec's {@code post.fields}: ids of author and references became expansions. */
  static final String POST_FIELDS_2_167 = "created_at,conversation_id,entities,public_metrics,lang";
  static final String EXPANSIONS_2_167 = "author_id,in_reply_to_user_id,referenced_posts,entities.mentions.username";
  static final int SEARCH_QUERY_MAX = 512;
  static final int RULE_MAX = 1024;

  private XQueries() {}

  /** {@code (acme OR "acme store" OR @acme) -from:acme -is:retweet}. */
  static String query(XConfig c) {
    List<String> terms = new ArrayList<>();
    for (String k : c.keywords()) {
      terms.add(k.contains(" ") ? "\"" + k + "\"" : k);
    }
    c.handle().ifPresent(h -> terms.add("@" + h));
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("keywords or handle are required to search or stream");
    }
    StringBuilder q = new StringBuilder();
    q.append(terms.size() == 1 ? terms.get(0) : "(" + String.join(" OR ", terms) + ")");
    c.handle().ifPresent(h -> q.append(" -from:").append(h));
    q.append(" -is:retweet");
    for (String e : c.exclusions()) {
      q.append(" -").append(e.contains(" ") ? "\"" + e + "\"" : e);
    }
    return q.toString();
  }

  static String searchQuery(XConfig c) {
    String q = query(c);
    if (q.length() > SEARCH_QUERY_MAX) {
      throw new IllegalArgumentException("the search query built from keywords is " + q.length()
          + " characters but X allows " + SEARCH_QUERY_MAX + " on self-serve tiers; use fewer keywords");
    }
    return q;
  }

  static String rule(XConfig c) {
    String q = query(c);
    if (q.length() > RULE_MAX) {
      throw new IllegalArgumentException("the stream rule built from keywords is " + q.length()
          + " characters but X allows " + RULE_MAX + "; use fewer keywords");
    }
    return q;
  }

  /**
   * Field and expansion parameters. {@code tweet.fields} uses the names of spec 2.166 and the docs;
   * {@code post.fields} those of spec 2.167 ({@code referenced_posts}, no {@code author_id} field).
   */
  static Map<String, String> fields(String postFields) {
    Map<String, String> m = new LinkedHashMap<>();
    boolean renamed = postFields.equals("post.fields");
    m.put(postFields, renamed ? POST_FIELDS_2_167 : POST_FIELDS);
    m.put("expansions", renamed ? EXPANSIONS_2_167 : EXPANSIONS);
    m.put("user.fields", USER_FIELDS);
    return m;
  }
}
