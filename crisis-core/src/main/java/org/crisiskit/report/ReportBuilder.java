package org.crisiskit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crisiskit.cases.CaseEvent;
import org.crisiskit.cases.CaseEventType;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.CaseState;
import org.crisiskit.cases.CrisisCase;
import org.crisiskit.cases.RecordedMention;
import org.crisiskit.classify.Intent;
import org.crisiskit.internal.Json;
import org.crisiskit.journal.Journal;
import org.crisiskit.report.CareReport.Backlog;
import org.crisiskit.report.CareReport.Count;
import org.crisiskit.report.CareReport.Coverage;
import org.crisiskit.report.CareReport.DepartmentLearning;
import org.crisiskit.report.CareReport.Percentiles;
import org.crisiskit.report.CareReport.TopicOutcome;
import org.crisiskit.report.CareReport.WeekChange;

/** Computes a {@link CareReport}: rebuilds the cases from a copy of the journal, then aggregates. */
final class ReportBuilder {
  static final String UNROUTED = "unrouted";
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is",
      "it", "my", "me", "i", "you", "your", "we", "at", "this", "that", "with", "be", "are", "was", "not", "no", "so",
      "but", "de", "la", "el", "los", "las", "y", "o", "que", "en", "un", "una", "mi", "por", "para", "con",
      "es", "lo", "se", "al", "del", "ya", "yo", "te", "tu", "su", "le", "les", "nos", "rt", "http", "https");

  private ReportBuilder() {}

  static CareReport build(Journal journal, ReportOptions o) {
    Journal copy = Journal.inMemory();
    Map<String, Long> breaches = new TreeMap<>();
    journal.replay(e -> {
      copy.append(e.type(), e.payload());
      if (e.type().equals("sla")) {
        try {
          JsonNode n = Json.parse(e.payload());
          Instant at = Instant.parse(n.path("at").asText());
          if ("breach".equals(n.path("event").asText()) && !at.isBefore(o.from()) && at.isBefore(o.to())) {
            breaches.merge(n.path("clock").asText(), 1L, Long::sum);
          }
        } catch (Exception ex) {
          // not ours to validate: skip an unreadable SLA record
        }
      }
    });
    CaseService cases = CaseService.newBuilder().journal(copy).clock(Clock.fixed(o.now(), ZoneOffset.UTC)).build();
    List<CrisisCase> all = cases.allCases();
    // the window's cases as they stood at its end: a reply or a move after it is not the window's
    Instant lastOfWindow = o.to().minusNanos(1);
    List<CrisisCase> inWindow = all.stream()
        .filter(c -> !c.openedAt().isBefore(o.from()) && c.openedAt().isBefore(o.to()))
        .map(c -> c.asOf(lastOfWindow).orElse(c))
        .collect(Collectors.toList());

    List<Duration> times = new ArrayList<>();
    for (CrisisCase c : inWindow) {
      if (c.intent().wantsAnswer()) {
        c.firstResponseTime().ifPresent(times::add);
      }
    }
    Percentiles pct = percentiles(times);

    List<Coverage> coverage = new ArrayList<>();
    for (Intent i : Intent.values()) {
      List<CrisisCase> of = inWindow.stream().filter(c -> c.intent() == i).collect(Collectors.toList());
      Optional<Double> target = o.policy().coverageTarget(i);
      if (of.isEmpty() && target.isEmpty()) {
        continue;
      }
      long answered = of.stream().filter(c -> c.firstResponseAt().isPresent()).count();
      coverage.add(new Coverage(i.jsonName(), of.size(), answered, target));
    }

    Map<String, Long> byState = new LinkedHashMap<>();
    Map<String, Long> byAge = new LinkedHashMap<>();
    for (String b : List.of("<1h", "1-4h", "4-24h", "1-7d", ">7d")) {
      byAge.put(b, 0L);
    }
    Duration oldest = Duration.ZERO;
    for (CrisisCase latest : all) {
      if (latest.openedAt().isAfter(o.now())) {
        continue;
      }
      CrisisCase c = latest.asOf(o.now()).orElse(latest); // the backlog as it stood at now
      if (!c.state().awaitsBrand()) {
        continue;
      }
      byState.merge(c.state().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
      Duration age = Duration.between(c.openedAt(), o.now());
      byAge.merge(bucket(age), 1L, Long::sum);
      if (age.compareTo(oldest) > 0) {
        oldest = age;
      }
    }
    Backlog backlog = new Backlog(byState, byAge, oldest);

    Map<String, Long> byDept = sortedCounts(inWindow.stream()
        .collect(Collectors.groupingBy(c -> c.department().orElse(UNROUTED), Collectors.counting())));

    List<DepartmentLearning> learning = learning(cases, all, o);
    return new CareReport(o, pct, coverage, backlog, byDept, breaches, learning);
  }

  private static List<DepartmentLearning> learning(CaseService cases, List<CrisisCase> all, ReportOptions o) {
    Map<CaseId, CrisisCase> byId = new HashMap<>();
    all.forEach(c -> byId.put(c.id(), c));
    Instant weekEnd = o.to();
    Instant weekStart = weekEnd.minus(Duration.ofDays(7));
    Instant prevStart = weekStart.minus(Duration.ofDays(7));
    Instant earliest = o.from().isBefore(prevStart) ? o.from() : prevStart;
    Map<String, List<RecordedMention>> window = new TreeMap<>();
    Map<String, List<RecordedMention>> twoWeeks = new TreeMap<>();
    for (RecordedMention r : cases.negativeMentions(earliest, o.to(), Optional.empty())) {
      CrisisCase c = byId.get(r.caseId());
      String dept = c == null ? UNROUTED : c.department().orElse(UNROUTED);
      Instant t = r.mention().createdAt();
      if (!t.isBefore(o.from())) {
        window.computeIfAbsent(dept, k -> new ArrayList<>()).add(r);
      }
      if (!t.isBefore(prevStart)) {
        twoWeeks.computeIfAbsent(dept, k -> new ArrayList<>()).add(r);
      }
    }
    Set<String> depts = new LinkedHashSet<>(window.keySet());
    depts.addAll(twoWeeks.keySet());
    List<DepartmentLearning> out = new ArrayList<>();
    for (String dept : depts) {
      List<RecordedMention> ms = window.getOrDefault(dept, List.of());
      Map<String, Long> topics = new HashMap<>();
      Map<String, Long> phrases = new HashMap<>();
      Map<String, Set<CaseId>> casesByTopic = new TreeMap<>();
      Map<String, Set<CaseId>> casesByAuthor = new HashMap<>();
      for (RecordedMention r : ms) {
        Set<String> ts = r.assessment().topics().isEmpty() ? Set.of("none") : r.assessment().topics();
        for (String t : ts) {
          if (!t.equals("none")) {
            topics.merge(t, 1L, Long::sum);
          }
          casesByTopic.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(r.caseId());
        }
        for (String p : new LinkedHashSet<>(ngrams(r.mention().text()))) {
          phrases.merge(p, 1L, Long::sum);
        }
        casesByAuthor.computeIfAbsent("@" + r.mention().author().handle(), k -> new LinkedHashSet<>()).add(r.caseId());
      }
      List<TopicOutcome> outcomes = new ArrayList<>();
      casesByTopic.forEach((topic, ids) -> outcomes.add(outcome(topic, ids, byId)));
      outcomes.sort(Comparator.comparingLong(TopicOutcome::cases).reversed().thenComparing(TopicOutcome::topic));
      List<Count> repeat = casesByAuthor.entrySet().stream().filter(e -> e.getValue().size() >= 2)
          .map(e -> new Count(e.getKey(), e.getValue().size()))
          .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key))
          .collect(Collectors.toList());
      Map<String, long[]> weeks = new TreeMap<>();
      for (RecordedMention r : twoWeeks.getOrDefault(dept, List.of())) {
        Instant t = r.mention().createdAt();
        int slot = t.isBefore(weekStart) ? 1 : 0;
        Set<String> ts = r.assessment().topics().isEmpty() ? Set.of("none") : r.assessment().topics();
        for (String topic : ts) {
          weeks.computeIfAbsent(topic, k -> new long[2])[slot]++;
        }
      }
      List<WeekChange> wow = weeks.entrySet().stream().map(e -> new WeekChange(e.getKey(), e.getValue()[0], e.getValue()[1]))
          .sorted(Comparator.comparingLong((WeekChange w) -> -Math.abs(w.delta())).thenComparing(WeekChange::topic))
          .collect(Collectors.toList());
      out.add(new DepartmentLearning(dept, ms.size(), top(topics, o.topPhrases(), 1),
          top(phrases, o.topPhrases(), 2), outcomes, repeat, wow));
    }
    out.sort(Comparator.comparingLong(DepartmentLearning::negativeMentions).reversed()
        .thenComparing(DepartmentLearning::department));
    return out;
  }

  private static TopicOutcome outcome(String topic, Set<CaseId> ids, Map<CaseId, CrisisCase> byId) {
    long resolved = 0;
    long notEngaged = 0;
    long open = 0;
    Map<String, Long> summaries = new HashMap<>();
    Set<CaseState> done = EnumSet.of(CaseState.RESOLVED, CaseState.OUTCOME_PUBLISHED, CaseState.FOLLOWED_UP);
    for (CaseId id : ids) {
      CrisisCase c = byId.get(id);
      if (c == null) {
        continue;
      }
      if (c.resolution().isPresent()) {
        summaries.merge(c.resolution().get(), 1L, Long::sum);
      }
      boolean everNotEngaged = c.history().stream().anyMatch(e -> e.type() == CaseEventType.CASE_NOT_ENGAGED);
      if (done.contains(c.state()) || (c.state() == CaseState.CLOSED && c.resolution().isPresent())) {
        resolved++;
      } else if (c.state() == CaseState.NOT_ENGAGED || (c.state() == CaseState.CLOSED && everNotEngaged)) {
        notEngaged++;
        lastNote(c, CaseEventType.CASE_NOT_ENGAGED).ifPresent(n -> summaries.merge("not engaged: " + n, 1L, Long::sum));
      } else if (c.state() != CaseState.CLOSED) {
        open++;
      }
    }
    List<String> top = summaries.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(Map.Entry::getKey).collect(Collectors.toList());
    return new TopicOutcome(topic, ids.size(), resolved, notEngaged, open, top);
  }

  private static Optional<String> lastNote(CrisisCase c, CaseEventType type) {
    String note = null;
    for (CaseEvent e : c.history()) {
      if (e.type() == type && !e.note().isBlank()) {
        note = e.note();
      }
    }
    return Optional.ofNullable(note);
  }

  /** Two- and three-word phrases without stop words at their ends, lower case. */
  static List<String> ngrams(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.startsWith("@") || w.length() > 30) {
        continue;
      }
      words.add(w);
    }
    List<String> out = new ArrayList<>();
    for (int n = 2; n <= 3; n++) {
      for (int i = 0; i + n <= words.size(); i++) {
        String first = words.get(i);
        String last = words.get(i + n - 1);
        if (STOP.contains(first) || STOP.contains(last)) {
          continue;
        }
        out.add(String.join(" ", words.subList(i, i + n)));
      }
    }
    return out;
  }

  private static List<Count> top(Map<String, Long> counts, int n, long min) {
    return counts.entrySet().stream().filter(e -> e.getValue() >= min)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(e -> new Count(e.getKey(), e.getValue())).collect(Collectors.toList());
  }

  private static Map<String, Long> sortedCounts(Map<String, Long> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static String bucket(Duration age) {
    if (age.compareTo(Duration.ofHours(1)) < 0) {
      return "<1h";
    }
    if (age.compareTo(Duration.ofHours(4)) < 0) {
      return "1-4h";
    }
    if (age.compareTo(Duration.ofHours(24)) < 0) {
      return "4-24h";
    }
    if (age.compareTo(Duration.ofDays(7)) < 0) {
      return "1-7d";
    }
    return ">7d";
  }

  /** Nearest-rank percentiles. */
  static Percentiles percentiles(List<Duration> values) {
    if (values.isEmpty()) {
      return new Percentiles(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
    List<Duration> s = new ArrayList<>(values);
    s.sort(null);
    return new Percentiles(s.size(), rank(s, 0.50), rank(s, 0.90), rank(s, 0.95), s.get(s.size() - 1));
  }

  private static Duration rank(List<Duration> sorted, double p) {
    int idx = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
  }
}
