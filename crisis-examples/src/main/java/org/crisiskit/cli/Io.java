package org.crisiskit.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams of one command run; tests pass their own. */
record Io(InputStream in, PrintStream out, PrintStream err) {
  static Io system() {
    return new Io(System.in, System.out, System.err);
  }
}
