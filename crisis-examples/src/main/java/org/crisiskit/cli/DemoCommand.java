package org.crisiskit.cli;

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
    return "usage: ./crisis demo [--seed N] [--out DIR]";
  }

  @Override
  public int run(Args args, Io io) {
    args.longOption("seed", 42);
    args.option("out");
    args.checkAllUsed();
    io.out().println("The demo is not yet available in this version: it needs the simulator,");
    io.out().println("classifier, detector and playbook. Try ./crisis replay samples/mentions.jsonl");
    return 0;
  }
}
