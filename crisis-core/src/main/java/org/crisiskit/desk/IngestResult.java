package org.crisiskit.desk;

import java.util.Objects;
import org.crisiskit.cases.AcceptResult;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.classify.Classification;
import org.crisiskit.mention.Mention;
import org.crisiskit.playbook.TriageDecision;

/**
 * What {@link CrisisDesk#ingest} did with one mention.
 *
 * @param mention the mention
 * @param accepted how the case service recorded it (duplicate, opened, re-opened)
 * @param classification what the classifier decided
 * @param triage what the playbook decided and proposes next (with a draft when something is to be sent)
 * @param caseAfter the case holding the mention, after it joined and was routed
 */
public record IngestResult(Mention mention, AcceptResult accepted, Classification classification, TriageDecision triage, CrisisCase caseAfter) {
  public IngestResult {
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(triage, "triage");
    Objects.requireNonNull(caseAfter, "caseAfter");
  }
}
