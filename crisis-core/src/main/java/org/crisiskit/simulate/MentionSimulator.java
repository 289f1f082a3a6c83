package org.crisiskit.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Polarity;
import org.crisiskit.classify.Topics;
import org.crisiskit.mention.Addressing;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;
import org.crisiskit.mention.MentionKind;
import org.crisiskit.mention.PublicMetrics;

/**
 * Generates a realistic, deterministic, bilingual (Spanish and English) mention stream for a fictitious
 * brand: a daily and weekly rhythm; ordinary complaints, questions, praise, chatter and trolls; reposts
 * as a self-exciting (Hawkes) cascade; and injected events with their ground truth: a marketing launch
 * surge (not a crisis), a delivery failure that spreads to customer service, an influencer complaint
 * that goes viral, a slow-burning billing problem and a sudden silence.
 *
 * <pre>{@code
 * Simulation sim = MentionSimulator.create(SimulationConfig.custom().seed(7).build()).run();
 * sim.mentions().forEach(m -> out.println(m.toJsonLine()));
 * Files.writeString(truthFile, sim.truthJson());
 * }</pre>
 *
 * <p>The same configuration always yields the same stream. Thread-safe: {@link #run()} keeps its state
 * on the stack.
 */
public final class MentionSimulator {
  /** Share of ordinary mentions by hour of day (UTC), peak 1.0. */
  private static final double[] DAILY = {0.25, 0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95,
      1.0, 1.0, 0.9, 0.85, 0.85, 0.9, 0.95, 1.0, 1.0, 0.9, 0.7, 0.45};
  private static final int MAX_CASCADE = 4000;

  private final SimulationConfig config;

  private MentionSimulator(SimulationConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A simulator for {@code config}. */
  public static MentionSimulator create(SimulationConfig config) {
    return new MentionSimulator(config);
  }

  /** Generates the whole stream. */
  public Simulation run() {
    return new Run(config).generate();
  }

  private enum Cat {
    COMPLAINT, QUESTION, PRAISE, NEUTRAL, ABUSE, LAUNCH_PRAISE, LAUNCH_QUESTION, INFLUENCER
  }

  private static final class Run {
    final SimulationConfig cfg;
    final SplittableRandom rnd;
    final List<SimulatedMention> out = new ArrayList<>();
    final List<InjectedEvent> events = new ArrayList<>();
    final Author[] pool;
    final Author influencer;
    long nextId = 1_900_000_000_000_000_000L;
    final String b;
    final long t0;

    Run(SimulationConfig cfg) {
      this.cfg = cfg;
      this.rnd = new SplittableRandom(cfg.seed());
      this.b = cfg.brand();
      this.t0 = cfg.start().toEpochMilli();
      pool = new Author[5000];
      for (int i = 0; i < pool.length; i++) {
        long followers = i < 25 ? 20_000 + rnd.nextLong(400_000)
            : Math.round(Math.exp(5.5 + 1.5 * gaussian()));
        pool[i] = Author.newBuilder().id(Long.toString(1000 + i)).handle(handle(i)).followers(followers)
            .following(50 + rnd.nextInt(800)).build();
      }
      influencer = Author.newBuilder().id("77").handle("lena_reviews").displayName("Lena Reviews")
          .followers(1_200_000).following(310).verified(true).build();
    }

    String handle(int i) {
      String[] first = {"ana", "luis", "marta", "jorge", "sofia", "pablo", "lucia", "dani", "emma", "jack",
          "olivia", "noah", "carmen", "raul", "irene", "tom", "sara", "alex", "nerea", "ivan"};
      return first[i % first.length] + "_" + Integer.toString(i * 7919 % 100_000, 36);
    }

    double gaussian() {
      double u = 1.0 - rnd.nextDouble();
      double v = rnd.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    int poisson(double lambda) {
      if (lambda <= 0) {
        return 0;
      }
      if (lambda > 50) {
        return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * gaussian()));
      }
      double l = Math.exp(-lambda);
      int k = 0;
      double p = 1;
      do {
        k++;
        p *= rnd.nextDouble();
      } while (p > l);
      return k - 1;
    }

    Instant at(double days) {
      return cfg.start().plusMillis(Math.round(days * 86_400_000d));
    }

    Simulation generate() {
      int weeks = cfg.weeks();
      long minutes = weeks * 7L * 1440;
      // ground truth, placed relative to the start (days from Monday 00:00)
      double launchA = 3 + 10 / 24.0;
      double launchB = 3 + 18 / 24.0;
      double deliveryA = 8 + 9 / 24.0;
      double deliveryB = 8 + 19 / 24.0;
      double billingA = 11 + 8 / 24.0;
      double billingB = 13 + 20 / 24.0;
      double viralA = 16 + 18 / 24.0;
      double viralB = 16 + 22 / 24.0;
      double silenceA = 19 + 12 / 24.0;
      double silenceB = 19 + 15 / 24.0;
      events.add(new InjectedEvent(InjectedEvent.Kind.LAUNCH_SURGE, at(launchA), at(launchB),
          "launch of Brisa One: volume x3, mostly praise and questions"));
      events.add(new InjectedEvent(InjectedEvent.Kind.DELIVERY_FAILURE, at(deliveryA), at(deliveryB),
          "carrier failure: delivery complaints x7, customer service x5 from two hours in"));
      if (weeks >= 3) {
        events.add(new InjectedEvent(InjectedEvent.Kind.SLOW_BILLING, at(billingA), at(billingB),
            "double charges: billing complaints creep up from 0 to +9 an hour at the peak over 2.5 days"));
        events.add(new InjectedEvent(InjectedEvent.Kind.VIRAL_INFLUENCER, at(viralA), at(viralB),
            "@lena_reviews (1.2M followers) complains about Brisa One; reposted in a cascade, others pile on"));
        events.add(new InjectedEvent(InjectedEvent.Kind.SILENCE, at(silenceA), at(silenceB),
            "mentions stop arriving for three hours (97% drop)"));
      }
      double peakPerMinute = cfg.peakPerHour() / 60.0;
      for (long m = 0; m < minutes; m++) {
        double day = m / 1440.0;
        int hour = (int) ((m / 60) % 24);
        int dow = (int) ((m / 1440) % 7);
        double weekly = dow >= 5 ? 0.75 : 1.0;
        double silence = weeks >= 3 && day >= silenceA && day < silenceB ? 0.03 : 1.0;
        double rate = peakPerMinute * DAILY[hour] * weekly * silence;
        int n = poisson(rate);
        for (int i = 0; i < n; i++) {
          ordinary(m);
        }
        double awake = DAILY[hour] * silence;
        // launch surge: praise and questions, a few more complaints than usual
        if (day >= launchA && day < launchB) {
          emit(m, Cat.LAUNCH_PRAISE, null, poisson(peakPerMinute * 1.3));
          emit(m, Cat.LAUNCH_QUESTION, null, poisson(peakPerMinute * 0.6));
          emit(m, Cat.COMPLAINT, Topics.PRODUCT_QUALITY, poisson(peakPerMinute * 0.08));
        }
        // delivery failure spreading to customer service
        if (day >= deliveryA && day < deliveryB + 2 / 24.0) {
          double since = (day - deliveryA) * 24;
          double ramp = Math.min(1, since) * (day > deliveryB ? Math.max(0, 1 - (day - deliveryB) * 12) : 1);
          emit(m, Cat.COMPLAINT, Topics.DELIVERY, poisson(awake * ramp * peakPerMinute * 0.18 * 0.3 * 7));
          if (since >= 2) {
            emit(m, Cat.COMPLAINT, Topics.CUSTOMER_SERVICE, poisson(awake * ramp * peakPerMinute * 0.18 * 0.2 * 5));
          }
        }
        if (weeks >= 3) {
          // slow-burning billing problem
          if (day >= billingA && day < billingB) {
            double frac = (day - billingA) / (billingB - billingA);
            emit(m, Cat.COMPLAINT, Topics.BILLING, poisson(awake * frac * 9 / 60.0 * cfg.peakPerHour() / 40));
          }
          // influencer complaint: one post and its cascade, plus a pile-on
          if (day >= viralA && day < viralB) {
            if (m == Math.round(viralA * 1440)) {
              SimulatedMention root = post(t0 + m * 60_000L + 5_000, influencer, Cat.INFLUENCER, Topics.PRODUCT_QUALITY,
                  "en");
              cascade(root, 200, 0.8, 8.0);
            }
            double since = (day - viralA) * 24;
            if (since > 0.25) {
              emit(m, Cat.COMPLAINT, Topics.PRODUCT_QUALITY, poisson(peakPerMinute * 0.25 * Math.exp(-since / 3)));
            }
          }
        }
      }
      out.sort(Comparator.comparing((SimulatedMention s) -> s.mention().createdAt())
          .thenComparing(s -> s.mention().id().value()));
      return new Simulation(cfg, out, events);
    }

    void ordinary(long minute) {
      double u = rnd.nextDouble();
      Cat cat = u < 0.17 ? Cat.COMPLAINT : u < 0.33 ? Cat.QUESTION : u < 0.53 ? Cat.PRAISE
          : u < 0.96 ? Cat.NEUTRAL : Cat.ABUSE;
      String topic = null;
      if (cat == Cat.COMPLAINT) {
        double t = rnd.nextDouble();
        topic = t < 0.3 ? Topics.DELIVERY : t < 0.5 ? Topics.CUSTOMER_SERVICE : t < 0.62 ? Topics.BILLING
            : t < 0.85 ? Topics.PRODUCT_QUALITY : Topics.ACCOUNT_ACCESS;
      }
      emit(minute, cat, topic, 1);
    }

    void emit(long minute, Cat cat, String topic, int count) {
      for (int i = 0; i < count; i++) {
        long t = t0 + minute * 60_000L + rnd.nextInt(60_000);
        Author a = pool[rnd.nextInt(pool.length)];
        String lang = rnd.nextDouble() < 0.6 ? "es" : "en";
        SimulatedMention root = post(t, a, cat, topic, lang);
        double mu = 0.02 * Math.log10(10 + a.followers()) * (cat == Cat.COMPLAINT ? 1.5 : 1.0);
        cascade(root, mu, 0.3, 15.0);
      }
    }

    SimulatedMention post(long t, Author a, Cat cat, String topic, String lang) {
      String text = text(cat, topic, lang);
      Intent intent;
      Polarity pol;
      switch (cat) {
        case COMPLAINT:
        case INFLUENCER:
          intent = Intent.COMPLAINT;
          pol = Polarity.NEGATIVE;
          break;
        case ABUSE:
          intent = Intent.ABUSE;
          pol = Polarity.NEGATIVE;
          break;
        case QUESTION:
        case LAUNCH_QUESTION:
          intent = Intent.QUESTION;
          pol = Polarity.NEUTRAL;
          break;
        case PRAISE:
        case LAUNCH_PRAISE:
          intent = Intent.PRAISE;
          pol = Polarity.POSITIVE;
          break;
        default:
          intent = Intent.NEUTRAL;
          pol = Polarity.NEUTRAL;
      }
      String id = Long.toString(nextId++);
      Mention m = Mention.newBuilder().network("x").id(id).conversationId(id).author(a).text(text).language(lang)
          .createdAt(Instant.ofEpochMilli(t)).kind(MentionKind.POST)
          .addressing(text.contains("@" + b) ? Addressing.MENTION : Addressing.KEYWORD)
          .metrics(new PublicMetrics(0, 0, rnd.nextInt(3), 0)).build();
      double sentiment = pol == Polarity.NEGATIVE ? -0.6 : pol == Polarity.POSITIVE ? 0.6 : 0.0;
      Classification c = new Classification(intent, pol, sentiment, intent == Intent.ABUSE, false,
          topic == null ? Set.of() : Set.of(topic), Set.of(), lang, List.of("simulated"));
      SimulatedMention sm = new SimulatedMention(m, c);
      out.add(sm);
      return sm;
    }

    /**
     * Hawkes-style cascade: the root triggers Poisson({@code mu}) reposts, each repost triggers
     * Poisson({@code branching}) more, delays exponential with mean {@code meanDelayMinutes}.
     */
    void cascade(SimulatedMention root, double mu, double branching, double meanDelayMinutes) {
      List<long[]> frontier = new ArrayList<>();
      long rootT = root.mention().createdAt().toEpochMilli();
      int kids = poisson(mu);
      for (int i = 0; i < kids; i++) {
        frontier.add(new long[] {rootT});
      }
      int made = 0;
      Mention r = root.mention();
      while (!frontier.isEmpty() && made < MAX_CASCADE) {
        long parentT = frontier.remove(frontier.size() - 1)[0];
        long t = parentT + Math.round(-Math.log(1.0 - rnd.nextDouble()) * meanDelayMinutes * 60_000);
        if (t >= cfg.start().toEpochMilli() + cfg.weeks() * 7L * 86_400_000L) {
          continue;
        }
        Author a = pool[rnd.nextInt(pool.length)];
        String id = Long.toString(nextId++);
        Mention m = Mention.newBuilder().network("x").id(id).conversationId(r.id().value()).author(a)
            .text("RT @" + r.author().handle() + ": " + r.text()).language(r.language().orElse("und"))
            .createdAt(Instant.ofEpochMilli(t)).kind(MentionKind.REPOST).addressing(Addressing.KEYWORD).build();
        out.add(new SimulatedMention(m, root.intended()));
        made++;
        int more = poisson(branching);
        for (int i = 0; i < more; i++) {
          frontier.add(new long[] {t});
        }
      }
    }

    String pick(String... options) {
      return options[rnd.nextInt(options.length)];
    }

    String text(Cat cat, String topic, String lang) {
      boolean es = lang.equals("es");
      String at = "@" + b;
      String order = Integer.toString(100_000 + rnd.nextInt(900_000));
      int days = 2 + rnd.nextInt(9);
      switch (cat) {
        case COMPLAINT:
          switch (topic) {
            case Topics.DELIVERY:
              return es ? pick(at + " mi pedido " + order + " lleva " + days + " días de retraso y nadie me dice nada",
                  at + " el repartidor no ha venido, pedido " + order + " sin entregar otra vez",
                  at + " ¿dónde está mi paquete? seguimiento parado desde hace " + days + " días")
                  : pick(at + " my order " + order + " is " + days + " days late, where is my package?",
                      at + " delivery never showed up again, order " + order,
                      at + " tracking stuck for " + days + " days, this delivery is a joke");
            case Topics.CUSTOMER_SERVICE:
              return es ? pick(at + " llevo " + days + " horas esperando en el chat y nadie atiende",
                  at + " vuestra atención al cliente es un desastre, nadie contesta al teléfono")
                  : pick(at + " been on hold for " + days + " hours, customer service is useless",
                      at + " nobody answers the support chat, terrible customer service");
            case Topics.BILLING:
              return es ? pick(at + " me habéis cobrado dos veces la factura de este mes",
                  at + " cargo duplicado en mi tarjeta, quiero el reembolso ya")
                  : pick(at + " you charged my card twice this month, refund please",
                      at + " double charge on my bill again, fix your billing");
            case Topics.ACCOUNT_ACCESS:
              return es ? at + " no puedo entrar en mi cuenta desde ayer, la contraseña no funciona"
                  : at + " can't log into my account since yesterday, password reset broken";
            default:
              return es ? pick(at + " el producto llegó roto, calidad pésima",
                  at + " mi Brisa One se apaga sola después de " + days + " días, vaya calidad")
                  : pick(at + " the product broke after " + days + " days, terrible quality",
                      at + " my Brisa One keeps shutting down, awful quality");
          }
        case QUESTION:
          return es ? pick(at + " ¿hacéis envíos a Canarias?", at + " ¿a qué hora abre el soporte?",
              at + " ¿puedo cambiar la dirección del pedido " + order + "?")
              : pick(at + " do you ship to Canada?", at + " what time does support open?",
                  at + " can I change the address on order " + order + "?");
        case PRAISE:
          return es ? pick(at + " ¡gracias por la rapidez, todo perfecto!", "Encantada con mi compra en " + at,
              at + " el mejor servicio que he tenido, gracias")
              : pick(at + " great service, thanks!", "Loving my new stuff from " + at, at + " fast delivery, well done");
        case ABUSE:
          return es ? pick(at + " sois unos inútiles y unos ladrones", at + " panda de payasos")
              : pick(at + " you are a bunch of clowns", at + " worst company ever, idiots");
        case LAUNCH_PRAISE:
          return es ? pick("¡Ya está aquí Brisa One! Me encanta " + at, "Brisa One es precioso, enhorabuena " + at)
              : pick("Just got the new Brisa One from " + at + ", love it", "Brisa One launch looks amazing " + at);
        case LAUNCH_QUESTION:
          return es ? at + " ¿cuándo llega Brisa One a México?" : at + " when will Brisa One ship to Mexico?";
        case INFLUENCER:
          return at + " I paid 900 dollars for Brisa One and it died after two days. Support ignores me. Avoid.";
        default:
          return es ? pick("Hoy he visto un anuncio de " + at + " en el metro", "¿Alguien ha probado " + at + "?",
              "Leyendo sobre " + at + " en el blog de tecnología")
              : pick("Anyone tried " + at + " yet?", "Saw an ad from " + at + " on the subway",
                  "Reading about " + at + " and " + String.format(Locale.ROOT, "%s", "Brisa One"));
      }
    }
  }
}
