package org.crisiskit.journal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One record of a {@link Journal}.
 *
 * @param sequence position in the journal, starting at 1 and increasing by one
 * @param type what the payload is, for example {@code mention} or {@code case}
 * @param payload the record, usually one JSON object
 */
public record JournalEntry(long sequence, String type, String payload) {
  public JournalEntry {
    checkArgument(sequence >= 1, "sequence must be >= 1 but was %s", sequence);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    checkArgument(!type.isEmpty(), "type must not be empty");
  }
}
