package org.crisiskit.playbook;

import java.util.Locale;

/** What to do instead of answering publicly a topic or intent the brand never answers. */
public enum Instead {
  /** Record the mention and the reason; nothing is sent. */
  RECORD,
  /** Record and keep watching the author and topic; nothing is sent. */
  WATCH,
  /** Hand the case to a department (management by default); nothing is sent publicly. */
  ESCALATE;

  /** The lower-case JSON name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
