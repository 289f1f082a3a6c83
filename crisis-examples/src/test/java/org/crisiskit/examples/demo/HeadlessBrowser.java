package org.crisiskit.examples.demo;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a page in Debian's headless Chromium and returns the DOM after scripts ran and the console
 * messages. CI installs Chromium; elsewhere the calling test is skipped when it is missing.
 */
final class HeadlessBrowser {
  /** The rendered DOM and the console lines the page logged. */
  record Rendered(String dom, List<String> console) {}

  private HeadlessBrowser() {}

  static Path chromium() {
    String env = System.getenv("CHROMIUM");
    for (String candidate : new String[] {env, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (candidate != null && Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    if (System.getenv("CI") != null) {
      fail("Chromium is required in CI (.ci/run installs Debian's chromium)");
    }
    assumeTrue(false, "Chromium is not installed; skipping the browser check");
    return null;
  }

  static Rendered render(Path html) throws IOException, InterruptedException {
    Path browser = chromium();
    Path profile = Files.createTempDirectory("crisis-chromium");
    Path out = Files.createTempFile("crisis-dom", ".html");
    Path err = Files.createTempFile("crisis-console", ".log");
    List<String> cmd = List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish rendering " + html + " in 90 s");
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    if (p.exitValue() != 0 || dom.isBlank()) {
      fail("chromium failed (exit " + p.exitValue() + "): " + Files.readString(err, StandardCharsets.UTF_8));
    }
    return new Rendered(dom, console);
  }
}
