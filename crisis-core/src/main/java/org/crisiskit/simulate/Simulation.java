package org.crisiskit.simulate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.crisiskit.internal.Json;

/**
 * A simulated stream: mentions in time order and the events injected into it.
 * Immutable and thread-safe.
 */
public final class Simulation {
  private final SimulationConfig config;
  private final List<SimulatedMention> mentions;
  private final List<InjectedEvent> events;

  Simulation(SimulationConfig config, List<SimulatedMention> mentions, List<InjectedEvent> events) {
    this.config = config;
    this.mentions = List.copyOf(mentions);
    this.events = List.copyOf(events);
  }

  public SimulationConfig config() {
    return config;
  }

  /** Every mention, ordered by {@code createdAt}. */
  public List<SimulatedMention> mentions() {
    return mentions;
  }

  /** The ground truth, in time order. */
  public List<InjectedEvent> events() {
    return events;
  }

  /**
   * The ground truth as JSON: {@code {"seed", "brand", "start", "end", "mentions",
   * "events": [{"kind", "crisis", "start", "end", "description"}]}}.
   */
  public String truthJson() {
    ObjectNode n = Json.object();
    n.put("seed", config.seed());
    n.put("brand", config.brand());
    n.put("start", config.start().toString());
    n.put("end", config.start().plus(java.time.Duration.ofDays(7L * config.weeks())).toString());
    n.put("mentions", mentions.size());
    ArrayNode ev = n.putArray("events");
    for (InjectedEvent e : events) {
      ObjectNode o = ev.addObject();
      o.put("kind", e.kind().jsonName());
      o.put("crisis", e.kind().crisis());
      o.put("start", e.start().toString());
      o.put("end", e.end().toString());
      o.put("description", e.description());
    }
    return Json.write(n);
  }
}
