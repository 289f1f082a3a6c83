package org.crisiskit.detect;

/**
 * Told when an incident opens, changes state, or changes severity (severity-only changes at most once
 * per {@link DetectorConfig#notifyMinInterval()}).
 *
 * <p>Threading: called synchronously, in order, on the thread that called
 * {@link CrisisDetector#observe} or {@link CrisisDetector#advanceTo}, while the detector is updating.
 * Implementations must be quick, must not throw (an exception propagates to the caller of
 * {@code observe}) and must not call back into the detector; hand slow work to an executor.
 */
@FunctionalInterface
public interface IncidentListener {
  /** A listener that does nothing. */
  IncidentListener NONE = incident -> {};

  /** Receives the incident as it is now (an immutable snapshot). */
  void onIncident(Incident incident);
}
