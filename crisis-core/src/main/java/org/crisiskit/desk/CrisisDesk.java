package org.crisiskit.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.crisiskit.cases.AcceptResult;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseAction;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseConfig;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseListener;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.cases.RecordedMention;
import org.crisiskit.cases.Severity;
import org.crisiskit.cases.TransitionResult;
import org.crisiskit.cases.Workflow;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Classifier;
import org.crisiskit.classify.Flag;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.Json;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.FsyncPolicy;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Mention;
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
 * <p>Ingestion has back-pressure: an adapter's listening thread runs the pipeline for each mention
 * and the adapter advances its checkpoint only after the mention is journaled, so a slow consumer
 * delays listening but never loses a mention. Every agent action checks the workflow, the message and
 * what the network allows, then sends, then journals. Thread-safe; see {@link DeskListener} for the
 * threading of notifications.
 */
public final class CrisisDesk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrisisDesk.class);
  /** Journal record type of approval requests and decisions. */
  public static final String APPROVAL_RECORD = "approval";

  private final Clock clock;
  private final Journal journal;
  private final boolean ownsJournal;
  private final Path stateDirectory;
  private final Classifier classifier;
  private final Map<String, NetworkAdapter> adapters;
  private final List<DeskListener> listeners;
  private final CaseService cases;
  private final Duration silenceThreshold;
  private final Map<String, Listening> listenings = new ConcurrentHashMap<>();
  private final Map<String, Health> health = new ConcurrentHashMap<>();
  private final Map<String, PendingMessage> pending = new LinkedHashMap<>();
  private final Map<String, Classification> lastClassification = new ConcurrentHashMap<>();
  private final AtomicLong approvalSeq = new AtomicLong();
  private final Object ingestLock = new Object();
  private volatile boolean closed;

  private CrisisDesk(Builder b) {
    this.clock = b.clock;
    if (b.journal != null) {
      this.journal = b.journal;
      this.ownsJournal = false;
      this.stateDirectory = b.directory;
    } else {
      this.journal = FileJournal.open(b.directory.resolve("journal"), b.fsync);
      this.ownsJournal = true;
      this.stateDirectory = b.directory;
    }
    this.classifier = b.classifier;
    this.adapters = Map.copyOf(b.adapters);
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    this.silenceThreshold = b.silenceThreshold;
    this.cases = CaseService.newBuilder()
        .journal(journal)
        .clock(clock)
        .config(b.caseConfig)
        .channels(this::channelAvailable)
        .listener(new CaseListener() {
          @Override
          public void onEvent(org.crisiskit.cases.CaseEvent event, CrisisCase after) {
            notifyListeners(l -> l.onCaseEvent(event, after));
          }
        })
        .build();
    restoreApprovals();
  }

  /** A builder; give it a journal directory or a journal. */
  public static Builder newBuilder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ ingestion

  /** Starts listening on every adapter; mentions flow through {@link #ingest(Mention)}. */
  public void start() {
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
   * Runs one mention through the pipeline (classify, detect, triage, case) and returns what happened.
   * Idempotent: a mention seen before changes nothing.
   */
  public IngestResult ingest(Mention mention) {
    Objects.requireNonNull(mention, "mention");
    if (closed) {
      throw new IllegalStateException("desk is closed");
    }
    Classification c = classifier.classify(mention);
    Assessment assessment = assess(mention, c);
    AcceptResult r;
    synchronized (ingestLock) {
      r = cases.accept(mention, assessment);
    }
    if (!r.duplicate()) {
      health.computeIfAbsent(mention.network(), n -> new Health()).record(mention.createdAt());
      lastClassification.put(r.caseId().value(), c);
    }
    CrisisCase after = cases.find(r.caseId()).orElseThrow();
    return new IngestResult(r, c, after);
  }

  static Assessment assess(Mention m, Classification c) {
    Severity s = Severity.NORMAL;
    if (c.intent() == Intent.NEUTRAL || c.intent() == Intent.PRAISE) {
      s = Severity.LOW;
    }
    if (c.flags().contains(Flag.CHURN_THREAT) || c.flags().contains(Flag.MEDIA_EXPOSURE)
        || m.author().followers() >= 10_000) {
      s = Severity.max(s, Severity.HIGH);
    }
    if (c.flags().contains(Flag.LEGAL_THREAT) || c.flags().contains(Flag.HEALTH_SAFETY_RISK)) {
      s = Severity.CRITICAL;
    }
    return new Assessment(c.intent(), s, c.negative(), c.topics());
  }

  // ------------------------------------------------------------------ agent actions

  /** Acknowledges publicly; re-routes to a DM when the network does not allow a public reply. */
  public ActionResult acknowledge(CaseId caseId, String agent, String text) {
    return respond(caseId, agent, CaseAction.ACKNOWLEDGE, text, true);
  }

  /**
   * Moves the conversation to {@code channel}; for direct messages {@code text} is sent as a DM, for
   * phone and e-mail it is recorded as the note and a manual task is raised.
   */
  public ActionResult movePrivate(CaseId caseId, String agent, PrivateChannel channel, String text) {
    CrisisCase c = require(caseId);
    Optional<String> refused = workflowRefusal(c, CaseAction.MOVE_PRIVATE);
    if (refused.isPresent()) {
      return refused(c, refused.get());
    }
    if (channel == PrivateChannel.DIRECT_MESSAGE) {
      NetworkAdapter a = adapters.get(c.network());
      Mention m = latestMention(c);
      if (a == null) {
        return manual(c, "send a direct message on " + c.network() + " (no adapter): " + text);
      }
      Permission p = a.capabilitiesFor(m).privateMessage();
      if (!p.allowed()) {
        return manual(c, "contact @" + c.authorHandle() + " privately by another channel: " + p.reason());
      }
      Optional<String> lengthProblem = lengthProblem(a, text);
      if (lengthProblem.isPresent()) {
        return blocked(c, List.of(lengthProblem.get()));
      }
      SentMessage sent;
      try {
        sent = a.sendPrivateMessage(m.author().id(), text);
      } catch (NetworkException e) {
        return refused(c, e.getMessage());
      }
      CrisisCase after = cases.apply(new CaseCommand(caseId, CaseAction.MOVE_PRIVATE, agent, text,
          Optional.of(channel), Optional.empty()));
      return new ActionResult(ActionResult.Status.DONE, after, Optional.of(sent.id()), "", List.of());
    }
    TransitionResult r = cases.tryApply(new CaseCommand(caseId, CaseAction.MOVE_PRIVATE, agent, text,
        Optional.of(channel), Optional.empty()));
    if (!r.applied()) {
      return refused(r.caseAfter(), r.rejection().orElse("refused"));
    }
    notifyListeners(l -> l.onManualTask(r.caseAfter(), "contact @" + c.authorHandle() + " by " + channel.jsonName()));
    return new ActionResult(ActionResult.Status.DONE, r.caseAfter(), Optional.empty(), "", List.of());
  }

  /** Records the resolution summary. */
  public ActionResult resolve(CaseId caseId, String agent, String summary) {
    return transition(CaseCommand.resolve(caseId, agent, summary));
  }

  /** Publishes a short public note of the outcome as a reply. */
  public ActionResult publishOutcome(CaseId caseId, String agent, String text) {
    return respond(caseId, agent, CaseAction.PUBLISH_OUTCOME, text, false);
  }

  /** Contacts the customer again: a DM when allowed, otherwise a public reply. */
  public ActionResult followUp(CaseId caseId, String agent, String text) {
    CrisisCase c = require(caseId);
    Optional<String> refused = workflowRefusal(c, CaseAction.FOLLOW_UP);
    if (refused.isPresent()) {
      return refused(c, refused.get());
    }
    NetworkAdapter a = adapters.get(c.network());
    Mention m = latestMention(c);
    if (a != null && a.capabilitiesFor(m).privateMessage().allowed()) {
      Optional<String> lengthProblem = lengthProblem(a, text);
      if (lengthProblem.isPresent()) {
        return blocked(c, List.of(lengthProblem.get()));
      }
      try {
        SentMessage sent = a.sendPrivateMessage(m.author().id(), text);
        CrisisCase after = cases.apply(CaseCommand.of(caseId, CaseAction.FOLLOW_UP, agent, text));
        return new ActionResult(ActionResult.Status.DONE, after, Optional.of(sent.id()), "", List.of());
      } catch (NetworkException e) {
        return refused(c, e.getMessage());
      }
    }
    return respond(caseId, agent, CaseAction.FOLLOW_UP, text, false);
  }

  /** Thanks for praise with a public reply, or records the thanks when no reply is allowed. */
  public ActionResult thank(CaseId caseId, String agent, String text) {
    CrisisCase c = require(caseId);
    NetworkAdapter a = adapters.get(c.network());
    if (a != null && !a.capabilitiesFor(latestMention(c)).replyPublicly().allowed()) {
      String why = a.capabilitiesFor(latestMention(c)).replyPublicly().reason();
      ActionResult r = transition(CaseCommand.of(caseId, CaseAction.THANK, agent, "not sent: " + why));
      return r.done() ? new ActionResult(ActionResult.Status.REROUTED, r.caseAfter(), Optional.empty(),
          "thanks recorded, not sent: " + why, List.of()) : r;
    }
    return respond(caseId, agent, CaseAction.THANK, text, false);
  }

  /** Decides not to answer (troll, abuse, forbidden topic), recording the reason. */
  public ActionResult doNotEngage(CaseId caseId, String agent, String reason) {
    return transition(CaseCommand.doNotEngage(caseId, agent, reason));
  }

  /** Escalates to a department or role and assigns the case to it. */
  public ActionResult escalate(CaseId caseId, String agent, String department, String reason) {
    ActionResult r = transition(CaseCommand.escalate(caseId, agent, department, reason));
    if (r.done()) {
      CrisisCase after = cases.assign(caseId, agent, Optional.of(department), Optional.empty());
      return new ActionResult(r.status(), after, Optional.empty(), "", List.of());
    }
    return r;
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
  public synchronized List<PendingMessage> pendingApprovals() {
    return List.copyOf(pending.values());
  }

  /**
   * Approves a waiting message, optionally with an edited text, and carries out its action.
   *
   * @throws IllegalArgumentException when no message waits under {@code approvalId}
   */
  public ActionResult approve(String approvalId, String approver, Optional<String> editedText) {
    PendingMessage p;
    synchronized (this) {
      p = pending.get(approvalId);
      if (p == null) {
        throw new IllegalArgumentException("no message waits for approval under id " + approvalId);
      }
    }
    String text = editedText.orElse(p.text());
    ActionResult r = send(require(p.caseId()), p.requestedBy() + " approved by " + approver, p.action(), text);
    if (r.status() != ActionResult.Status.BLOCKED) {
      recordApproval(p, "approved", approver, editedText.isPresent() ? "edited" : "");
      synchronized (this) {
        pending.remove(approvalId);
      }
    }
    return r;
  }

  /**
   * Rejects a waiting message with a note; nothing is sent.
   *
   * @throws IllegalArgumentException when no message waits under {@code approvalId}
   */
  public synchronized PendingMessage reject(String approvalId, String approver, String note) {
    PendingMessage p = pending.remove(approvalId);
    if (p == null) {
      throw new IllegalArgumentException("no message waits for approval under id " + approvalId);
    }
    recordApproval(p, "rejected", approver, note);
    return p;
  }

  // ------------------------------------------------------------------ queries and health

  /** The case service, for queries (cases by state, by author, negative mentions by topic…). */
  public CaseService cases() {
    return cases;
  }

  /** The classification of the newest mention of {@code caseId} seen by this desk, if any. */
  public Optional<Classification> lastClassification(CaseId caseId) {
    return Optional.ofNullable(lastClassification.get(caseId.value()));
  }

  /** The adapter for {@code network}, if registered. */
  public Optional<NetworkAdapter> adapter(String network) {
    return Optional.ofNullable(adapters.get(network));
  }

  /**
   * Checks every adapter: a stopped listening, or silence much longer than usual ("no mention
   * received for 2 h, usual is 40/h"), raises an {@code adapter_silent} or {@code adapter_failed}
   * notice once; flow coming back raises {@code adapter_recovered}. Call it periodically.
   */
  public List<DeskNotice> checkHealth() {
    Instant now = clock.instant();
    List<DeskNotice> out = new ArrayList<>();
    for (NetworkAdapter a : adapters.values()) {
      Listening l = listenings.get(a.network());
      if (l != null && !l.isRunning() && l.failure().isPresent()) {
        Health h = health.computeIfAbsent(a.network(), n -> new Health());
        if (!h.failedNotified) {
          h.failedNotified = true;
          out.add(new DeskNotice("adapter_failed", now, a.network(),
              a.network() + " stopped listening: " + l.failure().get().getMessage(), Map.of()));
        }
      }
      Health h = health.get(a.network());
      if (h == null) {
        continue;
      }
      Optional<DeskNotice> n = h.check(a.network(), now, silenceThreshold);
      n.ifPresent(out::add);
    }
    for (DeskNotice n : out) {
      notifyListeners(l -> l.onAdapterHealth(n));
    }
    return out;
  }

  /** Stops listening, flushes the journal and releases it (if the desk opened it). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Listening l : listenings.values()) {
      try {
        l.close();
      } catch (RuntimeException e) {
        LOG.warn("closing a listening failed", e);
      }
    }
    journal.flush();
    if (ownsJournal) {
      journal.close();
    }
  }

  // ------------------------------------------------------------------ internals

  private ActionResult respond(CaseId caseId, String agent, CaseAction action, String text, boolean rerouteToDm) {
    CrisisCase c = require(caseId);
    Optional<String> refused = workflowRefusal(c, action);
    if (refused.isPresent()) {
      return refused(c, refused.get());
    }
    return send(c, agent, action, text, rerouteToDm);
  }

  private ActionResult send(CrisisCase c, String agent, CaseAction action, String text) {
    return send(c, agent, action, text, action == CaseAction.ACKNOWLEDGE);
  }

  private ActionResult send(CrisisCase c, String agent, CaseAction action, String text, boolean rerouteToDm) {
    NetworkAdapter a = adapters.get(c.network());
    if (a == null) {
      return manual(c, "answer on " + c.network() + " by hand (no adapter registered): " + text);
    }
    Mention m = latestMention(c);
    Capabilities can = a.capabilitiesFor(m);
    Optional<String> lengthProblem = lengthProblem(a, text);
    if (lengthProblem.isPresent()) {
      return blocked(c, List.of(lengthProblem.get()));
    }
    try {
      if (can.replyPublicly().allowed()) {
        SentMessage sent = a.replyPublicly(m.id(), text);
        CrisisCase after = cases.apply(CaseCommand.of(c.id(), action, agent, text));
        return new ActionResult(ActionResult.Status.DONE, after, Optional.of(sent.id()), "", List.of());
      }
      if (rerouteToDm && can.privateMessage().allowed()) {
        SentMessage sent = a.sendPrivateMessage(m.author().id(), text);
        CrisisCase after = cases.apply(new CaseCommand(c.id(), CaseAction.MOVE_PRIVATE, agent, text,
            Optional.of(PrivateChannel.DIRECT_MESSAGE), Optional.empty()));
        return new ActionResult(ActionResult.Status.REROUTED, after, Optional.of(sent.id()),
            "sent as a direct message: " + can.replyPublicly().reason(), List.of());
      }
    } catch (NetworkException e) {
      return refused(c, e.getMessage());
    }
    return manual(c, "reach @" + c.authorHandle() + " another way: " + can.replyPublicly().reason()
        + (rerouteToDm ? "; " + can.privateMessage().reason() : ""));
  }

  private static Optional<String> lengthProblem(NetworkAdapter a, String text) {
    if (text.isBlank()) {
      return Optional.of("blocking: the message is empty");
    }
    int len = a.weightedLength(text);
    if (len > a.maxLength()) {
      return Optional.of(String.format(Locale.ROOT, "blocking: %d weighted characters, %s allows %d",
          len, a.network(), a.maxLength()));
    }
    return Optional.empty();
  }

  private ActionResult transition(CaseCommand command) {
    TransitionResult r = cases.tryApply(command);
    if (!r.applied()) {
      return refused(r.caseAfter(), r.rejection().orElse("refused"));
    }
    return new ActionResult(ActionResult.Status.DONE, r.caseAfter(), Optional.empty(), "", List.of());
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

  private static ActionResult blocked(CrisisCase c, List<String> findings) {
    return new ActionResult(ActionResult.Status.BLOCKED, c, Optional.empty(), "a blocking check failed", findings);
  }

  private ActionResult manual(CrisisCase c, String task) {
    notifyListeners(l -> l.onManualTask(c, task));
    return new ActionResult(ActionResult.Status.MANUAL_TASK, c, Optional.empty(), task, List.of());
  }

  private CrisisCase require(CaseId id) {
    return cases.find(id).orElseThrow(() -> new IllegalArgumentException("unknown case " + id));
  }

  private Mention latestMention(CrisisCase c) {
    List<RecordedMention> ms = cases.mentionsOf(c.id());
    return ms.get(ms.size() - 1).mention();
  }

  private boolean channelAvailable(CrisisCase c, PrivateChannel channel) {
    if (channel != PrivateChannel.DIRECT_MESSAGE) {
      return true;
    }
    NetworkAdapter a = adapters.get(c.network());
    if (a == null) {
      return false;
    }
    List<RecordedMention> ms = cases.mentionsOf(c.id());
    if (ms.isEmpty()) {
      return false;
    }
    return a.capabilitiesFor(ms.get(ms.size() - 1).mention()).privateMessage().allowed();
  }

  synchronized PendingMessage queueForApproval(CrisisCase c, String agent, CaseAction action, String text, List<String> reasons) {
    String id = "A" + approvalSeq.incrementAndGet();
    PendingMessage p = new PendingMessage(id, c.id(), action, text, agent, clock.instant(), reasons);
    ObjectNode n = Json.object();
    n.put("decision", "requested");
    n.put("id", id);
    n.put("case", c.id().value());
    n.put("action", action.jsonName());
    n.put("text", text);
    n.put("by", agent);
    n.put("at", p.requestedAt().toString());
    n.putArray("reasons").addAll(reasons.stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
    journal.append(APPROVAL_RECORD, Json.write(n));
    pending.put(id, p);
    notifyListeners(l -> l.onApprovalNeeded(p));
    return p;
  }

  private void recordApproval(PendingMessage p, String decision, String approver, String note) {
    ObjectNode n = Json.object();
    n.put("decision", decision);
    n.put("id", p.id());
    n.put("case", p.caseId().value());
    n.put("by", approver);
    n.put("at", clock.instant().toString());
    n.put("note", note);
    journal.append(APPROVAL_RECORD, Json.write(n));
  }

  private void restoreApprovals() {
    journal.replay(e -> {
      if (!APPROVAL_RECORD.equals(e.type())) {
        return;
      }
      try {
        JsonNode n = Json.parse(e.payload());
        String id = n.get("id").asText();
        long seq = Long.parseLong(id.substring(1));
        approvalSeq.accumulateAndGet(seq, Math::max);
        if ("requested".equals(n.get("decision").asText())) {
          List<String> reasons = new ArrayList<>();
          n.path("reasons").forEach(r -> reasons.add(r.asText()));
          pending.put(id, new PendingMessage(id, CaseId.of(n.get("case").asText()),
              CaseAction.fromJsonName(n.get("action").asText()), n.get("text").asText(),
              n.get("by").asText(), Instant.parse(n.get("at").asText()), reasons));
        } else {
          pending.remove(id);
        }
      } catch (Exception ex) {
        throw new org.crisiskit.journal.JournalException(
            "journal record " + e.sequence() + " is not a valid approval record: " + ex, ex);
      }
    });
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
            "no mention received on %s for %s, usual is %.0f/h", network, human(silent), perHour),
            Map.of("silentMinutes", Long.toString(silent.toMinutes()),
                "usualPerHour", String.format(Locale.ROOT, "%.1f", perHour))));
      }
      if (!isSilent && silentNotified) {
        silentNotified = false;
        return Optional.of(new DeskNotice("adapter_recovered", now, network,
            "mentions flow again on " + network, Map.of()));
      }
      return Optional.empty();
    }

    private static String human(Duration d) {
      long h = d.toHours();
      return h >= 1 ? h + " h" : d.toMinutes() + " min";
    }
  }

  /** Builds a {@link CrisisDesk}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Journal journal;
    private Path directory;
    private FsyncPolicy fsync = FsyncPolicy.grouped(Duration.ofMillis(50));
    private Classifier classifier;
    private final Map<String, NetworkAdapter> adapters = new LinkedHashMap<>();
    private final List<DeskListener> listeners = new ArrayList<>();
    private CaseConfig caseConfig = CaseConfig.ofDefaults();
    private Duration silenceThreshold = Duration.ofHours(2);

    private Builder() {}

    /**
     * Keeps the journal ({@code DIR/journal}) and the adapters' checkpoints ({@code DIR/checkpoints})
     * in {@code directory}; the desk opens and closes the journal.
     */
    public Builder journalDirectory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Uses a journal the caller owns (and closes); checkpoints are then kept in memory. */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    /** How the desk's own file journal syncs (default grouped every 50 ms). */
    public Builder fsync(FsyncPolicy fsync) {
      this.fsync = Objects.requireNonNull(fsync, "fsync");
      return this;
    }

    /** The clock for events and deadlines (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The classifier (default: the built-in bilingual classifier). */
    public Builder classifier(Classifier classifier) {
      this.classifier = Objects.requireNonNull(classifier, "classifier");
      return this;
    }

    /** Registers a network adapter; one per network. */
    public Builder adapter(NetworkAdapter adapter) {
      Objects.requireNonNull(adapter, "adapter");
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

    /** Case grouping and workflow settings (default {@link CaseConfig#ofDefaults()}). */
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
     * Builds the desk and rebuilds its cases from the journal.
     *
     * @throws IllegalStateException when neither a journal nor a directory was given
     */
    public CrisisDesk build() {
      if (journal == null && directory == null) {
        throw new IllegalStateException("give a journalDirectory(...) or a journal(...)");
      }
      if (classifier == null) {
        throw new IllegalStateException("a classifier is required");
      }
      return new CrisisDesk(this);
    }
  }
}
