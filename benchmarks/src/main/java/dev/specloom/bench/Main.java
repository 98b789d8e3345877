package dev.specloom.bench;

import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs every comparison, fork by fork, and writes the report.
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--quick] [--out FILE] [--specs DIR] [--only COMPARISON] [--prof PROFILER]
 * </pre>
 * Run from the repository root (the defaults are {@code docs/benchmarks.md} and {@code specs}). Each fork of a
 * {@link Comparison} is a child JVM ({@link PairedFork}); its JMH log is kept next to its results in a folder the
 * run names. The report's measured part is rewritten, a row is added to its history, and its notes section,
 * written by hand, is kept. {@code --quick} runs one short fork per comparison for development: its figures
 * have no real interval, so it judges no target. {@code --only} runs one comparison and writes no report.
 */
public final class Main {
  static final String USAGE = "usage: java -jar benchmarks.jar [--quick] [--out FILE] [--specs DIR] [--only COMPARISON] "
      + "[--prof PROFILER]\n       comparisons: ";

  static final List<String> PROVIDERS = List.of("stripe.yaml", "chartmogul.yaml", "chargeover.yaml");

  private Main() {}

  public static void main(String[] args) throws IOException, InterruptedException, SpecException {
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
    List<Comparison> plan = plan(quick, profiler);
    String wanted = only;
    if (only != null && plan.stream().noneMatch(c -> c.name().equals(wanted))) usage(only);
    if (!Files.isRegularFile(specs.resolve("stripe.yaml"))) {
      System.err.println("benchmarks: no " + specs.resolve("stripe.yaml") + "; run from the repository root or pass --specs DIR");
      System.exit(2);
    }
    Path logs = Files.createTempDirectory("specloom-bench-");
    System.out.println("benchmarks: JMH logs and raw results in " + logs);
    Machine before = Machine.now();
    Instant start = Instant.now();
    Measurements measured = new Measurements();
    List<Report.Fork> forks = new ArrayList<>();
    for (Comparison c : plan) {
      if (only != null && !c.name().equals(only)) continue;
      for (int fork = 0; fork < c.forks(); fork++) {
        forks.add(runFork(c, fork, specs.toAbsolutePath(), logs, measured));
      }
    }
    Report report = new Report(measured, plan, forks, before, Machine.now(), Duration.between(start, Instant.now()),
        "java -jar benchmarks/target/benchmarks.jar" + (quick ? " --quick" : ""), quick, functions(specs));
    if (only != null) {
      report.targets().lines().filter(l -> !l.contains("not measured")).forEach(System.out::println);
      return;
    }
    ReportFile.write(out, report);
    System.out.println("benchmarks: wrote " + out);
  }

  /** Runs one fork as a child JVM and adds what it measured; returns when and under what load it ran. */
  private static Report.Fork runFork(Comparison c, int fork, Path specs, Path logs, Measurements measured)
      throws IOException, InterruptedException {
    String name = c.name() + "-fork" + (fork + 1);
    Path results = logs.resolve(name + ".tsv");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(c.jvmArgs());
    command.addAll(List.of("-Dspecloom.specs=" + specs, "-cp", System.getProperty("java.class.path"),
        PairedFork.class.getName(), results.toString(), String.valueOf(c.warmups()), String.valueOf(c.iterations()),
        String.valueOf(c.iterationTime().toMillis()), String.join(",", c.profilers())));
    c.order(fork).forEach(r -> command.add(r.encode()));
    String loadBefore = Machine.currentLoad();
    Instant start = Instant.now();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile())
        .start();
    int exit = p.waitFor();
    Duration took = Duration.between(start, Instant.now());
    String loadAfter = Machine.currentLoad();
    System.out.printf("benchmarks: %s fork %d of %d, %d s, load %s -> %s%s%n", c.name(), fork + 1, c.forks(),
        took.toSeconds(), loadBefore, loadAfter, exit == 0 ? "" : ", exit " + exit + " (see " + name + ".log)");
    if (Files.exists(results)) measured.add(fork, results);
    return new Report.Fork(c.name(), fork, took, loadBefore, loadAfter);
  }

  private static int functions(Path specs) throws SpecException {
    return SpecLoader.loadAll(PROVIDERS.stream().map(specs::resolve).toList()).stream()
        .mapToInt(s -> s.functions().size()).sum();
  }

  private static void usage(String bad) {
    System.err.println("benchmarks: unexpected '" + bad + "'\n" + USAGE
        + String.join(", ", plan(false, null).stream().map(Comparison::name).toList()));
    System.exit(2);
  }

  static final String GENERATOR = "dev.specloom.bench.GeneratorBench.";
  static final String OPENAPI_GENERATOR = "dev.specloom.bench.OpenApiGeneratorBench.javaClient";
  static final String SDK = "dev.specloom.bench.SdkCallBench.";
  static final String DECODE = "dev.specloom.bench.DecodeBench.";
  static final String LUA = "dev.specloom.lua.LuaBridgeBench.";
  static final String HOST = "dev.specloom.lua.AgentHostBench.";
  static final String PAGING = "dev.specloom.bench.PagingBench.autoPageMillion";
  static final List<String> CLIENTS = List.of("Specloom", "OkHttpMoshi", "StripeJava");

  /**
   * What a run measures. A full run gives every comparison at least 3 forks; a quick one gives one fork of a few
   * short iterations, enough to see that everything runs and roughly where it stands.
   */
  static List<Comparison> plan(boolean quick, String profiler) {
    int forks = quick ? 1 : 3;
    Duration second = Duration.ofSeconds(1);
    List<String> gc = Stream.concat(Stream.of("gc"), Stream.ofNullable(profiler)).toList();
    List<String> extra = Stream.ofNullable(profiler).toList();
    var ms = TimeUnit.MILLISECONDS;
    return List.of(
        new Comparison("generator", List.of(
            run(GENERATOR + "synthetic", Mode.AverageTime, ms).with("functions", "250"),
            run(GENERATOR + "syntheticJavaSdk", Mode.AverageTime, ms).with("functions", "250"),
            run(OPENAPI_GENERATOR, Mode.AverageTime, ms).with("functions", "250"),
            run(GENERATOR + "threeSpecs", Mode.AverageTime, ms),
            run(GENERATOR + "threeSpecsUpToDate", Mode.AverageTime, ms)),
            forks, quick ? 2 : 6, quick ? 3 : 5, Duration.ofSeconds(2), List.of(), extra),
        new Comparison("generator-growth", List.of(
            run(GENERATOR + "synthetic", Mode.AverageTime, ms).with("functions", "1000"),
            run(GENERATOR + "synthetic", Mode.AverageTime, ms).with("functions", "2000")),
            // At 2,000 functions one run takes seconds: 6-second iterations hold a few runs each, not one.
            forks, quick ? 1 : 3, quick ? 2 : 5, Duration.ofSeconds(quick ? 3 : 6), List.of(), extra),
        sdk("sdk-get", "getCustomer", quick, gc),
        sdk("sdk-list", "listCustomers", quick, gc),
        new Comparison("decode", List.of(run(DECODE + "customerPageSpecloom", Mode.AverageTime, TimeUnit.MICROSECONDS),
            run(DECODE + "customerPageStripeJava", Mode.AverageTime, TimeUnit.MICROSECONDS)),
            forks, quick ? 2 : 5, quick ? 3 : 6, second, List.of(), gc),
        new Comparison("lua-bridge", List.of(run(LUA + "luaGetCustomer", Mode.SampleTime, TimeUnit.MICROSECONDS),
            run(LUA + "javaGetCustomer", Mode.SampleTime, TimeUnit.MICROSECONDS)),
            forks, quick ? 3 : 6, quick ? 3 : 8, second, List.of(), extra),
        new Comparison("agent-host", List.of(run(HOST + "hostScripts", Mode.SingleShotTime, TimeUnit.MILLISECONDS),
            run(HOST + "plainLuaScripts", Mode.SingleShotTime, TimeUnit.MILLISECONDS)),
            forks, quick ? 1 : 3, quick ? 2 : 5, Duration.ZERO, List.of(), extra),
        new Comparison("paging", List.of(run(PAGING, Mode.SingleShotTime, TimeUnit.SECONDS)),
            forks, quick ? 0 : 1, quick ? 1 : 2, Duration.ZERO, List.of("-Xmx64m"), extra));
  }

  /** One Stripe call by the three clients, in throughput and sample-time mode, allocation measured. */
  private static Comparison sdk(String name, String call, boolean quick, List<String> profilers) {
    List<Comparison.Run> runs = new ArrayList<>();
    for (Mode mode : List.of(Mode.Throughput, Mode.SampleTime)) {
      for (String client : CLIENTS) {
        runs.add(run(SDK + call + client, mode, mode == Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS));
      }
    }
    return new Comparison(name, runs, quick ? 1 : 3, quick ? 3 : 5, quick ? 3 : 6, Duration.ofSeconds(1), List.of(),
        profilers);
  }

  private static Comparison.Run run(String benchmark, Mode mode, TimeUnit unit) {
    return new Comparison.Run(benchmark, mode, unit, java.util.Map.of());
  }
}
