package org.crisiskit.playbook;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Flag;
import org.crisiskit.mention.Mention;

/**
 * Everything a playbook rule can look at: the mention, what the classifier said about it and how
 * severe the crisis it belongs to is.
 *
 * @param mention the mention
 * @param classification the classifier's verdict
 * @param crisisSeverity the detector's crisis severity in [0, 10], 0 when no crisis is running
 */
public record TriageInput(Mention mention, Classification classification, int crisisSeverity) {
  public TriageInput {
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(classification, "classification");
    checkArgument(crisisSeverity >= 0 && crisisSeverity <= 10,
        "crisisSeverity must be in [0, 10] but was %s", crisisSeverity);
  }

  /** An input outside any crisis. */
  public static TriageInput of(Mention mention, Classification classification) {
    return new TriageInput(mention, classification, 0);
  }

  /**
   * The case severity this input deserves: critical from crisis severity 8 or a health or safety
   * risk, high from crisis severity 5 or a legal threat or media exposure, normal for complaints and
   * questions, low otherwise.
   */
  public Severity severity() {
    var flags = classification.flags();
    if (crisisSeverity >= 8 || flags.contains(Flag.HEALTH_SAFETY_RISK)) {
      return Severity.CRITICAL;
    }
    if (crisisSeverity >= 5 || flags.contains(Flag.LEGAL_THREAT) || flags.contains(Flag.MEDIA_EXPOSURE)) {
      return Severity.HIGH;
    }
    switch (classification.intent()) {
      case COMPLAINT:
      case QUESTION:
      case ABUSE:
      case SENSITIVE:
        return Severity.NORMAL;
      default:
        return Severity.LOW;
    }
  }

  /** The language of the mention: the classifier's, else the network's, else {@code und}. */
  public String lang() {
    String l = classification.lang();
    if (!l.isEmpty() && !l.equals("und")) {
      return l;
    }
    return mention.language().orElse("und");
  }
}
