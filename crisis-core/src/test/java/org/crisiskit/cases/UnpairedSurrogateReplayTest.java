package org.crisiskit.cases;

import static org.crisiskit.mention.MentionFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text cut in the middle of an emoji (an unpaired UTF-16 surrogate) is common in truncated posts and
 * previews; a file journal must give it back as it was, or the rebuilt cases differ from the live ones.
 */
class UnpairedSurrogateReplayTest {
  @Test
  void textCutInsideAnEmojiIsRebuiltExactly(@TempDir Path dir) {
    FakeClock clock = new FakeClock(MentionFixtures.T0);
    Mention m = mention("1\uD83D", "ana", "c1", 0).toBuilder().text("late again \uD83D").build();
    CaseId id;
    CrisisCase live;
    try (FileJournal journal = FileJournal.open(dir)) {
      CaseService cases = CaseService.newBuilder().journal(journal).clock(clock).build();
      id = cases.accept(m, Assessment.of(Intent.COMPLAINT)).caseId();
      cases.apply(CaseCommand.movePrivate(id, "agent", PrivateChannel.DIRECT_MESSAGE));
      live = cases.apply(CaseCommand.resolve(id, "agent", "refund sent \uDE00 (cut)"));
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      CaseService cases = CaseService.newBuilder().journal(journal).clock(clock).build();
      CrisisCase rebuilt = cases.find(id).orElseThrow();
      assertEquals(live, rebuilt);
      assertEquals(live.resolution(), rebuilt.resolution());
      assertEquals(m, cases.mention(m.id()).orElseThrow().mention());
      assertTrue(cases.accept(m).duplicate(), "the same mention delivered again is still a duplicate");
      assertEquals(1, cases.allCases().size());
    }
  }
}
