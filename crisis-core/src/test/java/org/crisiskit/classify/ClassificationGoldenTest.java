package org.crisiskit.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pins every output of both engines over a fixed generated corpus, so that speed work on the
 * tokenizer, the lexicon look-ups and the feature hashing cannot change a result unnoticed. When a
 * change is meant to alter results, the test writes the new outputs to
 * {@code target/classification-golden.actual.txt}; review the diff and copy it over
 * {@code classification-golden.txt}.
 */
class ClassificationGoldenTest {
  private static final String[] FRAGMENTS = {
      "still no refund, please help", "my package never arrived and nobody answers",
      "been waiting 3 weeks for my order #NeverAgain", "thank you so much, the team was AMAZING!!!",
      "how do I reset my password?", "the app keeps crashing after the update :(",
      "worst customer service ever, I'm switching to another provider", "love it 😍😍", "can I cancel my account",
      "you are all f*cking idiots", "not happy at all, it broke after two days", "sooooo good", "my lawyer will hear",
      "great, another cancelled flight. thanks for nothing", "the driver was not very kind but fast",
      "todavía no llega mi pedido y nadie me responde", "¿cuándo vuelve el servicio? llevo 2 días sin internet",
      "muchas gracias por la atención, sois unos cracks", "pésimo servicio, me cambio a otra compañía",
      "malísimooo el producto", "me cobraron dos veces este mes", "¡gracias!", "sois unos inútiles, vaya mierda",
      "no me gusta nada #FatalServicio", "perdieron mi maleta, voy a poner una denuncia", "buenísimas las ofertas",
      "JAJAJAJA", "jejeje", "hahahaha", "FUUUUCK", "id10ta", "p*to", "h.d.p", "s-h-i-t", "m13rda", "put@s",
      "#NoMoreDelays", "#ServicioPésimo2024", "@acme_support", "https://t.co/abc123XyZ", "www.acme.com/help",
      "<3", ":-(", ":)", "=D", ";)", "xD", "😡", "🙏", "🤬🤬", "!!!", "???", "¿¿por qué??", "NUNCA MÁS",
      "no es malo", "not bad at all", "but the food was terrible", "pero la comida estaba buenísima",
      "el gobierno y las elecciones", "politics and religion", "muy muy contento", "extremely disappointed",
      "ni idea", "sin respuesta", "tampoco funciona", "can't log in", "doesn't work", "isn't it?",
      "Привет мир", "مرحبا بالعالم", "日本語のテキスト", "שלום", "\u200b\u00a0\u3000", "\ud83d", "e\u0301",
      "DEMASIADO LENTO", "super slow", "re bueno", "nadie contesta", "cuenta bloqueada", "outage again",
      "no information at all", "safety hazard, it caught fire", "voy a ir a la prensa", "going to the media"};

  static List<String> corpus() {
    Random r = new Random(20261123L);
    List<String> out = new ArrayList<>();
    for (String f : FRAGMENTS) {
      out.add(f);
    }
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + r.nextInt(5);
      for (int p = 0; p < parts; p++) {
        sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
        sb.append(" ,. ".charAt(r.nextInt(4)));
        if (r.nextInt(3) == 0) {
          sb.append(' ');
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Surrogates (emoji, the lone one) as {@code \\uXXXX}, so the file stays valid UTF-8. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (Character.isSurrogate(ch) || ch < ' ') {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  static String render(Classification c) {
    return String.format(Locale.ROOT, "%s %s %s a=%s s=%s t=%s f=%s %s r=%s",
        c.intent(), c.polarity(), Double.toString(c.sentiment()), c.abusive(), c.sensitive(),
        new java.util.TreeSet<>(c.topics()), new java.util.TreeSet<>(c.flags()), c.lang(), c.reasons());
  }

  @Test
  void outputsOfAFixedCorpusAreUnchanged() throws IOException {
    Classifier rules = Classifiers.defaultClassifier();
    Classifier model = Classifiers.bundledModel();
    StringBuilder actual = new StringBuilder();
    List<String> corpus = corpus();
    for (String t : corpus) {
      actual.append("R ").append(render(rules.classify(t, Optional.empty()))).append('\n');
      actual.append("M ").append(render(model.classify(t, Optional.empty()))).append('\n');
      actual.append("E ").append(render(rules.classify(t, Optional.of("es")))).append('\n');
    }
    String expected;
    try (InputStream in = getClass().getResourceAsStream("classification-golden.txt")) {
      assertNotNull(in, "classification-golden.txt missing from the test resources");
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!expected.equals(actual.toString())) {
      Path out = Path.of("target", "classification-golden.actual.txt");
      Files.writeString(out, actual, StandardCharsets.UTF_8);
      String[] e = expected.split("\n", -1);
      String[] a = actual.toString().split("\n", -1);
      for (int i = 0; i < Math.min(e.length, a.length); i++) {
        assertEquals(e[i], a[i], "line " + (i + 1) + " differs, text '" + escape(corpus.get(i / 3))
            + "'; all outputs written to " + out);
      }
      assertEquals(e.length, a.length, "line count differs; all outputs written to " + out);
    }
  }
}
