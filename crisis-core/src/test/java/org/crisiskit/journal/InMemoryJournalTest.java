package org.crisiskit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryJournalTest {
  @Test
  void appendsAndReplaysAfterASequence() {
    Journal j = Journal.inMemory();
    assertEquals(0, j.lastSequence());
    assertEquals(1, j.append("mention", "a"));
    assertEquals(2, j.append("case", "b"));
    assertEquals(3, j.append("incident", "c"));
    List<JournalEntry> out = new ArrayList<>();
    j.replay(1, out::add);
    assertEquals(List.of(new JournalEntry(2, "case", "b"), new JournalEntry(3, "incident", "c")), out);
    out.clear();
    j.replay(-5, out::add);
    assertEquals(3, out.size());
    out.clear();
    j.replay(99, out::add);
    assertEquals(List.of(), out);
  }

  @Test
  void aConsumerMayAppendWhileReplaying() {
    Journal j = Journal.inMemory();
    j.append("case", "a");
    j.replay(e -> j.append("echo", e.payload()));
    assertEquals(2, j.lastSequence());
  }

  @Test
  void appendAfterCloseFails() {
    Journal j = Journal.inMemory();
    j.close();
    assertThrows(JournalException.class, () -> j.append("case", "{}"));
  }
}
