package org.crisiskit.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.Chain;
import org.crisiskit.mention.MentionId;

/**
 * One customer's conversation with the brand, from the first mention to closing: its mentions, what
 * they are about, where it stands in the {@link Workflow}, who owns it, its deadlines and its history.
 *
 * <p>An immutable snapshot, thread-safe; {@link CaseService} hands out a new snapshot after each
 * change. Every field is derived from the case's {@link #history()} of events, which is how cases are
 * rebuilt from the journal. Never contains nulls.
 */
public final class CrisisCase {
  /** Name of the deadline for the first public or private answer. */
  public static final String FIRST_RESPONSE = "first_response";

  private final CaseId id;
  private final String network;
  private final String authorId;
  private final String authorHandle;
  private final Set<String> conversationIds;
  private final Chain<MentionId> mentions;
  private final Intent intent;
  private final Severity severity;
  private final Set<String> topics;
  private final CaseState state;
  private final String department;
  private final String assignee;
  private final Instant openedAt;
  private final Instant updatedAt;
  private final Instant lastMentionAt;
  private final Instant firstResponseAt;
  private final String resolution;
  private final PrivateChannel privateChannel;
  private final Map<String, Instant> deadlines;
  private final Chain<CaseEvent> history;

  private CrisisCase(Draft d) {
    this.id = d.id;
    this.network = d.network;
    this.authorId = d.authorId;
    this.authorHandle = d.authorHandle;
    this.conversationIds = Collections.unmodifiableSet(d.conversationIds);
    this.mentions = d.mentions;
    this.intent = d.intent;
    this.severity = d.severity;
    this.topics = Collections.unmodifiableSet(d.topics);
    this.state = d.state;
    this.department = d.department;
    this.assignee = d.assignee;
    this.openedAt = d.openedAt;
    this.updatedAt = d.updatedAt;
    this.lastMentionAt = d.lastMentionAt;
    this.firstResponseAt = d.firstResponseAt;
    this.resolution = d.resolution;
    this.privateChannel = d.privateChannel;
    this.deadlines = Collections.unmodifiableMap(d.deadlines);
    this.history = d.history;
  }

  /** The case's id. */
  public CaseId id() {
    return id;
  }

  /** The network the customer wrote on. */
  public String network() {
    return network;
  }

  /** The customer's account id on that network. */
  public String authorId() {
    return authorId;
  }

  /** The customer's handle when the case was opened. */
  public String authorHandle() {
    return authorHandle;
  }

  /** The conversations (threads) the case's mentions belong to. */
  public Set<String> conversationIds() {
    return conversationIds;
  }

  /** The case's mentions, in the order they joined. Never empty. */
  public List<MentionId> mentions() {
    return mentions.toList();
  }

  /** The strongest intent among the case's mentions. */
  public Intent intent() {
    return intent;
  }

  /** How urgent the case is. */
  public Severity severity() {
    return severity;
  }

  /** Complaint topics seen in the case's mentions. */
  public Set<String> topics() {
    return topics;
  }

  /** Where the case stands in the workflow. */
  public CaseState state() {
    return state;
  }

  /** The department that owns the case, if routed. */
  public Optional<String> department() {
    return Optional.ofNullable(department);
  }

  /** The agent who owns the case, if assigned. */
  public Optional<String> assignee() {
    return Optional.ofNullable(assignee);
  }

  /** When the opening mention was posted. */
  public Instant openedAt() {
    return openedAt;
  }

  /** When the case last changed. */
  public Instant updatedAt() {
    return updatedAt;
  }

  /** When the newest mention of the case was posted. */
  public Instant lastMentionAt() {
    return lastMentionAt;
  }

  /** When the brand first answered (acknowledged, moved private, thanked or resolved), if it has. */
  public Optional<Instant> firstResponseAt() {
    return Optional.ofNullable(firstResponseAt);
  }

  /** The first-response time, if the brand has answered. */
  public Optional<Duration> firstResponseTime() {
    return firstResponse().map(t -> Duration.between(openedAt, t));
  }

  private Optional<Instant> firstResponse() {
    return Optional.ofNullable(firstResponseAt);
  }

  /** The resolution summary, once resolved. */
  public Optional<String> resolution() {
    return Optional.ofNullable(resolution);
  }

  /** The private channel the conversation moved to, if it moved. */
  public Optional<PrivateChannel> privateChannel() {
    return Optional.ofNullable(privateChannel);
  }

  /** Deadlines by name, for example {@link #FIRST_RESPONSE}. */
  public Map<String, Instant> deadlines() {
    return deadlines;
  }

  /** The deadline called {@code name}, if set. */
  public Optional<Instant> deadline(String name) {
    return Optional.ofNullable(deadlines.get(name));
  }

  /** Every event of the case, oldest first. */
  public List<CaseEvent> history() {
    return history.toList();
  }

  /**
   * The case as it stood at {@code t}: its events recorded up to {@code t} inclusive; empty when it was
   * opened later. A report for a past window reads its cases this way.
   */
  public Optional<CrisisCase> asOf(Instant t) {
    List<CaseEvent> events = history();
    int n = 0;
    while (n < events.size() && !events.get(n).at().isAfter(t)) {
      n++;
    }
    if (n == events.size()) {
      return Optional.of(this);
    }
    return n == 0 ? Optional.empty() : Optional.of(replay(events.subList(0, n)));
  }

  /** True unless the case is {@link CaseState#CLOSED}. */
  public boolean isOpen() {
    return state != CaseState.CLOSED;
  }

  /** Rebuilds a case from its events. */
  static CrisisCase replay(List<CaseEvent> events) {
    if (events.isEmpty() || events.get(0).type() != CaseEventType.CASE_OPENED) {
      throw new IllegalArgumentException("a case history must start with case_opened");
    }
    CrisisCase c = open(events.get(0));
    for (int i = 1; i < events.size(); i++) {
      c = c.apply(events.get(i));
    }
    return c;
  }

  static CrisisCase open(CaseEvent opened) {
    Draft d = new Draft();
    d.id = opened.caseId();
    Map<String, String> a = opened.attributes();
    d.network = a.get("network");
    d.authorId = a.get("author");
    d.authorHandle = a.getOrDefault("handle", d.authorId);
    d.conversationIds = new LinkedHashSet<>();
    if (a.containsKey("conversation")) {
      d.conversationIds.add(a.get("conversation"));
    }
    d.mentions = Chain.of(MentionId.of(d.network, a.get("mention")));
    d.intent = Intent.fromJsonName(a.getOrDefault("intent", "neutral"));
    d.severity = Severity.fromJsonName(a.getOrDefault("severity", "normal"));
    d.topics = new LinkedHashSet<>(splitTopics(a.get("topics")));
    d.state = CaseState.NEW;
    d.openedAt = opened.attribute("mentionAt").map(Instant::parse).orElse(opened.at());
    d.updatedAt = opened.at();
    d.lastMentionAt = d.openedAt;
    d.deadlines = new TreeMap<>();
    d.history = Chain.of(opened);
    Objects.requireNonNull(d.network, "case_opened needs attribute network");
    Objects.requireNonNull(d.authorId, "case_opened needs attribute author");
    return new CrisisCase(d);
  }

  static List<String> splitTopics(String topics) {
    if (topics == null || topics.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(topics.split(","));
  }

  /** Returns the case after {@code e}; {@code e} must belong to this case. */
  CrisisCase apply(CaseEvent e) {
    if (!e.caseId().equals(id)) {
      throw new IllegalArgumentException("event of case " + e.caseId() + " applied to " + id);
    }
    Draft d = new Draft(this);
    d.history = d.history.plus(e);
    d.updatedAt = e.at();
    d.state = e.to();
    switch (e.type()) {
      case CASE_OPENED:
        throw new IllegalArgumentException("case " + id + " is already open");
      case MENTION_ADDED:
        d.mentions = d.mentions.plus(MentionId.of(network, e.attributes().get("mention")));
        e.attribute("conversation").ifPresent(d.conversationIds::add);
        e.attribute("mentionAt").map(Instant::parse).ifPresent(t -> {
          if (t.isAfter(d.lastMentionAt)) {
            d.lastMentionAt = t;
          }
        });
        e.attribute("intent").ifPresent(i -> d.intent = Intent.stronger(d.intent, Intent.fromJsonName(i)));
        e.attribute("severity").ifPresent(s -> d.severity = Severity.max(d.severity, Severity.fromJsonName(s)));
        d.topics.addAll(splitTopics(e.attributes().get("topics")));
        break;
      case CASE_ASSESSED:
        e.attribute("intent").ifPresent(i -> d.intent = Intent.fromJsonName(i));
        e.attribute("severity").ifPresent(s -> d.severity = Severity.fromJsonName(s));
        e.attribute("topics").ifPresent(t -> {
          d.topics.clear();
          d.topics.addAll(splitTopics(t));
        });
        break;
      case CASE_ASSIGNED:
        e.attribute("department").ifPresent(x -> d.department = x);
        e.attribute("assignee").ifPresent(x -> d.assignee = x);
        break;
      case DEADLINE_SET:
        String name = e.attributes().get("name");
        String due = e.attributes().get("due");
        if (due == null || due.isEmpty()) {
          d.deadlines.remove(name);
        } else {
          d.deadlines.put(name, Instant.parse(due));
        }
        break;
      case CASE_ACKNOWLEDGED:
      case CASE_THANKED:
        markResponded(d, e);
        break;
      case CASE_MOVED_PRIVATE:
        markResponded(d, e);
        e.attribute("channel").ifPresent(ch -> d.privateChannel = PrivateChannel.fromJsonName(ch));
        break;
      case CASE_RESOLVED:
        markResponded(d, e);
        d.resolution = e.note();
        break;
      case CASE_ESCALATED:
        e.attribute("department").ifPresent(x -> d.department = x);
        break;
      default:
        break;
    }
    return new CrisisCase(d);
  }

  private static void markResponded(Draft d, CaseEvent e) {
    if (d.firstResponseAt == null) {
      d.firstResponseAt = e.at();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CrisisCase)) {
      return false;
    }
    CrisisCase that = (CrisisCase) o;
    return history.toList().equals(that.history.toList());
  }

  @Override
  public int hashCode() {
    return history.toList().hashCode();
  }

  @Override
  public String toString() {
    return "CrisisCase{" + id + ", " + state + ", " + intent.jsonName() + ", @" + authorHandle
        + ", mentions=" + mentions.size() + department().map(x -> ", department=" + x).orElse("") + "}";
  }

  /** Mutable working copy used while applying an event. */
  private static final class Draft {
    CaseId id;
    String network;
    String authorId;
    String authorHandle;
    Set<String> conversationIds;
    Chain<MentionId> mentions;
    Intent intent;
    Severity severity;
    Set<String> topics;
    CaseState state;
    String department;
    String assignee;
    Instant openedAt;
    Instant updatedAt;
    Instant lastMentionAt;
    Instant firstResponseAt;
    String resolution;
    PrivateChannel privateChannel;
    Map<String, Instant> deadlines;
    Chain<CaseEvent> history;

    Draft() {}

    Draft(CrisisCase c) {
      id = c.id;
      network = c.network;
      authorId = c.authorId;
      authorHandle = c.authorHandle;
      conversationIds = new LinkedHashSet<>(c.conversationIds);
      mentions = c.mentions;
      intent = c.intent;
      severity = c.severity;
      topics = new LinkedHashSet<>(c.topics);
      state = c.state;
      department = c.department;
      assignee = c.assignee;
      openedAt = c.openedAt;
      updatedAt = c.updatedAt;
      lastMentionAt = c.lastMentionAt;
      firstResponseAt = c.firstResponseAt;
      resolution = c.resolution;
      privateChannel = c.privateChannel;
      deadlines = new TreeMap<>(c.deadlines);
      history = c.history;
    }
  }
}
