package org.crisiskit.cases;

import static org.crisiskit.mention.MentionFixtures.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.Journal;
import org.crisiskit.journal.JournalException;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionFixtures;
import org.crisiskit.mention.MentionId;
import org.crisiskit.mention.MentionJson;
import org.crisiskit.testing.FailingJournal;
import org.crisiskit.testing.FakeClock;
import org.crisiskit.testing.ForwardingJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acceptance cut short between its appends loses nothing: a mention without its case event is
 * attached at start, a missing re-opening or first-response deadline is recorded.
 */
class RestartAttachTest {
  private final FakeClock clock = new FakeClock(MentionFixtures.T0);

  private CaseService service(Journal journal) {
    return CaseService.newBuilder().journal(journal).clock(clock).build();
  }

  @Test
  void aMentionRecordWithoutItsCaseEventIsAttachedAtStart() {
    Journal journal = Journal.inMemory();
    CaseService before = service(journal);
    CaseId existing = before.accept(mention("1", "ana", "conv", 0)).caseId();
    Mention orphan = mention("2", "ana", "conv", 5);
    // what CaseService writes first, in the form documented on CaseJournalFormat
    journal.append(CaseJournalFormat.MENTION, "{\"mention\":" + MentionJson.toJson(orphan)
        + ",\"assessment\":{\"intent\":\"complaint\",\"severity\":\"high\",\"negative\":true,"
        + "\"topics\":[\"delivery\"]},\"case\":\"" + existing.value() + "\"}");
    Mention newcomer = mention("3", "bob", null, 7);
    journal.append(CaseJournalFormat.MENTION, "{\"mention\":" + MentionJson.toJson(newcomer)
        + ",\"assessment\":{\"intent\":\"question\",\"severity\":\"normal\",\"negative\":false,\"topics\":[]},"
        + "\"case\":\"x-3\"}");

    CaseService after = service(journal);
    CrisisCase c = after.find(existing).orElseThrow();
    assertEquals(List.of(MentionId.of("x", "1"), MentionId.of("x", "2")), c.mentions());
    assertEquals(Intent.COMPLAINT, after.mention(orphan.id()).orElseThrow().assessment().intent());
    assertTrue(after.find(CaseId.of("x-3")).isPresent());
    assertEquals(3, after.mentionCount());
    assertEquals(1, after.negativeMentions(MentionFixtures.T0, MentionFixtures.T0.plusSeconds(3600),
        java.util.Optional.of("delivery")).size());

    // a second start finds everything in place and attaches nothing twice
    long seq = journal.lastSequence();
    CaseService third = service(journal);
    assertEquals(seq, journal.lastSequence());
    JournalReplayProperties.assertSameService(after, third);
  }

  @Test
  void aFileJournalCutRightAfterAMentionRecordAttachesItAtRestart(@TempDir Path dir) throws IOException {
    List<Long> afterMention = new ArrayList<>();
    Path file;
    try (FileJournal fj = FileJournal.open(dir)) {
      file = fj.file();
      Journal spy = new SizeRecordingJournal(fj, file, afterMention);
      CaseService s = service(spy);
      s.accept(mention("1", "ana", "conv", 0), Assessment.of(Intent.COMPLAINT));
      s.accept(mention("2", "ana", "conv", 5), Assessment.of(Intent.COMPLAINT));
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(afterMention.get(1)); // the power went out right after mention 2 reached the disk
    }
    try (FileJournal fj = FileJournal.open(dir)) {
      CaseService s = service(fj);
      CrisisCase c = s.find(CaseId.of("x-1")).orElseThrow();
      assertEquals(List.of(MentionId.of("x", "1"), MentionId.of("x", "2")), c.mentions());
      assertEquals(2, s.mentionCount());
    }
    try (FileJournal fj = FileJournal.open(dir)) {
      assertEquals(2, service(fj).find(CaseId.of("x-1")).orElseThrow().mentions().size());
    }
  }

  @Test
  void aReOpeningCutShortByACrashIsRecordedAtRestart() {
    FailingJournal journal = new FailingJournal();
    CaseService before = service(journal);
    CaseId id = before.accept(mention("1", "ana", "conv", 0), Assessment.of(Intent.COMPLAINT)).caseId();
    before.apply(CaseCommand.acknowledge(id, "agent"));
    before.apply(CaseCommand.resolve(id, "agent", "refunded"));
    journal.crashAt("case_reopened");
    Mention again = mention("2", "ana", "conv", 5);
    assertThrows(JournalException.class, () -> before.accept(again, Assessment.of(Intent.COMPLAINT)));

    CaseService after = service(journal.disk);
    CrisisCase c = after.find(id).orElseThrow();
    assertEquals(CaseState.REOPENED, c.state());
    assertEquals(again.createdAt().plus(CaseConfig.ofDefaults().firstResponseTarget()),
        c.deadline(CrisisCase.FIRST_RESPONSE).orElseThrow());
    // the adapter delivers the mention again: a duplicate, nothing recorded twice
    long seq = journal.disk.lastSequence();
    AcceptResult r = after.accept(again, Assessment.of(Intent.COMPLAINT));
    assertTrue(r.duplicate());
    assertEquals(seq, journal.disk.lastSequence());
  }

  @Test
  void aFirstResponseDeadlineLostToAFailedWriteIsSetWhenTheMentionComesAgain() {
    FailingJournal journal = new FailingJournal().glitchAt(3); // mention, case_opened, then deadline_set fails
    CaseService s = service(journal);
    Mention m = mention("1", "ana", "conv", 0);
    assertThrows(JournalException.class, () -> s.accept(m, Assessment.of(Intent.COMPLAINT)));
    assertTrue(s.find(CaseId.of("x-1")).orElseThrow().deadline(CrisisCase.FIRST_RESPONSE).isEmpty());

    AcceptResult r = s.accept(m, Assessment.of(Intent.COMPLAINT));
    assertTrue(r.duplicate());
    assertEquals(m.createdAt().plus(CaseConfig.ofDefaults().firstResponseTarget()),
        s.find(r.caseId()).orElseThrow().deadline(CrisisCase.FIRST_RESPONSE).orElseThrow());
  }

  /** Passes appends through and notes the file size after each mention record. */
  private static final class SizeRecordingJournal extends ForwardingJournal {
    private final Journal delegate;
    private final Path file;
    private final List<Long> sizes;

    SizeRecordingJournal(Journal delegate, Path file, List<Long> sizes) {
      this.delegate = delegate;
      this.file = file;
      this.sizes = sizes;
    }

    @Override
    protected Journal delegate() {
      return delegate;
    }

    @Override
    public long append(String type, String payload) {
      long seq = delegate.append(type, payload);
      if (type.equals(CaseJournalFormat.MENTION)) {
        try {
          sizes.add(java.nio.file.Files.size(file));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return seq;
    }
  }
}
