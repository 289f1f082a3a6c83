package org.crisiskit.playbook;

import java.util.List;
import java.util.Objects;

/**
 * A message drafted from a template for an agent to check, edit and send.
 *
 * @param templateId the template it came from
 * @param lang its language
 * @param text the text with every known placeholder filled in
 * @param unresolved placeholders left for the agent, such as {@code eta}; the message checks block
 *     sending until they are filled in
 */
public record Draft(String templateId, String lang, String text, List<String> unresolved) {
  public Draft {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(text, "text");
    unresolved = List.copyOf(unresolved);
  }
}
