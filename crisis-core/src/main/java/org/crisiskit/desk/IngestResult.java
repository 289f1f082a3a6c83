package org.crisiskit.desk;

import java.util.Objects;
import org.crisiskit.cases.AcceptResult;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.classify.Classification;

/**
 * What {@link CrisisDesk#ingest} did with one mention.
 *
 * @param accepted how the case service recorded it (duplicate, opened, re-opened)
 * @param classification what the classifier decided
 * @param caseAfter the case holding the mention, after it joined
 */
public record IngestResult(AcceptResult accepted, Classification classification, CrisisCase caseAfter) {
  public IngestResult {
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(caseAfter, "caseAfter");
  }
}
