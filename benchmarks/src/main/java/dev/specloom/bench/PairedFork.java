package dev.specloom.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One fork of a {@link Comparison}: a child JVM started by {@link Main} that runs each benchmark of the comparison
 * in turn, in this same process (JMH told not to fork again), and writes every measured iteration as a row of
 * {@link Measurements#COLUMNS} to the results file.
 * <pre>
 * java [fork JVM options] -cp benchmarks.jar dev.specloom.bench.PairedFork RESULTS WARMUPS ITERATIONS MILLIS PROFILERS RUN...
 * </pre>
 */
public final class PairedFork {
  private PairedFork() {}

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args[0]);
    int warmups = Integer.parseInt(args[1]);
    int iterations = Integer.parseInt(args[2]);
    long millis = Long.parseLong(args[3]);
    List<String> profilers = args[4].isEmpty() ? List.of() : List.of(args[4].split(","));
    List<Comparison.Run> runs = Arrays.stream(args, 5, args.length).map(Comparison.Run::decode).toList();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results))) {
      for (Comparison.Run run : runs) {
        ChainedOptionsBuilder o = new OptionsBuilder().include("^" + Pattern.quote(run.benchmark()) + "$")
            .mode(run.mode()).timeUnit(run.unit()).forks(0).warmupIterations(warmups).measurementIterations(iterations)
            .shouldFailOnError(false);
        if (millis > 0) o.warmupTime(TimeValue.milliseconds(millis)).measurementTime(TimeValue.milliseconds(millis));
        run.params().forEach(o::param);
        profilers.forEach(o::addProfiler);
        try {
          for (RunResult r : new Runner(o.build()).run()) write(out, run, r);
        } catch (RunnerException e) {
          System.err.println("bench: " + run.benchmark() + " failed: " + e.getMessage());
        }
        out.flush();
      }
    }
  }

  private static void write(PrintWriter out, Comparison.Run run, RunResult result) {
    for (BenchmarkResult b : result.getBenchmarkResults()) {
      int i = 0;
      for (IterationResult it : b.getIterationResults()) {
        Result primary = it.getPrimaryResult();
        row(out, run, i, "score", primary.getScore());
        if (run.mode() == Mode.SampleTime) {
          var st = primary.getStatistics();
          row(out, run, i, "p50", st.getPercentile(50));
          row(out, run, i, "p90", st.getPercentile(90));
          row(out, run, i, "p99", st.getPercentile(99));
          row(out, run, i, "samples", st.getN());
        }
        for (Map.Entry<String, Result> s : it.getSecondaryResults().entrySet()) {
          row(out, run, i, s.getKey(), s.getValue().getScore());
        }
        i++;
      }
    }
  }

  private static void row(PrintWriter out, Comparison.Run run, int iteration, String metric, double value) {
    out.println(String.join("\t", run.benchmark(), run.mode().shortLabel(), run.paramText(), String.valueOf(iteration),
        metric, String.format(Locale.ROOT, "%.6g", value)));
  }
}
