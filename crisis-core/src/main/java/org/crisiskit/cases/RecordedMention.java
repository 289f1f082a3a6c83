package org.crisiskit.cases;

import java.util.Objects;
import org.crisiskit.mention.Mention;

/**
 * A mention as recorded in the journal: the mention, its assessment and the case it joined.
 *
 * @param mention the mention
 * @param assessment what the analysis decided when it was accepted; {@link Assessment#unassessed()}
 *     when nobody did
 * @param caseId the case holding it
 */
public record RecordedMention(Mention mention, Assessment assessment, CaseId caseId) {
  public RecordedMention {
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(caseId, "caseId");
  }

  /**
   * Whether the mention was accepted with an assessment: false when it was accepted with {@link
   * CaseService#accept(Mention)} or {@link Assessment#unassessed()} itself, and, in journals written
   * before this was recorded, when its assessment equals {@code unassessed()}.
   */
  public boolean assessed() {
    return assessment != Assessment.unassessed();
  }
}
