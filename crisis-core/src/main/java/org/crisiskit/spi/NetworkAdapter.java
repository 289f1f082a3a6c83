package org.crisiskit.spi;

import java.util.Locale;
import java.util.Optional;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;

/**
 * A social network as Crisis Kit sees it: a source of mentions and a place to answer them.
 *
 * <p>Before acting, ask {@link #capabilitiesFor(Mention)} (or {@link #capabilitiesFor(Author)}) and
 * take an allowed route; the write methods throw {@link NotPermittedException} when a denied action is
 * attempted anyway. Every failure is a {@link NetworkException} subclass that says whether to retry.
 * A new adapter is complete when its tests extend the contract kit
 * {@code org.crisiskit.spi.NetworkAdapterContract} (crisis-core test-jar) and pass.
 *
 * <p>Implementations are thread-safe. {@code toString()}, log lines and exception messages never
 * contain credentials.
 */
public interface NetworkAdapter {
  /**
   * Short network name used in {@link MentionId#network()}, for example {@code x}: a lower-case ASCII
   * letter, then up to 31 of a-z, 0-9 or {@code _} ({@link MentionId#requireNetworkName}).
   */
  String network();

  /**
   * Starts listening on a thread of the adapter's own and returns at once. Each new mention is handed
   * to {@code sink} once, oldest first where the network allows; after each delivered batch the
   * adapter calls {@link MentionSink#flush()} and only then writes the position to {@code checkpoints},
   * so listening again with the same store resumes with no gap and no duplicate, after a power cut
   * too (see {@link MentionSink} for the contract).
   */
  Listening listen(MentionSink sink, CheckpointStore checkpoints);

  /**
   * Replies publicly to the post {@code inReplyTo}, without checking capabilities first (the network
   * may still refuse). Prefer {@link #replyTo(Mention, String)}.
   *
   * @throws IllegalArgumentException when {@code text} is blank or longer than {@link #maxLength()}
   * @throws NetworkException or a subclass when the network refuses or fails
   */
  SentMessage replyPublicly(MentionId inReplyTo, String text);

  /**
   * Replies publicly to {@code mention} after checking {@link #capabilitiesFor(Mention)}.
   *
   * @throws NotPermittedException with the reason when a public reply is not allowed
   */
  default SentMessage replyTo(Mention mention, String text) {
    checkText(text);
    Permission p = capabilitiesFor(mention).replyPublicly();
    if (!p.allowed()) {
      throw new NotPermittedException(network(), p.reason());
    }
    return replyPublicly(mention.id(), text);
  }

  /**
   * Sends a private (direct) message to the account {@code authorId}.
   *
   * @throws IllegalArgumentException when {@code text} is blank or longer than {@link #maxPrivateLength()}
   * @throws NotPermittedException when the account does not accept messages from the brand
   */
  SentMessage sendPrivateMessage(String authorId, String text);

  /** Looks up an account by its network id; empty when it does not exist (or is suspended). */
  Optional<Author> lookUpAuthor(String authorId);

  /**
   * Follows the account. Default: not supported.
   *
   * @throws NotPermittedException when the network or the tier does not allow it
   */
  default void follow(String authorId) {
    throw new NotPermittedException(network(), "follow not permitted: " + network() + " adapter cannot follow");
  }

  /** What the brand may do towards this mention and its author now. May ask the network (cached). */
  Capabilities capabilitiesFor(Mention mention);

  /** What the brand may do towards this account now, with no post to reply to. */
  default Capabilities capabilitiesFor(Author author) {
    Capabilities c = capabilitiesFor(syntheticPost(author));
    return new Capabilities(
        Permission.deny(NetworkAction.REPLY_PUBLICLY, "reply not possible: no post of the author given"),
        c.privateMessage(),
        c.follow());
  }

  /** The longest public text accepted, in the network's weighted characters (X: 280). */
  int maxLength();

  /**
   * The longest private message accepted, in the network's weighted characters (X: 10,000); never
   * below {@link #maxLength()}. By default {@link #maxLength()}, for networks with one limit.
   */
  default int maxPrivateLength() {
    return maxLength();
  }

  /** The length of {@code text} as the network counts it (X: URLs count 23, CJK and emoji 2). */
  int weightedLength(String text);

  /** True when {@code text} is not blank and fits in {@link #maxLength()}. */
  default boolean fits(String text) {
    return !text.isBlank() && weightedLength(text) <= maxLength();
  }

  /**
   * Checks {@code text} before sending.
   *
   * @throws IllegalArgumentException naming the weighted length and the limit
   */
  default void checkText(String text) {
    checkLength(text, maxLength(), "");
  }

  /**
   * Checks the text of a private message before sending, against {@link #maxPrivateLength()}.
   *
   * @throws IllegalArgumentException naming the weighted length and the limit
   */
  default void checkPrivateText(String text) {
    checkLength(text, maxPrivateLength(), " in a private message");
  }

  private void checkLength(String text, int limit, String where) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    int len = weightedLength(text);
    if (len > limit) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "text is %d weighted characters but %s allows at most %d%s", len, network(), limit, where));
    }
  }

  private Mention syntheticPost(Author author) {
    return Mention.newBuilder()
        .network(network())
        .id("0")
        .author(author)
        .text("")
        .createdAt(java.time.Instant.EPOCH)
        .build();
  }
}
