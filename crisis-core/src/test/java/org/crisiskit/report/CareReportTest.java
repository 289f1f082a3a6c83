package org.crisiskit.report;

import static org.crisiskit.playbook.Fixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.cases.Severity;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.Journal;
import org.crisiskit.report.CareReport.Count;
import org.crisiskit.report.CareReport.Coverage;
import org.crisiskit.report.CareReport.DepartmentLearning;
import org.crisiskit.report.CareReport.WeekChange;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CareReportTest {
  static final Instant WEEK1 = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant WEEK2 = WEEK1.plus(Duration.ofDays(7));
  static final Instant END = WEEK2.plus(Duration.ofDays(7));
  private FakeClock clock;
  private Journal journal;
  private CaseService cases;
  private int n;

  @BeforeEach
  void setUp() {
    clock = new FakeClock(WEEK1);
    journal = Journal.inMemory();
    cases = CaseService.newBuilder().journal(journal).clock(clock).build();
  }

  private CaseId complaint(Instant at, String handle, String text, String topic, String dept) {
    clock.set(at);
    CaseId id = cases.accept(mention("m" + n++, handle, 10, text, "es", at),
        new Assessment(Intent.COMPLAINT, Severity.NORMAL, true, Set.of(topic))).caseId();
    cases.assign(id, "playbook", Optional.of(dept), Optional.empty());
    return id;
  }

  private void answer(CaseId id, Duration after, String resolution) {
    clock.advance(after);
    cases.apply(CaseCommand.acknowledge(id, "agent"));
    cases.apply(CaseCommand.movePrivate(id, "agent", PrivateChannel.DIRECT_MESSAGE));
    if (resolution != null) {
      cases.apply(CaseCommand.resolve(id, "agent", resolution));
    }
  }

  @Test
  void reportFromTheJournal() {
    // week 1: one late delivery complaint
    CaseId a = complaint(WEEK1, "ana", "mi pedido no llega desde hace una semana", "delivery", "logistics");
    answer(a, Duration.ofMinutes(10), "courier re-sent the parcel");
    // week 2: three late deliveries (two by the same author, separate cases) and one billing complaint
    CaseId b = complaint(WEEK2, "bea", "el pedido no llega otra vez", "delivery", "logistics");
    answer(b, Duration.ofMinutes(30), "courier re-sent the parcel");
    CaseId c = complaint(WEEK2.plus(Duration.ofDays(2)), "bea", "sigo sin pedido, pedido no llega", "delivery", "logistics");
    answer(c, Duration.ofMinutes(50), null);
    CaseId d = complaint(WEEK2.plus(Duration.ofDays(3)), "carl", "wrong charge on my card", "billing", "billing");
    // a question never answered
    clock.set(WEEK2.plus(Duration.ofDays(4)));
    cases.accept(mention("q1", "dora", 10, "do you ship to Canarias?", "es", clock.instant()), Assessment.of(Intent.QUESTION));
    clock.set(END);

    CareReport r = CareReport.fromJournal(journal, ReportOptions.between(WEEK1, END));

    assertEquals(3, r.firstResponse().count());
    assertEquals(Duration.ofMinutes(30), r.firstResponse().p50());
    assertEquals(Duration.ofMinutes(50), r.firstResponse().p95());
    Coverage complaints = r.coverage().stream().filter(x -> x.intent().equals("complaint")).findFirst().orElseThrow();
    assertEquals(4, complaints.cases());
    assertEquals(3, complaints.answered());
    assertFalse(complaints.met());
    Coverage questions = r.coverage().stream().filter(x -> x.intent().equals("question")).findFirst().orElseThrow();
    assertEquals(0, questions.answered());

    // backlog: c (private), d (new), the question (new)
    assertEquals(3, r.backlog().total());
    assertEquals(Long.valueOf(2), r.backlog().byState().get("new"));
    assertEquals(Long.valueOf(1), r.backlog().byState().get("private"));

    assertEquals(List.of("logistics", "billing", "unrouted"), List.copyOf(r.casesByDepartment().keySet()));
    assertEquals(Long.valueOf(3), r.casesByDepartment().get("logistics"));

    DepartmentLearning logistics = r.learning().get(0);
    assertEquals("logistics", logistics.department());
    assertEquals(3, logistics.negativeMentions());
    assertEquals(new Count("delivery", 3), logistics.topics().get(0));
    assertEquals(new Count("pedido no llega", 3), logistics.phrases().stream()
        .filter(p -> p.key().equals("pedido no llega")).findFirst().orElseThrow());
    assertEquals(List.of(new Count("@bea", 2)), logistics.repeatComplainants());
    assertEquals(2, logistics.outcomes().get(0).resolved());
    assertEquals(1, logistics.outcomes().get(0).open());
    assertEquals(List.of("courier re-sent the parcel"), logistics.outcomes().get(0).summaries());
    assertEquals(List.of(new WeekChange("delivery", 2, 1)), logistics.weekOverWeek());
    assertTrue(d.value().length() > 0);
  }

  @Test
  void jsonAndTextRenderTheSameFigures() throws Exception {
    CaseId a = complaint(WEEK1, "ana", "mi pedido no llega", "delivery", "logistics");
    answer(a, Duration.ofMinutes(12), "sent again");
    journal.append("incident", "{\"foreign\":true}");
    CareReport r = CareReport.fromJournal(journal, ReportOptions.between(WEEK1, END));
    JsonNode n = new ObjectMapper().readTree(r.toJson());
    assertEquals(720, n.get("firstResponseSeconds").get("p50").asLong());
    assertEquals("logistics", n.get("learning").get(0).get("department").asText());
    String text = r.toText();
    assertTrue(text.contains("p50 12m"), text);
    assertTrue(text.contains("== logistics: 1 negative mentions"), text);
    assertTrue(r.toHtml().startsWith("<!doctype html>"));
  }

  @Test
  void emptyJournalGivesAnEmptyReport() {
    CareReport r = CareReport.fromJournal(Journal.inMemory(), ReportOptions.lastWeek(END));
    assertEquals(0, r.firstResponse().count());
    assertEquals(0, r.backlog().total());
    assertTrue(r.learning().isEmpty());
    assertTrue(r.coverage().stream().allMatch(Coverage::met));
  }

  @Test
  void readingDoesNotChangeTheJournal() {
    complaint(WEEK1, "ana", "x", "delivery", "logistics");
    long before = journal.lastSequence();
    CareReport.fromJournal(journal, ReportOptions.between(WEEK1, END));
    assertEquals(before, journal.lastSequence());
  }

  @Test
  void aPastWindowIsReadAsItStoodAtItsEnd() {
    CaseId a = complaint(WEEK1, "ana", "mi pedido no llega desde hace una semana", "delivery", "logistics");
    CaseId b = complaint(WEEK1.plus(Duration.ofHours(1)), "bea", "el pedido no llega", "delivery", "logistics");
    answer(b, Duration.ofMinutes(20), null);
    clock.set(WEEK2.plus(Duration.ofDays(1))); // both answered and resolved in the second week
    answer(a, Duration.ZERO, "courier re-sent the parcel");
    cases.apply(CaseCommand.resolve(b, "agent", "courier re-sent the parcel"));

    CareReport week1 = CareReport.fromJournal(journal, ReportOptions.between(WEEK1, WEEK2));
    assertEquals(2, week1.backlog().total(), week1.backlog().byState().toString());
    assertEquals(Long.valueOf(1), week1.backlog().byState().get("new"));
    assertEquals(Long.valueOf(1), week1.backlog().byState().get("private"));
    Coverage complaints = week1.coverage().stream().filter(x -> x.intent().equals("complaint")).findFirst().orElseThrow();
    assertEquals(2, complaints.cases());
    assertEquals(1, complaints.answered(), "ana's reply came after the window");

    CareReport both = CareReport.fromJournal(journal, ReportOptions.between(WEEK1, END));
    assertEquals(0, both.backlog().total());
    assertEquals(2, both.coverage().stream().filter(x -> x.intent().equals("complaint")).findFirst()
        .orElseThrow().answered());
  }
}
