package org.crisiskit.playbook;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.classify.Intent;

/**
 * Topics and intents the brand never answers publicly (religion, politics, abuse) and what it does
 * instead. Matches a mention that has one of the topics or one of the intents.
 *
 * @param topics topics never answered publicly
 * @param intents intents never answered publicly
 * @param instead what happens instead
 * @param department for {@link Instead#ESCALATE}: who receives it (empty: {@code management})
 * @param reason recorded on the case as the reason nothing is sent
 */
public record NeverAnswerRule(
    Set<String> topics, Set<Intent> intents, Instead instead, Optional<String> department, String reason) {
  public NeverAnswerRule {
    topics = Set.copyOf(topics);
    intents = intents.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(intents));
    Objects.requireNonNull(instead, "instead");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(reason, "reason");
    if (topics.isEmpty() && intents.isEmpty()) {
      throw new IllegalArgumentException("a never-answer rule needs at least one topic or intent");
    }
  }

  /** True when the mention has one of the topics or intents. */
  public boolean matches(TriageInput in) {
    return intents.contains(in.classification().intent())
        || in.classification().topics().stream().anyMatch(topics::contains);
  }
}
