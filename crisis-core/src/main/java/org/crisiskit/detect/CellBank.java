package org.crisiskit.detect;

import java.util.Arrays;

/**
 * The per-cell counting and surprise engine behind {@link CrisisDetector}: one count per cell for the
 * open bucket and, per cell, a {@link SeasonalBaseline}, an upper and a lower CUSUM and the last hour
 * of observed and expected counts. Recording a mention is one array add; closing a bucket is O(cells).
 * Memory per cell is fixed (about 0.8 KB), whatever the history.
 *
 * <p>Not thread-safe.
 */
final class CellBank {
  private final DetectorConfig cfg;
  private final SlotClock slots;
  final long bucketMillis;
  final int ring;
  private final double alpha;
  private final double gamma;
  private final double beta;
  private final double alphaSlow;

  int size;
  String[] names = new String[8];
  SeasonalBaseline[] base = new SeasonalBaseline[8];
  double[] count = new double[8];
  double[] cusum = new double[8];
  double[] lower = new double[8];
  double[] z = new double[8];
  double[] expected = new double[8];
  double[] observed = new double[8];
  double[] zHour = new double[8];
  double[] obsSum = new double[8];
  double[] expSum = new double[8];
  long[] runStart = new long[8];
  long[] created = new long[8];
  double[][] obsRing = new double[8][];
  double[][] expRing = new double[8][];
  boolean[] firing = new boolean[8];
  int ringPos;
  long bucket = Long.MIN_VALUE;

  CellBank(DetectorConfig cfg) {
    this.cfg = cfg;
    this.slots = new SlotClock(cfg.zone());
    this.bucketMillis = cfg.bucket().toMillis();
    this.ring = (int) Math.max(1, Math.min(288, 3_600_000L / bucketMillis));
    this.alpha = DetectorConfig.weight(cfg.levelHalfLife(), bucketMillis);
    this.gamma = DetectorConfig.weight(cfg.seasonHalfLife(), bucketMillis) * SeasonalBaseline.HOURS;
    this.beta = DetectorConfig.weight(cfg.dispersionHalfLife(), bucketMillis);
    this.alphaSlow = DetectorConfig.weight(cfg.seasonHalfLife(), bucketMillis);
  }

  /** Adds a cell; when {@code borrowFrom >= 0} its baseline starts as that cell's scaled by {@code scale}. */
  int add(String name, int borrowFrom, double scale, long nowBucket) {
    if (size == names.length) {
      int n = size * 2;
      names = Arrays.copyOf(names, n);
      base = Arrays.copyOf(base, n);
      count = Arrays.copyOf(count, n);
      cusum = Arrays.copyOf(cusum, n);
      lower = Arrays.copyOf(lower, n);
      z = Arrays.copyOf(z, n);
      expected = Arrays.copyOf(expected, n);
      observed = Arrays.copyOf(observed, n);
      zHour = Arrays.copyOf(zHour, n);
      obsSum = Arrays.copyOf(obsSum, n);
      expSum = Arrays.copyOf(expSum, n);
      runStart = Arrays.copyOf(runStart, n);
      created = Arrays.copyOf(created, n);
      obsRing = Arrays.copyOf(obsRing, n);
      expRing = Arrays.copyOf(expRing, n);
      firing = Arrays.copyOf(firing, n);
    }
    int i = size++;
    names[i] = name;
    base[i] = new SeasonalBaseline();
    if (borrowFrom >= 0) {
      base[i].borrowFrom(base[borrowFrom], scale);
    }
    obsRing[i] = new double[ring];
    expRing[i] = new double[ring];
    runStart[i] = -1;
    created[i] = nowBucket;
    return i;
  }

  /** Counts {@code weight} in the open bucket of {@code cell}. */
  void record(int cell, double weight) {
    count[cell] += weight;
  }

  /**
   * Records one update at {@code millis}, closing buckets first when it belongs to a later one. Used
   * where no incident logic runs between buckets (benchmarks, tests).
   */
  void observe(int cell, long millis, double weight) {
    long b = Math.floorDiv(millis, bucketMillis);
    if (b > bucket) {
      if (bucket != Long.MIN_VALUE) {
        for (long k = bucket; k < b && k < bucket + 2016; k++) {
          close(k, true);
        }
      }
      bucket = b;
    }
    count[cell] += weight;
  }

  int hourOf(long bucketIndex) {
    return slots.hourOfDay(bucketIndex * bucketMillis);
  }

  int dayOf(long bucketIndex) {
    return slots.dayOfWeek(bucketIndex * bucketMillis);
  }

  /**
   * Closes bucket {@code b}: scores every cell against its baseline, updates the CUSUMs and, when
   * {@code learn}, the baselines; then resets the counts.
   */
  void close(long b, boolean learn) {
    int hour = hourOf(b);
    int day = dayOf(b);
    double slack = cfg.cusumSlack();
    double h = cfg.cusumThreshold();
    double cap = cfg.zCap();
    int rp = ringPos;
    for (int i = 0; i < size; i++) {
      SeasonalBaseline bl = base[i];
      double x = count[i];
      double mu = bl.expected(hour, day);
      double zi = bl.updates() == 0 ? 0 : bl.z(x, mu);
      z[i] = zi;
      expected[i] = mu;
      observed[i] = x;
      double c = Math.min(1.5 * h, Math.max(0, cusum[i] + Math.min(zi, cap) - slack));
      if (cusum[i] == 0 && c > 0) {
        runStart[i] = b;
      } else if (c == 0) {
        runStart[i] = -1;
      }
      cusum[i] = c;
      lower[i] = Math.min(1.5 * cfg.silenceThreshold(), Math.max(0, lower[i] + Math.min(-zi, cap) - slack));
      double[] or = obsRing[i];
      double[] er = expRing[i];
      obsSum[i] += x - or[rp];
      expSum[i] += mu - er[rp];
      or[rp] = x;
      er[rp] = mu;
      double zh = bl.updates() < ring ? 0 : bl.zWindow(obsSum[i], expSum[i], ring);
      zHour[i] = zh;
      firing[i] = c >= h || zi >= cfg.spikeThreshold() || zh >= cfg.windowThreshold();
      if (learn) {
        bl.learn(x, hour, day, b, alpha, gamma, beta, alphaSlow);
      }
      count[i] = 0;
    }
    ringPos = (rp + 1) % ring;
  }

  double hourObserved(int cell) {
    return Math.max(0, obsSum[cell]);
  }

  double hourExpected(int cell) {
    return Math.max(0, expSum[cell]);
  }

  /** Rough retained bytes per cell: arrays of the baseline, the two rings and the bank's slots. */
  static long bytesPerCell(int ring) {
    long baseline = 16 + 2 * (16 + 24 * 8) + 2 * (16 + 7 * 8) + (16 + 24 * 4) + (16 + 7 * 4) + 5 * 8;
    long rings = 2 * (16 + ring * 8L);
    long slots = 9 * 8 + 1 + 4 * 4;
    return baseline + rings + slots;
  }
}
