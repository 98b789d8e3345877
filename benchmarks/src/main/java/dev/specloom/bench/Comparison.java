package dev.specloom.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;

/**
 * Benchmarks that are compared with each other, so they run in the same JVM: every fork is one child process
 * that runs each of them in turn (the first one rotating from fork to fork), and a ratio is computed fork by
 * fork from measurements taken on the same machine within a minute or two of each other.
 */
record Comparison(String name, List<Run> runs, int forks, int warmups, int iterations, Duration iterationTime,
    List<String> jvmArgs, List<String> profilers) {

  /** One JMH benchmark method in one mode, with its parameters. */
  record Run(String benchmark, Mode mode, TimeUnit unit, Map<String, String> params) {
    Run with(String param, String value) {
      return new Run(benchmark, mode, unit, Map.of(param, value));
    }

    /** The child's argument for this run: {@code benchmark|mode|unit|k=v,k=v}. */
    String encode() {
      return benchmark + "|" + mode.shortLabel() + "|" + unit.name() + "|" + paramText();
    }

    static Run decode(String arg) {
      String[] p = arg.split("\\|", -1);
      Map<String, String> params = p[3].isEmpty() ? Map.of() : java.util.Arrays.stream(p[3].split(","))
          .map(kv -> kv.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
      return new Run(p[0], Mode.deepValueOf(p[1]), TimeUnit.valueOf(p[2]), params);
    }

    /** {@code k=v,k=v}, sorted, or empty. */
    String paramText() {
      return params.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(","));
    }
  }

  /** The runs in the order fork {@code fork} (from 0) runs them: rotated, so no benchmark always goes first. */
  List<Run> order(int fork) {
    int shift = fork % runs.size();
    return java.util.stream.Stream.concat(runs.subList(shift, runs.size()).stream(), runs.subList(0, shift).stream())
        .toList();
  }

  /** The settings as the report states them. */
  String settings() {
    String time = iterationTime.isZero() ? "one call each" : iterationTime.toSeconds() + " s each";
    String modes = runs.stream().map(r -> r.mode().shortLabel() + " " + unit(r.unit())).distinct()
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "%s; %d forks, %d warm-up + %d measured iterations (%s)%s%s", modes, forks,
        warmups, iterations, time, jvmArgs.isEmpty() ? "" : ", fork " + String.join(" ", jvmArgs),
        profilers.isEmpty() ? "" : ", profiler " + String.join(", ", profilers));
  }

  static String unit(TimeUnit unit) {
    return switch (unit) {
      case NANOSECONDS -> "ns";
      case MICROSECONDS -> "µs";
      case MILLISECONDS -> "ms";
      case SECONDS -> "s";
      default -> unit.name().toLowerCase(Locale.ROOT);
    };
  }
}
