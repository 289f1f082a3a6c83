package org.crisiskit.simulate;

import java.time.Instant;
import java.util.Locale;

/**
 * One event the simulator injected: the ground truth a detector is measured against.
 *
 * @param kind what happened
 * @param start when it started
 * @param end when it ended
 * @param description one sentence
 */
public record InjectedEvent(Kind kind, Instant start, Instant end, String description) {
  /** The kinds of injected events. */
  public enum Kind {
    /** A marketing launch: much more volume, mostly positive. Not a crisis: should stay at WATCH at most. */
    LAUNCH_SURGE(false),
    /** Deliveries fail; complaints spread from delivery to customer service. */
    DELIVERY_FAILURE(true),
    /** An influencer's complaint is reposted faster and faster (Hawkes cascade) and others pile on. */
    VIRAL_INFLUENCER(true),
    /** Billing complaints creep up over days. */
    SLOW_BILLING(true),
    /** Mentions suddenly stop arriving (an outage of the app or of the feed). */
    SILENCE(true);

    private final boolean crisis;

    Kind(boolean crisis) {
      this.crisis = crisis;
    }

    /** True when a detector should raise at least an ALERT. */
    public boolean crisis() {
      return crisis;
    }

    /** The lower-case JSON name. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
