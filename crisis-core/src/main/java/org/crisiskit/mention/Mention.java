package org.crisiskit.mention;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One post or message about the brand, as received from a network: who wrote it, what it says, when,
 * how it reached the brand and how far it travels.
 *
 * <p>Immutable and thread-safe; build one with {@link #newBuilder()}. Validated at construction:
 * a missing or out-of-range field fails with a message that names it. Never contains nulls. The JSON
 * form read and written by every command is documented on {@link MentionJson}.
 */
public final class Mention {
  private final MentionId id;
  private final String conversationId;
  private final String inReplyToId;
  private final Author author;
  private final String text;
  private final String language;
  private final Instant createdAt;
  private final MentionKind kind;
  private final PublicMetrics metrics;
  private final Addressing addressing;

  private Mention(Builder b) {
    checkArgument(b.network != null && !b.network.isBlank(), "network is required");
    checkArgument(b.id != null && !b.id.isBlank(), "id is required");
    this.id = new MentionId(b.network, b.id);
    this.conversationId = emptyToNull(b.conversationId);
    this.inReplyToId = emptyToNull(b.inReplyToId);
    this.author = Objects.requireNonNull(b.author, "author is required");
    this.text = Objects.requireNonNull(b.text, "text is required");
    this.language = emptyToNull(b.language);
    this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt is required");
    this.kind = Objects.requireNonNull(b.kind, "kind is required");
    this.metrics = Objects.requireNonNull(b.metrics, "metrics is required");
    this.addressing = b.addressing != null ? b.addressing : defaultAddressing(b.kind);
  }

  private static Addressing defaultAddressing(MentionKind kind) {
    return kind == MentionKind.DIRECT_MESSAGE ? Addressing.DIRECT : Addressing.KEYWORD;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Returns a builder for a new mention. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialised from this mention. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The mention's identity: network plus the network's id. */
  public MentionId id() {
    return id;
  }

  /** The short network name, for example {@code "x"}. */
  public String network() {
    return id.network();
  }

  /** The thread the mention belongs to, if the network has threads. */
  public Optional<String> conversationId() {
    return Optional.ofNullable(conversationId);
  }

  /** The id of the post this one replies to, if it is a reply. */
  public Optional<String> inReplyToId() {
    return Optional.ofNullable(inReplyToId);
  }

  /** Who wrote it. */
  public Author author() {
    return author;
  }

  /** The text as written; may be empty (for example a bare repost). */
  public String text() {
    return text;
  }

  /** The language the network reported (BCP 47, for example {@code es}), if any. */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** When the author posted it. */
  public Instant createdAt() {
    return createdAt;
  }

  /** Post, reply, quote, repost or direct message. */
  public MentionKind kind() {
    return kind;
  }

  /** Public engagement counts when it was seen. */
  public PublicMetrics metrics() {
    return metrics;
  }

  /** How it reached the brand. */
  public Addressing addressing() {
    return addressing;
  }

  /** True when the author addressed the brand (@-mention, reply, quote or DM), not keyword only. */
  public boolean addressedBrand() {
    return addressing.addressedBrand();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Mention)) {
      return false;
    }
    Mention that = (Mention) o;
    return id.equals(that.id)
        && Objects.equals(conversationId, that.conversationId)
        && Objects.equals(inReplyToId, that.inReplyToId)
        && author.equals(that.author)
        && text.equals(that.text)
        && Objects.equals(language, that.language)
        && createdAt.equals(that.createdAt)
        && kind == that.kind
        && metrics.equals(that.metrics)
        && addressing == that.addressing;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, conversationId, author, text, createdAt, kind);
  }

  @Override
  public String toString() {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "Mention{" + id + ", @" + author.handle() + ", " + kind.jsonName() + ", " + createdAt
        + ", \"" + shown + "\"}";
  }

  /** Builds {@link Mention}s. Not thread-safe. */
  public static final class Builder {
    private String network;
    private String id;
    private String conversationId;
    private String inReplyToId;
    private Author author;
    private String text;
    private String language;
    private Instant createdAt;
    private MentionKind kind = MentionKind.POST;
    private PublicMetrics metrics = PublicMetrics.NONE;
    private Addressing addressing;

    private Builder() {}

    private Builder(Mention m) {
      network = m.id.network();
      id = m.id.value();
      conversationId = m.conversationId;
      inReplyToId = m.inReplyToId;
      author = m.author;
      text = m.text;
      language = m.language;
      createdAt = m.createdAt;
      kind = m.kind;
      metrics = m.metrics;
      addressing = m.addressing;
    }

    /**
     * Sets the network name, for example {@code "x"} (required): a lower-case ASCII letter, then up to
     * 31 of a-z, 0-9 or {@code _} ({@link MentionId#requireNetworkName}).
     */
    public Builder network(String network) {
      this.network = network;
      return this;
    }

    /** Sets the network's id of the mention (required). */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Sets network and id together. */
    public Builder id(MentionId id) {
      this.network = id.network();
      this.id = id.value();
      return this;
    }

    /** Sets the conversation (thread) id. */
    public Builder conversationId(String conversationId) {
      this.conversationId = conversationId;
      return this;
    }

    /** Sets the id of the post this one replies to. */
    public Builder inReplyToId(String inReplyToId) {
      this.inReplyToId = inReplyToId;
      return this;
    }

    /** Sets the author (required). */
    public Builder author(Author author) {
      this.author = author;
      return this;
    }

    /** Sets the text (required; may be empty). */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** Sets the language reported by the network. */
    public Builder language(String language) {
      this.language = language;
      return this;
    }

    /** Sets when it was posted (required). */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets the kind (default {@link MentionKind#POST}). */
    public Builder kind(MentionKind kind) {
      this.kind = kind;
      return this;
    }

    /** Sets the public metrics (default {@link PublicMetrics#NONE}). */
    public Builder metrics(PublicMetrics metrics) {
      this.metrics = metrics;
      return this;
    }

    /**
     * Sets how the mention reached the brand. Defaults to {@link Addressing#DIRECT} for direct
     * messages and {@link Addressing#KEYWORD} otherwise.
     */
    public Builder addressing(Addressing addressing) {
      this.addressing = addressing;
      return this;
    }

    /**
     * Returns the mention.
     *
     * @throws NullPointerException or IllegalArgumentException naming the missing or invalid field
     */
    public Mention build() {
      return new Mention(this);
    }
  }
}
