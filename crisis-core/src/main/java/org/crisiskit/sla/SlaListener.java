package org.crisiskit.sla;

/**
 * Receives SLA warnings and breaches after they are journaled.
 *
 * <p>Threading: called on the thread that noticed the event (a case-service thread while that case's
 * lock is held, or the thread calling {@link SlaMonitor#tick()}), never while the monitor's own lock
 * is held; return quickly and do not change cases from here (queue the work): the case lock may be
 * held. An exception thrown by a listener is logged and ignored.
 */
@FunctionalInterface
public interface SlaListener {
  /** A listener that does nothing. */
  SlaListener NONE = event -> {};

  /** Called once per warning or breach of a clock. */
  void onEvent(SlaEvent event);
}
