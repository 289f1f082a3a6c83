package org.crisiskit.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.crisiskit.spi.Capabilities;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.DurabilityRecorder;
import org.crisiskit.spi.FakeNetwork;
import org.crisiskit.spi.Listening;
import org.crisiskit.spi.MentionSink;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.spi.SentMessage;
import org.crisiskit.testing.FakeClock;
import org.crisiskit.testing.ForwardingJournal;
import org.junit.jupiter.api.Test;

/**
 * The desk's journal is synced before an adapter's checkpoint moves past the mentions it journaled,
 * whatever its fsync policy: after a power cut the checkpoint is never ahead of the journal.
 */
class CrisisDeskDurabilityTest {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void theJournalIsFlushedBeforeTheCheckpointCoversItsMentions() throws Exception {
    DurabilityRecorder rec = new DurabilityRecorder();
    FakeNetwork x = FakeNetwork.create();
    for (int i = 1; i <= 3; i++) {
      x.publish(mention(i));
    }
    try (CrisisDesk desk = CrisisDesk.newBuilder().journal(new RecordingJournal(Journal.inMemory(), rec))
        .clock(new FakeClock(T0)).adapter(new RecordingStoreAdapter(x, rec)).build()) {
      desk.start();
      rec.awaitEvent("put " + FakeNetwork.CHECKPOINT_KEY + "=3", Duration.ofSeconds(10));
      assertEquals(3, desk.cases().allCases().stream().mapToInt(c -> c.mentions().size()).sum(),
          rec.events().toString());
    }
    rec.assertNoCheckpointAheadOfFlush();
    // FakeNetwork hands over what was published as one batch: one sync for the three mentions
    assertEquals(1, rec.events().stream().takeWhile(e -> !e.startsWith("put ")).filter(e -> e.equals("flush"))
        .count(), rec.events().toString());
    assertTrue(rec.events().stream().anyMatch(e -> e.startsWith("accept ")), rec.events().toString());
  }

  private static Mention mention(int i) {
    return Mention.newBuilder().network("x").id(Integer.toString(100 + i)).conversationId(Integer.toString(100 + i))
        .author(Author.newBuilder().id("u" + i).handle("user" + i).build())
        .text("@acme my order " + i + " still hasn't arrived").language("en")
        .createdAt(T0.plusSeconds(i)).addressing(Addressing.MENTION).build();
  }

  /** Records every append as {@code accept TYPE} (not durable yet) and every flush. */
  private static final class RecordingJournal extends ForwardingJournal {
    private final Journal delegate;
    private final DurabilityRecorder rec;

    RecordingJournal(Journal delegate, DurabilityRecorder rec) {
      this.delegate = delegate;
      this.rec = rec;
    }

    @Override
    protected Journal delegate() {
      return delegate;
    }

    @Override
    public long append(String type, String payload) {
      long seq = delegate.append(type, payload);
      rec.record("accept " + type + "#" + seq);
      return seq;
    }

    @Override
    public void flush() {
      delegate.flush();
      rec.record("flush");
    }
  }


  /** {@code delegate}, with the checkpoint store the desk gives it recorded. */
  private record RecordingStoreAdapter(NetworkAdapter delegate, DurabilityRecorder rec) implements NetworkAdapter {
    @Override
    public String network() {
      return delegate.network();
    }

    @Override
    public Listening listen(MentionSink sink, CheckpointStore checkpoints) {
      return delegate.listen(sink, rec.store(checkpoints));
    }

    @Override
    public SentMessage replyPublicly(MentionId inReplyTo, String text) {
      return delegate.replyPublicly(inReplyTo, text);
    }

    @Override
    public SentMessage sendPrivateMessage(String authorId, String text) {
      return delegate.sendPrivateMessage(authorId, text);
    }

    @Override
    public Optional<Author> lookUpAuthor(String authorId) {
      return delegate.lookUpAuthor(authorId);
    }

    @Override
    public Capabilities capabilitiesFor(Mention mention) {
      return delegate.capabilitiesFor(mention);
    }

    @Override
    public int maxLength() {
      return delegate.maxLength();
    }

    @Override
    public int weightedLength(String text) {
      return delegate.weightedLength(text);
    }
  }
}
