package org.crisiskit.cli;

/** One {@code ./crisis} sub-command. Implementations are stateless; one instance per run. */
interface CliCommand {
  /** The word typed after {@code ./crisis}, for example {@code replay}. */
  String name();

  /** One line for {@code --help}. */
  String summary();

  /** Usage lines shown by {@code ./crisis NAME --help} and on a usage error. */
  String usage();

  /**
   * Runs the command.
   *
   * @return the exit code: 0 success, 1 runtime failure
   * @throws UsageException for bad arguments (exit 2 with the usage)
   * @throws Exception for runtime failures (exit 1 with one line)
   */
  int run(Args args, Io io) throws Exception;
}
