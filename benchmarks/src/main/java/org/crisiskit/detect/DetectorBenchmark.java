package org.crisiskit.detect;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Polarity;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the detector's per-mention update across 1,000 cells, single-threaded.
 *
 * <ul>
 *   <li>{@code cellUpdate}: the counting path every mention takes (bucket check and one array add per
 *       cell), with bucket closes (baseline, CUSUMs, hour window for all 1,000 cells) amortised at
 *       20,000 updates per 5-minute bucket;
 *   <li>{@code hashMapBaseline}: the naive alternative measured in the same run, a {@code HashMap} of
 *       counters keyed by topic name, with no statistics at all;
 *   <li>{@code detectorObserve}: the whole {@link CrisisDetector#observe} with 1,000 topics (dedupe,
 *       term counting of negative texts, reach, virality, incident logic).
 * </ul>
 *
 * <p>Lives in the detector's package to reach the package-private engine. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar DetectorBenchmark}. Prints the measured state size
 * per cell at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectorBenchmark {
  static final int CELLS = 1_000;
  static final int BATCH = 1 << 16;
  static final long PER_BUCKET = 20_000;

  private CellBank bank;
  private int[] cell;
  private long[] time;
  private String[] names;
  private Map<String, long[]> counters;
  private long clock;
  private CrisisDetector detector;
  private Mention[] mentions;
  private Classification[] classes;
  private int next;
  private long id;

  @Setup(Level.Trial)
  public void setUp() {
    DetectorConfig cfg = DetectorConfig.ofDefaults();
    bank = new CellBank(cfg);
    names = new String[CELLS];
    counters = new HashMap<>();
    for (int i = 0; i < CELLS; i++) {
      names[i] = "topic-" + i;
      bank.add(names[i], -1, 1, 0);
      counters.put(names[i], new long[1]);
    }
    SplittableRandom rnd = new SplittableRandom(1);
    cell = new int[BATCH];
    time = new long[BATCH];
    for (int i = 0; i < BATCH; i++) {
      cell[i] = rnd.nextInt(CELLS);
    }
    clock = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    detector = CrisisDetector.create(DetectorConfig.custom().maxCells(CELLS).build());
    mentions = new Mention[BATCH];
    classes = new Classification[CELLS * 2];
    for (int i = 0; i < CELLS; i++) {
      classes[2 * i] = new Classification(Intent.COMPLAINT, Polarity.NEGATIVE, -0.5, false, false,
          java.util.Set.of(names[i]), java.util.Set.of(), "en", List.of());
      classes[2 * i + 1] = new Classification(Intent.PRAISE, Polarity.POSITIVE, 0.5, false, false,
          java.util.Set.of(), java.util.Set.of(), "en", List.of());
    }
    Author a = Author.newBuilder().id("1").handle("someone").followers(1200).build();
    for (int i = 0; i < BATCH; i++) {
      mentions[i] = Mention.newBuilder().network("x").id("m").author(a)
          .text(i % 5 == 0 ? "my parcel is late again" : "love it").createdAt(Instant.EPOCH).build();
    }
    reportStateSize();
  }

  private static void reportStateSize() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    CellBank big = new CellBank(DetectorConfig.ofDefaults());
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      big.add("c" + i, -1, 1, 0);
    }
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf(java.util.Locale.ROOT, "%n[state] measured %.0f bytes per cell (100,000 cells, heap delta,"
        + " includes the cell's name); layout estimate %d bytes%n", (after - before) / (double) n,
        CellBank.bytesPerCell(big.ring));
    if (big.size != n) {
      throw new AssertionError();
    }
  }

  private void nextTimes() {
    // 20,000 updates per 5-minute bucket: times advance 15 ms per update
    for (int i = 0; i < BATCH; i++) {
      clock += 15;
      time[i] = clock;
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void cellUpdate(Blackhole bh) {
    nextTimes();
    CellBank b = bank;
    int[] c = cell;
    long[] t = time;
    for (int i = 0; i < BATCH; i++) {
      b.observe(c[i], t[i], 1.0);
    }
    bh.consume(b.cusum[0]);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void hashMapBaseline(Blackhole bh) {
    nextTimes();
    Map<String, long[]> m = counters;
    String[] n = names;
    int[] c = cell;
    for (int i = 0; i < BATCH; i++) {
      m.get(n[c[i]])[0]++;
    }
    bh.consume(m);
  }

  /** Building the mentions fed to {@code detectorObserve}, to subtract from it. */
  @Benchmark
  @OperationsPerInvocation(1024)
  public void mentionBuildOnly(Blackhole bh) {
    for (int i = 0; i < 1024; i++) {
      int k = next++ & (BATCH - 1);
      clock += 15;
      bh.consume(mentions[k].toBuilder().id(Long.toString(id++)).createdAt(Instant.ofEpochMilli(clock)).build());
    }
  }

  @Benchmark
  @OperationsPerInvocation(1024)
  public void detectorObserve() {
    for (int i = 0; i < 1024; i++) {
      int k = next++ & (BATCH - 1);
      clock += 15;
      Mention m = mentions[k].toBuilder().id(Long.toString(id++)).createdAt(Instant.ofEpochMilli(clock)).build();
      detector.observe(m, classes[2 * cell[k] + (k % 5 == 0 ? 0 : 1)]);
    }
  }
}
