package org.crisiskit.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  static DemoReportData sample() {
    DemoReportData d = new DemoReportData();
    d.brand = "Acme <Store>";
    d.from = Instant.parse("2026-01-05T00:00:00Z");
    d.to = d.from.plus(Duration.ofDays(3));
    int n = 72;
    d.volume = new double[n];
    d.expected = new double[n];
    d.negativeShare = new double[n];
    for (int i = 0; i < n; i++) {
      d.buckets.add(d.from.plus(Duration.ofHours(i)));
      d.volume[i] = 10 + (i == 40 ? 90 : 0);
      d.expected[i] = 10;
      d.negativeShare[i] = i == 40 ? 0.8 : 0.2;
    }
    d.incidents.add(new DemoReportData.IncidentRow("I-1", d.from.plus(Duration.ofHours(39)),
        d.from.plus(Duration.ofHours(43)), "CRISIS", 8, "Negative mentions 9x the usual level."));
    for (int day = 0; day < 3; day++) {
      d.days.add(d.from.plus(Duration.ofDays(day)));
    }
    d.casesByStateOverTime.put("NEW", new double[] {3, 4, 1});
    d.casesByStateOverTime.put("CLOSED", new double[] {1, 5, 9});
    d.sla.add(new DemoReportData.SlaRow("first response <= 60 min", 0.91, 0.9));
    d.sla.add(new DemoReportData.SlaRow("complaints answered", 0.97, 1.0));
    d.casesByDepartmentAndState.put("logistics", Map.of("NEW", 2L, "CLOSED", 5L));
    d.learning.add("logistics: delivery delays, 12 negative mentions");
    return d;
  }

  @Test
  void reportIsSelfContainedAndEscapesText() {
    String html = HtmlReport.render(sample());
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*(src=|href=|https?://).*"),
        "no external resource");
    assertFalse(html.contains("<script"), "no script needed to view it");
    assertTrue(html.contains("Acme &lt;Store&gt;"));
    assertEquals(4, count(html, "<svg class=\"chart\""));
  }

  @Test
  void reportRendersInAHeadlessBrowserWithoutConsoleErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.html");
    HtmlReport.write(file, sample());
    HeadlessBrowser.Rendered r = HeadlessBrowser.render(file);
    assertEquals(4, count(r.dom(), "<svg class=\"chart\""), "every chart is in the rendered page");
    assertTrue(r.dom().contains("class=\"series\""), "line series drawn");
    assertTrue(r.dom().contains("class=\"band\""), "incident band drawn");
    assertTrue(r.console().isEmpty(), "console: " + r.console());
  }

  static int count(String s, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
