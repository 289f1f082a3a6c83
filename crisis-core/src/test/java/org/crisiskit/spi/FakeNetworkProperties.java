package org.crisiskit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;

/** Listening in several sessions over one checkpoint store delivers each mention exactly once. */
class FakeNetworkProperties {
  @Property(tries = 25)
  void sessionsOverOneCheckpointDeliverEachMentionOnceInOrder(
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 6) Integer> batches) throws Exception {
    FakeNetwork net = FakeNetwork.create();
    CheckpointStore store = CheckpointStore.inMemory();
    List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    List<String> published = new ArrayList<>();
    int n = 0;
    for (int batch : batches) {
      for (int i = 0; i < batch; i++) {
        n++;
        Mention m = Mention.newBuilder().network("x").id(Integer.toString(n))
            .author(Author.newBuilder().id("a" + n).handle("h" + n).build())
            .text("acme").createdAt(Instant.EPOCH).build();
        net.publish(m, m);
        published.add(m.id().value());
      }
      try (Listening l = net.listen(m -> delivered.add(m.id().value()), store)) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (delivered.size() < published.size() && System.nanoTime() < end) {
          Thread.sleep(1);
        }
      }
    }
    assertEquals(published, delivered);
  }
}
