package org.crisiskit.detect;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.crisiskit.classify.Classification;
import org.crisiskit.classify.Intent;
import org.crisiskit.classify.Polarity;
import org.crisiskit.mention.Author;
import org.crisiskit.mention.Mention;

/** Synthetic mention streams for detector tests. */
public final class Streams {
  static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");
  static final double[] DAILY = {0.3, 0.2, 0.15, 0.15, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0,
      1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.6, 0.4};
  static final String[] TOPICS = {"delivery", "billing", "customer_service"};
  private static final Author[] AUTHORS = new Author[50];

  static {
    for (int i = 0; i < AUTHORS.length; i++) {
      AUTHORS[i] = Author.newBuilder().id("a" + i).handle("user" + i).followers(10L * (i + 1) * (i + 1)).build();
    }
  }

  private Streams() {}

  static Classification negative(String topic) {
    return new Classification(Intent.COMPLAINT, Polarity.NEGATIVE, -0.6, false, false, Set.of(topic), Set.of(),
        "en", List.of());
  }

  static Classification positive() {
    return new Classification(Intent.PRAISE, Polarity.POSITIVE, 0.6, false, false, Set.of(), Set.of(), "en",
        List.of());
  }

  static Mention mention(long id, long millis, String text) {
    return Mention.newBuilder().network("x").id(Long.toString(id)).author(AUTHORS[(int) (id % AUTHORS.length)])
        .text(text).createdAt(Instant.ofEpochMilli(millis)).build();
  }

  /** A Poisson-distributed count with mean {@code lambda} (Knuth's method; small means only). */
  public static int poisson(Random rnd, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }

  /**
   * Feeds stationary seasonal Poisson noise: {@code perHour} mentions an hour at the daily peak, 20%
   * negative spread over three topics; from {@code stepAt} (millis, or never) negatives about
   * {@code stepTopic} are multiplied by {@code stepFactor}. Returns the next free id.
   */
  static long feed(CrisisDetector d, Random rnd, long fromMillis, long toMillis, double perHour, long id,
      long stepAt, double stepFactor) {
    long bucket = 300_000;
    for (long t = fromMillis; t < toMillis; t += bucket) {
      int hour = (int) ((t / 3_600_000) % 24);
      double lambda = perHour / 12.0 * DAILY[hour];
      int pos = poisson(rnd, lambda * 0.8);
      int neg = poisson(rnd, lambda * 0.2);
      int extra = t >= stepAt ? poisson(rnd, lambda * 0.2 / 3 * (stepFactor - 1) * 3) : 0;
      for (int i = 0; i < pos; i++) {
        d.observe(mention(id++, t + rnd.nextInt(300_000), "thanks, lovely service"), positive());
      }
      for (int i = 0; i < neg; i++) {
        d.observe(mention(id++, t + rnd.nextInt(300_000), "my order is late again"),
            negative(TOPICS[rnd.nextInt(TOPICS.length)]));
      }
      for (int i = 0; i < extra; i++) {
        d.observe(mention(id++, t + rnd.nextInt(300_000), "parcel never arrived, courier lost it"),
            negative("delivery"));
      }
    }
    d.advanceTo(Instant.ofEpochMilli(toMillis));
    return id;
  }
}
