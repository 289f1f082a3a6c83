package org.crisiskit.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs one {@code ./crisis} command line in-process with byte-array streams. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... argv) {
    return run("", argv);
  }

  static CliRun run(String stdin, String... argv) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), argv);
  }

  /** Runs with raw bytes on stdin (to test byte-order marks and bytes that are not UTF-8). */
  static CliRun run(byte[] stdin, String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(stdin),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit = new CrisisCli().run(List.of(argv), io);
    io.out().flush();
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The exit code (same as {@link #exit()}). */
  int code() {
    return exit;
  }

  List<String> lines() {
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }
}
