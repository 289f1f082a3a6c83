package org.crisiskit.spi;

/** Something the brand can do towards a customer on a network. */
public enum NetworkAction {
  /** Reply publicly to the customer's post. */
  REPLY_PUBLICLY,
  /** Send the customer a private (direct) message. */
  PRIVATE_MESSAGE,
  /** Follow the customer's account (some networks need it before a private message). */
  FOLLOW
}
