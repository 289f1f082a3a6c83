package org.crisiskit.cli;

/** {@code ./crisis version}: prints the Crisis Kit version. */
final class VersionCommand implements CliCommand {
  @Override
  public String name() {
    return "version";
  }

  @Override
  public String summary() {
    return "print the Crisis Kit version";
  }

  @Override
  public String usage() {
    return "usage: ./crisis version";
  }

  @Override
  public int run(Args args, Io io) {
    args.checkAllUsed();
    if (!args.positional().isEmpty()) {
      throw new UsageException("version takes no arguments");
    }
    io.out().println("crisis-kit " + version() + " (Java " + System.getProperty("java.version") + ")");
    return 0;
  }

  static String version() {
    String v = CrisisCli.class.getPackage().getImplementationVersion();
    if (v == null) {
      v = org.crisiskit.internal.Version.VALUE;
    }
    return v;
  }
}
