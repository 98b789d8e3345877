package dev.specloom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;

/** Every measured iteration of a run, by benchmark, mode, parameters, metric and fork. */
final class Measurements {
  /** The columns of a {@link PairedFork} results file, tab-separated. */
  static final List<String> COLUMNS = List.of("benchmark", "mode", "params", "iteration", "metric", "value");

  private record Key(String benchmark, String mode, String params, String metric) {}

  private final Map<Key, Series> data = new LinkedHashMap<>();

  /** One metric's values: per fork (by fork number), the value of each measured iteration in order. */
  record Series(Map<Integer, double[]> forks) {
    boolean isEmpty() {
      return forks.isEmpty();
    }

    /** Iteration by iteration, this series divided by another measured in the same iterations. */
    Series per(Series other) {
      Map<Integer, double[]> out = new TreeMap<>();
      forks.forEach((fork, values) -> {
        double[] d = other.forks.get(fork);
        if (d == null || d.length != values.length) return;
        double[] q = new double[values.length];
        for (int i = 0; i < q.length; i++) q[i] = values[i] / d[i];
        out.put(fork, q);
      });
      return new Series(out);
    }

    /** Every value times a constant (a unit change, or per item instead of per page). */
    Series times(double factor) {
      return map(v -> v * factor);
    }

    /** Every value through a function, e.g. milliseconds per batch into batches per second. */
    Series map(java.util.function.DoubleUnaryOperator f) {
      Map<Integer, double[]> out = new TreeMap<>();
      forks.forEach((fork, values) -> out.put(fork, java.util.Arrays.stream(values).map(f).toArray()));
      return new Series(out);
    }
  }

  /** Adds one fork's results file. */
  void add(int fork, Path results) throws IOException {
    Map<Key, List<Double>> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(results)) {
      String[] c = line.split("\t", -1);
      if (c.length != COLUMNS.size()) continue;
      String benchmark = c[0].substring(c[0].lastIndexOf('.', c[0].lastIndexOf('.') - 1) + 1);
      values.computeIfAbsent(new Key(benchmark, c[1], c[2], c[4]), k -> new java.util.ArrayList<>())
          .add(Double.parseDouble(c[5]));
    }
    values.forEach((key, v) -> data.computeIfAbsent(key, k -> new Series(new TreeMap<>()))
        .forks().put(fork, v.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /**
   * A metric of a benchmark ({@code GeneratorBench.synthetic}) in a mode with these parameters
   * ({@code functions=250}, or empty): {@code score} (JMH's primary result), {@code p50}, {@code p90}, {@code p99},
   * {@code samples} (sample-time mode), or a secondary result such as {@code gc.alloc.rate.norm}.
   */
  Optional<Series> get(String benchmark, Mode mode, String params, String metric) {
    Series s = data.get(new Key(benchmark, mode.shortLabel(), params, metric));
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
