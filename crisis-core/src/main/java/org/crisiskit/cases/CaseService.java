package org.crisiskit.cases;

import com.google.common.util.concurrent.Striped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalEntry;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies mentions and commands to cases, journaling every change before it returns.
 *
 * <p><b>Grouping</b> (deterministic): an accepted mention joins an open (not closed) case of the same
 * author on the same network, chosen in this order: (1) a case that already holds a mention of the
 * same conversation; (2) a case whose mentions span a time range that the new mention's time falls in
 * or lies within {@link CaseConfig#groupingWindow()} of. Among several, the case with the newest
 * mention wins, ties broken by the smaller case id. Otherwise the mention opens a new case whose id is
 * derived from the mention ({@link CaseId#openedBy}). A mention that joins an answered case (resolved,
 * outcome published, followed up or thanked) re-opens it.
 *
 * <p><b>Idempotence</b>: a mention whose {@link MentionId} was accepted before is not recorded again
 * and never opens a second case.
 *
 * <p><b>Threading</b>: thread-safe. Commands on one case are serialized; different cases proceed in
 * parallel. Mentions of one author are serialized. Listeners are called as described on
 * {@link CaseListener}.
 *
 * <p><b>Durability</b>: each change is appended to the {@link Journal} before the call returns; at
 * build time the service rebuilds every case from the journal. An acceptance is several appends; one
 * cut short (a crash, a failed write) is completed at the next start, or when the same mention is
 * accepted again: a mention journaled without its case event is attached, and a joined case gets the
 * re-opening and first-response deadline it was due. Nothing accepted is lost.
 *
 * <pre>{@code
 * CaseService cases = CaseService.newBuilder().journal(FileJournal.open(dir)).clock(clock).build();
 * AcceptResult r = cases.accept(mention, Assessment.of(Intent.COMPLAINT));
 * cases.apply(CaseCommand.acknowledge(r.caseId(), "agent:ana"));
 * }</pre>
 */
public final class CaseService {
  private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);
  private static final Comparator<RecordedMention> BY_TIME =
      Comparator.comparing((RecordedMention r) -> r.mention().createdAt())
          .thenComparing(r -> r.mention().id().toString());

  private final Journal journal;
  private final Clock clock;
  private final CaseConfig config;
  private final ChannelAvailability channels;
  private final List<CaseListener> listeners;
  private final Striped<Lock> authorLocks = Striped.lock(64);
  private final Striped<Lock> caseLocks = Striped.lock(256);
  private final ConcurrentHashMap<CaseId, CrisisCase> cases = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, List<CaseId>> byAuthor = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<MentionId, RecordedMention> mentions = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<RecordedMention> negatives = new ConcurrentSkipListSet<>(BY_TIME);
  /**
   * While the constructor rebuilds from the journal, the events it writes, with the case after each:
   * listeners hear of them once every case is rebuilt. Null after.
   */
  private List<Map.Entry<CaseEvent, CrisisCase>> finished;

  private CaseService(Builder b) {
    this.journal = b.journal;
    this.clock = b.clock;
    this.config = b.config;
    this.channels = b.channels;
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    rebuild();
  }

  /** A builder; {@link Builder#journal(Journal)} is required. */
  public static Builder newBuilder() {
    return new Builder();
  }

  private static String authorKey(String network, String authorId) {
    return network + '\u0000' + authorId;
  }

  // ------------------------------------------------------------------ rebuild

  private void rebuild() {
    finished = new ArrayList<>();
    List<Map.Entry<CaseEvent, CrisisCase>> written;
    try {
      replayAndFinish();
    } finally {
      written = finished;
      finished = null;
    }
    // the events the rebuild wrote (finishing work a crash cut short) are news; those it replayed are not
    for (Map.Entry<CaseEvent, CrisisCase> w : written) {
      notifyListeners(w.getKey(), w.getValue());
    }
  }

  private void replayAndFinish() {
    Map<MentionId, RecordedMention> pending = new LinkedHashMap<>();
    journal.replay(entry -> {
      switch (entry.type()) {
        case CaseJournalFormat.MENTION:
          RecordedMention r = CaseJournalFormat.decodeMention(entry);
          index(r);
          pending.put(r.mention().id(), r);
          break;
        case CaseJournalFormat.CASE:
          CaseEvent e = CaseJournalFormat.decodeEvent(entry);
          replayEvent(e, entry);
          if (e.type() == CaseEventType.CASE_OPENED || e.type() == CaseEventType.MENTION_ADDED) {
            pending.remove(MentionId.of(cases.get(e.caseId()).network(), e.attributes().get("mention")));
          }
          break;
        default:
          break; // another component's record
      }
    });
    for (RecordedMention r : pending.values()) {
      LOG.warn("mention {} was journaled without its case event (interrupted write); attaching it now",
          r.mention().id());
      mentions.remove(r.mention().id());
      negatives.remove(r);
      accept(r.mention(), r.assessment());
    }
    for (CrisisCase c : List.copyOf(cases.values())) {
      finishAccept(c, Optional.empty());
    }
  }

  private void replayEvent(CaseEvent e, JournalEntry entry) {
    if (e.type() == CaseEventType.CASE_OPENED) {
      CrisisCase c = CrisisCase.open(e);
      cases.put(c.id(), c);
      byAuthor.computeIfAbsent(authorKey(c.network(), c.authorId()), k -> new CopyOnWriteArrayList<>()).add(c.id());
    } else {
      CrisisCase c = cases.get(e.caseId());
      if (c == null) {
        throw new org.crisiskit.journal.JournalException(
            "journal record " + entry.sequence() + ": event for unknown case " + e.caseId());
      }
      cases.put(c.id(), c.apply(e));
    }
  }

  private void index(RecordedMention r) {
    mentions.put(r.mention().id(), r);
    if (r.assessment().negative()) {
      negatives.add(r);
    }
  }

  // ------------------------------------------------------------------ accept

  /** Accepts a mention nobody analysed; same as {@code accept(mention, Assessment.unassessed())}. */
  public AcceptResult accept(Mention mention) {
    return accept(mention, Assessment.unassessed());
  }

  /**
   * Records a mention and attaches it to a case, opening or re-opening one as the grouping rule says.
   * Returns after the mention and the case event are journaled.
   */
  public AcceptResult accept(Mention mention, Assessment assessment) {
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(assessment, "assessment");
    String key = authorKey(mention.network(), mention.author().id());
    Lock authorLock = authorLocks.get(key);
    authorLock.lock();
    try {
      RecordedMention seen = mentions.get(mention.id());
      if (seen != null) {
        Lock caseLock = caseLocks.get(seen.caseId());
        caseLock.lock();
        try {
          boolean reopened = finishAccept(cases.get(seen.caseId()), Optional.of(mention.id()));
          return new AcceptResult(mention.id(), seen.caseId(), true, false, reopened);
        } finally {
          caseLock.unlock();
        }
      }
      while (true) {
        Optional<CrisisCase> target = chooseCase(key, mention);
        CaseId caseId = target.map(CrisisCase::id).orElseGet(() -> CaseId.openedBy(mention.id()));
        Lock caseLock = caseLocks.get(caseId);
        caseLock.lock();
        try {
          if (target.isPresent()) {
            // a command may have changed the case between choosing it and taking its lock
            CrisisCase current = cases.get(caseId);
            if (!current.isOpen()) {
              continue; // closed meanwhile: choose again
            }
            target = Optional.of(current);
          }
          RecordedMention r = new RecordedMention(mention, assessment, caseId);
          journal.append(CaseJournalFormat.MENTION, CaseJournalFormat.encode(mention, assessment, caseId));
          index(r);
          Instant now = clock.instant();
          Map<String, String> attrs = new HashMap<>();
          attrs.put("mention", mention.id().value());
          attrs.put("mentionAt", mention.createdAt().toString());
          mention.conversationId().ifPresent(c -> attrs.put("conversation", c));
          attrs.put("intent", assessment.intent().jsonName());
          attrs.put("severity", assessment.severity().jsonName());
          if (!assessment.topics().isEmpty()) {
            attrs.put("topics", String.join(",", new java.util.TreeSet<>(assessment.topics())));
          }
          if (target.isEmpty()) {
            attrs.put("network", mention.network());
            attrs.put("author", mention.author().id());
            attrs.put("handle", mention.author().handle());
            CaseEvent opened = new CaseEvent(CaseEventType.CASE_OPENED, caseId, now, "customer",
                CaseState.NEW, CaseState.NEW, "", attrs);
            CrisisCase c = recordJoining(opened, null, r);
            byAuthor.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(caseId);
            setFirstResponseDeadline(c, mention.createdAt(), now);
            return new AcceptResult(mention.id(), caseId, false, true, false);
          }
          CrisisCase c = target.get();
          CaseEvent added = new CaseEvent(CaseEventType.MENTION_ADDED, caseId, now, "customer",
              c.state(), c.state(), "", attrs);
          c = recordJoining(added, c, r);
          boolean reopened = false;
          if (c.state().answered()) {
            CaseEvent reopen = new CaseEvent(CaseEventType.CASE_REOPENED, caseId, now, "customer",
                c.state(), CaseState.REOPENED, "customer wrote again",
                Map.of("mention", mention.id().value(), "mentionAt", mention.createdAt().toString()));
            c = record(reopen, c);
            reopened = true;
            setFirstResponseDeadline(c, mention.createdAt(), now);
          } else if (c.state().awaitsBrand() && c.firstResponseAt().isEmpty()
              && c.deadline(CrisisCase.FIRST_RESPONSE).isEmpty()) {
            // a case that only now needs an answer (praise, then a complaint) starts its clock now
            setFirstResponseDeadline(c, mention.createdAt(), now);
          }
          return new AcceptResult(mention.id(), caseId, false, false, reopened);
        } finally {
          caseLock.unlock();
        }
      }
    } finally {
      authorLock.unlock();
    }
  }

  /**
   * Records the event that attaches {@code r} to its case. If that fails, the mention is journaled
   * but joined no case: forget it here too, so that a retry attaches it instead of calling it a
   * duplicate (at restart the journaled mention is attached anyway).
   */
  private CrisisCase recordJoining(CaseEvent e, CrisisCase before, RecordedMention r) {
    try {
      return record(e, before);
    } catch (RuntimeException ex) {
      mentions.remove(r.mention().id());
      negatives.remove(r);
      throw ex;
    }
  }

  /**
   * Completes the steps of an acceptance that an interruption (a crash, a failed append) left undone
   * after the mention joined its case: the re-opening of an answered case and the first-response
   * deadline. Each step follows the joining event at once under the case lock, so the steps are
   * missing exactly when the case's last event is that joining event (or the re-opening); later
   * events mean someone has handled the case since, and nothing is done. With {@code mention} given,
   * only that mention's acceptance is completed. Returns whether the case was re-opened.
   */
  private boolean finishAccept(CrisisCase c, Optional<MentionId> mention) {
    List<CaseEvent> history = c.history();
    CaseEvent last = history.get(history.size() - 1);
    Optional<String> of = last.attribute("mention");
    Optional<String> at = last.attribute("mentionAt");
    if (of.isEmpty() || at.isEmpty() || mention.isPresent() && !mention.get().value().equals(of.get())) {
      return false;
    }
    Instant from = Instant.parse(at.get());
    Instant now = clock.instant();
    switch (last.type()) {
      case CASE_OPENED:
        if (c.deadline(CrisisCase.FIRST_RESPONSE).isEmpty() && c.intent().wantsAnswer()) {
          warnUnfinished(c, of.get(), "first-response deadline");
          setFirstResponseDeadline(c, from, now);
        }
        return false;
      case MENTION_ADDED:
        if (c.state().answered()) {
          warnUnfinished(c, of.get(), "re-opening");
          CaseEvent reopen = new CaseEvent(CaseEventType.CASE_REOPENED, c.id(), now, "customer",
              c.state(), CaseState.REOPENED, "customer wrote again",
              Map.of("mention", of.get(), "mentionAt", at.get()));
          setFirstResponseDeadline(record(reopen, c), from, now);
          return true;
        }
        if (c.state().awaitsBrand() && c.firstResponseAt().isEmpty()
            && c.deadline(CrisisCase.FIRST_RESPONSE).isEmpty() && c.intent().wantsAnswer()) {
          warnUnfinished(c, of.get(), "first-response deadline");
          setFirstResponseDeadline(c, from, now);
        }
        return false;
      case CASE_REOPENED:
        if ("customer".equals(last.actor()) && c.intent().wantsAnswer()) {
          warnUnfinished(c, of.get(), "first-response deadline");
          setFirstResponseDeadline(c, from, now);
        }
        return false;
      default:
        return false;
    }
  }

  private static void warnUnfinished(CrisisCase c, String mention, String step) {
    LOG.warn("case {}: the {} after mention {} was not journaled (interrupted write); recording it now",
        c.id(), step, mention);
  }

  private void setFirstResponseDeadline(CrisisCase c, Instant from, Instant now) {
    if (c.intent().wantsAnswer()) {
      Instant due = from.plus(config.firstResponseTarget());
      record(new CaseEvent(CaseEventType.DEADLINE_SET, c.id(), now, "system", c.state(), c.state(), "",
          Map.of("name", CrisisCase.FIRST_RESPONSE, "due", due.toString())), cases.get(c.id()));
    }
  }

  private Optional<CrisisCase> chooseCase(String authorKey, Mention m) {
    List<CaseId> ids = byAuthor.getOrDefault(authorKey, List.of());
    CrisisCase best = null;
    boolean bestSameConversation = false;
    Duration window = config.groupingWindow();
    for (CaseId id : ids) {
      CrisisCase c = cases.get(id);
      if (c == null || !c.isOpen()) {
        continue;
      }
      boolean sameConversation = m.conversationId().map(c.conversationIds()::contains).orElse(false);
      boolean inWindow = !m.createdAt().isBefore(c.openedAt().minus(window))
          && !m.createdAt().isAfter(c.lastMentionAt().plus(window));
      if (!sameConversation && !inWindow) {
        continue;
      }
      if (best == null
          || (sameConversation && !bestSameConversation)
          || (sameConversation == bestSameConversation && newer(c, best))) {
        best = c;
        bestSameConversation = sameConversation;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean newer(CrisisCase a, CrisisCase b) {
    int cmp = a.lastMentionAt().compareTo(b.lastMentionAt());
    return cmp > 0 || (cmp == 0 && a.id().value().compareTo(b.id().value()) < 0);
  }

  /** Journals {@code e}, applies it and notifies listeners; caller holds the case lock. */
  private CrisisCase record(CaseEvent e, CrisisCase before) {
    journal.append(CaseJournalFormat.CASE, CaseJournalFormat.encode(e));
    CrisisCase after = before == null ? CrisisCase.open(e) : before.apply(e);
    cases.put(after.id(), after);
    if (finished != null) {
      finished.add(Map.entry(e, after)); // told once the rebuild is over
    } else {
      notifyListeners(e, after);
    }
    return after;
  }

  private void notifyListeners(CaseEvent e, CrisisCase after) {
    for (CaseListener l : listeners) {
      try {
        l.onEvent(e, after);
      } catch (RuntimeException ex) {
        LOG.warn("case listener {} failed on {} of case {}", l, e.type(), e.caseId(), ex);
      }
    }
  }

  // ------------------------------------------------------------------ commands

  /**
   * Applies a workflow command.
   *
   * @return the case after the command
   * @throws IllegalTransitionException when the workflow or a guard refuses it; nothing changes
   * @throws IllegalArgumentException when the case does not exist
   */
  public CrisisCase apply(CaseCommand command) {
    TransitionResult r = tryApply(command);
    if (!r.applied()) {
      throw new IllegalTransitionException(command.caseId(), r.caseAfter().state(), command.action(),
          r.rejection().orElse("refused"));
    }
    return r.caseAfter();
  }

  /**
   * Applies a workflow command if the workflow and its guards allow it.
   *
   * @return the case after the command, or the unchanged case and the reason it was refused
   * @throws IllegalArgumentException when the case does not exist
   */
  public TransitionResult tryApply(CaseCommand command) {
    Objects.requireNonNull(command, "command");
    Lock lock = caseLocks.get(command.caseId());
    lock.lock();
    try {
      CrisisCase c = require(command.caseId());
      Optional<String> refusal = refusal(c, command);
      if (refusal.isPresent()) {
        return new TransitionResult(false, c, refusal);
      }
      CaseState to = Workflow.target(c.state(), command.action()).orElseThrow();
      Map<String, String> attrs = new HashMap<>();
      command.channel().ifPresent(ch -> attrs.put("channel", ch.jsonName()));
      command.department().ifPresent(d -> attrs.put("department", d));
      CaseEvent e = new CaseEvent(CaseEventType.of(command.action()), c.id(), clock.instant(),
          command.actor(), c.state(), to, command.note(), attrs);
      return new TransitionResult(true, record(e, c), Optional.empty());
    } finally {
      lock.unlock();
    }
  }

  private Optional<String> refusal(CrisisCase c, CaseCommand cmd) {
    if (!Workflow.allows(c.state(), cmd.action())) {
      return Optional.of("the workflow allows only " + Workflow.allowedActions(c.state()).stream()
          .map(CaseAction::jsonName).collect(Collectors.joining(", ", "[", "]")) + " from " + c.state());
    }
    switch (cmd.action()) {
      case MOVE_PRIVATE:
        if (cmd.channel().isEmpty()) {
          return Optional.of("a private channel is required");
        }
        if (!channels.isAvailable(c, cmd.channel().get())) {
          return Optional.of("channel " + cmd.channel().get().jsonName() + " cannot reach @" + c.authorHandle());
        }
        break;
      case PUBLISH_OUTCOME:
        if (c.resolution().map(String::isBlank).orElse(true)) {
          return Optional.of("a resolution summary is required before publishing the outcome");
        }
        break;
      case DO_NOT_ENGAGE:
        if (cmd.note().isBlank()) {
          return Optional.of("a reason is required for not engaging");
        }
        break;
      case CLOSE:
        if (c.state() == CaseState.RESOLVED && config.publicOutcomeRequired()) {
          return Optional.of("a public outcome is required before closing a resolved case");
        }
        if (c.state() == CaseState.NEW && cmd.note().isBlank()) {
          return Optional.of("closing an unanswered case needs a reason");
        }
        break;
      default:
        break;
    }
    return Optional.empty();
  }

  /**
   * Sets the department and/or assignee of a case; allowed in any state.
   *
   * @throws IllegalArgumentException when the case does not exist or both are empty
   */
  public CrisisCase assign(CaseId caseId, String actor, Optional<String> department, Optional<String> assignee) {
    if (department.isEmpty() && assignee.isEmpty()) {
      throw new IllegalArgumentException("assign needs a department or an assignee");
    }
    Map<String, String> attrs = new HashMap<>();
    department.ifPresent(d -> attrs.put("department", d));
    assignee.ifPresent(a -> attrs.put("assignee", a));
    return bookkeeping(caseId, CaseEventType.CASE_ASSIGNED, actor, "", attrs);
  }

  /** Replaces the case's intent, severity and topics (for example after an agent corrects them). */
  public CrisisCase reassess(CaseId caseId, String actor, Assessment assessment) {
    Map<String, String> attrs = new HashMap<>();
    attrs.put("intent", assessment.intent().jsonName());
    attrs.put("severity", assessment.severity().jsonName());
    attrs.put("topics", String.join(",", new java.util.TreeSet<>(assessment.topics())));
    return bookkeeping(caseId, CaseEventType.CASE_ASSESSED, actor, "", attrs);
  }

  /** Sets (or, with an empty {@code due}, clears) the deadline called {@code name}. */
  public CrisisCase setDeadline(CaseId caseId, String actor, String name, Optional<Instant> due) {
    Objects.requireNonNull(name, "name");
    return bookkeeping(caseId, CaseEventType.DEADLINE_SET, actor, "",
        Map.of("name", name, "due", due.map(Instant::toString).orElse("")));
  }

  private CrisisCase bookkeeping(CaseId caseId, CaseEventType type, String actor, String note, Map<String, String> attrs) {
    Objects.requireNonNull(actor, "actor");
    Lock lock = caseLocks.get(caseId);
    lock.lock();
    try {
      CrisisCase c = require(caseId);
      return record(new CaseEvent(type, caseId, clock.instant(), actor, c.state(), c.state(), note, attrs), c);
    } finally {
      lock.unlock();
    }
  }

  private CrisisCase require(CaseId id) {
    CrisisCase c = cases.get(id);
    if (c == null) {
      throw new IllegalArgumentException("unknown case " + id);
    }
    return c;
  }

  // ------------------------------------------------------------------ queries

  /** The case with this id, if any. */
  public Optional<CrisisCase> find(CaseId id) {
    return Optional.ofNullable(cases.get(id));
  }

  /** The cases matching {@code query}, oldest first (then by id). */
  public List<CrisisCase> cases(CaseQuery query) {
    return sorted(cases.values().stream().filter(query::matches).collect(Collectors.toList()));
  }

  /** Every case of one author, oldest first: tells a regular customer from a repeat troll. */
  public List<CrisisCase> casesOfAuthor(String network, String authorId) {
    List<CaseId> ids = byAuthor.getOrDefault(authorKey(network, authorId), List.of());
    return sorted(ids.stream().map(cases::get).filter(Objects::nonNull).collect(Collectors.toList()));
  }

  private static List<CrisisCase> sorted(List<CrisisCase> list) {
    list.sort(Comparator.comparing(CrisisCase::openedAt).thenComparing(c -> c.id().value()));
    return Collections.unmodifiableList(list);
  }

  /** The recorded mention with this id, if accepted. */
  public Optional<RecordedMention> mention(MentionId id) {
    return Optional.ofNullable(mentions.get(id));
  }

  /** The recorded mentions of a case, in the order they joined. */
  public List<RecordedMention> mentionsOf(CaseId id) {
    return find(id).map(c -> c.mentions().stream().map(mentions::get).filter(Objects::nonNull)
        .toList()).orElse(List.of());
  }

  /**
   * Negative mentions posted in {@code [from, to)}, oldest first, optionally only those with
   * {@code topic}: what each department must learn from.
   */
  public List<RecordedMention> negativeMentions(Instant from, Instant to, Optional<String> topic) {
    List<RecordedMention> out = new ArrayList<>();
    for (RecordedMention r : negatives) {
      Instant t = r.mention().createdAt();
      if (t.isBefore(from)) {
        continue;
      }
      if (!t.isBefore(to)) {
        break;
      }
      if (topic.isEmpty() || r.assessment().topics().contains(topic.get())) {
        out.add(r);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Number of cases in each state (every state present, zero when none). */
  public Map<CaseState, Long> countByState() {
    Map<CaseState, Long> m = new EnumMap<>(CaseState.class);
    for (CaseState s : CaseState.values()) {
      m.put(s, 0L);
    }
    for (CrisisCase c : cases.values()) {
      m.merge(c.state(), 1L, Long::sum);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Every case, oldest first. */
  public List<CrisisCase> allCases() {
    return sorted(new ArrayList<>(cases.values()));
  }

  /** Number of accepted mentions. */
  public int mentionCount() {
    return mentions.size();
  }

  /** Registers a listener for case events; see {@link CaseListener} for threading. */
  public void addListener(CaseListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The configuration in use. */
  public CaseConfig config() {
    return config;
  }

  /** The clock in use. */
  public Clock clock() {
    return clock;
  }

  /** Builds a {@link CaseService}. Not thread-safe. */
  public static final class Builder {
    private Journal journal;
    private Clock clock = Clock.systemUTC();
    private CaseConfig config = CaseConfig.ofDefaults();
    private ChannelAvailability channels = ChannelAvailability.ALL;
    private final List<CaseListener> listeners = new ArrayList<>();

    private Builder() {}

    /** The journal to record to and rebuild from (required). */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /** The clock that stamps events (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The configuration (default {@link CaseConfig#ofDefaults()}). */
    public Builder config(CaseConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Which private channels reach a customer (default: all). */
    public Builder channels(ChannelAvailability channels) {
      this.channels = Objects.requireNonNull(channels, "channels");
      return this;
    }

    /** Adds a listener; listeners are not called for events replayed at build time. */
    public Builder listener(CaseListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Adds listeners. */
    public Builder listeners(Collection<? extends CaseListener> more) {
      more.forEach(this::listener);
      return this;
    }

    /**
     * Builds the service and rebuilds its cases from the journal.
     *
     * @throws NullPointerException when no journal was given
     * @throws org.crisiskit.journal.JournalException when a journal record cannot be read
     */
    public CaseService build() {
      Objects.requireNonNull(journal, "journal is required");
      return new CaseService(this);
    }
  }
}
