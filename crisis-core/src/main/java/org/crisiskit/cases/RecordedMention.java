package org.crisiskit.cases;

import java.util.Objects;
import org.crisiskit.mention.Mention;

/**
 * A mention as recorded in the journal: the mention, its assessment and the case it joined.
 *
 * @param mention the mention
 * @param assessment what the analysis decided when it was accepted
 * @param caseId the case holding it
 */
public record RecordedMention(Mention mention, Assessment assessment, CaseId caseId) {
  public RecordedMention {
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(caseId, "caseId");
  }
}
