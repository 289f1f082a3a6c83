package org.crisiskit.mention;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The account that wrote a mention, with the figures that tell its reach.
 *
 * <p>Immutable and thread-safe; build one with {@link #newBuilder()}. Never contains nulls.
 */
public final class Author {
  private final String id;
  private final String handle;
  private final String displayName;
  private final long followers;
  private final long following;
  private final boolean verified;
  private final Instant createdAt;

  private Author(Builder b) {
    this.id = requireText(b.id, "author.id");
    this.handle = stripAt(requireText(b.handle, "author.handle"));
    checkArgument(!handle.isBlank(), "author.handle must not be blank after its leading @ but was '%s'", b.handle);
    this.displayName = b.displayName == null ? this.handle : b.displayName;
    checkArgument(b.followers >= 0, "author.followers must be >= 0 but was %s", b.followers);
    checkArgument(b.following >= 0, "author.following must be >= 0 but was %s", b.following);
    this.followers = b.followers;
    this.following = b.following;
    this.verified = b.verified;
    this.createdAt = b.createdAt;
  }

  private static String requireText(String value, String field) {
    Objects.requireNonNull(value, field + " is required");
    checkArgument(!value.isBlank(), "%s must not be blank", field);
    return value;
  }

  private static String stripAt(String handle) {
    int i = 0;
    while (i < handle.length() && handle.charAt(i) == '@') {
      i++;
    }
    return handle.substring(i);
  }

  /** Returns a builder for a new author. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Returns a builder initialised from this author. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The network's stable account id. */
  public String id() {
    return id;
  }

  /** The handle without a leading {@code @}. */
  public String handle() {
    return handle;
  }

  /** The display name; the handle when the network gave none. */
  public String displayName() {
    return displayName;
  }

  /** Number of followers when the mention was seen. */
  public long followers() {
    return followers;
  }

  /** Number of accounts this author follows. */
  public long following() {
    return following;
  }

  /** Whether the network marks the account as verified. */
  public boolean verified() {
    return verified;
  }

  /** When the account was created, if the network said. */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Author)) {
      return false;
    }
    Author that = (Author) o;
    return followers == that.followers
        && following == that.following
        && verified == that.verified
        && id.equals(that.id)
        && handle.equals(that.handle)
        && displayName.equals(that.displayName)
        && Objects.equals(createdAt, that.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, handle, displayName, followers, following, verified, createdAt);
  }

  @Override
  public String toString() {
    return "Author{@" + handle + ", id=" + id + ", followers=" + followers + "}";
  }

  /** Builds {@link Author}s. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String handle;
    private String displayName;
    private long followers;
    private long following;
    private boolean verified;
    private Instant createdAt;

    private Builder() {}

    private Builder(Author a) {
      id = a.id;
      handle = a.handle;
      displayName = a.displayName;
      followers = a.followers;
      following = a.following;
      verified = a.verified;
      createdAt = a.createdAt;
    }

    /** Sets the network's account id (required). */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Sets the handle (required); leading {@code @} signs are dropped. */
    public Builder handle(String handle) {
      this.handle = handle;
      return this;
    }

    /** Sets the display name; defaults to the handle. */
    public Builder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName");
      return this;
    }

    /** Sets the follower count (default 0). */
    public Builder followers(long followers) {
      this.followers = followers;
      return this;
    }

    /** Sets the following count (default 0). */
    public Builder following(long following) {
      this.following = following;
      return this;
    }

    /** Sets whether the account is verified (default false). */
    public Builder verified(boolean verified) {
      this.verified = verified;
      return this;
    }

    /** Sets when the account was created. */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
      return this;
    }

    /**
     * Returns the author.
     *
     * @throws NullPointerException or IllegalArgumentException naming the field that is missing or
     *     out of range
     */
    public Author build() {
      return new Author(this);
    }
  }
}
