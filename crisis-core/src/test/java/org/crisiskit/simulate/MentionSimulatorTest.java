package org.crisiskit.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.crisiskit.mention.MentionJson;
import org.crisiskit.mention.MentionKind;
import org.junit.jupiter.api.Test;

class MentionSimulatorTest {
  private static final SimulationConfig TWO_WEEKS = SimulationConfig.custom().weeks(2).peakPerHour(20).build();

  @Test
  void theSameSeedGivesTheSameStream() {
    List<String> a = lines(MentionSimulator.create(TWO_WEEKS).run());
    List<String> b = lines(MentionSimulator.create(TWO_WEEKS).run());
    List<String> c = lines(MentionSimulator.create(SimulationConfig.from(TWO_WEEKS).seed(43).build()).run());
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void streamIsOrderedBilingualWithRepostsAndParsesBack() {
    Simulation sim = MentionSimulator.create(TWO_WEEKS).run();
    Instant prev = Instant.MIN;
    for (SimulatedMention m : sim.mentions()) {
      assertTrue(!m.mention().createdAt().isBefore(prev));
      prev = m.mention().createdAt();
    }
    assertTrue(sim.mentions().stream().anyMatch(m -> m.mention().language().orElse("").equals("es")));
    assertTrue(sim.mentions().stream().anyMatch(m -> m.mention().language().orElse("").equals("en")));
    assertTrue(sim.mentions().stream().anyMatch(m -> m.mention().kind() == MentionKind.REPOST));
    SimulatedMention first = sim.mentions().get(0);
    assertEquals(first.mention(), MentionJson.parse(first.toJsonLine()));
    assertTrue(first.toJsonLine().contains("\"classification\":{\"intent\""));
  }

  @Test
  void truthListsTheInjectedEventsInsideTheStream() {
    Simulation sim = MentionSimulator.create(SimulationConfig.ofDefaults()).run();
    assertEquals(List.of("launch_surge", "delivery_failure", "slow_billing", "viral_influencer", "silence"),
        sim.events().stream().map(e -> e.kind().jsonName()).collect(Collectors.toList()));
    Instant end = sim.config().start().plusSeconds(28L * 86_400);
    for (InjectedEvent e : sim.events()) {
      assertTrue(e.start().isBefore(e.end()) && e.end().isBefore(end), e.toString());
    }
    assertTrue(sim.truthJson().contains("\"kind\":\"silence\""));
    long inSilence = sim.mentions().stream().filter(m -> inside(m, sim.events().get(4))).count();
    long hourBefore = sim.mentions().stream().filter(m -> inside(m, new InjectedEvent(InjectedEvent.Kind.SILENCE,
        sim.events().get(4).start().minusSeconds(3 * 3600), sim.events().get(4).start(), ""))).count();
    assertTrue(inSilence * 5 < hourBefore, "silence: " + inSilence + " vs " + hourBefore + " before");
  }

  private static boolean inside(SimulatedMention m, InjectedEvent e) {
    Instant t = m.mention().createdAt();
    return !t.isBefore(e.start()) && t.isBefore(e.end());
  }

  private static List<String> lines(Simulation s) {
    return s.mentions().stream().map(SimulatedMention::toJsonLine).collect(Collectors.toList());
  }
}
