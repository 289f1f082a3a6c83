package org.crisiskit.twitter;

import java.util.Locale;

/** How {@link XAdapter} listens for mentions. */
public enum XListenMode {
  /** The filtered stream when an app bearer token is set and the tier allows it, else {@link #SEARCH}. */
  AUTO,
  /** The filtered stream ({@code GET /2/tweets/search/stream}); gaps back-filled by recent search. */
  STREAM,
  /** Recent-search polling on the brand's keywords ({@code GET /2/tweets/search/recent}). */
  SEARCH,
  /** The brand account's mentions timeline ({@code GET /2/users/:id/mentions}). */
  MENTIONS;

  /**
   * Parses {@code auto}, {@code stream}, {@code search} or {@code mentions}, ignoring case.
   *
   * @throws IllegalArgumentException naming the expected values
   */
  public static XListenMode parse(String name) {
    for (XListenMode m : values()) {
      if (m.name().equalsIgnoreCase(name.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '" + name + "', expected one of auto, stream, search, mentions");
  }

  /** The lower-case name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
