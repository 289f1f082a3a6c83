package org.crisiskit.cases;

/**
 * Receives every case event after it is journaled.
 *
 * <p>Threading: called on the thread that caused the event, while that case's lock is held, so the
 * events of one case arrive in order; events of different cases may arrive concurrently. Return
 * quickly and do not block; hand long work to your own executor. Do not call back into the
 * {@link CaseService} from a listener: the lock of the case (and, for new mentions, of its author) is
 * held, so changing another case from here can deadlock with a thread doing the reverse. An exception
 * thrown by a listener is logged and does not undo the event.
 *
 * <p>At build time the service replays its journal without calling listeners; the events it writes
 * then, to finish work a crash cut short, are delivered from the building thread once every case is
 * rebuilt.
 */
public interface CaseListener {
  /** A listener that does nothing. */
  CaseListener NONE = new CaseListener() {};

  /** Called after {@code event} was recorded; {@code after} is the case including it. */
  default void onEvent(CaseEvent event, CrisisCase after) {}
}
