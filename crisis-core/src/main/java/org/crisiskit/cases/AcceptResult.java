package org.crisiskit.cases;

import java.util.Objects;
import org.crisiskit.mention.MentionId;

/**
 * What {@link CaseService#accept} did with a mention.
 *
 * @param mention the mention
 * @param caseId the case that holds it
 * @param duplicate true when the mention had been accepted before; nothing was recorded again
 * @param opened true when the mention opened a new case
 * @param reopened true when it re-opened an answered case
 */
public record AcceptResult(MentionId mention, CaseId caseId, boolean duplicate, boolean opened, boolean reopened) {
  public AcceptResult {
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(caseId, "caseId");
  }
}
