package org.crisiskit.playbook;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.crisiskit.cases.AcceptResult;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseAction;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CaseEventType;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseJournalFormat;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.Severity;
import org.crisiskit.cases.TransitionResult;
import org.crisiskit.cases.Workflow;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.Json;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalEntry;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;

/**
 * Applies a {@link Playbook} to each classified mention: records it in its case (opening, joining or
 * re-opening one), routes the case, escalates it when a rule says so, and proposes the next action
 * with a draft from the right template, or records why nothing is sent. A mention that joins a case
 * the brand has already answered gets no new draft: the conversation continues in that case.
 *
 * <p>Order of the rules: (1) never-answer rules (nothing is sent; the case is marked not engaged or
 * escalated, with the rule's reason; an insult or forbidden topic joining a case that still owes an
 * answer to a complaint or question leaves the case as it is, and that answer still due); (2)
 * escalation rules (the case is escalated, once for each opening of the case; the draft, if any,
 * waits for approval when a matching rule requires it); (3) the intent: complaints and questions are
 * acknowledged, praise is thanked as the thank-you policy says, abuse is not engaged, neutral mentions
 * need nothing. No draft is proposed that the workflow refuses from the case's state (a complaint
 * joining a case marked not engaged waits for a person).
 *
 * <p><b>Repeated mentions.</b> A mention triaged before is a duplicate: nothing is decided again. A
 * triage cut short after the mention joined its case (a failed write, or a crash: an engine with a
 * journal finds such mentions in it at start) is finished when the same mention comes again, provided
 * nothing but the triage itself has happened to the case since: the rules run as they would have,
 * and the decision reports the mention as new ({@code accepted().duplicate()} false).
 *
 * <pre>{@code
 * TriageEngine engine = TriageEngine.create(Playbook.sample(), cases);
 * TriageDecision d = engine.triage(new TriageInput(mention, classifier.classify(mention), 0));
 * d.draft().ifPresent(draft -> checker.check(...));
 * }</pre>
 *
 * <p>Thread-safe (the case service serializes changes per case); immutable configuration.
 */
public final class TriageEngine {
  /** The actor recorded on changes the engine makes. */
  public static final String ACTOR = "playbook";
  /** Prefix of an escalation note that makes every outgoing message of the case need approval. */
  public static final String APPROVAL_PREFIX = "approval required: ";

  /** Journal record type of triage decisions. */
  public static final String RECORD_TYPE = "triage";
  /**
   * Journal record type written once, when an engine with a journal starts on an empty one: from
   * there on every mention has a triage record, and one without is a triage cut short.
   */
  public static final String START_RECORD_TYPE = "triage_start";

  private final Playbook playbook;
  private final CaseService cases;
  private final Optional<Journal> journal;
  /** Mentions whose case took them but whose triage did not finish: a repeated delivery triages them again. */
  private final Set<MentionId> cutShort = ConcurrentHashMap.newKeySet();

  private TriageEngine(Playbook playbook, CaseService cases, Optional<Journal> journal) {
    this.playbook = Objects.requireNonNull(playbook, "playbook");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.journal = journal;
    journal.ifPresent(j -> {
      if (j.lastSequence() == 0) {
        j.append(START_RECORD_TYPE, "{}"); // triage records are kept from here on
      } else {
        cutShort.addAll(cutShortIn(j));
      }
    });
  }

  /**
   * The mentions journaled with no triage record after them: their triage was cut short. Only
   * mentions after the first triage record (or the start record) count: a journal that kept none
   * before was written without them.
   */
  private static Set<MentionId> cutShortIn(Journal journal) {
    Map<String, MentionId> open = new LinkedHashMap<>();
    boolean[] kept = {false};
    journal.replay(e -> {
      switch (e.type()) {
        case START_RECORD_TYPE:
          kept[0] = true;
          break;
        case RECORD_TYPE:
          kept[0] = true;
          open.remove(decidedMention(e));
          break;
        case CaseJournalFormat.MENTION:
          if (kept[0]) {
            CaseJournalFormat.mentionId(e).ifPresent(id -> open.put(id.toString(), id));
          }
          break;
        default:
          break;
      }
    });
    return new LinkedHashSet<>(open.values());
  }

  /** The {@code mention} field of a triage record, read no further. */
  private static String decidedMention(JournalEntry e) {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(e.payload())) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.getCurrentName();
          p.nextToken();
          if (field.equals("mention") && p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
          }
          p.skipChildren();
        }
      }
      throw new JsonParseException(p, "no $.mention");
    } catch (IOException ex) {
      throw new JournalException("journal record " + e.sequence() + " is not a valid triage record: " + ex, ex);
    }
  }

  /** An engine applying {@code playbook} through {@code cases}, recording decisions nowhere else. */
  public static TriageEngine create(Playbook playbook, CaseService cases) {
    return new TriageEngine(playbook, cases, Optional.empty());
  }

  /**
   * An engine that also journals each decision as a record of type {@value #RECORD_TYPE}
   * ({@code {"mention", "case", "action", "department", "template", "approvalRequired", "reason"}}),
   * so why nothing was sent is kept next to the case events. Pass the case service's journal: at
   * creation the engine reads it through once to find triages a crash cut short.
   */
  public static TriageEngine create(Playbook playbook, CaseService cases, Journal journal) {
    return new TriageEngine(playbook, cases, Optional.of(Objects.requireNonNull(journal, "journal")));
  }

  /** The playbook applied. */
  public Playbook playbook() {
    return playbook;
  }

  /** Triages a mention outside any crisis. */
  public TriageDecision triage(Mention mention, Classification classification) {
    return triage(TriageInput.of(mention, classification));
  }

  /** Triages one classified mention; see the class comment for the order of the rules. */
  public TriageDecision triage(TriageInput in) {
    TriageDecision d = decide(in);
    if (journal.isPresent() && !d.accepted().duplicate()) {
      ObjectNode n = Json.object();
      n.put("mention", in.mention().id().toString());
      n.put("case", d.caseId().value());
      n.put("action", d.action().jsonName());
      n.put("department", d.department());
      d.draft().ifPresent(x -> n.put("template", x.templateId()));
      d.escalatedTo().ifPresent(x -> n.put("escalatedTo", x));
      n.put("approvalRequired", d.approvalRequired());
      n.put("reason", d.reason());
      try {
        journal.get().append(RECORD_TYPE, Json.write(n));
      } catch (RuntimeException e) {
        cutShort.add(in.mention().id());
        throw e;
      }
    }
    cutShort.remove(in.mention().id());
    return d;
  }

  private TriageDecision decide(TriageInput in) {
    Classification c = in.classification();
    Severity severity = in.severity();
    Assessment assessment = new Assessment(c.intent(), severity, c.negative(), c.topics());
    try {
      return decide(in, cases.accept(in.mention(), assessment), severity);
    } catch (RuntimeException e) {
      cutShort.add(in.mention().id());
      throw e;
    }
  }

  /**
   * Whether a triage of {@code id} was cut short and nothing has happened to its case since but the
   * steps of its acceptance and of the engine itself: then triaging it again finishes that triage.
   */
  private boolean finishes(CrisisCase kase, MentionId id) {
    if (!cutShort.contains(id)) {
      return false;
    }
    List<CaseEvent> history = kase.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      CaseEvent e = history.get(i);
      if (joins(e, id)) {
        return true;
      }
      boolean step = about(e, id) && e.type() == CaseEventType.CASE_REOPENED
          || e.type() == CaseEventType.DEADLINE_SET && "system".equals(e.actor())
          || ACTOR.equals(e.actor());
      if (!step) {
        return false;
      }
    }
    return false;
  }

  /** Whether a playbook escalation with a given note is already on a case, and for which mention. */
  private enum Escalated { NO, THIS_MENTION, EARLIER }

  /**
   * Whether the engine already escalated the case with {@code note} since it was last opened or
   * re-opened: after mention {@code id} joined it (a triage of that mention cut short afterwards), or
   * for an earlier mention.
   */
  private static Escalated escalated(CrisisCase kase, MentionId id, String note) {
    List<CaseEvent> history = kase.history();
    boolean found = false;
    for (int i = history.size() - 1; i >= 0; i--) {
      CaseEvent e = history.get(i);
      if (e.type() == CaseEventType.CASE_ESCALATED && ACTOR.equals(e.actor()) && note.equals(e.note())) {
        found = true;
      }
      if (found && joins(e, id)) {
        return Escalated.THIS_MENTION;
      }
      if (e.type() == CaseEventType.CASE_OPENED || e.type() == CaseEventType.CASE_REOPENED) {
        return found ? Escalated.EARLIER : Escalated.NO;
      }
    }
    return found ? Escalated.EARLIER : Escalated.NO;
  }

  /** Whether {@code e} names mention {@code id} (opened, joined or re-opened the case for it). */
  private static boolean about(CaseEvent e, MentionId id) {
    return e.attribute("mention").map(id.value()::equals).orElse(false);
  }

  /** Whether {@code e} is the event by which mention {@code id} entered its case. */
  private static boolean joins(CaseEvent e, MentionId id) {
    return (e.type() == CaseEventType.CASE_OPENED || e.type() == CaseEventType.MENTION_ADDED) && about(e, id);
  }

  /** Whether the case still owes the customer an answer to a complaint or question. */
  private static boolean owesAnswer(CrisisCase kase) {
    return kase.intent().wantsAnswer() && kase.state().awaitsBrand();
  }

  private TriageDecision decide(TriageInput in, AcceptResult accepted, Severity severity) {
    Classification c = in.classification();
    RouteRule route = playbook.route(in);
    CrisisCase kase = cases.find(accepted.caseId()).orElseThrow();
    if (kase.department().isEmpty()) {
      kase = cases.assign(kase.id(), ACTOR, Optional.of(route.department()), route.owner());
    }
    String department = kase.department().orElse(route.department());
    String lang = playbook.languages().contains(in.lang()) ? in.lang() : playbook.defaultLanguage();
    List<Fact> facts = playbook.facts(kase.topics(), lang);
    if (accepted.duplicate()) {
      MentionId id = in.mention().id();
      if (!finishes(kase, id)) {
        return new TriageDecision(accepted, severity, department, route.owner(), NextAction.NONE, Optional.empty(),
            approvalRequired(kase), Optional.empty(), facts, "mention already triaged");
      }
      // its first triage was cut short: decide as that one would have, and report it as new
      boolean reopened = kase.history().stream().anyMatch(e -> e.type() == CaseEventType.CASE_REOPENED && about(e, id));
      accepted = new AcceptResult(id, kase.id(), false, kase.id().equals(CaseId.openedBy(id)), reopened);
    }

    Optional<NeverAnswerRule> never = playbook.neverAnswer(in);
    if (never.isPresent() && never.get().instead() != Instead.ESCALATE && !accepted.opened()
        && owesAnswer(kase)) {
      // an insult or a forbidden topic after a question or complaint: that one is still answered
      return new TriageDecision(accepted, severity, department, route.owner(), NextAction.NONE, Optional.empty(),
          approvalRequired(kase), Optional.empty(), facts, "never answered publicly: " + never.get().reason()
          + "; the case still owes an answer to its " + kase.intent().jsonName() + ": answer that, not this");
    }
    if (never.isPresent()) {
      NeverAnswerRule rule = never.get();
      switch (rule.instead()) {
        case ESCALATE:
          String to = rule.department().orElse(Playbook.MANAGEMENT);
          cases.tryApply(CaseCommand.escalate(kase.id(), ACTOR, to, rule.reason()));
          return new TriageDecision(accepted, severity, department, route.owner(), NextAction.ESCALATE,
              Optional.empty(), true, Optional.of(to), facts, "never answered publicly: " + rule.reason());
        case WATCH:
          cases.tryApply(CaseCommand.doNotEngage(kase.id(), ACTOR, "watch: " + rule.reason()));
          return new TriageDecision(accepted, severity, department, route.owner(), NextAction.WATCH,
              Optional.empty(), false, Optional.empty(), facts, "never answered publicly: " + rule.reason());
        default:
          cases.tryApply(CaseCommand.doNotEngage(kase.id(), ACTOR, rule.reason()));
          return new TriageDecision(accepted, severity, department, route.owner(), NextAction.DO_NOT_ENGAGE,
              Optional.empty(), false, Optional.empty(), facts, "never answered publicly: " + rule.reason());
      }
    }

    List<EscalationRule> esc = playbook.escalations(in);
    boolean escalatedBefore = false;
    Optional<String> escalatedTo = Optional.empty();
    boolean approval = approvalRequired(kase);
    List<String> reasons = new ArrayList<>();
    if (!esc.isEmpty()) {
      boolean needsApproval = esc.stream().anyMatch(EscalationRule::approvalRequired);
      String why = esc.stream().map(EscalationRule::reason).distinct().collect(Collectors.joining("; "));
      String to = esc.get(0).department();
      String note = (needsApproval ? APPROVAL_PREFIX : "") + why;
      Escalated done = escalated(kase, in.mention().id(), note);
      if (done == Escalated.EARLIER) {
        // the same rule escalated the case for an earlier mention: escalating again would undo the
        // agents' progress and restart the resolution clock at every new mention
        escalatedBefore = true;
        reasons.add("escalated to " + to + " before: " + why);
      } else {
        Optional<String> refused = Optional.empty();
        if (done == Escalated.NO) { // a cut-short triage of this mention may have escalated already
          TransitionResult r = cases.tryApply(CaseCommand.escalate(kase.id(), ACTOR, to, note));
          kase = r.caseAfter();
          refused = r.applied() ? Optional.empty() : Optional.of(r.rejection().orElse(""));
        }
        reasons.add("escalated to " + to + ": " + why + refused.map(x -> " (" + x + ")").orElse(""));
      }
      escalatedTo = Optional.of(to);
      approval = approval || needsApproval;
    }

    NextAction action;
    Optional<Draft> draft = Optional.empty();
    boolean alreadyAnswered = !accepted.opened() && !accepted.reopened() && kase.firstResponseAt().isPresent()
        && kase.isOpen();
    if (alreadyAnswered && (esc.isEmpty() || escalatedBefore)) {
      reasons.add("joins case " + kase.id() + ", already answered (" + kase.state().name().toLowerCase(java.util.Locale.ROOT)
          + "): continue the conversation there");
      return new TriageDecision(accepted, severity, department, route.owner(), NextAction.NONE, Optional.empty(),
          approval, escalatedTo, facts, String.join("; ", reasons));
    }
    switch (c.intent()) {
      case COMPLAINT:
      case QUESTION:
        action = NextAction.ACKNOWLEDGE;
        draft = draft(c.intent(), kase, severity, lang, department, in.mention());
        reasons.add(c.intent().jsonName() + ": acknowledge publicly, then move private");
        break;
      case PRAISE:
        if (playbook.thankYou().reply()) {
          action = NextAction.THANK;
          draft = draft(Intent.PRAISE, kase, severity, lang, department, in.mention());
          reasons.add("praise: thank as the thank-you policy says");
        } else {
          action = NextAction.NONE;
          reasons.add("praise: the thank-you policy says no reply");
        }
        break;
      case ABUSE:
        action = NextAction.DO_NOT_ENGAGE;
        reasons.add("abuse: do not feed it; record the reason when closing");
        break;
      case SENSITIVE:
        action = NextAction.NONE;
        reasons.add("sensitive topic without a playbook rule: leave to a human");
        break;
      default:
        action = NextAction.NONE;
        reasons.add("neutral: nothing to act on");
        break;
    }
    if (action.sends() && draft.isEmpty()) {
      reasons.add("nothing drafted: no " + c.intent().jsonName() + " template in '" + lang + "'");
    }
    CaseAction sent = action == NextAction.THANK ? CaseAction.THANK : CaseAction.ACKNOWLEDGE;
    if (action.sends() && escalatedTo.isEmpty() && !Workflow.allows(kase.state(), sent)) {
      // e.g. a complaint joining a case marked not engaged (a troll's): no draft the workflow refuses
      // (an escalated case's draft goes through the people it was escalated to)
      reasons.add("the case is " + kase.state().name().toLowerCase(java.util.Locale.ROOT) + " and the workflow allows only "
          + Workflow.allowedActions(kase.state()).stream().map(CaseAction::jsonName).sorted().toList()
          + " from there: a person decides (escalate it to answer)");
      action = NextAction.NONE;
      draft = Optional.empty();
    }
    if (escalatedTo.isPresent() && action.sends()) {
      action = NextAction.ESCALATE;
    }
    return new TriageDecision(accepted, severity, department, route.owner(), action, draft, approval,
        escalatedTo, facts, String.join("; ", reasons));
  }

  private Optional<Draft> draft(Intent intent, CrisisCase kase, Severity severity, String lang, String department,
      Mention mention) {
    return playbook.template(intent, kase.topics(), severity, lang).map(t -> {
      Map<String, String> values = new HashMap<>();
      values.put("author", "@" + mention.author().handle());
      values.put("name", mention.author().displayName().isBlank() ? "@" + mention.author().handle()
          : mention.author().displayName());
      values.put("case", kase.id().value());
      values.put("department", playbook.departmentName(department, t.lang()));
      if (!playbook.brand().isEmpty()) {
        values.put("brand", playbook.brand());
      }
      playbook.thankYou().rewardCode().ifPresent(code -> values.put("reward_code", code));
      String text = t.render(values);
      List<String> unresolved = new Template(t.id(), t.intent(), t.topic(), t.severity(), t.lang(), text).placeholders();
      return new Draft(t.id(), t.lang(), text, unresolved);
    });
  }

  /** True when an escalation of the case asked for every outgoing message to be approved. */
  public static boolean approvalRequired(CrisisCase kase) {
    for (CaseEvent e : kase.history()) {
      if (e.type() == CaseEventType.CASE_ESCALATED && e.note().startsWith(APPROVAL_PREFIX)) {
        return true;
      }
    }
    return false;
  }
}
