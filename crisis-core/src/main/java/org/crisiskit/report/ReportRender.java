package org.crisiskit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crisiskit.internal.Json;
import org.crisiskit.report.CareReport.Count;
import org.crisiskit.report.CareReport.Coverage;
import org.crisiskit.report.CareReport.DepartmentLearning;
import org.crisiskit.report.CareReport.Percentiles;
import org.crisiskit.report.CareReport.TopicOutcome;
import org.crisiskit.report.CareReport.WeekChange;

/** JSON, text and HTML forms of a {@link CareReport}. */
final class ReportRender {
  private ReportRender() {}

  static String json(CareReport r) {
    ObjectNode n = Json.object();
    n.put("from", r.options().from().toString());
    n.put("to", r.options().to().toString());
    n.put("now", r.options().now().toString());
    Percentiles p = r.firstResponse();
    ObjectNode fr = n.putObject("firstResponseSeconds");
    fr.put("count", p.count());
    fr.put("p50", p.p50().toSeconds());
    fr.put("p90", p.p90().toSeconds());
    fr.put("p95", p.p95().toSeconds());
    fr.put("max", p.max().toSeconds());
    ArrayNode cov = n.putArray("coverage");
    for (Coverage c : r.coverage()) {
      ObjectNode x = cov.addObject();
      x.put("intent", c.intent());
      x.put("cases", c.cases());
      x.put("answered", c.answered());
      x.put("share", round(c.share()));
      c.target().ifPresent(t -> x.put("target", t));
      x.put("met", c.met());
    }
    ObjectNode b = n.putObject("backlog");
    b.put("total", r.backlog().total());
    b.put("oldestSeconds", r.backlog().oldest().toSeconds());
    counts(b.putObject("byState"), r.backlog().byState());
    counts(b.putObject("byAge"), r.backlog().byAge());
    counts(n.putObject("casesByDepartment"), r.casesByDepartment());
    counts(n.putObject("slaBreaches"), r.slaBreaches());
    ArrayNode learn = n.putArray("learning");
    for (DepartmentLearning d : r.learning()) {
      ObjectNode x = learn.addObject();
      x.put("department", d.department());
      x.put("negativeMentions", d.negativeMentions());
      list(x.putArray("topics"), d.topics());
      list(x.putArray("phrases"), d.phrases());
      ArrayNode oc = x.putArray("outcomes");
      for (TopicOutcome t : d.outcomes()) {
        ObjectNode y = oc.addObject();
        y.put("topic", t.topic());
        y.put("cases", t.cases());
        y.put("resolved", t.resolved());
        y.put("notEngaged", t.notEngaged());
        y.put("open", t.open());
        ArrayNode s = y.putArray("summaries");
        t.summaries().forEach(s::add);
      }
      list(x.putArray("repeatComplainants"), d.repeatComplainants());
      ArrayNode w = x.putArray("weekOverWeek");
      for (WeekChange c : d.weekOverWeek()) {
        ObjectNode y = w.addObject();
        y.put("topic", c.topic());
        y.put("thisWeek", c.thisWeek());
        y.put("lastWeek", c.lastWeek());
        y.put("delta", c.delta());
      }
    }
    return Json.write(n);
  }

  private static void counts(ObjectNode n, Map<String, Long> m) {
    m.forEach(n::put);
  }

  private static void list(ArrayNode a, List<Count> counts) {
    for (Count c : counts) {
      ObjectNode x = a.addObject();
      x.put("key", c.key());
      x.put("count", c.count());
    }
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }

  static String text(CareReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Care report %s .. %s%n%n", r.options().from(), r.options().to()));
    Percentiles p = r.firstResponse();
    sb.append(String.format(Locale.ROOT, "First response (complaints and questions, %d answered): p50 %s  p90 %s  p95 %s  max %s%n%n",
        p.count(), human(p.p50()), human(p.p90()), human(p.p95()), human(p.max())));
    sb.append("Coverage\n");
    for (Coverage c : r.coverage()) {
      sb.append(String.format(Locale.ROOT, "  %-10s %4d/%-4d answered  %5.1f%%%s%n", c.intent(), c.answered(), c.cases(),
          c.share() * 100, c.target().map(t -> String.format(Locale.ROOT, "  target %.0f%%  %s", t * 100,
              c.met() ? "met" : "MISSED")).orElse("")));
    }
    sb.append(String.format(Locale.ROOT, "%nBacklog: %d waiting, oldest %s%n", r.backlog().total(), human(r.backlog().oldest())));
    r.backlog().byState().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-13s %d%n", k, v)));
    sb.append("  by age:");
    r.backlog().byAge().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    sb.append("\n\nCases per department\n");
    r.casesByDepartment().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-16s %d%n", k, v)));
    if (!r.slaBreaches().isEmpty()) {
      sb.append("\nSLA breaches\n");
      r.slaBreaches().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-16s %d%n", k, v)));
    }
    sb.append("\nLearning report\n");
    for (DepartmentLearning d : r.learning()) {
      sb.append(String.format(Locale.ROOT, "%n== %s: %d negative mentions%n", d.department(), d.negativeMentions()));
      sb.append("  recurring topics: ").append(join(d.topics())).append('\n');
      sb.append("  recurring phrases: ").append(join(d.phrases())).append('\n');
      for (TopicOutcome t : d.outcomes()) {
        sb.append(String.format(Locale.ROOT, "  %-18s %d cases: %d resolved, %d not engaged, %d open%s%n", t.topic(),
            t.cases(), t.resolved(), t.notEngaged(), t.open(),
            t.summaries().isEmpty() ? "" : " (" + String.join("; ", t.summaries()) + ")"));
      }
      sb.append("  repeat complainants: ").append(join(d.repeatComplainants())).append('\n');
      sb.append("  week over week:");
      if (d.weekOverWeek().isEmpty()) {
        sb.append(" -");
      }
      for (WeekChange w : d.weekOverWeek()) {
        sb.append(String.format(Locale.ROOT, " %s %d→%d (%+d)", w.topic(), w.lastWeek(), w.thisWeek(), w.delta()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String html(CareReport r) {
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Crisis Kit care report</title>"
        + "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}pre{white-space:pre-wrap}</style>"
        + "</head><body><h1>Care report</h1><pre>" + escape(text(r)) + "</pre></body></html>\n";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String join(List<Count> counts) {
    if (counts.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    for (Count c : counts) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(c.key()).append(" (").append(c.count()).append(')');
    }
    return sb.toString();
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m";
    }
    if (s < 86400) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dd%02dh", s / 86400, (s % 86400) / 3600);
  }
}
