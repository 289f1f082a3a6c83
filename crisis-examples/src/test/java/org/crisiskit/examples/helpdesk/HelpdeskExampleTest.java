package org.crisiskit.examples.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpdeskExampleTest {
  @Test
  void ticketsFollowCasesAndARestartResumesWithoutDuplicates(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    HelpdeskExample.Outcome o = HelpdeskExample.run(dir, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);

    assertEquals(4, o.tickets().size(), out);
    assertEquals(4, o.casesAfterRestart(), "the follow-up joins Ana's case: " + out);
    assertEquals(1, o.deliveredAfterRestart(), "only the new mention is delivered after the restart: " + out);
    List<String> states = o.tickets().stream().map(HelpdeskExample.Ticket::status).collect(Collectors.toList());
    assertTrue(states.contains("THANKED"), out);
    assertTrue(states.contains("NOT_ENGAGED") || states.contains("ESCALATED"), out);
    HelpdeskExample.Ticket ana = o.tickets().get(0);
    assertTrue(ana.log().stream().anyMatch(l -> l.startsWith("mention_added")), "the follow-up reached the ticket: " + ana);
  }
}
