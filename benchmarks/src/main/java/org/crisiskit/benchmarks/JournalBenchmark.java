package org.crisiskit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crisiskit.cases.Assessment;
import org.crisiskit.cases.CaseCommand;
import org.crisiskit.cases.CaseId;
import org.crisiskit.cases.CaseService;
import org.crisiskit.cases.PrivateChannel;
import org.crisiskit.classify.Intent;
import org.crisiskit.journal.FileJournal;
import org.crisiskit.journal.FsyncPolicy;
import org.crisiskit.journal.Journal;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.PublicMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The journal's two costs: appending a record (records/s; a file journal syncing every record, one
 * syncing in groups, and the in-memory journal as the baseline) and rebuilding every case at start
 * (journal records/s over a journal of {@value #RECORDS} records written by a real {@link CaseService};
 * rebuilding from the same records held in memory is the baseline).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JournalBenchmark -f 1 -wi 2 -i 3 -w 1s -r 2s
 * </pre>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@OutputTimeUnit(TimeUnit.SECONDS)
@BenchmarkMode(Mode.Throughput)
public class JournalBenchmark {
  /** Records in the rebuild journal: 125,000 cases of 8 records each. */
  public static final int RECORDS = 1_000_000;
  private static final int RECORDS_PER_CASE = 8;
  /** The in-memory journal is replaced after this many appends, to keep the heap flat. */
  private static final int MEMORY_ROLL = 1_000_000;
  /** A typical case event as CaseService writes it (about 300 bytes). */
  private static final String CASE_EVENT =
      "{\"type\":\"case_moved_private\",\"case\":\"x-1860000000000000001\",\"at\":\"2026-11-02T09:15:00Z\","
          + "\"actor\":\"agent:ana\",\"from\":\"ACKNOWLEDGED\",\"to\":\"PRIVATE\",\"note\":\"te escribimos por DM "
          + "para revisar tu pedido\",\"attrs\":{\"channel\":\"direct_message\",\"department\":\"logistics\"}}";

  /** A journal to append to. */
  @State(Scope.Benchmark)
  public static class AppendState {
    @Param({"memory", "file_fsync_every_record", "file_fsync_grouped_10ms"})
    public String journal;

    Path dir;
    Journal target;
    int appended;

    @Setup(Level.Iteration)
    public void open() throws IOException {
      appended = 0;
      switch (journal) {
        case "memory":
          target = Journal.inMemory();
          break;
        case "file_fsync_every_record":
          dir = Files.createTempDirectory("crisis-bench-append");
          target = FileJournal.open(dir, FsyncPolicy.everyRecord());
          break;
        case "file_fsync_grouped_10ms":
          dir = Files.createTempDirectory("crisis-bench-append");
          target = FileJournal.open(dir, FsyncPolicy.grouped(Duration.ofMillis(10)));
          break;
        default:
          throw new IllegalArgumentException("unknown journal " + journal);
      }
    }

    @TearDown(Level.Iteration)
    public void close() {
      target.close();
      if (dir != null) {
        delete(dir);
        dir = null;
      }
    }
  }

  /** Appends one case event. */
  @Benchmark
  public long append(AppendState s) {
    if (s.dir == null && ++s.appended == MEMORY_ROLL) {
      s.target = Journal.inMemory();
      s.appended = 0;
    }
    return s.target.append("case", CASE_EVENT);
  }

  /** Writes {@link #RECORDS} records through a real CaseService: 125,000 cases of 8 records each. */
  static void writeCases(Journal journal) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);
    CaseService cases = CaseService.newBuilder().journal(journal).clock(clock).build();
    Instant t0 = Instant.parse("2026-11-02T08:00:00Z");
    for (int i = 0; i < RECORDS / RECORDS_PER_CASE; i++) {
      // one author per case: mention, case_opened, deadline_set and 5 transitions
      Mention m = Mention.newBuilder()
          .network("x")
          .id(Long.toString(1_860_000_000_000_000_000L + i))
          .conversationId(Long.toString(1_860_000_000_000_000_000L + i))
          .author(Author.newBuilder().id("u" + i).handle("customer_" + i).displayName("Customer " + i)
              .followers(i % 5000).following(300).build())
          .text("@acme_tel llevo tres días sin internet y nadie me da una solución, pedido " + i)
          .language("es")
          .createdAt(t0.plusSeconds(i))
          .addressing(Addressing.MENTION)
          .metrics(new PublicMetrics(i % 3, i % 2, i % 17, 0))
          .build();
      CaseId id = cases.accept(m, Assessment.of(Intent.COMPLAINT)).caseId();
      cases.apply(CaseCommand.acknowledge(id, "agent:ana"));
      cases.apply(CaseCommand.movePrivate(id, "agent:ana", PrivateChannel.DIRECT_MESSAGE));
      cases.apply(CaseCommand.resolve(id, "agent:ana", "router replaced, service restored"));
      cases.apply(CaseCommand.publishOutcome(id, "agent:ana"));
      cases.apply(CaseCommand.close(id, "agent:ana", "done"));
    }
    journal.flush();
    if (journal.lastSequence() != RECORDS) {
      throw new IllegalStateException("expected " + RECORDS + " records but wrote " + journal.lastSequence());
    }
  }

  /** A file journal of {@link #RECORDS} records written by a CaseService. */
  @State(Scope.Benchmark)
  public static class FileRebuildState {
    Path dir;
    FileJournal journal;

    @Setup(Level.Trial)
    public void build() throws IOException {
      dir = Files.createTempDirectory("crisis-bench-rebuild");
      journal = FileJournal.open(dir, FsyncPolicy.grouped(Duration.ofMillis(100)));
      writeCases(journal);
    }

    @TearDown(Level.Trial)
    public void delete() {
      journal.close();
      JournalBenchmark.delete(dir);
    }
  }

  /** The same records in the in-memory journal. */
  @State(Scope.Benchmark)
  public static class MemoryRebuildState {
    Journal journal;

    @Setup(Level.Trial)
    public void build() {
      journal = Journal.inMemory();
      writeCases(journal);
    }
  }

  /** Rebuilds every case from the file journal, as CaseService does at start. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public Optional<?> rebuildFromFile(FileRebuildState s) {
    return CaseService.newBuilder().journal(s.journal).build().find(CaseId.of("x-1860000000000000000"));
  }

  /** Baseline: the same rebuild from the same records held in memory (no I/O, no checksums). */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public Optional<?> rebuildFromMemory(MemoryRebuildState s) {
    return CaseService.newBuilder().journal(s.journal).build().find(CaseId.of("x-1860000000000000000"));
  }

  /** Reading and checking the file alone (CRC32C, sequence), without decoding records into cases. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void scanFile(FileRebuildState s, Blackhole bh) {
    s.journal.replay(bh::consume);
  }

  /** Baseline of {@link #scanFile}: handing out the records held in memory. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void scanMemory(MemoryRebuildState s, Blackhole bh) {
    s.journal.replay(bh::consume);
  }

  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
