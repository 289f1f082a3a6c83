package org.crisiskit.desk;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A notification from the desk with a sentence for people and data for machines.
 *
 * @param kind what it is about, for example {@code incident}, {@code sla_warning}, {@code adapter_silent}
 * @param at when it was raised (desk clock, or mention time for incidents)
 * @param subject the case id, incident id or network it concerns
 * @param message one readable sentence
 * @param data further fields, documented by the raising component
 */
public record DeskNotice(String kind, Instant at, String subject, String message, Map<String, String> data) {
  public DeskNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    data = Map.copyOf(data);
  }
}
