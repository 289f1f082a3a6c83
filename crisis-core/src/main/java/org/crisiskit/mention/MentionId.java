package org.crisiskit.mention;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The identity of a mention: its network and the network's own id for it. Two mentions with the
 * same {@code MentionId} are the same mention delivered twice.
 *
 * <p>Network names are short and plain — a lower-case ASCII letter, then up to 31 lower-case
 * letters, digits or {@code _} — so that ids derived from them ({@code x:1}, the case id
 * {@code x-1}) split back unambiguously.
 *
 * @param network short network name, for example {@code "x"}
 * @param value the network's id of the post or message
 */
public record MentionId(String network, String value) {
  public MentionId {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(value, "value");
    requireNetworkName(network);
    checkArgument(!value.isBlank(), "id must not be blank");
  }

  /** Returns the id of mention {@code value} on {@code network}. */
  public static MentionId of(String network, String value) {
    return new MentionId(network, value);
  }

  /**
   * Returns {@code name} if it is a valid network name (see the class description).
   *
   * @throws IllegalArgumentException naming the expected form, if it is not
   * @throws NullPointerException if {@code name} is null
   */
  public static String requireNetworkName(String name) {
    Objects.requireNonNull(name, "network");
    checkArgument(isNetworkName(name),
        "network must be a lower-case ASCII letter (a-z) followed by up to 31 of a-z, 0-9 or '_', but was '%s'",
        name);
    return name;
  }

  private static boolean isNetworkName(String name) {
    int n = name.length();
    if (n == 0 || n > 32 || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code network:value}, for example {@code x:1460323737035677698}. */
  @Override
  public String toString() {
    return network + ":" + value;
  }
}
