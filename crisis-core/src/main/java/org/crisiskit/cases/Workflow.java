package org.crisiskit.cases;

import static org.crisiskit.cases.CaseAction.ACKNOWLEDGE;
import static org.crisiskit.cases.CaseAction.CLOSE;
import static org.crisiskit.cases.CaseAction.DO_NOT_ENGAGE;
import static org.crisiskit.cases.CaseAction.ESCALATE;
import static org.crisiskit.cases.CaseAction.FOLLOW_UP;
import static org.crisiskit.cases.CaseAction.MOVE_PRIVATE;
import static org.crisiskit.cases.CaseAction.PUBLISH_OUTCOME;
import static org.crisiskit.cases.CaseAction.REOPEN;
import static org.crisiskit.cases.CaseAction.RESOLVE;
import static org.crisiskit.cases.CaseAction.THANK;
import static org.crisiskit.cases.CaseState.ACKNOWLEDGED;
import static org.crisiskit.cases.CaseState.CLOSED;
import static org.crisiskit.cases.CaseState.ESCALATED;
import static org.crisiskit.cases.CaseState.FOLLOWED_UP;
import static org.crisiskit.cases.CaseState.NEW;
import static org.crisiskit.cases.CaseState.NOT_ENGAGED;
import static org.crisiskit.cases.CaseState.OUTCOME_PUBLISHED;
import static org.crisiskit.cases.CaseState.PRIVATE;
import static org.crisiskit.cases.CaseState.REOPENED;
import static org.crisiskit.cases.CaseState.RESOLVED;
import static org.crisiskit.cases.CaseState.THANKED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The response workflow: the one table of every legal transition.
 *
 * <pre>
 * NEW ─acknowledge→ ACKNOWLEDGED ─move_private→ PRIVATE ─resolve→ RESOLVED ─publish_outcome→
 *   OUTCOME_PUBLISHED ─follow_up→ FOLLOWED_UP ─close→ CLOSED
 * NEW ─thank→ THANKED ─close→ CLOSED
 * NEW ─do_not_engage→ NOT_ENGAGED ─escalate→ ESCALATED
 * answered states ─reopen→ REOPENED (the customer wrote again)
 * </pre>
 *
 * <p>Guards that depend on the case, not only on its state, are checked by {@link CaseService}:
 * {@code move_private} needs a private channel for the author, {@code publish_outcome} needs a
 * resolution summary, and {@code close} straight from {@code RESOLVED} only when the
 * {@link CaseConfig} does not require a public outcome. Immutable and thread-safe.
 */
public final class Workflow {
  private static final Map<CaseState, Map<CaseAction, CaseState>> TABLE = buildTable();

  private Workflow() {}

  private static Map<CaseState, Map<CaseAction, CaseState>> buildTable() {
    Map<CaseState, Map<CaseAction, CaseState>> t = new EnumMap<>(CaseState.class);
    for (CaseState s : CaseState.values()) {
      t.put(s, new EnumMap<>(CaseAction.class));
    }
    // the main path
    t.get(NEW).put(ACKNOWLEDGE, ACKNOWLEDGED);
    t.get(NEW).put(MOVE_PRIVATE, PRIVATE); // when a public reply is not allowed, start in private
    t.get(NEW).put(THANK, THANKED);
    t.get(NEW).put(DO_NOT_ENGAGE, NOT_ENGAGED);
    t.get(NEW).put(ESCALATE, ESCALATED);
    t.get(NEW).put(CLOSE, CLOSED); // deliberately, with a reason: nothing to act on

    t.get(ACKNOWLEDGED).put(MOVE_PRIVATE, PRIVATE);
    t.get(ACKNOWLEDGED).put(RESOLVE, RESOLVED);
    t.get(ACKNOWLEDGED).put(ESCALATE, ESCALATED);

    t.get(PRIVATE).put(RESOLVE, RESOLVED);
    t.get(PRIVATE).put(ESCALATE, ESCALATED);

    t.get(RESOLVED).put(PUBLISH_OUTCOME, OUTCOME_PUBLISHED);
    t.get(RESOLVED).put(FOLLOW_UP, FOLLOWED_UP);
    t.get(RESOLVED).put(CLOSE, CLOSED);
    t.get(RESOLVED).put(REOPEN, REOPENED);

    t.get(OUTCOME_PUBLISHED).put(FOLLOW_UP, FOLLOWED_UP);
    t.get(OUTCOME_PUBLISHED).put(CLOSE, CLOSED);
    t.get(OUTCOME_PUBLISHED).put(REOPEN, REOPENED);

    t.get(FOLLOWED_UP).put(CLOSE, CLOSED);
    t.get(FOLLOWED_UP).put(REOPEN, REOPENED);

    // side paths
    t.get(THANKED).put(CLOSE, CLOSED);
    t.get(THANKED).put(REOPEN, REOPENED);

    t.get(NOT_ENGAGED).put(ESCALATE, ESCALATED);
    t.get(NOT_ENGAGED).put(CLOSE, CLOSED);

    t.get(ESCALATED).put(ACKNOWLEDGE, ACKNOWLEDGED);
    t.get(ESCALATED).put(MOVE_PRIVATE, PRIVATE);
    t.get(ESCALATED).put(RESOLVE, RESOLVED);
    t.get(ESCALATED).put(DO_NOT_ENGAGE, NOT_ENGAGED);

    t.get(REOPENED).put(ACKNOWLEDGE, ACKNOWLEDGED);
    t.get(REOPENED).put(MOVE_PRIVATE, PRIVATE);
    t.get(REOPENED).put(RESOLVE, RESOLVED);
    t.get(REOPENED).put(ESCALATE, ESCALATED);
    t.get(REOPENED).put(DO_NOT_ENGAGE, NOT_ENGAGED);
    t.get(REOPENED).put(THANK, THANKED);

    Map<CaseState, Map<CaseAction, CaseState>> frozen = new EnumMap<>(CaseState.class);
    t.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
    return Collections.unmodifiableMap(frozen);
  }

  /** The state {@code action} leads to from {@code from}, or empty when the table forbids it. */
  public static Optional<CaseState> target(CaseState from, CaseAction action) {
    return Optional.ofNullable(TABLE.get(from).get(action));
  }

  /** True when the table allows {@code action} in state {@code from}. */
  public static boolean allows(CaseState from, CaseAction action) {
    return TABLE.get(from).containsKey(action);
  }

  /** The actions allowed in {@code from}, in declaration order. */
  public static Set<CaseAction> allowedActions(CaseState from) {
    return Collections.unmodifiableSet(TABLE.get(from).keySet());
  }
}
