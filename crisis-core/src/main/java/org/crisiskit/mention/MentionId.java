package org.crisiskit.mention;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The identity of a mention: its network and the network's own id for it. Two mentions with the
 * same {@code MentionId} are the same mention delivered twice.
 *
 * @param network short network name, for example {@code "x"}
 * @param value the network's id of the post or message
 */
public record MentionId(String network, String value) {
  public MentionId {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(value, "value");
    checkArgument(!network.isBlank(), "network must not be blank");
    checkArgument(!value.isBlank(), "id must not be blank");
  }

  /** Returns the id of mention {@code value} on {@code network}. */
  public static MentionId of(String network, String value) {
    return new MentionId(network, value);
  }

  /** Returns {@code network:value}, for example {@code x:1460323737035677698}. */
  @Override
  public String toString() {
    return network + ":" + value;
  }
}
