package org.crisiskit.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crisiskit.cases.CaseAction;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseConfig;
import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseListener;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.cases.RecordedMention;
import org.crisiskit.cases.TransitionResult;
import org.crisiskit.cases.Workflow;
import org.crisiskit.check.ApprovalDecision;
import org.crisiskit.check.ApprovalQueue;
import org.crisiskit.check.CheckResult;
import org.crisiskit.check.Finding;
import org.crisiskit.check.MessageChecker;
import org.crisiskit.check.NetworkRules;
import org.crisiskit.check.OutgoingMessage;
import org.crisiskit.check.PendingMessage;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Classifier;
import org.crisiskit.classify.Classifiers;
import org.crisiskit.classify.Intent;
import org.crisiskit.detect.CrisisDetector;
import org.crisiskit.detect.DetectorConfig;
import org.crisiskit.detect.Incident;
import org.crisiskit.internal.Json;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.FsyncPolicy;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.crisiskit.playbook.Playbook;
import org.crisiskit.playbook.TriageDecision;
import org.crisiskit.playbook.TriageEngine;
import org.crisiskit.playbook.TriageInput;
import org.crisiskit.sla.SlaEvent;
import org.crisiskit.sla.SlaMonitor;
import org.crisiskit.sla.SlaPolicy;
import org.crisiskit.spi.Capabilities;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.Listening;
import org.crisiskit.spi.MentionSink;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.spi.NetworkException;
import org.crisiskit.spi.Permission;
import org.crisiskit.spi.SentMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole flow in one object: listen → classify → detect → triage → case → respond, over a journal
 * that survives restarts.
 *
 * <pre>{@code
 * try (CrisisDesk desk = CrisisDesk.newBuilder()
 *     .journalDirectory(Path.of("data/crisis"))
 *     .adapter(xAdapter)
 *     .listener(myHelpdeskListener)
 *     .build()) {
 *   desk.start();                                  // listens on every adapter
 *   desk.acknowledge(caseId, "agent:ana", "Sorry about that, we are on it. Sending you a DM.");
 * }
 * }</pre>
 *
 * <p>Embedded defaults: the built-in bilingual classifier ({@link Classifiers#defaultClassifier()}),
 * the crisis detector with {@link DetectorConfig#ofDefaults()}, the sample playbook
 * ({@link Playbook#sample()}), {@link SlaPolicy#ofDefaults()} and the message checks the playbook
 * implies, measured with each adapter's own length counter.
 *
 * <p>Ingestion has back-pressure: an adapter's listening thread runs the pipeline for each mention
 * and the adapter advances its checkpoint only after the mention is journaled and the journal synced
 * ({@link MentionSink#flush()}, once per delivered batch whatever the {@link Builder#fsync} policy),
 * so a slow consumer delays listening but never loses a mention, and a power cut loses none a
 * checkpoint already covers. Every agent action checks the workflow, the message
 * (blocking findings stop it; a case that needs approval queues it) and what the network allows, then
 * sends, then journals. Time passes through {@link #tick()}: call it periodically, or set
 * {@link Builder#autoTick} for live use, so SLA deadlines, silence and incident cooling are noticed
 * without new mentions.
 *
 * <p>Restarts resume where the desk stopped: {@link Builder#build()} rebuilds the cases, SLA clocks,
 * waiting approvals and the crisis detector from the journal before the desk accepts a mention. The
 * detector is fed every journaled mention again, in journal order, with the classification it was
 * journaled with (see {@link CrisisDetector.Builder#rebuildFrom}), so its baseline, warm-up and open
 * incident are those of a desk that never stopped: an incident open before the restart is
 * {@link #currentIncident()} after it and keeps raising triage's crisis severity. The rebuild sends
 * nothing; it writes only what finishes or undoes work a crash cut short: the steps of a mention's
 * acceptance (see {@link CaseService}), and the rejection of a message queued for approval without a
 * record of what approving it does. Listeners hear of nothing it replays, and of the case events it
 * writes ({@link DeskListener#onCaseEvent}) once every case is rebuilt, before {@code build()}
 * returns. The journal keeps each triage decision too
 * ({@link TriageEngine#RECORD_TYPE}), so a mention whose triage a crash cut short is triaged again,
 * and reported as new, when its adapter delivers it again.
 *
 * <p>Thread-safe; see {@link DeskListener} for the threading of notifications. Agent actions on one
 * case are serialized from the workflow check to the case's move, so two agents (or a double click)
 * acting on a case at once send one message, and the later action sees the case as the first left it.
 */
public final class CrisisDesk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrisisDesk.class);
  /** Journal record type linking an approval id to the workflow action it belongs to. */
  static final String APPROVAL_ACTION_RECORD = "approval_action";
  private static final String SYSTEM = "system";
  private static final String UNLINKED_APPROVAL =
      "not queued completely: what approving it does was not recorded (a failed write); write the message again";

  private final Clock clock;
  private final Journal journal;
  private final boolean ownsJournal;
  private final Path stateDirectory;
  private final Classifier classifier;
  private final Playbook playbook;
  private final Map<String, NetworkAdapter> adapters;
  private final Map<String, MessageChecker> checkers = new ConcurrentHashMap<>();
  private final List<DeskListener> listeners;
  private final CaseService cases;
  private final TriageEngine triage;
  private final CrisisDetector detector;
  private final SlaMonitor sla;
  private final ApprovalQueue approvals;
  private final Map<String, CaseAction> approvalActions = new ConcurrentHashMap<>();
  private final Duration silenceThreshold;
  private final Map<String, Listening> listenings = new ConcurrentHashMap<>();
  private final Map<String, Health> health = new ConcurrentHashMap<>();
  private final Object ingestLock = new Object();
  /**
   * Serializes the agent actions of one case: check, send and move happen as one step. One lock per
   * case with an action under way (not shared stripes), so a slow network call for one case never
   * holds up another's.
   */
  private final Map<CaseId, CaseLock> caseActions = new ConcurrentHashMap<>();
  private final Duration autoTick;
  private ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile Incident openIncident;
  private final List<Incident> closedIncidents = new CopyOnWriteArrayList<>();

  private CrisisDesk(Builder b, Journal journal, boolean ownsJournal) {
    this.clock = b.clock;
    this.journal = journal;
    this.ownsJournal = ownsJournal;
    this.stateDirectory = b.directory;
    this.classifier = b.classifier != null ? b.classifier : Classifiers.defaultClassifier();
    this.playbook = b.playbook != null ? b.playbook : Playbook.sample();
    this.adapters = Map.copyOf(b.adapters);
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    this.silenceThreshold = b.silenceThreshold;
    this.autoTick = b.autoTick;
    this.ownsScheduler = b.scheduler == null;
    this.scheduler = b.scheduler;
    this.cases = CaseService.newBuilder()
        .journal(journal)
        .clock(clock)
        .config(CaseConfig.from(b.caseConfig).publicOutcomeRequired(playbook.publicOutcomeRequired()).build())
        .channels(this::channelAvailable)
        .listener(new CaseListener() {
          @Override
          public void onEvent(CaseEvent event, CrisisCase after) {
            notifyListeners(l -> l.onCaseEvent(event, after));
          }
        })
        .build();
    this.triage = TriageEngine.create(playbook, cases, journal);
    CrisisDetector.Builder detection = CrisisDetector.newBuilder()
        .brand(b.brand)
        .config(b.detectorConfig)
        .journal(journal)
        .listener(this::onIncident);
    if (journal.lastSequence() > 0) {
      // a restart: the detector resumes with its baseline and open incident, silently
      detection.rebuildFrom(journal);
    }
    this.detector = detection.build();
    this.openIncident = detector.currentIncident().orElse(null);
    this.sla = SlaMonitor.create(cases, journal, b.slaPolicy, clock);
    sla.addListener(this::onSla);
    for (NetworkAdapter a : adapters.values()) {
      checkers.put(a.network(), MessageChecker.forPlaybook(playbook, rulesOf(a)));
    }
    // send() checks each message with its own network's rules before queuing it and again before
    // sending it; the queue re-checks only what does not depend on the network, so that a text one
    // network allows is not refused by another network's length limit or characters
    MessageChecker networkFree = MessageChecker.custom().forbiddenPhrases(playbook.forbiddenPhrases())
        .allowedLinks(playbook.allowedLinks()).disable("length").disable("characters").build();
    this.approvals = ApprovalQueue.create(journal, networkFree, clock);
    // the mention flow so far, from the mentions the case service rebuilt, so that an adapter silent
    // from the restart on is noticed
    for (CrisisCase c : cases.allCases()) {
      for (RecordedMention r : cases.mentionsOf(c.id())) {
        health.computeIfAbsent(r.mention().network(), n -> new Health()).record(r.mention().createdAt());
      }
    }
    journal.replay(e -> {
      if (APPROVAL_ACTION_RECORD.equals(e.type())) {
        try {
          var n = Json.parse(e.payload());
          approvalActions.put(n.get("id").asText(), CaseAction.fromJsonName(n.get("action").asText()));
        } catch (Exception ex) {
          throw new JournalException(
              "journal record " + e.sequence() + " is not a valid approval_action record: " + ex, ex);
        }
      }
    });
    for (PendingMessage p : approvals.pending()) {
      if (!approvalActions.containsKey(p.id())) {
        // queued, but the desk stopped before recording what approving it does: nobody could approve
        // it, so it is turned back to its author
        LOG.warn("approval {} of case {} has no recorded action (interrupted write); rejecting it", p.id(), p.caseId());
        approvals.reject(p.id(), SYSTEM, UNLINKED_APPROVAL);
      }
    }
  }

  /** A builder; give it a journal directory or a journal. */
  public static Builder newBuilder() {
    return new Builder();
  }

  private static NetworkRules rulesOf(NetworkAdapter a) {
    NetworkRules x = NetworkRules.x();
    boolean isX = "x".equals(a.network());
    return new NetworkRules() {
      @Override
      public String network() {
        return a.network();
      }

      @Override
      public int maxLength() {
        return a.maxLength();
      }

      @Override
      public int maxPrivateLength() {
        return a.maxPrivateLength();
      }

      @Override
      public int weightedLength(String text) {
        return a.weightedLength(text);
      }

      @Override
      public boolean rejects(int cp) {
        return isX ? x.rejects(cp) : Character.isISOControl(cp) && cp != '\n' && cp != '\t';
      }
    };
  }

  // ------------------------------------------------------------------ ingestion

  /**
   * Starts listening on every adapter (mentions flow through {@link #ingest(Mention)}) and, when
   * {@link Builder#autoTick} is set, calls {@link #tick()} at that interval.
   */
  public synchronized void start() {
    if (closed.get()) {
      throw new IllegalStateException("desk is closed");
    }
    if (!autoTick.isZero() && started.compareAndSet(false, true)) {
      if (scheduler == null) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "crisis-desk-tick");
          t.setDaemon(true);
          return t;
        });
      }
      long ms = autoTick.toMillis();
      scheduler.scheduleWithFixedDelay(() -> {
        try {
          tick();
        } catch (RuntimeException e) {
          LOG.warn("tick failed", e);
        }
      }, ms, ms, TimeUnit.MILLISECONDS);
    }
    for (NetworkAdapter a : adapters.values()) {
      if (listenings.containsKey(a.network())) {
        continue;
      }
      CheckpointStore store = stateDirectory == null
          ? CheckpointStore.inMemory()
          : CheckpointStore.file(stateDirectory.resolve("checkpoints").resolve(a.network() + ".properties"));
      Listening l = a.listen(new MentionSink() {
        @Override
        public void accept(Mention mention) {
          ingest(mention);
        }

        /** One journal sync per delivered batch, before the adapter moves its checkpoint past it. */
        @Override
        public void flush() {
          journal.flush();
        }

        @Override
        public void onStatus(String message) {
          LOG.info("{}: {}", a.network(), message);
        }
      }, store);
      listenings.put(a.network(), l);
    }
  }

  /** The running listening of {@code network}, if started. */
  public Optional<Listening> listening(String network) {
    return Optional.ofNullable(listenings.get(network));
  }

  /**
   * Runs one mention through the pipeline (classify, triage into its case, detect) and returns what
   * happened. Idempotent: a mention seen before changes nothing, unless its processing was cut short
   * (a crash, a failed write), which the repeated delivery finishes.
   */
  public IngestResult ingest(Mention mention) {
    Objects.requireNonNull(mention, "mention");
    if (closed.get()) {
      throw new IllegalStateException("desk is closed");
    }
    Classification c = classifier.classify(mention);
    TriageDecision d;
    synchronized (ingestLock) {
      Incident current = openIncident;
      int crisisSeverity = current == null ? 0 : current.severity();
      d = triage.triage(new TriageInput(mention, c, crisisSeverity));
      if (!d.accepted().duplicate()) {
        detector.observe(mention, c, d.caseId());
      }
    }
    if (!d.accepted().duplicate()) {
      health.computeIfAbsent(mention.network(), n -> new Health()).record(mention.createdAt());
    }
    IngestResult result = new IngestResult(mention, d.accepted(), c, d, cases.find(d.caseId()).orElseThrow());
    if (!d.accepted().duplicate()) {
      notifyListeners(l -> l.onMention(result));
    }
    return result;
  }

  /**
   * Lets time pass without mentions: SLA warnings and breaches due now, silence and incident
   * cooling in the detector, and adapter health. Call it periodically.
   */
  public void tick() {
    Instant now = clock.instant();
    synchronized (ingestLock) {
      detector.advanceTo(now);
    }
    sla.tick();
    checkHealth();
  }

  // ------------------------------------------------------------------ agent actions

  /** Acknowledges publicly; re-routes to a DM when the network does not allow a public reply. */
  public ActionResult acknowledge(CaseId caseId, String agent, String text) {
    return respond(caseId, agent, CaseAction.ACKNOWLEDGE, text);
  }

  /**
   * Moves the conversation to {@code channel}; for direct messages {@code text} is sent as a DM, for
   * phone and e-mail it is recorded as the note and a manual task is raised.
   */
  public ActionResult movePrivate(CaseId caseId, String agent, PrivateChannel channel, String text) {
    return onCase(caseId, () -> {
      CrisisCase c = require(caseId);
      Optional<String> refused = workflowRefusal(c, CaseAction.MOVE_PRIVATE);
      if (refused.isPresent()) {
        return refused(c, refused.get());
      }
      if (channel == PrivateChannel.DIRECT_MESSAGE) {
        return respond(caseId, agent, CaseAction.MOVE_PRIVATE, text);
      }
      TransitionResult r = cases.tryApply(new CaseCommand(caseId, CaseAction.MOVE_PRIVATE, agent, text,
          Optional.of(channel), Optional.empty()));
      if (!r.applied()) {
        return refused(r.caseAfter(), r.rejection().orElse("refused"));
      }
      String task = "contact @" + c.authorHandle() + " by " + channel.jsonName() + ": " + text;
      notifyListeners(l -> l.onManualTask(r.caseAfter(), task));
      return new ActionResult(ActionResult.Status.DONE, r.caseAfter(), Optional.empty(), task, List.of());
    });
  }

  /** Records the resolution summary. */
  public ActionResult resolve(CaseId caseId, String agent, String summary) {
    return transition(CaseCommand.resolve(caseId, agent, summary));
  }

  /** Publishes a short public note of the outcome as a reply. */
  public ActionResult publishOutcome(CaseId caseId, String agent, String text) {
    return respond(caseId, agent, CaseAction.PUBLISH_OUTCOME, text);
  }

  /** Contacts the customer again: a DM when allowed, otherwise a public reply. */
  public ActionResult followUp(CaseId caseId, String agent, String text) {
    return respond(caseId, agent, CaseAction.FOLLOW_UP, text);
  }

  /**
   * Thanks for praise with a public reply, else with a direct message where the network allows one
   * ({@code REROUTED}); with neither, a manual task is raised and nothing changes.
   */
  public ActionResult thank(CaseId caseId, String agent, String text) {
    return respond(caseId, agent, CaseAction.THANK, text);
  }

  /** Decides not to answer (troll, abuse, forbidden topic), recording the reason. */
  public ActionResult doNotEngage(CaseId caseId, String agent, String reason) {
    return transition(CaseCommand.doNotEngage(caseId, agent, reason));
  }

  /** Escalates to a department or role and assigns the case to it. */
  public ActionResult escalate(CaseId caseId, String agent, String department, String reason) {
    return onCase(caseId, () -> {
      ActionResult r = transition(CaseCommand.escalate(caseId, agent, department, reason));
      if (r.done()) {
        CrisisCase after = cases.assign(caseId, agent, Optional.of(department), Optional.empty());
        return new ActionResult(r.status(), after, Optional.empty(), "", List.of());
      }
      return r;
    });
  }

  /** Closes the case with a reason. */
  public ActionResult close(CaseId caseId, String agent, String reason) {
    return transition(CaseCommand.close(caseId, agent, reason));
  }

  /** Sets the department and/or owner of a case. */
  public CrisisCase assign(CaseId caseId, String agent, Optional<String> department, Optional<String> assignee) {
    return cases.assign(caseId, agent, department, assignee);
  }

  /** Messages waiting for approval, oldest first. */
  public List<PendingMessage> pendingApprovals() {
    return approvals.pending();
  }

  /**
   * Approves a waiting message, optionally with an edited text, and carries out its action. The
   * approver is journaled.
   *
   * @throws IllegalArgumentException when no message waits under {@code approvalId}
   */
  public ActionResult approve(String approvalId, String approver, Optional<String> editedText) {
    CaseAction action = approvalActions.get(approvalId);
    if (action == null) {
      throw new IllegalArgumentException("no message waits for approval under id " + approvalId);
    }
    PendingMessage waiting = pending(approvalId)
        .orElseThrow(() -> new IllegalArgumentException("no message waits for approval under id " + approvalId));
    return onCase(waiting.caseId(), () -> {
      if (!approvalActions.containsKey(approvalId)) {
        // another approver decided it while this one waited for the case
        throw new IllegalArgumentException("no message waits for approval under id " + approvalId);
      }
      CrisisCase current = require(waiting.caseId());
      Optional<String> moved = workflowRefusal(current, action);
      if (moved.isPresent()) {
        reject(approvalId, approver, "not sent: the case moved on (" + moved.get() + ")");
        return refused(current, moved.get());
      }
      // the queue's own checks first: once the message is out, approve() must not refuse it (the
      // approval would stay pending and a second approval would send it again)
      CheckResult queued = approvals.check(approvalId, editedText);
      if (queued.blocked()) {
        return new ActionResult(ActionResult.Status.BLOCKED, current, Optional.empty(), "a blocking check failed",
            queued.findings().stream().map(CrisisDesk::describe).toList());
      }
      String text = editedText.orElse(waiting.message().text());
      ActionResult r = send(current, waiting.requestedBy() + " (approved by " + approver + ")", action, text, true);
      if (r.done()) {
        approvals.approve(approvalId, approver, editedText);
        approvalActions.remove(approvalId);
      }
      return r;
    });
  }

  /**
   * Rejects a waiting message with a note; nothing is sent. The approver is journaled.
   *
   * @throws IllegalArgumentException when no message waits under {@code approvalId}
   */
  public ApprovalDecision reject(String approvalId, String approver, String note) {
    Supplier<ApprovalDecision> reject = () -> {
      ApprovalDecision d = approvals.reject(approvalId, approver, note);
      approvalActions.remove(approvalId);
      return d;
    };
    Optional<CaseId> caseId = pending(approvalId).map(PendingMessage::caseId);
    return caseId.isPresent() ? onCase(caseId.get(), reject) : reject.get();
  }

  private Optional<PendingMessage> pending(String approvalId) {
    return approvals.pending().stream().filter(p -> p.id().equals(approvalId)).findFirst();
  }

  // ------------------------------------------------------------------ queries and health

  /** The case service, for queries (cases by state, by author, negative mentions by topic…). */
  public CaseService cases() {
    return cases;
  }

  /** The playbook in use. */
  public Playbook playbook() {
    return playbook;
  }

  /** The open incident, if any (a snapshot as of its last change). */
  public Optional<Incident> currentIncident() {
    return Optional.ofNullable(openIncident);
  }

  /** Incidents closed since this desk started, oldest first. */
  public List<Incident> closedIncidents() {
    return List.copyOf(closedIncidents);
  }

  /** The SLA monitor, for the clocks of each case. */
  public SlaMonitor sla() {
    return sla;
  }

  /** The journal every change is recorded in (for reports). */
  public Journal journal() {
    return journal;
  }

  /** The adapter for {@code network}, if registered. */
  public Optional<NetworkAdapter> adapter(String network) {
    return Optional.ofNullable(adapters.get(network));
  }

  /**
   * Checks every adapter: a stopped listening, or silence much longer than usual ("no mention
   * received for 2 h, usual is 40/h"), raises an {@code adapter_silent} or {@code adapter_failed}
   * notice once; flow coming back raises {@code adapter_recovered}.
   */
  public List<DeskNotice> checkHealth() {
    Instant now = clock.instant();
    List<DeskNotice> out = new ArrayList<>();
    for (NetworkAdapter a : adapters.values()) {
      Health h = health.computeIfAbsent(a.network(), n -> new Health());
      Listening l = listenings.get(a.network());
      if (l != null && !l.isRunning() && l.failure().isPresent()) {
        h.failed(a.network(), now, l.failure().get().getMessage()).ifPresent(out::add);
      }
      h.check(a.network(), now, silenceThreshold).ifPresent(out::add);
    }
    for (DeskNotice n : out) {
      notifyListeners(l -> l.onAdapterHealth(n));
    }
    return out;
  }

  /** Stops listening, flushes the journal and releases it (if the desk opened it). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (ownsScheduler && scheduler != null) {
        scheduler.shutdownNow();
      }
    }
    for (Listening l : listenings.values()) {
      try {
        l.close();
      } catch (RuntimeException e) {
        LOG.warn("closing a listening failed", e);
      }
    }
    if (ownsJournal) {
      journal.close(); // flushes, and releases the journal even when that fails
    } else {
      journal.flush();
    }
  }

  // ------------------------------------------------------------------ internals

  private void onIncident(Incident i) {
    if (i.state() == org.crisiskit.detect.IncidentState.CLOSED) {
      closedIncidents.add(i);
      openIncident = null;
    } else {
      openIncident = i;
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put("id", i.id());
    data.put("state", i.state().name());
    data.put("severity", Integer.toString(i.severity()));
    data.put("openedAt", i.openedAt().toString());
    DeskNotice n = new DeskNotice("incident", i.updatedAt(), i.id(), i.explanation().sentence(), data);
    notifyListeners(l -> l.onIncident(n));
  }

  private void onSla(SlaEvent e) {
    DeskNotice n = new DeskNotice("sla_" + e.type().jsonName(), e.at(), e.caseId().value(),
        String.format(Locale.ROOT, "case %s: %s %s (due %s)", e.caseId(), e.kind().jsonName(),
            e.type().jsonName(), e.due()),
        Map.of("clock", e.kind().jsonName(), "due", e.due().toString(), "start", e.start().toString()));
    notifyListeners(l -> l.onSla(n));
  }

  private ActionResult respond(CaseId caseId, String agent, CaseAction action, String text) {
    return onCase(caseId, () -> {
      CrisisCase c = require(caseId);
      Optional<String> refused = workflowRefusal(c, action);
      if (refused.isPresent()) {
        return refused(c, refused.get());
      }
      return send(c, agent, action, text, false);
    });
  }

  /**
   * Runs an agent action on {@code caseId} while no other agent action runs on that case
   * (package-private for tests).
   */
  <T> T onCase(CaseId caseId, Supplier<T> action) {
    CaseLock held = caseActions.compute(caseId, (id, l) -> (l == null ? new CaseLock() : l).enter());
    held.lock.lock();
    try {
      return action.get();
    } finally {
      held.lock.unlock();
      caseActions.computeIfPresent(caseId, (id, l) -> l.leave());
    }
  }

  /** Cases with an action under way or waiting (their locks), for tests. */
  int casesLocked() {
    return caseActions.size();
  }

  /** A case's action lock and how many threads hold or wait for it (changed only inside the map's compute). */
  private static final class CaseLock {
    final ReentrantLock lock = new ReentrantLock();
    int users;

    CaseLock enter() {
      users++;
      return this;
    }

    /** This, or null (the map drops it) when no thread holds or waits for it any more. */
    CaseLock leave() {
      return --users == 0 ? null : this;
    }
  }

  /**
   * Sends {@code text} for {@code action} along the route the network allows, after the checks, and
   * applies the action. {@code approved} skips the approval queue.
   */
  private ActionResult send(CrisisCase c, String agent, CaseAction action, String text, boolean approved) {
    NetworkAdapter a = adapters.get(c.network());
    if (a == null) {
      return manual(c, "answer on " + c.network() + " by hand (no adapter registered): " + text);
    }
    Mention m = replyTarget(c, a);
    Capabilities can = a.capabilitiesFor(m);
    boolean privateFirst = action == CaseAction.MOVE_PRIVATE || action == CaseAction.FOLLOW_UP;
    Route route = route(action, can, privateFirst);
    if (route == Route.NONE) {
      return manual(c, "reach @" + c.authorHandle() + " another way: " + can.replyPublicly().reason()
          + "; " + can.privateMessage().reason());
    }
    boolean isPublic = route == Route.PUBLIC;
    OutgoingMessage.Builder mb = OutgoingMessage.newBuilder(text).publicMessage(isPublic).intent(c.intent());
    if (isPublic) {
      mb.replyTo(c.authorHandle());
    }
    String customerLang = m.language().orElseGet(() -> classifier.classify(m).lang());
    if (!customerLang.isBlank() && !"und".equals(customerLang)) {
      mb.customerLang(customerLang);
    }
    OutgoingMessage message = mb.build();
    CheckResult check = checkers.computeIfAbsent(c.network(), n -> MessageChecker.forPlaybook(playbook, rulesOf(a)))
        .check(message);
    List<String> findings = check.findings().stream().map(CrisisDesk::describe).toList();
    if (check.blocked()) {
      return new ActionResult(ActionResult.Status.BLOCKED, c, Optional.empty(), "a blocking check failed", findings);
    }
    if (!approved && TriageEngine.approvalRequired(c)) {
      PendingMessage p = approvals.submit(c.id(), message, agent);
      try {
        journal.append(APPROVAL_ACTION_RECORD, Json.write(Json.object().put("id", p.id()).put("action", action.jsonName())));
      } catch (RuntimeException e) {
        try {
          approvals.reject(p.id(), SYSTEM, UNLINKED_APPROVAL);
        } catch (RuntimeException again) {
          e.addSuppressed(again);
        }
        throw e;
      }
      approvalActions.put(p.id(), action);
      notifyListeners(l -> l.onApprovalNeeded(p));
      return new ActionResult(ActionResult.Status.AWAITING_APPROVAL, c, Optional.empty(),
          "waits for approval as " + p.id(), findings);
    }
    SentMessage sent;
    try {
      sent = isPublic ? a.replyPublicly(m.id(), text) : a.sendPrivateMessage(m.author().id(), text);
    } catch (NetworkException e) {
      return new ActionResult(ActionResult.Status.REFUSED, c, Optional.empty(), e.getMessage(), findings);
    }
    CaseCommand cmd;
    ActionResult.Status status = ActionResult.Status.DONE;
    String detail = "";
    if (action == CaseAction.ACKNOWLEDGE && !isPublic) {
      cmd = new CaseCommand(c.id(), CaseAction.MOVE_PRIVATE, agent, text,
          Optional.of(PrivateChannel.DIRECT_MESSAGE), Optional.empty());
      status = ActionResult.Status.REROUTED;
      detail = "sent as a direct message: " + can.replyPublicly().reason();
    } else if (action == CaseAction.THANK && !isPublic) {
      cmd = CaseCommand.of(c.id(), action, agent, text);
      status = ActionResult.Status.REROUTED;
      detail = "thanks sent as a direct message: " + can.replyPublicly().reason();
    } else if (action == CaseAction.MOVE_PRIVATE) {
      cmd = new CaseCommand(c.id(), action, agent, text, Optional.of(PrivateChannel.DIRECT_MESSAGE), Optional.empty());
    } else {
      cmd = CaseCommand.of(c.id(), action, agent, text);
    }
    TransitionResult r = cases.tryApply(cmd);
    if (!r.applied()) {
      LOG.warn("case {}: message {} sent but the case could not move: {}", c.id(), sent.id(), r.rejection().orElse(""));
      return new ActionResult(ActionResult.Status.REFUSED, r.caseAfter(), Optional.of(sent.id()),
          r.rejection().orElse("refused"), findings);
    }
    return new ActionResult(status, r.caseAfter(), Optional.of(sent.id()), detail, findings);
  }

  private enum Route {
    PUBLIC,
    PRIVATE,
    NONE
  }

  private static Route route(CaseAction action, Capabilities can, boolean privateFirst) {
    boolean pub = can.replyPublicly().allowed();
    boolean dm = can.privateMessage().allowed();
    if (action == CaseAction.MOVE_PRIVATE) {
      return dm ? Route.PRIVATE : Route.NONE;
    }
    if (action == CaseAction.PUBLISH_OUTCOME) {
      return pub ? Route.PUBLIC : Route.NONE;
    }
    if (privateFirst) {
      return dm ? Route.PRIVATE : pub ? Route.PUBLIC : Route.NONE;
    }
    return pub ? Route.PUBLIC : dm ? Route.PRIVATE : Route.NONE;
  }

  static String describe(Finding f) {
    return String.format(Locale.ROOT, "%s %s [%d,%d): %s%s", f.level().name().toLowerCase(Locale.ROOT), f.check(),
        f.start(), f.end(), f.message(), f.suggestion().map(s -> " (" + s + ")").orElse(""));
  }

  private ActionResult transition(CaseCommand command) {
    return onCase(command.caseId(), () -> {
      TransitionResult r = cases.tryApply(command);
      if (!r.applied()) {
        return refused(r.caseAfter(), r.rejection().orElse("refused"));
      }
      return new ActionResult(ActionResult.Status.DONE, r.caseAfter(), Optional.empty(), "", List.of());
    });
  }

  private static Optional<String> workflowRefusal(CrisisCase c, CaseAction action) {
    if (!Workflow.allows(c.state(), action)) {
      return Optional.of("cannot " + action.jsonName() + " a case in state " + c.state());
    }
    return Optional.empty();
  }

  private static ActionResult refused(CrisisCase c, String why) {
    return new ActionResult(ActionResult.Status.REFUSED, c, Optional.empty(), why, List.of());
  }

  private ActionResult manual(CrisisCase c, String task) {
    notifyListeners(l -> l.onManualTask(c, task));
    return new ActionResult(ActionResult.Status.MANUAL_TASK, c, Optional.empty(), task, List.of());
  }

  private CrisisCase require(CaseId id) {
    return cases.find(id).orElseThrow(() -> new IllegalArgumentException("unknown case " + id));
  }

  /**
   * The mention an answer goes to: the newest the network lets the brand answer publicly that is not
   * abuse (a later keyword-only mention does not take away the reply the customer's @-mention earned,
   * and the brand does not answer under an insult); else the newest that is not abuse; else the newest.
   */
  private Mention replyTarget(CrisisCase c, NetworkAdapter a) {
    List<RecordedMention> ms = cases.mentionsOf(c.id());
    Mention fallback = null;
    for (int i = ms.size() - 1; i >= 0; i--) {
      RecordedMention r = ms.get(i);
      if (r.assessment().intent() == Intent.ABUSE) {
        continue;
      }
      if (a.capabilitiesFor(r.mention()).replyPublicly().allowed()) {
        return r.mention();
      }
      if (fallback == null) {
        fallback = r.mention();
      }
    }
    return fallback != null ? fallback : ms.get(ms.size() - 1).mention();
  }

  private boolean channelAvailable(CrisisCase c, PrivateChannel channel) {
    if (channel != PrivateChannel.DIRECT_MESSAGE) {
      return true;
    }
    NetworkAdapter a = adapters.get(c.network());
    List<RecordedMention> ms = cases.mentionsOf(c.id());
    if (a == null || ms.isEmpty()) {
      return false;
    }
    Permission p = a.capabilitiesFor(ms.get(ms.size() - 1).mention()).privateMessage();
    return p.allowed();
  }

  private void notifyListeners(Consumer<DeskListener> call) {
    for (DeskListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("desk listener {} failed", l, e);
      }
    }
  }

  /** Mention flow of one network, for health checks. */
  private static final class Health {
    private Instant first;
    private Instant last;
    private long count;
    private boolean silentNotified;
    private boolean failedNotified;

    synchronized void record(Instant at) {
      if (first == null || at.isBefore(first)) {
        first = at;
      }
      if (last == null || at.isAfter(last)) {
        last = at;
      }
      count++;
    }

    synchronized Optional<DeskNotice> failed(String network, Instant now, String why) {
      if (failedNotified) {
        return Optional.empty();
      }
      failedNotified = true;
      return Optional.of(new DeskNotice("adapter_failed", now, network, network + " stopped listening: " + why, Map.of()));
    }

    synchronized Optional<DeskNotice> check(String network, Instant now, Duration threshold) {
      if (last == null || count < 10) {
        return Optional.empty();
      }
      double hours = Math.max(1.0, Duration.between(first, last).toMinutes() / 60.0);
      double perHour = count / hours;
      Duration silent = Duration.between(last, now);
      // silent for the threshold and for at least ten usual gaps between mentions
      boolean isSilent = silent.compareTo(threshold) >= 0 && silent.toMinutes() / 60.0 * perHour >= 10;
      if (isSilent && !silentNotified) {
        silentNotified = true;
        return Optional.of(new DeskNotice("adapter_silent", now, network, String.format(Locale.ROOT,
            "no mention received on %s for %d h, usual is %.0f/h", network, silent.toHours(), perHour),
            Map.of("silentMinutes", Long.toString(silent.toMinutes()),
                "usualPerHour", String.format(Locale.ROOT, "%.1f", perHour))));
      }
      if (!isSilent && silentNotified) {
        silentNotified = false;
        return Optional.of(new DeskNotice("adapter_recovered", now, network, "mentions flow again on " + network, Map.of()));
      }
      return Optional.empty();
    }
  }

  /** Builds a {@link CrisisDesk}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Journal journal;
    private Path directory;
    private FsyncPolicy fsync = FsyncPolicy.grouped(Duration.ofMillis(50));
    private Classifier classifier;
    private Playbook playbook;
    private String brand = "brand";
    private DetectorConfig detectorConfig = DetectorConfig.ofDefaults();
    private SlaPolicy slaPolicy = SlaPolicy.ofDefaults();
    private final Map<String, NetworkAdapter> adapters = new LinkedHashMap<>();
    private final List<DeskListener> listeners = new ArrayList<>();
    private CaseConfig caseConfig = CaseConfig.ofDefaults();
    private Duration silenceThreshold = Duration.ofHours(2);
    private Duration autoTick = Duration.ZERO;
    private ScheduledExecutorService scheduler;

    private Builder() {}

    /**
     * Calls {@link CrisisDesk#tick()} every {@code interval} once {@link CrisisDesk#start()} ran
     * (default zero: never, the caller ticks). Set it for live use, for example one minute; leave it
     * off when replaying history with a simulated clock.
     */
    public Builder autoTick(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("autoTick must be >= 0 but was " + interval);
      }
      this.autoTick = interval;
      return this;
    }

    /**
     * The executor that runs the automatic ticks (default: a daemon thread of the desk's own, shut
     * down on close). An executor given here is not shut down by the desk.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Keeps the journal ({@code DIR/journal}) and the adapters' checkpoints ({@code DIR/checkpoints})
     * in {@code directory}; the desk opens and closes the journal.
     */
    public Builder journalDirectory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Uses a journal the caller owns (and closes). Checkpoints are kept in memory unless a
     * {@link #journalDirectory} is given too.
     */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /** How the desk's own file journal syncs (default grouped every 50 ms). */
    public Builder fsync(FsyncPolicy fsync) {
      this.fsync = Objects.requireNonNull(fsync, "fsync");
      return this;
    }

    /** The clock for events, deadlines and health (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The classifier (default {@link Classifiers#defaultClassifier()}). */
    public Builder classifier(Classifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /** The playbook (default {@link Playbook#sample()}). */
    public Builder playbook(Playbook playbook) {
      this.playbook = Objects.requireNonNull(playbook, "playbook");
      return this;
    }

    /** The brand's name, used in incidents (default {@code brand}). */
    public Builder brand(String brand) {
      this.brand = Objects.requireNonNull(brand, "brand");
      return this;
    }

    /** The crisis detector's configuration (default {@link DetectorConfig#ofDefaults()}). */
    public Builder detectorConfig(DetectorConfig config) {
      this.detectorConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The SLA policy (default {@link SlaPolicy#ofDefaults()}). */
    public Builder slaPolicy(SlaPolicy policy) {
      this.slaPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Registers a network adapter; one per network.
     *
     * @throws IllegalArgumentException if its {@link NetworkAdapter#network()} is not a valid network
     *     name ({@link MentionId#requireNetworkName}) or already has an adapter
     */
    public Builder adapter(NetworkAdapter adapter) {
      Objects.requireNonNull(adapter, "adapter");
      MentionId.requireNetworkName(adapter.network());
      if (adapters.putIfAbsent(adapter.network(), adapter) != null) {
        throw new IllegalArgumentException("an adapter for network " + adapter.network() + " is already registered");
      }
      return this;
    }

    /** Registers several adapters. */
    public Builder adapters(Collection<? extends NetworkAdapter> more) {
      more.forEach(this::adapter);
      return this;
    }

    /** Adds a listener. */
    public Builder listener(DeskListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Case grouping settings (default {@link CaseConfig#ofDefaults()}); the playbook decides whether a public outcome is required. */
    public Builder caseConfig(CaseConfig config) {
      this.caseConfig = Objects.requireNonNull(config, "config");
      return this;
    }

    /** How long an adapter may stay silent before a health notice (default 2 h). */
    public Builder silenceThreshold(Duration threshold) {
      this.silenceThreshold = Objects.requireNonNull(threshold, "threshold");
      return this;
    }

    /**
     * Builds the desk and rebuilds its cases, SLA clocks, waiting approvals and crisis detector from
     * the journal (one pass over the journal each; see the class comment).
     *
     * @throws IllegalStateException when neither a journal nor a directory was given
     */
    public CrisisDesk build() {
      if (journal == null && directory == null) {
        throw new IllegalStateException("give a journalDirectory(...) or a journal(...)");
      }
      if (journal != null) {
        return new CrisisDesk(this, journal, false);
      }
      Journal own = FileJournal.open(directory.resolve("journal"), fsync);
      try {
        return new CrisisDesk(this, own, true);
      } catch (RuntimeException e) {
        own.close();
        throw e;
      }
    }
  }
}
