package org.crisiskit.spi;

import java.util.Objects;

/**
 * A reply or private message the network accepted.
 *
 * @param network short network name
 * @param action what was sent
 * @param id the network's id of the created post or message event
 */
public record SentMessage(String network, NetworkAction action, String id) {
  public SentMessage {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
  }
}
