package dev.specloom.bench;

import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.lua.LuaBridgeBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark group in one go and writes the report.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick] [--out FILE] [--specs DIR] [--only GROUP] [--prof PROFILER]
 * </pre>
 * Run from the repository root (the defaults are {@code docs/benchmarks.md} and {@code specs}). The report's
 * measured part is rewritten; its notes section, written by hand, is kept.
 * {@code --quick} keeps the whole run within 5 minutes on 2 cores; {@code --prof jfr} adds JMH's Flight
 * Recorder profiler to every fork; {@code --only} runs one group (and then writes no report).
 */
public final class Main {
  static final String USAGE = "usage: java -jar benchmarks.jar [--quick] [--out FILE] [--specs DIR] [--only GROUP] "
      + "[--prof PROFILER]\n       groups: " + String.join(", ", Group.NAMES);

  static final List<String> PROVIDERS = List.of("stripe.yaml", "chartmogul.yaml", "chargeover.yaml");

  private Main() {}

  public static void main(String[] args) throws RunnerException, IOException, SpecException {
    boolean quick = false;
    Path out = Path.of("docs/benchmarks.md");
    Path specs = Path.of("specs");
    String only = null;
    String profiler = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--quick")) {
        quick = true;
        continue;
      }
      if (i + 1 >= args.length || !List.of("--out", "--specs", "--only", "--prof").contains(a)) usage(a);
      String value = args[++i];
      switch (a) {
        case "--out" -> out = Path.of(value);
        case "--specs" -> specs = Path.of(value);
        case "--only" -> only = value;
        default -> profiler = value;
      }
    }
    if (only != null && !Group.NAMES.contains(only)) usage(only);
    if (!Files.isRegularFile(specs.resolve("stripe.yaml"))) {
      System.err.println("benchmarks: no " + specs.resolve("stripe.yaml") + "; run from the repository root or pass --specs DIR");
      System.exit(2);
    }
    Machine before = Machine.now();
    Instant start = Instant.now();
    List<RunResult> results = new ArrayList<>();
    List<Group> ran = new ArrayList<>();
    for (Group g : Group.all(quick, specs.toAbsolutePath())) {
      if (only != null && !g.name().equals(only)) continue;
      ChainedOptionsBuilder o = g.options();
      if (profiler != null) o.addProfiler(profiler);
      results.addAll(new Runner(o.build()).run());
      ran.add(g);
    }
    if (only != null) return;
    Machine after = Machine.now();
    String command = "java -jar benchmarks/target/benchmarks.jar" + (quick ? " --quick" : "");
    int functions = SpecLoader.loadAll(PROVIDERS.stream().map(specs::resolve).toList()).stream()
        .mapToInt(s -> s.functions().size()).sum();
    String report = new Report(results, ran, before, after, Duration.between(start, Instant.now()), command, functions)
        .markdown();
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    String previous = Files.exists(out) ? Files.readString(out) : "";
    int notes = previous.indexOf("\n" + Report.NOTES + "\n");
    Files.writeString(out, report + (notes < 0 ? Report.NOTES + "\n" : previous.substring(notes + 1)));
    System.out.println("benchmarks: wrote " + out);
  }

  private static void usage(String bad) {
    System.err.println("benchmarks: unexpected '" + bad + "'\n" + USAGE);
    System.exit(2);
  }

  /** One JMH run: which benchmarks, in which mode and unit, with how much warm-up and measurement. */
  record Group(String name, String include, Mode mode, TimeUnit unit, int forks, int warmups, int iterations,
      Duration iterationTime, List<String> jvmArgs, String functions) {
    static final List<String> NAMES = List.of("generator", "openapi-generator", "sdk-latency", "sdk-throughput",
        "lua-bridge", "paging");

    static List<Group> all(boolean quick, Path specs) {
      List<String> genArgs = List.of("-Dspecloom.specs=" + specs);
      Duration second = Duration.ofSeconds(1);
      Duration two = Duration.ofSeconds(2);
      // Calls through the SDK and the Lua VM have more code to compile than a raw OkHttp call; with two cores
      // shared, a short warm-up measured the JIT still at work (scores fell in every measured iteration).
      return quick ? List.of(
          new Group("generator", bench(GeneratorBench.class), Mode.AverageTime, TimeUnit.MILLISECONDS, 1, 2, 3, second,
              genArgs, "250,1000,2000"),
          new Group("openapi-generator", bench(OpenApiGeneratorBench.class), Mode.AverageTime, TimeUnit.MILLISECONDS, 1,
              2, 2, second, List.of(), "250"),
          new Group("sdk-latency", bench(SdkCallBench.class), Mode.SampleTime, TimeUnit.MICROSECONDS, 1, 6, 3, second,
              List.of(), null),
          new Group("sdk-throughput", bench(SdkCallBench.class), Mode.Throughput, TimeUnit.SECONDS, 1, 6, 3, second,
              List.of(), null),
          new Group("lua-bridge", bench(LuaBridgeBench.class), Mode.SampleTime, TimeUnit.MICROSECONDS, 1, 6, 3, second,
              List.of(), null),
          new Group("paging", bench(PagingBench.class), Mode.SingleShotTime, TimeUnit.SECONDS, 1, 0, 1, Duration.ZERO,
              List.of("-Xmx64m"), null))
          : List.of(
          new Group("generator", bench(GeneratorBench.class), Mode.AverageTime, TimeUnit.MILLISECONDS, 2, 5, 5, two,
              genArgs, "250,1000,2000"),
          new Group("openapi-generator", bench(OpenApiGeneratorBench.class), Mode.AverageTime, TimeUnit.MILLISECONDS, 1,
              3, 5, two, List.of(), "250,1000"),
          new Group("sdk-latency", bench(SdkCallBench.class), Mode.SampleTime, TimeUnit.MICROSECONDS, 2, 5, 5, two,
              List.of(), null),
          new Group("sdk-throughput", bench(SdkCallBench.class), Mode.Throughput, TimeUnit.SECONDS, 2, 5, 5, two,
              List.of(), null),
          new Group("lua-bridge", bench(LuaBridgeBench.class), Mode.SampleTime, TimeUnit.MICROSECONDS, 2, 5, 5, two,
              List.of(), null),
          new Group("paging", bench(PagingBench.class), Mode.SingleShotTime, TimeUnit.SECONDS, 1, 1, 3, Duration.ZERO,
              List.of("-Xmx64m"), null));
    }

    private static String bench(Class<?> type) {
      return "^" + type.getName().replace(".", "\\.") + "\\.";
    }

    ChainedOptionsBuilder options() {
      ChainedOptionsBuilder o = new OptionsBuilder().include(include).mode(mode).timeUnit(unit).forks(forks)
          .warmupIterations(warmups).measurementIterations(iterations).shouldFailOnError(false)
          .jvmArgsAppend(jvmArgs.toArray(String[]::new));
      if (!iterationTime.isZero()) {
        o.warmupTime(TimeValue.milliseconds(iterationTime.toMillis()))
            .measurementTime(TimeValue.milliseconds(iterationTime.toMillis()));
      }
      if (functions != null) o.param("functions", functions.split(","));
      return o;
    }

    /** The settings as the report states them. */
    String settings() {
      String time = iterationTime.isZero() ? "one call each" : iterationTime.toSeconds() + " s each";
      return String.format("%s, %s; %d fork(s), %d warm-up + %d measured iterations (%s)%s", mode.longLabel(),
          unit.name().toLowerCase(java.util.Locale.ROOT), forks, warmups, iterations, time,
          jvmArgs.stream().filter(a -> a.startsWith("-X")).map(a -> ", fork " + a).findFirst().orElse(""));
    }
  }
}
