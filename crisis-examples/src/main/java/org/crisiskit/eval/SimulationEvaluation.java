package org.crisiskit.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisiskit.detect.CrisisDetector;
import org.crisiskit.detect.DetectorConfig;
import org.crisiskit.detect.Incident;
import org.crisiskit.detect.IncidentState;
import org.crisiskit.simulate.InjectedEvent;
import org.crisiskit.simulate.SimulatedMention;
import org.crisiskit.simulate.Simulation;

/**
 * Measures {@link CrisisDetector} on a simulated stream against its ground truth, using the
 * classification the simulator intended: every crisis should reach ALERT within its window (start to end
 * plus {@link #GRACE}), the launch surge should stay at WATCH at most, and any incident that reaches
 * ALERT outside every event window is a false incident. Stateless and thread-safe.
 */
public final class SimulationEvaluation {
  /** How long after an event's end an alert still counts for it. */
  public static final Duration GRACE = Duration.ofHours(3);

  /** One event's outcome. */
  public record EventOutcome(InjectedEvent event, boolean detected, Duration delay, IncidentState maxState) {}

  /**
   * The whole outcome.
   *
   * @param events per event
   * @param falseIncidents incidents reaching ALERT outside every event window
   * @param weeks simulated weeks
   * @param incidents every incident's last snapshot
   */
  public record Report(List<EventOutcome> events, int falseIncidents, double weeks, List<Incident> incidents) {
    /** Crises detected over crises injected. */
    public String detectedRatio() {
      long crises = events.stream().filter(e -> e.event().kind().crisis()).count();
      long hit = events.stream().filter(e -> e.event().kind().crisis() && e.detected()).count();
      return hit + "/" + crises;
    }

    /** Median delay of the detected crises, in minutes (NaN when none). */
    public double medianDelayMinutes() {
      List<Long> d = new ArrayList<>();
      for (EventOutcome e : events) {
        if (e.event().kind().crisis() && e.detected()) {
          d.add(e.delay().toMinutes());
        }
      }
      if (d.isEmpty()) {
        return Double.NaN;
      }
      d.sort(Long::compare);
      int n = d.size();
      return n % 2 == 1 ? d.get(n / 2) : (d.get(n / 2 - 1) + d.get(n / 2)) / 2.0;
    }

    public double falseIncidentsPerWeek() {
      return falseIncidents / weeks;
    }

    /** A human summary, several lines. */
    public String summary() {
      StringBuilder sb = new StringBuilder();
      for (EventOutcome e : events) {
        sb.append(String.format(Locale.ROOT, "%-17s %s..%s  %s%s, max state %s%n", e.event().kind().jsonName(),
            e.event().start(), e.event().end(), e.event().kind().crisis()
                ? (e.detected() ? "detected after " + e.delay().toMinutes() + " min" : "MISSED")
                : (e.maxState().compareTo(IncidentState.WATCH) <= 0 || e.maxState() == IncidentState.CLOSED
                    ? "not escalated" : "ESCALATED"),
            "", e.maxState() == IncidentState.CLOSED ? "none" : e.maxState().jsonName()));
      }
      sb.append(String.format(Locale.ROOT, "crises detected %s, median delay %.0f min, false incidents %d "
          + "(%.2f per week), incidents %d%n", detectedRatio(), medianDelayMinutes(), falseIncidents,
          falseIncidentsPerWeek(), incidents.size()));
      return sb.toString();
    }
  }

  private SimulationEvaluation() {}

  /** Runs a fresh detector over the simulation and scores it. */
  public static Report evaluate(Simulation sim, DetectorConfig config) {
    Map<String, Instant> firstAlert = new LinkedHashMap<>();
    Map<String, Incident> last = new LinkedHashMap<>();
    List<Incident> snapshots = new ArrayList<>();
    CrisisDetector d = CrisisDetector.newBuilder().config(config).brand(sim.config().brand())
        .listener(i -> {
          snapshots.add(i);
          last.put(i.id(), i);
          if (i.state().compareTo(IncidentState.ALERT) >= 0 && i.state().compareTo(IncidentState.CRISIS) <= 0) {
            firstAlert.putIfAbsent(i.id(), i.updatedAt());
          }
        }).build();
    for (SimulatedMention m : sim.mentions()) {
      d.observe(m.mention(), m.intended());
    }
    Instant end = sim.config().start().plus(Duration.ofDays(7L * sim.config().weeks()));
    d.advanceTo(end);
    return score(sim.events(), snapshots, firstAlert, new ArrayList<>(last.values()), sim.config().weeks());
  }

  /** Scores incident snapshots (in the order they were notified) against the ground truth. */
  public static Report score(List<InjectedEvent> events, List<Incident> snapshots, Map<String, Instant> firstAlert,
      List<Incident> incidents, double weeks) {
    List<EventOutcome> outcomes = new ArrayList<>();
    for (InjectedEvent e : events) {
      Instant to = e.end().plus(GRACE);
      IncidentState max = IncidentState.CLOSED;
      Instant first = null;
      for (Incident s : snapshots) {
        if (s.updatedAt().isBefore(e.start()) || s.updatedAt().isAfter(to)) {
          continue;
        }
        IncidentState st = s.state();
        if (st.compareTo(IncidentState.CRISIS) <= 0 && (max == IncidentState.CLOSED || st.compareTo(max) > 0)) {
          max = st;
        }
        if (first == null && st.compareTo(IncidentState.ALERT) >= 0 && st.compareTo(IncidentState.CRISIS) <= 0) {
          first = s.updatedAt();
        }
      }
      boolean detected = first != null;
      outcomes.add(new EventOutcome(e, detected, detected ? Duration.between(e.start(), first) : Duration.ZERO, max));
    }
    int falses = 0;
    for (Map.Entry<String, Instant> a : firstAlert.entrySet()) {
      Instant t = a.getValue();
      boolean explained = false;
      for (InjectedEvent e : events) {
        if (e.kind().crisis() && !t.isBefore(e.start()) && !t.isAfter(e.end().plus(GRACE))) {
          explained = true;
        }
      }
      if (!explained) {
        falses++;
      }
    }
    return new Report(outcomes, falses, weeks, incidents);
  }
}
