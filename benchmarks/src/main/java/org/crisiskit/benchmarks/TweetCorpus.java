package org.crisiskit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of tweet-like customer-care texts in Spanish and English, 20–280
 * characters, composed from fragments written for Crisis Kit (no third-party tweets).
 */
final class TweetCorpus {
  private static final String[] HANDLES = {"@acme", "@AcmeAyuda", "@acme_support", "@FlyAcme", "@TelcoAcme"};
  private static final String[] EN = {
      "still no refund, please help", "my package never arrived and nobody answers",
      "been waiting 3 weeks for my order #NeverAgain", "thank you so much, the team was AMAZING!!!",
      "how do I reset my password?", "the app keeps crashing after the update :(",
      "worst customer service ever, I'm switching to another provider",
      "flight delayed again, 4 hours at the gate with no information", "love the new design, great job 😍",
      "can you tell me when the store opens?", "charged twice for the same order, I want my money back",
      "you are all f*cking idiots", "not happy at all with the quality, it broke after two days",
      "the internet has been down since yesterday, any update?", "sooooo good, best purchase this year",
      "my lawyer will hear about this", "great, another cancelled flight. thanks for nothing",
      "is there a discount for students?", "the driver was very kind, thanks!", "lost my luggage in Madrid, again"};
  private static final String[] ES = {
      "todavía no llega mi pedido y nadie me responde", "¿cuándo vuelve el servicio? llevo 2 días sin internet",
      "muchas gracias por la atención, sois unos cracks", "pésimo servicio, me cambio a otra compañía",
      "malísimooo el producto, se rompió a la semana", "¿dónde puedo descargar mi factura?",
      "me cobraron dos veces este mes, quiero mi dinero", "qué maravilla de equipo, ¡gracias!",
      "sois unos inútiles, vaya mierda de empresa", "no me gusta nada la nueva app #FatalServicio",
      "el vuelo lleva tres horas de retraso y nadie informa", "perdieron mi maleta, voy a poner una denuncia",
      "¿alguien sabe si hay tienda en Sevilla?", "muy buena la atención del chat, rápida y amable",
      "no puedo entrar en mi cuenta desde ayer", "el paquete llegó roto, una vergüenza",
      "buenísimo el nuevo menú 😋", "hola, ¿tenéis envío a Canarias?", "me encanta, repetiré seguro",
      "llevo una hora en espera, esto es una estafa"};
  private static final String[] TAILS = {"", " https://t.co/abc123XyZ", " #help", " @amigo", " 😡", " 🙏", " !!!",
      " por favor", " please", " ...", " :)", " xD"};

  private TweetCorpus() {}

  /** {@code n} texts, half in each language, reproducible for a given seed. */
  static List<String> generate(int n, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>(n);
    while (out.size() < n) {
      boolean es = r.nextBoolean();
      String[] pool = es ? ES : EN;
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(3) > 0) {
        sb.append(HANDLES[r.nextInt(HANDLES.length)]).append(' ');
      }
      int parts = 1 + r.nextInt(3);
      for (int p = 0; p < parts; p++) {
        String s = pool[r.nextInt(pool.length)];
        if (p == 0 && r.nextInt(4) == 0) {
          s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        sb.append(s);
        sb.append(p + 1 < parts ? (r.nextBoolean() ? ". " : ", ") : "");
      }
      sb.append(TAILS[r.nextInt(TAILS.length)]);
      String t = sb.toString();
      if (t.length() > 280) {
        t = t.substring(0, 280);
      }
      if (t.length() >= 20) {
        out.add(t);
      }
    }
    return out;
  }
}
