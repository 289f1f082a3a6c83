package org.crisiskit.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseJournalFormat;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;

/**
 * Computes a case's SLA clocks from its event history, so that the live {@link SlaMonitor} and a
 * replay of the journal agree by construction.
 *
 * <p>Rules: a case opened by a mention starts the clocks its intent and severity have targets for,
 * from the mention's time; first response stops at acknowledge, move-private, thank, resolve, not
 * engaged or close; move-private stops at move-private, resolve, not engaged or close; resolution
 * stops at resolve, not engaged or close; resolving starts the follow-up clock, which stops at
 * follow-up or close. A change of intent or severity re-targets running clocks from their start and
 * sets aside a running clock the policy has no target for any more (a later change that gives it a
 * target again resumes it from its start, unless the event that stops it came in between);
 * an <b>escalation</b> restarts the resolution clock at the escalation; a <b>re-opening</b> restarts
 * first response, move-private and resolution and drops the follow-up. Stateless and thread-safe.
 */
public final class SlaClocks {
  private SlaClocks() {}

  /** The clocks of one case, one per kind at most, in {@link SlaKind} order. */
  public static List<SlaClock> of(CrisisCase kase, SlaPolicy policy) {
    return compute(kase.history(), policy);
  }

  /** The clocks of every case in a journal, by case id in order of opening. */
  public static Map<CaseId, List<SlaClock>> replay(Journal journal, SlaPolicy policy) {
    Map<CaseId, List<CaseEvent>> byCase = new LinkedHashMap<>();
    journal.replay(e -> CaseJournalFormat.caseEvent(e)
        .ifPresent(ev -> byCase.computeIfAbsent(ev.caseId(), k -> new ArrayList<>()).add(ev)));
    Map<CaseId, List<SlaClock>> out = new LinkedHashMap<>();
    byCase.forEach((id, events) -> out.put(id, compute(events, policy)));
    return out;
  }

  /** The clocks after {@code history} (the events of one case, oldest first). */
  public static List<SlaClock> compute(List<CaseEvent> history, SlaPolicy policy) {
    if (history.isEmpty()) {
      return List.of();
    }
    State s = new State(history.get(0).caseId(), policy);
    for (CaseEvent e : history) {
      s.apply(e);
    }
    return List.copyOf(s.clocks.values());
  }

  /** The clocks that run until the brand answers, moves private and resolves. */
  private static final SlaKind[] ANSWER_CLOCKS = {SlaKind.FIRST_RESPONSE, SlaKind.MOVE_PRIVATE, SlaKind.RESOLUTION};

  private static final class State {
    final CaseId id;
    final SlaPolicy policy;
    final Map<SlaKind, SlaClock> clocks = new EnumMap<>(SlaKind.class);
    /** The starts of running clocks a change of intent or severity left without a target. */
    final Map<SlaKind, Instant> setAside = new EnumMap<>(SlaKind.class);
    Intent intent = Intent.NEUTRAL;
    Severity severity = Severity.NORMAL;

    State(CaseId id, SlaPolicy policy) {
      this.id = id;
      this.policy = policy;
    }

    void apply(CaseEvent e) {
      Instant at = e.at();
      switch (e.type()) {
        case CASE_OPENED: {
          intent = e.attribute("intent").map(Intent::fromJsonName).orElse(Intent.NEUTRAL);
          severity = e.attribute("severity").map(Severity::fromJsonName).orElse(Severity.NORMAL);
          Instant from = e.attribute("mentionAt").map(Instant::parse).orElse(at);
          for (SlaKind k : ANSWER_CLOCKS) {
            start(k, from);
          }
          break;
        }
        case MENTION_ADDED: {
          Intent before = intent;
          e.attribute("intent").ifPresent(i -> intent = Intent.stronger(intent, Intent.fromJsonName(i)));
          e.attribute("severity").ifPresent(x -> severity = Severity.max(severity, Severity.fromJsonName(x)));
          Instant from = e.attribute("mentionAt").map(Instant::parse).orElse(at);
          // a case that now needs another answer (praise, then a complaint) starts its clocks at the
          // mention that changed it; otherwise running clocks keep their start and missing ones begin
          boolean restart = intent != before;
          if (!restart) {
            retarget();
          }
          for (SlaKind k : ANSWER_CLOCKS) {
            SlaClock c = clocks.get(k);
            if (c == null || (restart && c.running())) {
              start(k, from);
            }
          }
          break;
        }
        case CASE_ASSESSED:
          e.attribute("intent").ifPresent(i -> intent = Intent.fromJsonName(i));
          e.attribute("severity").ifPresent(x -> severity = Severity.fromJsonName(x));
          retarget();
          break;
        case CASE_ACKNOWLEDGED:
        case CASE_THANKED:
          stop(SlaKind.FIRST_RESPONSE, at);
          break;
        case CASE_MOVED_PRIVATE:
          stop(SlaKind.FIRST_RESPONSE, at);
          stop(SlaKind.MOVE_PRIVATE, at);
          break;
        case CASE_RESOLVED:
          stop(SlaKind.FIRST_RESPONSE, at);
          stop(SlaKind.MOVE_PRIVATE, at);
          stop(SlaKind.RESOLUTION, at);
          start(SlaKind.FOLLOW_UP, at);
          break;
        case CASE_NOT_ENGAGED:
          stop(SlaKind.FIRST_RESPONSE, at);
          stop(SlaKind.MOVE_PRIVATE, at);
          stop(SlaKind.RESOLUTION, at);
          break;
        case CASE_FOLLOWED_UP:
          stop(SlaKind.FOLLOW_UP, at);
          break;
        case CASE_CLOSED:
          for (SlaKind k : SlaKind.values()) {
            stop(k, at);
          }
          break;
        case CASE_ESCALATED:
          start(SlaKind.RESOLUTION, at);
          break;
        case CASE_REOPENED: {
          // from the mention that re-opened it, as the case's first-response deadline is (a late
          // back-filled mention is not given a fresh hour)
          Instant from = e.attribute("mentionAt").map(Instant::parse).orElse(at);
          for (SlaKind k : ANSWER_CLOCKS) {
            start(k, from);
          }
          clocks.remove(SlaKind.FOLLOW_UP);
          setAside.remove(SlaKind.FOLLOW_UP);
          break;
        }
        default:
          break; // assignment, deadlines, outcome: no clock changes
      }
    }

    void start(SlaKind kind, Instant from) {
      setAside.remove(kind);
      Optional<Duration> target = policy.target(kind, intent, severity);
      if (target.isEmpty()) {
        clocks.remove(kind);
        return;
      }
      clocks.put(kind, clock(kind, from, target.get(), Optional.empty()));
    }

    SlaClock clock(SlaKind kind, Instant from, Duration target, Optional<Instant> stopped) {
      BusinessHours h = policy.businessHours();
      Duration warn = Duration.ofMillis(Math.round(target.toMillis() * policy.warnAt()));
      return new SlaClock(id, kind, from, h.plus(from, warn), h.plus(from, target), stopped);
    }

    void stop(SlaKind kind, Instant at) {
      setAside.remove(kind);
      SlaClock c = clocks.get(kind);
      if (c != null && c.running()) {
        clocks.put(kind, new SlaClock(id, kind, c.start(), c.warnAt(), c.due(), Optional.of(at)));
      }
    }

    void retarget() {
      for (SlaKind k : SlaKind.values()) {
        SlaClock c = clocks.get(k);
        Optional<Duration> t = policy.target(k, intent, severity);
        if (c != null && c.running()) {
          if (t.isPresent()) {
            clocks.put(k, clock(k, c.start(), t.get(), Optional.empty()));
          } else {
            // the policy runs no such clock for the case as it is now; kept aside in case a
            // correction of the correction gives it a target again
            clocks.remove(k);
            setAside.put(k, c.start());
          }
        } else if (c == null && t.isPresent() && setAside.containsKey(k)) {
          clocks.put(k, clock(k, setAside.remove(k), t.get(), Optional.empty()));
        }
      }
    }
  }
}
