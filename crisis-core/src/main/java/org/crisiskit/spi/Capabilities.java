package org.crisiskit.spi;

import java.util.List;
import java.util.Objects;

/**
 * What the brand may do towards one mention or one author, as the adapter knows it now. The workflow
 * asks before acting and picks the first allowed route instead of failing:
 *
 * <pre>{@code
 * Capabilities can = adapter.capabilitiesFor(mention);
 * if (can.replyPublicly().allowed()) {
 *   adapter.replyTo(mention, text);
 * } else if (can.privateMessage().allowed()) {
 *   adapter.sendPrivateMessage(mention.author().id(), text);
 * } else {
 *   // open a manual task with can.replyPublicly().reason() and can.privateMessage().reason()
 * }
 * }</pre>
 *
 * @param replyPublicly may the brand reply publicly to the mention
 * @param privateMessage may the brand send its author a private message
 * @param follow may the brand follow its author
 */
public record Capabilities(Permission replyPublicly, Permission privateMessage, Permission follow) {
  public Capabilities {
    check(replyPublicly, NetworkAction.REPLY_PUBLICLY);
    check(privateMessage, NetworkAction.PRIVATE_MESSAGE);
    check(follow, NetworkAction.FOLLOW);
  }

  private static void check(Permission p, NetworkAction expected) {
    Objects.requireNonNull(p, expected.name());
    if (p.action() != expected) {
      throw new IllegalArgumentException(
          "permission for " + expected + " expected but was for " + p.action());
    }
  }

  /** Returns the permission for {@code action}. */
  public Permission get(NetworkAction action) {
    switch (action) {
      case REPLY_PUBLICLY:
        return replyPublicly;
      case PRIVATE_MESSAGE:
        return privateMessage;
      case FOLLOW:
        return follow;
      default:
        throw new AssertionError(action);
    }
  }

  /** The allowed actions, in the order reply, private message, follow. */
  public List<NetworkAction> allowed() {
    return List.of(replyPublicly, privateMessage, follow).stream()
        .filter(Permission::allowed)
        .map(Permission::action)
        .toList();
  }
}
