package org.crisiskit.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether an adapter may perform one {@link NetworkAction} right now, and if not, why (a sentence a
 * person can read, for example {@code "reply not permitted: the author did not mention the brand"}).
 *
 * @param action the action asked about
 * @param allowed true when the network allows it
 * @param reason why it is denied; empty when allowed
 */
public record Permission(NetworkAction action, boolean allowed, String reason) {
  public Permission {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    if (!allowed && reason.isBlank()) {
      throw new IllegalArgumentException("a denied permission needs a reason");
    }
  }

  /** Returns an allowed permission. */
  public static Permission allow(NetworkAction action) {
    return new Permission(action, true, "");
  }

  /** Returns a denied permission with a reason. */
  public static Permission deny(NetworkAction action, String reason) {
    return new Permission(action, false, reason);
  }

  /** The reason when denied. */
  public Optional<String> denialReason() {
    return allowed ? Optional.empty() : Optional.of(reason);
  }
}
