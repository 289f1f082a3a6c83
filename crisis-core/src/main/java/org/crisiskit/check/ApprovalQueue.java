package org.crisiskit.check;

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
import org.crisiskit.cases.CaseId;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.Json;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;

/**
 * Messages of cases that need approval wait here until someone approves them (possibly with edits)
 * or rejects them with a note. Every step is journaled as a record of type {@value #RECORD_TYPE}
 * ({@code {"event": "submitted|approved|rejected", "id", "case", "by", "at", "text", "note",
 * "public", "lang", "customerLang", "replyTo", "intent"}}), so the queue and who approved what
 * survive a restart. A message with a blocking finding is refused at submission and at approval.
 *
 * <p>Thread-safe.
 */
public final class ApprovalQueue {
  /** Journal record type of approval steps. */
  public static final String RECORD_TYPE = "approval";

  private final Journal journal;
  private final MessageChecker checker;
  private final Clock clock;
  private final Map<String, PendingMessage> pending = new LinkedHashMap<>();
  private final List<ApprovalDecision> decided = new ArrayList<>();
  private long next = 1;

  private ApprovalQueue(Journal journal, MessageChecker checker, Clock clock) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.checker = Objects.requireNonNull(checker, "checker");
    this.clock = Objects.requireNonNull(clock, "clock");
    journal.replay(e -> {
      if (RECORD_TYPE.equals(e.type())) {
        replay(e.sequence(), e.payload());
      }
    });
  }

  /** A queue journaling to {@code journal}, re-checking messages with {@code checker}; rebuilt from the journal. */
  public static ApprovalQueue create(Journal journal, MessageChecker checker, Clock clock) {
    return new ApprovalQueue(journal, checker, clock);
  }

  /**
   * Puts a message in the queue.
   *
   * @throws MessageBlockedException when a check blocks it; nothing is queued
   */
  public synchronized PendingMessage submit(CaseId caseId, OutgoingMessage message, String requestedBy) {
    checker.requireSendable(message);
    PendingMessage p = new PendingMessage("approval-" + next++, caseId, message, requestedBy, clock.instant());
    ObjectNode n = node("submitted", p.id(), caseId, requestedBy, p.submittedAt(), message.text(), "");
    n.put("public", message.isPublic());
    message.lang().ifPresent(x -> n.put("lang", x));
    message.customerLang().ifPresent(x -> n.put("customerLang", x));
    message.replyTo().ifPresent(x -> n.put("replyTo", x));
    message.intent().ifPresent(x -> n.put("intent", x.jsonName()));
    journal.append(RECORD_TYPE, Json.write(n));
    pending.put(p.id(), p);
    return p;
  }

  /**
   * What {@link #approve} would check for a pending message (optionally with its text replaced),
   * without deciding: lets a caller find a blocking finding before it sends the message.
   *
   * @throws IllegalArgumentException when no message with this id is pending
   */
  public synchronized CheckResult check(String id, Optional<String> editedText) {
    PendingMessage p = require(id);
    return checker.check(editedText.map(t -> p.message().toBuilder().text(t).build()).orElse(p.message()));
  }

  /**
   * Approves a pending message, optionally replacing its text; the approver is journaled.
   *
   * @throws IllegalArgumentException when no message with this id is pending
   * @throws MessageBlockedException when the (edited) text has a blocking finding; it stays pending
   */
  public synchronized ApprovalDecision approve(String id, String approver, Optional<String> editedText) {
    PendingMessage p = require(id);
    OutgoingMessage m = editedText.map(t -> p.message().toBuilder().text(t).build()).orElse(p.message());
    checker.requireSendable(m);
    Instant now = clock.instant();
    journal.append(RECORD_TYPE, Json.write(node("approved", id, p.caseId(), approver, now, m.text(), "")));
    pending.remove(id);
    ApprovalDecision d = new ApprovalDecision(p, true, approver, now, Optional.of(m.text()), "");
    decided.add(d);
    return d;
  }

  /**
   * Rejects a pending message with a note for its author.
   *
   * @throws IllegalArgumentException when no message with this id is pending or the note is blank
   */
  public synchronized ApprovalDecision reject(String id, String approver, String note) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a note for the author");
    }
    PendingMessage p = require(id);
    Instant now = clock.instant();
    journal.append(RECORD_TYPE, Json.write(node("rejected", id, p.caseId(), approver, now, "", note)));
    pending.remove(id);
    ApprovalDecision d = new ApprovalDecision(p, false, approver, now, Optional.empty(), note);
    decided.add(d);
    return d;
  }

  /** Messages waiting, oldest first. */
  public synchronized List<PendingMessage> pending() {
    return List.copyOf(pending.values());
  }

  /** Decisions taken, oldest first. */
  public synchronized List<ApprovalDecision> decisions() {
    return List.copyOf(decided);
  }

  private PendingMessage require(String id) {
    PendingMessage p = pending.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no pending message '" + id + "'; pending: " + pending.keySet());
    }
    return p;
  }

  private static ObjectNode node(String event, String id, CaseId caseId, String by, Instant at, String text, String note) {
    ObjectNode n = Json.object();
    n.put("event", event);
    n.put("id", id);
    n.put("case", caseId.value());
    n.put("by", by);
    n.put("at", at.toString());
    n.put("text", text);
    n.put("note", note);
    return n;
  }

  private void replay(long seq, String payload) {
    try {
      JsonNode n = Json.parse(payload);
      String id = n.get("id").asText();
      Instant at = Instant.parse(n.get("at").asText());
      long num = Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
      next = Math.max(next, num + 1);
      switch (n.get("event").asText()) {
        case "submitted":
          OutgoingMessage.Builder b = OutgoingMessage.newBuilder(n.get("text").asText())
              .publicMessage(n.path("public").asBoolean(true));
          if (n.hasNonNull("lang")) {
            b.lang(n.get("lang").asText());
          }
          if (n.hasNonNull("customerLang")) {
            b.customerLang(n.get("customerLang").asText());
          }
          if (n.hasNonNull("replyTo")) {
            b.replyTo(n.get("replyTo").asText());
          }
          if (n.hasNonNull("intent")) {
            b.intent(Intent.fromJsonName(n.get("intent").asText()));
          }
          pending.put(id, new PendingMessage(id, CaseId.of(n.get("case").asText()), b.build(), n.get("by").asText(), at));
          break;
        case "approved":
        case "rejected":
          PendingMessage p = pending.remove(id);
          if (p != null) {
            boolean ok = n.get("event").asText().equals("approved");
            decided.add(new ApprovalDecision(p, ok, n.get("by").asText(), at,
                ok ? Optional.of(n.get("text").asText()) : Optional.empty(), n.path("note").asText("")));
          }
          break;
        default:
          break;
      }
    } catch (JsonProcessingException | RuntimeException e) {
      throw new JournalException("journal record " + seq + " is not a valid approval record: " + e.getMessage(), e);
    }
  }
}
