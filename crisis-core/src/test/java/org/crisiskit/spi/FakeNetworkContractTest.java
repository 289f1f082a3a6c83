package org.crisiskit.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionId;
import org.junit.jupiter.api.BeforeEach;

class FakeNetworkContractTest extends NetworkAdapterContract {
  private FakeNetwork net;
  private int next;

  @BeforeEach
  void setUp() {
    net = FakeNetwork.create();
  }

  @Override
  protected NetworkAdapter adapter() {
    return net;
  }

  @Override
  protected List<MentionId> publish(int count, Addressing addressing) {
    List<MentionId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      next++;
      Mention m = Mention.newBuilder()
          .network("x")
          .id(Integer.toString(1000 + next))
          .author(Author.newBuilder().id("u" + next).handle("user" + next).build())
          .text("acme order " + next)
          .createdAt(Instant.parse("2026-11-02T09:00:00Z").plusSeconds(next))
          .addressing(addressing)
          .build();
      net.publish(m);
      ids.add(m.id());
    }
    return ids;
  }

  @Override
  protected void failNextWrite(Class<? extends NetworkException> kind) {
    NetworkException e;
    if (kind == RateLimitedException.class) {
      e = new RateLimitedException("x", "rate limited", Duration.ofSeconds(30));
    } else if (kind == UsageCapException.class) {
      e = new UsageCapException("x", "monthly cap reached", Optional.empty());
    } else if (kind == NotPermittedException.class) {
      e = new NotPermittedException("x", "not permitted");
    } else if (kind == AuthenticationException.class) {
      e = new AuthenticationException("x", "bad token");
    } else {
      e = new TransientNetworkException("x", "connection reset");
    }
    net.failNext(e);
  }

  @Override
  protected void acceptPrivateMessages(String authorId) {
    net.acceptPrivateMessages(authorId, true);
  }
}
