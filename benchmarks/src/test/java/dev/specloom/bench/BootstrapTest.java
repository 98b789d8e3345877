package dev.specloom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.bench.Bootstrap.Interval;
import dev.specloom.bench.Measurements.Series;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  @Test
  void aRatioOfConstantsHasNoWidth() {
    Interval i = Bootstrap.ratio(series(new double[] {6, 6}, new double[] {6, 6}), series(new double[] {2, 2}, new double[] {2, 2}));
    assertEquals(new Interval(3, 3, 3), i);
  }

  @Test
  void forksThatDisagreeWidenTheIntervalEvenWhenEachForkIsSteady() {
    Series steadyForks = series(new double[] {10, 10, 10}, new double[] {10, 10, 10}, new double[] {10, 10, 10});
    Series disagreeing = series(new double[] {8, 8, 8}, new double[] {10, 10, 10}, new double[] {12, 12, 12});
    Interval steady = Bootstrap.mean(steadyForks);
    Interval wide = Bootstrap.mean(disagreeing);
    assertEquals(0, steady.high() - steady.low());
    assertEquals(10, wide.value(), 1e-9);
    assertTrue(wide.low() < 9.5 && wide.high() > 10.5, wide.toString());
  }

  @Test
  void aRatioResamplesBothSidesWithTheSameForks() {
    // Each fork runs both benchmarks on the same machine: a slow fork is slow for both, so the ratio stays 2.
    Series ours = series(new double[] {1, 1}, new double[] {3, 3});
    Series theirs = series(new double[] {2, 2}, new double[] {6, 6});
    Interval i = Bootstrap.ratio(theirs, ours);
    assertEquals(2, i.low(), 1e-9);
    assertEquals(2, i.high(), 1e-9);
  }

  private static Series series(double[]... forks) {
    Map<Integer, double[]> m = new java.util.TreeMap<>();
    for (int f = 0; f < forks.length; f++) m.put(f, forks[f]);
    return new Series(m);
  }
}
