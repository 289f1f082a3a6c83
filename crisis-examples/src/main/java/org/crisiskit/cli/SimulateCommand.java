package org.crisiskit.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.crisiskit.simulate.InjectedEvent;
import org.crisiskit.simulate.MentionSimulator;
import org.crisiskit.simulate.SimulatedMention;
import org.crisiskit.simulate.Simulation;
import org.crisiskit.simulate.SimulationConfig;

/**
 * {@code ./crisis simulate --out FILE.jsonl [--seed N] [--weeks N]}: writes a simulated bilingual mention
 * stream and its ground truth beside it ({@code FILE.truth.json}).
 */
final class SimulateCommand implements CliCommand {
  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String summary() {
    return "generate a multi-week bilingual mention stream with injected crises and ground truth";
  }

  @Override
  public String usage() {
    return String.join("\n",
        "usage: ./crisis simulate --out FILE.jsonl [--seed N] [--weeks N]",
        "  --out FILE.jsonl  mentions in the Mention JSON form, each with its intended \"classification\";",
        "                    the ground truth goes to FILE.truth.json",
        "  --seed N          random seed (default 42); the same seed gives the same files",
        "  --weeks N         length in weeks, 2 to 12 (default 4)");
  }

  @Override
  public int run(Args args, Io io) throws Exception {
    Path out = Path.of(args.required("out"));
    long seed = args.longOption("seed", 42);
    long weeks = args.longOption("weeks", 4);
    args.checkAllUsed();
    args.checkNoPositional();
    if (weeks < 2 || weeks > 12) {
      throw new UsageException("--weeks must be between 2 and 12 but was " + weeks);
    }
    Simulation sim = MentionSimulator.create(
        SimulationConfig.custom().seed(seed).weeks((int) weeks).build()).run();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (SimulatedMention m : sim.mentions()) {
        w.write(m.toJsonLine());
        w.write('\n');
      }
    }
    String name = out.getFileName().toString();
    String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    Path truth = out.resolveSibling(base + ".truth.json");
    Files.writeString(truth, sim.truthJson() + "\n", StandardCharsets.UTF_8);
    io.out().printf(Locale.ROOT, "wrote %d mentions to %s and the ground truth to %s%n", sim.mentions().size(), out,
        truth);
    for (InjectedEvent e : sim.events()) {
      io.out().printf(Locale.ROOT, "  %-17s %s .. %s  %s%n", e.kind().jsonName(), e.start(), e.end(),
          e.kind().crisis() ? "crisis" : "not a crisis");
    }
    return 0;
  }
}
