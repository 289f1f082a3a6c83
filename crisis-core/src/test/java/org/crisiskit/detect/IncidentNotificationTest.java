package org.crisiskit.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisiskit.simulate.MentionSimulator;
import org.crisiskit.simulate.SimulatedMention;
import org.crisiskit.simulate.Simulation;
import org.crisiskit.simulate.SimulationConfig;
import org.junit.jupiter.api.Test;

class IncidentNotificationTest {
  @Test
  void notificationsOnlyOnStateOrSeverityChangeAndSeverityChangesAreSpacedOut() {
    Simulation sim = MentionSimulator.create(SimulationConfig.custom().weeks(2).seed(9).build()).run();
    List<Incident> seen = new ArrayList<>();
    DetectorConfig cfg = DetectorConfig.ofDefaults();
    CrisisDetector d = CrisisDetector.newBuilder().config(cfg).listener(seen::add).build();
    for (SimulatedMention m : sim.mentions()) {
      d.observe(m.mention(), m.intended());
    }
    assertFalse(seen.isEmpty(), "the delivery failure opens an incident");
    Map<String, Incident> previous = new HashMap<>();
    for (Incident i : seen) {
      Incident p = previous.put(i.id(), i);
      assertTrue(i.severity() >= 1 && i.severity() <= 10);
      if (p == null) {
        assertTrue(i.state() == IncidentState.WATCH || i.state() == IncidentState.ALERT
            || i.state() == IncidentState.CRISIS, "opens active: " + i);
        continue;
      }
      assertFalse(p.state() == IncidentState.CLOSED, "nothing after CLOSED");
      boolean stateChanged = p.state() != i.state();
      assertTrue(stateChanged || p.severity() != i.severity(), "a notification is a change: " + p + " -> " + i);
      if (!stateChanged) {
        assertTrue(Duration.between(p.updatedAt(), i.updatedAt()).compareTo(cfg.notifyMinInterval()) >= 0,
            "severity-only changes are spaced by notifyMinInterval");
      }
      assertTrue(i.peakSeverity() >= p.peakSeverity());
    }
    long closed = seen.stream().filter(i -> i.state() == IncidentState.CLOSED).count();
    assertEquals(closed, d.closedIncidents().size());
  }
}
