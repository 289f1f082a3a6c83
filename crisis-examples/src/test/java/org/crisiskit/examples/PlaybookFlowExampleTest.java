package org.crisiskit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlaybookFlowExampleTest {
  @Test
  void theFlowRoutesChecksApprovesAndReports() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PlaybookFlowExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("@lucia → logistics, acknowledge"), out);
    assertTrue(out.contains("@newsdesk → billing, escalate"), out);
    assertTrue(out.contains("approved by manager:jorge"), out);
    assertTrue(out.contains("@pablo → community, thank"), out);
    assertTrue(out.contains("checks: clean"), out);
    assertTrue(out.contains("lint: 3 blocking findings"), out);
    assertTrue(out.contains("Learning report"), out);
  }
}
