package dev.specloom.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 95% intervals by a two-level bootstrap: resample the forks, then the iterations within each fork drawn. Forks
 * are the coarse source of variation (each is a fresh JVM with its own JIT decisions, on a machine whose load
 * changes), so a few forks that disagree widen the interval even when each fork's iterations agree. For a ratio
 * the two benchmarks are resampled with the same forks, because they ran in the same child JVM.
 */
final class Bootstrap {
  static final int RESAMPLES = 10_000;

  /** A point estimate (from all the data) and its 95% interval. */
  record Interval(double value, double low, double high) {}

  private Bootstrap() {}

  /** The mean of all iterations of all forks. */
  static Interval mean(Measurements.Series s) {
    return ratio(s, null);
  }

  /** The mean of {@code a} divided by the mean of {@code b}, over the forks both have. */
  static Interval ratio(Measurements.Series a, Measurements.Series b) {
    List<Integer> forks = a.forks().keySet().stream().filter(f -> b == null || b.forks().containsKey(f)).toList();
    if (forks.isEmpty()) throw new IllegalArgumentException("no fork measured both");
    double value = pooledMean(a.forks(), forks) / (b == null ? 1 : pooledMean(b.forks(), forks));
    Random random = new Random(1);
    double[] estimates = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double sumA = 0;
      double sumB = 0;
      int nA = 0;
      int nB = 0;
      for (int k = 0; k < forks.size(); k++) {
        int fork = forks.get(random.nextInt(forks.size()));
        double[] va = a.forks().get(fork);
        for (int i = 0; i < va.length; i++) sumA += va[random.nextInt(va.length)];
        nA += va.length;
        if (b != null) {
          double[] vb = b.forks().get(fork);
          for (int i = 0; i < vb.length; i++) sumB += vb[random.nextInt(vb.length)];
          nB += vb.length;
        }
      }
      estimates[r] = (sumA / nA) / (b == null ? 1 : sumB / nB);
    }
    Arrays.sort(estimates);
    return new Interval(value, estimates[(int) (RESAMPLES * 0.025)], estimates[(int) Math.ceil(RESAMPLES * 0.975) - 1]);
  }

  private static double pooledMean(Map<Integer, double[]> values, List<Integer> forks) {
    double sum = 0;
    int n = 0;
    for (int f : forks) {
      for (double v : values.get(f)) sum += v;
      n += values.get(f).length;
    }
    return sum / n;
  }
}
