package org.crisiskit.twitter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crisiskit.mention.Mention;
import org.crisiskit.spi.MentionSink;

/** Records accepted post ids and status messages; can fail on one chosen call to simulate a crash. */
final class RecordingSink implements MentionSink {
  private final List<String> accepted;
  private final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
  private final int failOnCall;
  private int calls;

  /** A sink appending to {@code accepted} that throws on call number {@code failOnCall} (1-based; 0: never). */
  RecordingSink(List<String> accepted, int failOnCall) {
    this.accepted = accepted;
    this.failOnCall = failOnCall;
  }

  @Override
  public void accept(Mention mention) {
    calls++;
    if (calls == failOnCall) {
      throw new IllegalStateException("simulated crash on call " + calls);
    }
    accepted.add(mention.id().value());
  }

  @Override
  public void onStatus(String message) {
    statuses.add(message);
  }

  List<String> statuses() {
    synchronized (statuses) {
      return List.copyOf(statuses);
    }
  }
}
