package org.crisiskit.examples.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CustomTriageExampleTest {
  @Test
  void vipsSkipTheQueueAndOutagesPageTheOnCallEngineer() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    CustomTriageExample.Outcome o = CustomTriageExample.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);

    assertEquals("x-2", o.queue().get(0).value(), "the verified customer with 180k followers is first: " + out);
    assertEquals("vip_desk", o.departments().get(1), out);
    assertEquals(1, o.pages().size(), "only the outage mention pages: " + out);
    assertTrue(o.pages().get(0).startsWith("oncall:engineering: possible outage reported by @joe"), out);
    assertEquals("engineering", o.departments().get(2), "the added escalation rule routes the outage: " + out);
  }
}
