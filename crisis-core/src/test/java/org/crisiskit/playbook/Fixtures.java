package org.crisiskit.playbook;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Flag;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Polarity;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;

/** Small builders of mentions and classifications shared by tests. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private Fixtures() {}

  public static Mention mention(String id, String handle, long followers, String text, String lang, Instant at) {
    return Mention.newBuilder()
        .network("x")
        .id(id)
        .author(Author.newBuilder().id("u-" + handle).handle(handle).displayName(handle).followers(followers).build())
        .text(text)
        .language(lang)
        .createdAt(at)
        .addressing(Addressing.MENTION)
        .build();
  }

  public static Mention mention(String id, String handle, String text, String lang) {
    return mention(id, handle, 100, text, lang, T0);
  }

  public static Classification classification(Intent intent, String lang, Set<String> topics, Set<Flag> flags) {
    Polarity p = intent == Intent.PRAISE ? Polarity.POSITIVE
        : intent == Intent.COMPLAINT || intent == Intent.ABUSE ? Polarity.NEGATIVE : Polarity.NEUTRAL;
    double s = p == Polarity.POSITIVE ? 0.8 : p == Polarity.NEGATIVE ? -0.7 : 0;
    return new Classification(intent, p, s, intent == Intent.ABUSE, intent == Intent.SENSITIVE, topics, flags, lang,
        List.of("test"));
  }

  public static Classification classification(Intent intent, String lang, String... topics) {
    return classification(intent, lang, Set.of(topics), Set.of());
  }
}
