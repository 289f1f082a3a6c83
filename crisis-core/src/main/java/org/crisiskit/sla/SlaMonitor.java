package org.crisiskit.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CaseEventType;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseListener;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.internal.Json;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every case's SLA clocks up to date as case events happen, raises a warning when a clock
 * passes its warning threshold and a breach when it passes its deadline, journals both as records of
 * type {@value #RECORD_TYPE} ({@code {"event": "warning|breach", "case", "clock", "start", "due",
 * "at"}}) and sends them to listeners. Each warning or breach is raised once per clock start, also
 * across restarts (the monitor reads its own records back). The clocks shift at once when a case is
 * escalated or re-opened; their due times are mirrored onto the case as {@code sla_first_response},
 * {@code sla_resolution}… deadlines with {@link CaseService#setDeadline} on the next {@link #tick()}.
 *
 * <p>Warnings and breaches are noticed on case events and on {@link #tick()}, which the host calls
 * periodically (for example every minute). Time comes from the injected {@link Clock}.
 *
 * <pre>{@code
 * SlaMonitor sla = SlaMonitor.create(cases, journal, SlaPolicy.ofDefaults(), clock);
 * sla.addListener(e -> alerts.send(e));
 * scheduler.scheduleAtFixedRate(sla::tick, 1, 1, TimeUnit.MINUTES);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SlaMonitor {
  /** Journal record type of warnings and breaches. */
  public static final String RECORD_TYPE = "sla";
  /** Prefix of the case deadlines the monitor sets. */
  public static final String DEADLINE_PREFIX = "sla_";

  private static final Logger LOG = LoggerFactory.getLogger(SlaMonitor.class);

  private final CaseService cases;
  private final Journal journal;
  private final SlaPolicy policy;
  private final Clock clock;
  private final Map<CaseId, List<SlaClock>> clocks = new ConcurrentHashMap<>();
  private final Set<Raised> raised = ConcurrentHashMap.newKeySet();
  private final List<SlaListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<CaseId> dirty = ConcurrentHashMap.newKeySet();

  private SlaMonitor(CaseService cases, Journal journal, SlaPolicy policy, Clock clock) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    journal.replay(e -> {
      if (RECORD_TYPE.equals(e.type())) {
        try {
          JsonNode n = Json.parse(e.payload());
          raised.add(new Raised(SlaEvent.Type.valueOf(n.get("event").asText().toUpperCase(java.util.Locale.ROOT)),
              CaseId.of(n.get("case").asText()),
              SlaKind.fromJsonName(n.get("clock").asText()), Instant.parse(n.get("start").asText())));
        } catch (JsonProcessingException | RuntimeException ex) {
          throw new JournalException("journal record " + e.sequence() + " is not a valid sla record: " + ex, ex);
        }
      }
    });
    for (CrisisCase c : cases.allCases()) {
      clocks.put(c.id(), SlaClocks.of(c, policy));
      dirty.add(c.id());
    }
    cases.addListener(new CaseListener() {
      @Override
      public void onEvent(CaseEvent event, CrisisCase after) {
        if (event.type() != CaseEventType.DEADLINE_SET) {
          update(after);
        }
      }
    });
  }

  /**
   * A monitor of {@code cases}' cases, journaling to {@code journal} (normally the case service's
   * journal) with {@code policy}; it registers itself as a case listener.
   */
  public static SlaMonitor create(CaseService cases, Journal journal, SlaPolicy policy, Clock clock) {
    return new SlaMonitor(cases, journal, policy, clock);
  }

  /** Adds a listener of warnings and breaches. */
  public SlaMonitor addListener(SlaListener l) {
    listeners.add(Objects.requireNonNull(l, "listener"));
    return this;
  }

  /** The policy in use. */
  public SlaPolicy policy() {
    return policy;
  }

  /** The clocks of one case. */
  public List<SlaClock> clocks(CaseId id) {
    return clocks.getOrDefault(id, List.of());
  }

  /** The clocks of every case, by case id in order of opening. */
  public Map<CaseId, List<SlaClock>> allClocks() {
    Map<CaseId, List<SlaClock>> out = new LinkedHashMap<>();
    for (CrisisCase c : cases.allCases()) {
      out.put(c.id(), clocks(c.id()));
    }
    return out;
  }

  /**
   * Mirrors changed deadlines onto their cases ({@link #syncDeadlines()}), then raises the warnings
   * and breaches due at the clock's current time; returns them.
   */
  public List<SlaEvent> tick() {
    syncDeadlines();
    Instant now = clock.instant();
    List<SlaEvent> out = new ArrayList<>();
    for (List<SlaClock> list : clocks.values()) {
      for (SlaClock c : list) {
        // a stopped clock raised what it had to when the case changed (see update)
        if (c.running() && !now.isBefore(c.warnAt())) {
          out.addAll(raise(c, now));
        }
      }
    }
    notifyListeners(out);
    return out;
  }

  private void update(CrisisCase c) {
    List<SlaClock> after = SlaClocks.of(c, policy);
    clocks.put(c.id(), after);
    Instant now = clock.instant();
    List<SlaEvent> raised = new ArrayList<>();
    for (SlaClock k : after) {
      raised.addAll(raise(k, now));
    }
    dirty.add(c.id());
    notifyListeners(raised);
  }

  /**
   * Mirrors the clocks' due times onto the cases as {@code sla_<clock>} deadlines, for the cases whose
   * clocks changed since the last call. Called by {@link #tick()}; deliberately not called from within
   * case events, so that every case listener keeps seeing one case's events in order.
   */
  public void syncDeadlines() {
    for (CaseId id : List.copyOf(dirty)) {
      dirty.remove(id);
      Optional<CrisisCase> found = cases.find(id);
      if (found.isEmpty()) {
        continue;
      }
      CrisisCase c = found.get();
      List<SlaClock> now = clocks(id);
      for (SlaKind kind : SlaKind.values()) {
        String name = DEADLINE_PREFIX + kind.jsonName();
        Optional<Instant> want = now.stream().filter(k -> k.kind() == kind && k.running()).findFirst()
            .map(SlaClock::due);
        if (!want.equals(c.deadline(name))) {
          cases.setDeadline(id, "system", name, want);
        }
      }
    }
  }

  private synchronized List<SlaEvent> raise(SlaClock c, Instant now) {
    List<SlaEvent> out = new ArrayList<>();
    Instant stop = c.stoppedAt().orElse(now);
    if (c.running() && !now.isBefore(c.warnAt())) {
      emit(SlaEvent.Type.WARNING, c, now, out);
    }
    if (stop.isAfter(c.due()) && (c.running() || c.stoppedAt().isPresent())) {
      emit(SlaEvent.Type.BREACH, c, c.running() ? now : stop, out);
    }
    return out;
  }

  private void emit(SlaEvent.Type type, SlaClock c, Instant at, List<SlaEvent> out) {
    if (!raised.add(new Raised(type, c.caseId(), c.kind(), c.start()))) {
      return;
    }
    SlaEvent e = new SlaEvent(type, c.caseId(), c.kind(), c.start(), c.due(), at);
    ObjectNode n = Json.object();
    n.put("event", type.jsonName());
    n.put("case", c.caseId().value());
    n.put("clock", c.kind().jsonName());
    n.put("start", c.start().toString());
    n.put("due", c.due().toString());
    n.put("at", at.toString());
    journal.append(RECORD_TYPE, Json.write(n));
    out.add(e);
  }

  /** Tells the listeners, outside the monitor's lock. */
  private void notifyListeners(List<SlaEvent> events) {
    for (SlaEvent e : events) {
      for (SlaListener l : listeners) {
        try {
          l.onEvent(e);
        } catch (RuntimeException ex) {
          LOG.warn("SLA listener {} failed on {}", l, e, ex);
        }
      }
    }
  }

  /** A warning or breach already raised: one per clock start. */
  private record Raised(SlaEvent.Type type, CaseId id, SlaKind kind, Instant start) {}
}
