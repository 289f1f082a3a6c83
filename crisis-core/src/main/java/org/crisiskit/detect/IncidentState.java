package org.crisiskit.detect;

import java.util.Locale;

/**
 * Where an incident is in its lifecycle: {@code WATCH → ALERT → CRISIS → COOLING → CLOSED}. An incident
 * may open at any of the first three, escalates while its signals grow, goes to COOLING when nothing has
 * fired for {@link DetectorConfig#coolingAfter()}, back to its previous level if something fires again
 * (the anomalies merge), and is CLOSED after {@link DetectorConfig#closeAfter()} of quiet.
 */
public enum IncidentState {
  /** Something is unusual (volume, one department) but not clearly negative: keep an eye on it. */
  WATCH,
  /** More negative mentions than normal and a higher negative share, a viral complaint, or silence. */
  ALERT,
  /** A large or spreading negative anomaly: several departments, viral, or severity 7 or more. */
  CRISIS,
  /** Nothing has fired for a while; closes unless something fires again. */
  COOLING,
  /** Over. */
  CLOSED;

  /** The lower-case JSON name. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The rank of an active level (WATCH 1, ALERT 2, CRISIS 3), 0 for COOLING and CLOSED. */
  int rank() {
    switch (this) {
      case WATCH:
        return 1;
      case ALERT:
        return 2;
      case CRISIS:
        return 3;
      default:
        return 0;
    }
  }
}
