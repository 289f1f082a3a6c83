package org.crisiskit.cases;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.crisiskit.mention.MentionId;

/**
 * The identity of a {@link CrisisCase}. Derived from the mention that opened the case, so the same
 * journal always yields the same ids.
 *
 * @param value the id, for example {@code x-1850000000000000001}
 */
public record CaseId(String value) {
  public CaseId {
    Objects.requireNonNull(value, "value");
    checkArgument(!value.isBlank(), "case id must not be blank");
  }

  /** Parses a case id as printed by {@link #toString()}. */
  public static CaseId of(String value) {
    return new CaseId(value);
  }

  /** The id of the case opened by {@code first}. */
  public static CaseId openedBy(MentionId first) {
    return new CaseId(first.network() + "-" + first.value());
  }

  @Override
  public String toString() {
    return value;
  }
}
