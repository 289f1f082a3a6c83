package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.crisiskit.spi.CheckpointStore;
import org.crisiskit.spi.Listening;
import org.crisiskit.testing.FakeClock;

/**
 * Whatever arrives in whatever bursts, with whatever page budget, and wherever the sink fails and
 * the adapter restarts on the same checkpoints: every post after the checkpoint is delivered exactly once.
 */
class XPollingGapsProperties {
  @Property(tries = 25)
  void everyPostIsDeliveredExactlyOnceAcrossBurstsBudgetsAndRestarts(
      @ForAll @Size(min = 1, max = 4) List<@IntRange(max = 30) Integer> bursts,
      @ForAll @IntRange(min = 1, max = 5) int maxPages,
      @ForAll @IntRange(min = 1, max = 4) int pageSize,
      @ForAll @Size(max = 3) List<@IntRange(min = 1, max = 25) Integer> crashAtCall,
      @ForAll boolean mentions) throws Exception {
    try (FakeXServer server = new FakeXServer()) {
      server.setPageSize(pageSize);
      FakeClock clock = new FakeClock(Instant.parse("2026-11-02T10:00:00Z"));
      XAdapter adapter = XPollingGapsTest.pollingAdapter(server, clock,
          mentions ? XListenMode.MENTIONS : XListenMode.SEARCH, maxPages);
      CheckpointStore store = CheckpointStore.inMemory();
      String key = mentions ? XListening.MENTIONS_KEY : XListening.SEARCH_KEY;
      store.put(key, server.publish("40", "early", "@acme delivered before").path("id").asText());
      List<String> got = Collections.synchronizedList(new ArrayList<>());
      Deque<Integer> crashes = new ArrayDeque<>(crashAtCall);
      List<String> published = new ArrayList<>();
      Listening l = adapter.listen(new RecordingSink(got, crashes.isEmpty() ? 0 : crashes.poll()), store);
      try {
        int n = 0;
        for (int burst : bursts) {
          for (int i = 0; i < burst; i++) {
            n++;
            published.add(server.publish("5" + (n % 7), "user" + (n % 7), "@acme burst post " + n)
                .path("id").asText());
          }
          long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
          while (got.size() < published.size() && System.nanoTime() < end) {
            if (!l.isRunning()) {
              // a crash: a new adapter resumes from the same checkpoints
              l = adapter.listen(new RecordingSink(got, crashes.isEmpty() ? 0 : crashes.poll()), store);
            }
            Thread.sleep(5);
          }
        }
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!store.get(key + XListening.GAPS_SUFFIX).orElse("").isEmpty() && System.nanoTime() < end) {
          Thread.sleep(5);
        }
      } finally {
        l.close();
      }
      List<String> all;
      synchronized (got) {
        all = List.copyOf(got);
      }
      assertEquals(all.size(), new HashSet<>(all).size(), "delivered twice: " + all);
      assertEquals(new HashSet<>(published), new HashSet<>(all), "lost posts");
      assertTrue(store.get(key + XListening.GAPS_SUFFIX).orElse("").isEmpty(), "open gaps " + store.snapshot());
    }
  }
}
