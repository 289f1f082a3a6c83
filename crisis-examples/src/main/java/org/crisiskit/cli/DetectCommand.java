package org.crisiskit.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.crisiskit.detect.DetectorConfig;
import org.crisiskit.detect.SeriesDetector;
import org.crisiskit.detect.SeriesScore;
import org.crisiskit.eval.NabEvaluation;

/**
 * {@code ./crisis detect --series FILE.csv} (volume-only mode: one scored row per input row) or
 * {@code ./crisis detect --mentions FILE.jsonl} (the full detector: incidents as JSONL).
 */
final class DetectCommand implements CliCommand {
  @Override
  public String name() {
    return "detect";
  }

  @Override
  public String summary() {
    return "detect anomalies in a volume series (CSV) or crises in mentions (JSONL)";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis detect --series FILE.csv | --mentions FILE.jsonl [--truth FILE.truth.json] [--brand NAME]",
        "  --series FILE.csv       'timestamp,value' rows (NAB format); prints timestamp,value,score,alert",
        "                          with score in [0,1] and alert 0/1 from the default configuration",
        "  --mentions FILE.jsonl   mentions in the Mention JSON form, optionally with a \"classification\"",
        "                          object; prints incidents as JSONL with their explanations",
        "  --truth FILE            ground truth written by ./crisis simulate: prints an evaluation on stderr",
        "  --brand NAME            brand name used in incident ids (default brand)");
  }

  @Override
  public int run(Args args, Io io) throws Exception {
    Optional<String> series = args.option("series");
    Optional<String> mentions = args.option("mentions");
    Optional<String> truth = args.option("truth");
    Optional<String> brandOption = args.option("brand");
    String brand = brandOption.orElse("brand");
    args.checkAllUsed();
    args.checkNoPositional();
    if (series.isPresent() == mentions.isPresent()) {
      throw new UsageException("give exactly one of --series or --mentions");
    }
    if (series.isPresent() && (truth.isPresent() || brandOption.isPresent())) {
      throw new UsageException("--truth and --brand go with --mentions; --series scores one volume series"
          + " (for labelled series use ./crisis nab)");
    }
    if (series.isPresent()) {
      return runSeries(Path.of(series.get()), io);
    }
    return MentionDetection.run(Path.of(mentions.get()), truth.map(Path::of), brand, io);
  }

  private static int runSeries(Path file, Io io) throws Exception {
    PrintStream out = io.out();
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    DetectorConfig config = DetectorConfig.ofDefaults();
    SeriesDetector d = SeriesDetector.create(config);
    StringBuilder sb = new StringBuilder(64);
    out.println("timestamp,value,score,alert");
    NabEvaluation.readRows(file, row -> {
      SeriesScore s = d.observe(row.timestamp(), row.value());
      sb.setLength(0);
      sb.append(row.timestampText()).append(',').append(row.valueText()).append(',')
          .append(String.format(Locale.ROOT, "%.4f", s.score())).append(',').append(s.alert() ? '1' : '0');
      out.println(sb);
    });
    if (d.futureDropped() > 0) {
      io.err().printf(Locale.ROOT, "crisis detect: %d row%s dated more than %s ahead of the previous row"
          + " dropped (scored 0): the next row did not confirm the jump%n", d.futureDropped(),
          d.futureDropped() == 1 ? "" : "s", config.maxForwardJump().toDays() + " days");
    }
    return 0;
  }
}
