package org.crisiskit.check;

import java.util.regex.Pattern;

/** URL recognition shared by the length counter and the link check. */
final class Links {
  /** http(s) URLs and bare domains with a common TLD. Group 1 is the host. */
  static final Pattern URL = Pattern.compile(
      "(?i)(?<![a-z0-9.@/-])(?:https?://)?((?:[a-z0-9-]++\\.)++(?:com|net|org|es|io|co|uk|info|biz|me|ly|gl|example|app|dev|shop|store|eu|mx|ar|us))"
          + "(?![a-z0-9-])(?::\\d+)?(?:/[^\\s]*)?");

  private Links() {}
}
