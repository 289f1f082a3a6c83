package org.crisiskit.mention;

import java.util.Locale;

/** What kind of item a mention is on its network. */
public enum MentionKind {
  /** An original public post. */
  POST,
  /** A public reply to another post. */
  REPLY,
  /** A post that quotes another post. */
  QUOTE,
  /** A plain re-share of another post (retweet); carries no new text of its author. */
  REPOST,
  /** A private message sent to the brand. */
  DIRECT_MESSAGE;

  /** The lower-case name used in the JSON form, for example {@code direct_message}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the JSON name of a kind.
   *
   * @throws IllegalArgumentException naming the expected values when {@code name} is not one
   */
  public static MentionKind fromJsonName(String name) {
    for (MentionKind kind : values()) {
      if (kind.jsonName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown kind '" + name + "', expected one of post, reply, quote, repost, direct_message");
  }
}
