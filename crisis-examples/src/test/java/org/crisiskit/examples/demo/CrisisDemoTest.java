package org.crisiskit.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.crisiskit.cases.CaseState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrisisDemoTest {
  private static String run(long seed, int weeks, Path dir, CrisisDemo.Result[] result) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    result[0] = new CrisisDemo(new CrisisDemo.Options(seed, weeks, dir, false), ps, ps).run();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void threeWeeksDetectEveryCrisisAnswerTheCustomersAndRenderTheReport(@TempDir Path dir) throws Exception {
    CrisisDemo.Result[] r = new CrisisDemo.Result[1];
    String out = run(42, 3, dir, r);
    CrisisDemo.Result res = r[0];

    assertTrue(res.mentions() > 5_000, out);
    assertEquals(res.crisesInjected(), res.crisesDetected(), "every injected crisis raised an incident:\n" + out);
    assertTrue(out.contains("launch_surge") && out.contains("no incident above WATCH (as intended)")
        || out.lines().filter(l -> l.contains("launch_surge")).allMatch(l -> l.contains("WATCH")), out);
    assertTrue(res.complaintsAnswered() >= 0.97, "complaints answered " + res.complaintsAnswered());
    assertTrue(res.questionsAnswered() >= 0.7, "questions answered " + res.questionsAnswered());
    assertTrue(res.firstResponseWithinHour() > 0.6 && res.firstResponseWithinHour() < 1.0,
        "the simulated team sometimes misses the first-response SLA: " + res.firstResponseWithinHour());
    assertTrue(res.casesByState().get(CaseState.CLOSED) > res.cases() / 2, out);
    assertTrue(out.contains("Learning report"), out);

    Path html = res.htmlReport();
    assertTrue(Files.isRegularFile(html));
    HeadlessBrowser.Rendered page = HeadlessBrowser.render(html);
    assertEquals(4, HtmlReportTest.count(page.dom(), "<svg class=\"chart\""), "volume, negative share, states, SLA charts");
    assertTrue(page.dom().contains("class=\"band\""), "incident bands drawn on the volume chart");
    assertTrue(page.console().isEmpty(), "console: " + page.console());
  }

  @Test
  void theSameSeedGivesTheSameRun(@TempDir Path a, @TempDir Path b) throws Exception {
    CrisisDemo.Result[] r = new CrisisDemo.Result[1];
    String first = withoutPaths(run(7, 2, a, r));
    String second = withoutPaths(run(7, 2, b, r));
    assertEquals(first, second);
  }

  private static String withoutPaths(String s) {
    return s.lines().filter(l -> !l.startsWith("HTML report:")).collect(Collectors.joining("\n"));
  }
}
