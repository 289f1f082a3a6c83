package org.crisiskit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL recognition shared by the length counter and the link check. */
final class Links {
  /**
   * A link: {@code scheme://host…} with any scheme and any host (IP addresses and unknown endings
   * included; the host is the part after a {@code user@}), {@code www.host…} with any ending, or a
   * bare domain with a common ending ({@code acme.com/x}; a known list, so "e.g." or "file.txt" is not
   * a link). Groups: scheme, user, host of the first form; host of the second; host of the third.
   */
  static final Pattern URL = Pattern.compile(
      "(?i)(?:(?<![\\p{L}\\p{N}+.-])([a-z][a-z0-9+.-]*)://([^\\s/?#@]*@)?"
          + "(\\[[0-9a-f:.]+]|[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)*)"
          + "|(?<![\\p{L}\\p{N}.@/_-])(www\\.[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)*)"
          + "|(?<![a-z0-9.@/-])((?:[a-z0-9-]++\\.)++(?:com|net|org|es|io|co|uk|info|biz|me|ly|gl|example|app|dev|shop|store|eu|mx|ar|us))"
          + "(?![a-z0-9-]))"
          + "(?::\\d+)?(?:[/?#](?:\\S*[^\\s.,;:!?'\")\\]}>»”’])?)?");

  /** A host X shortens to a t.co link: a domain (not an IP address or a single name) with a letter ending. */
  private static final Pattern X_HOST = Pattern.compile(
      "(?i)(?:[\\p{L}\\p{N}_-]+\\.)*[\\p{L}\\p{N}-]+\\.(?:\\p{L}{2,}|xn--[a-z0-9-]+)");

  /**
   * One link found in a text, {@code [start, end)}.
   *
   * @param host the host, lower case
   * @param schemed true when written with a {@code scheme://}
   * @param shortened true when X counts it as a URL of 23 (an http or https link without a user part,
   *     a {@code www.} link or a bare domain, each with a domain host)
   */
  record Link(int start, int end, String host, boolean schemed, boolean shortened) {}

  /** The links of {@code text}, in order. */
  static List<Link> find(String text) {
    List<Link> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      out.add(link(m));
    }
    return out;
  }

  private static Link link(Matcher m) {
    if (m.group(1) != null) {
      String scheme = m.group(1).toLowerCase(Locale.ROOT);
      String host = m.group(3).toLowerCase(Locale.ROOT);
      boolean web = scheme.equals("http") || scheme.equals("https");
      return new Link(m.start(), m.end(), host, true,
          web && m.group(2) == null && X_HOST.matcher(host).matches());
    }
    String host = (m.group(4) != null ? m.group(4) : m.group(5)).toLowerCase(Locale.ROOT);
    return new Link(m.start(), m.end(), host, false, X_HOST.matcher(host).matches());
  }

  private Links() {}
}
