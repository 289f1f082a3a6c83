package org.crisiskit.playbook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PlaybookJsonProperties {
  static final String SAMPLE = read();

  private static String read() {
    try (InputStream in = Playbook.class.getResourceAsStream("sample-playbook.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample with one span replaced by a random token: a typo, a wrong type, a cut. */
  @Provide
  Arbitrary<String> mutants() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, SAMPLE.length() - 1);
    Arbitrary<Integer> len = Arbitraries.integers().between(0, 12);
    Arbitrary<String> token = Arbitraries.of("", "x", "\"", "{", "}", "[", "]", ",", ":", "1", "-5", "null", "true",
        "\"delivry\"", "\"complain\"", "{\"a\":1}", "[]", "\"critcal\"", "\"{autor}\"", "\n");
    return net.jqwik.api.Combinators.combine(at, len, token).as((a, l, t) -> {
      int end = Math.min(SAMPLE.length(), a + l);
      return SAMPLE.substring(0, a) + t + SAMPLE.substring(end);
    });
  }

  @Property(tries = 400)
  void parseSucceedsOrThrowsTheDocumentedException(@ForAll("mutants") String json) {
    List<PlaybookProblem> problems = PlaybookJson.check(json, "p.json");
    boolean errors = problems.stream().anyMatch(p -> !p.warning());
    try {
      Playbook p = PlaybookJson.parse(json, "p.json");
      assertFalse(errors, problems.toString());
      assertFalse(p.languages().isEmpty());
    } catch (PlaybookFormatException e) {
      assertTrue(errors);
      assertFalse(e.problems().isEmpty());
      for (PlaybookProblem p : e.problems()) {
        assertTrue(p.line() >= 1 && p.line() <= json.split("\n", -1).length + 1, p.toString());
        assertTrue(p.toString().startsWith("p.json:"), p.toString());
      }
    }
  }
}
