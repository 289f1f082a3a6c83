package org.crisiskit.mention;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** Mentions for tests: a few readable factories and a jqwik generator of any valid mention. */
public final class MentionFixtures {
  /** A fixed instant the tests count from. */
  public static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private MentionFixtures() {}

  /** An author with id {@code id} and handle {@code user_<id>}. */
  public static Author author(String id) {
    return Author.newBuilder().id(id).handle("user_" + id).followers(100).build();
  }

  /** A complaint-like post on X by {@code authorId} in {@code conversation} (may be null), at {@code at}. */
  public static Mention mention(String id, String authorId, String conversation, Instant at) {
    return Mention.newBuilder()
        .network("x")
        .id(id)
        .conversationId(conversation)
        .author(author(authorId))
        .text("@acme mention " + id)
        .language("en")
        .createdAt(at)
        .kind(MentionKind.POST)
        .addressing(Addressing.MENTION)
        .build();
  }

  /** Same as {@link #mention(String, String, String, Instant)} at {@code T0 + minutes}. */
  public static Mention mention(String id, String authorId, String conversation, long minutes) {
    return mention(id, authorId, conversation, T0.plus(Duration.ofMinutes(minutes)));
  }

  /** Text with letters, digits, punctuation, accents, quotes, escapes, emoji and line breaks. */
  public static Arbitrary<String> texts() {
    Arbitrary<String> plain =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('ñ', 'é', 'ü', '¿', '¡', '€', '\n', '\t', '"', '\\', '\u2028', '\u0000')
            .ofMaxLength(80);
    Arbitrary<String> fixed =
        Arbitraries.of("", "@acme 😡 mi pedido no llega", "thanks! 🙏🏽", "\"quoted\" \\ back\\slash",
            "línea 1\r\nlínea 2");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, plain), net.jqwik.api.Tuple.of(1, fixed));
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20);
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(Instant.parse("2006-03-21T00:00:00Z").getEpochSecond(),
            Instant.parse("2099-12-31T23:59:59Z").getEpochSecond())
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999)
            .map(n -> Instant.ofEpochSecond(s, n % 3 == 0 ? 0 : n)));
  }

  /** Any author that passes validation. */
  public static Arbitrary<Author> authors() {
    return Builders.withBuilder(Author::newBuilder)
        .use(ids()).in(Author.Builder::id)
        .use(Arbitraries.strings().alpha().numeric().withChars('_', '@').ofMinLength(1).ofMaxLength(15)
            .filter(h -> !h.replace("@", "").isEmpty()))
        .in(Author.Builder::handle)
        .use(texts()).withProbability(0.5).in(Author.Builder::displayName)
        .use(Arbitraries.longs().between(0, 50_000_000)).in(Author.Builder::followers)
        .use(Arbitraries.longs().between(0, 10_000)).in(Author.Builder::following)
        .use(Arbitraries.of(true, false)).in(Author.Builder::verified)
        .use(instants()).withProbability(0.5).in(Author.Builder::createdAt)
        .build(Author.Builder::build);
  }

  /** Any mention that passes validation. */
  public static Arbitrary<Mention> mentions() {
    Arbitrary<PublicMetrics> metrics =
        Combinators.combine(
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(0, 1_000_000))
            .as(PublicMetrics::new);
    return Builders.withBuilder(Mention::newBuilder)
        .use(Arbitraries.of("x", "mastodon", "facebook")).in(Mention.Builder::network)
        .use(ids()).in(Mention.Builder::id)
        .use(ids()).withProbability(0.5).in(Mention.Builder::conversationId)
        .use(ids()).withProbability(0.5).in(Mention.Builder::inReplyToId)
        .use(authors()).in(Mention.Builder::author)
        .use(texts()).in(Mention.Builder::text)
        .use(Arbitraries.of("es", "en", "pt-BR", "")).withProbability(0.5).in(Mention.Builder::language)
        .use(instants()).in(Mention.Builder::createdAt)
        .use(Arbitraries.of(MentionKind.class)).in(Mention.Builder::kind)
        .use(metrics).in(Mention.Builder::metrics)
        .use(Arbitraries.of(Addressing.class)).withProbability(0.5).in(Mention.Builder::addressing)
        .build(Mention.Builder::build);
  }
}
