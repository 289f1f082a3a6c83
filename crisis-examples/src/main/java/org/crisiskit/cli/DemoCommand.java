package org.crisiskit.cli;

import java.nio.file.Path;
import org.crisiskit.examples.demo.CrisisDemo;

/** {@code ./crisis demo}: the end-to-end demonstration on simulated data. */
final class DemoCommand implements CliCommand {
  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "run the whole flow on three simulated weeks (no credentials needed)";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis demo [--seed N] [--weeks N] [--out DIR]",
        "  --seed N   simulation seed (default 42); the same seed gives the same run",
        "  --weeks N  simulated weeks, 2 to 12 (default 3; the simulator's range, as ./crisis simulate)",
        "  --out DIR  where the journal and report.html go (default crisis-out/demo)");
  }

  @Override
  public int run(Args args, Io io) throws Exception {
    long seed = args.longOption("seed", 42);
    long weeks = args.longOption("weeks", 3);
    Path out = Path.of(args.option("out").orElse("crisis-out/demo"));
    args.checkAllUsed();
    if (!args.positional().isEmpty()) {
      throw new UsageException("demo takes no positional arguments");
    }
    if (weeks < 2 || weeks > 12) {
      throw new UsageException("--weeks must be between 2 and 12 but was " + weeks);
    }
    new CrisisDemo(new CrisisDemo.Options(seed, (int) weeks, out, true), io.out(), io.err()).run();
    return 0;
  }
}
