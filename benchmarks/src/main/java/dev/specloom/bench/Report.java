package dev.specloom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The measured part of docs/benchmarks.md: machine, settings, every score, the ratios and whether each target is
 * met. The hand-written notes that follow it (from {@link #NOTES} on) are kept when the file is rewritten.
 */
final class Report {
  static final String NOTES = "## Notes";
  private final Collection<RunResult> results;
  private final List<Main.Group> groups;
  private final Machine before;
  private final Machine after;
  private final Duration took;
  private final String command;
  private final int providerFunctions;
  private final List<String[]> targets = new ArrayList<>();

  Report(Collection<RunResult> results, List<Main.Group> groups, Machine before, Machine after, Duration took,
      String command, int providerFunctions) {
    this.results = results;
    this.groups = groups;
    this.before = before;
    this.after = after;
    this.took = took;
    this.command = command;
    this.providerFunctions = providerFunctions;
  }

  String markdown() {
    String generator = generator();
    String sdk = sdk();
    String lua = lua();
    String paging = paging();
    StringBuilder md = new StringBuilder("# Benchmarks\n\n")
        .append("Written by `mvn -q -Pbench package -DskipTests && ").append(command).append("` (JMH ")
        .append(jmhVersion()).append(") on ").append(before.at()).append("; the run took ").append(took.toSeconds())
        .append(" s. Rerun the command to refresh this file; every figure below comes from that one run.\n\n")
        .append("## Machine\n\n| | |\n|---|---|\n")
        .append(row("cores", String.valueOf(before.cores())))
        .append(row("memory", String.format(Locale.ROOT, "%.1f GiB", before.memoryBytes() / (double) (1L << 30))))
        .append(row("CPU", before.cpu()))
        .append(row("JVM", before.jvm()))
        .append(row("OS", before.os()))
        .append(row("load average (1, 5, 15 min), start", before.loadAverage()))
        .append(row("load average (1, 5, 15 min), end", after.loadAverage()))
        .append("\nA load average above the core count means other processes competed for the CPU during the run;"
            + " absolute times then read high, ratios between clients measured in the same run less so.\n\n")
        .append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
    for (String[] t : targets) md.append("| ").append(String.join(" | ", t)).append(" |\n");
    md.append('\n').append(generator).append(sdk).append(lua).append(paging)
        .append("## JMH settings\n\n| group | settings |\n|---|---|\n");
    for (Main.Group g : groups) md.append(row(g.name(), g.settings()));
    md.append("\nScores are means with JMH's 99.9% confidence half-width (±) where JMH can compute one; latency"
        + " percentiles come from JMH's sample-time mode.\n\n");
    return md.toString();
  }

  private String generator() {
    StringBuilder s = new StringBuilder("## 1. Generator\n\n")
        .append("In process: load and validate the YAML, then write every target (Java SDK, Lua glue, Markdown"
            + " reference, docs site, OpenAPI, tool definitions, sandbox descriptor) to a fresh directory, or the Java"
            + " SDK target alone. openapi-generator writes its Java client (okhttp-gson, with API and model docs, no"
            + " generated tests) from the OpenAPI document Specloom emits for the same synthetic spec, so both sides"
            + " generate the same operations and models; the Java SDK alone is the like-for-like comparison.\n\n")
        .append("| what | functions | wall ms per run | CPU ms per run (benchmark thread) |\n|---|---:|---:|---:|\n");
    Optional<Result> three = find("GeneratorBench.threeSpecs", Mode.AverageTime, null);
    s.append(row("Specloom, stripe + chartmogul + chargeover", String.valueOf(providerFunctions), score(three),
        cpu(cpuMillis("GeneratorBench.threeSpecs", null))));
    for (String n : List.of("250", "1000", "2000")) {
      s.append(row("Specloom, synthetic", n, score(find("GeneratorBench.synthetic", Mode.AverageTime, n)),
          cpu(cpuMillis("GeneratorBench.synthetic", n))));
    }
    for (String n : List.of("250", "1000", "2000")) {
      s.append(row("Specloom, synthetic, Java SDK alone", n,
          score(find("GeneratorBench.syntheticJavaSdk", Mode.AverageTime, n)), cpu(cpuMillis("GeneratorBench.syntheticJavaSdk", n))));
    }
    for (String n : List.of("250", "1000")) {
      Optional<Result> r = find("OpenApiGeneratorBench.javaClient", Mode.AverageTime, n);
      if (r.isPresent()) {
        s.append(row("openapi-generator, Java client", n, score(r), cpu(cpuMillis("OpenApiGeneratorBench.javaClient", n))));
      }
    }
    target("generator: the three specs in process in under 1 s", three.map(r -> fmt(r.getScore()) + " ms"),
        three.map(r -> r.getScore() < 1000));
    for (String n : List.of("250", "1000")) {
      for (String[] ours : new String[][] {{"GeneratorBench.synthetic", "every target"},
          {"GeneratorBench.syntheticJavaSdk", "Java SDK alone"}}) {
        targetVsOpenApiGenerator(n, ours[0], ours[1]);
      }
    }
    Optional<Double> growth = ratio(find("GeneratorBench.synthetic", Mode.AverageTime, "2000"),
        find("GeneratorBench.synthetic", Mode.AverageTime, "1000"));
    Optional<Double> early = ratio(find("GeneratorBench.synthetic", Mode.AverageTime, "1000"),
        find("GeneratorBench.synthetic", Mode.AverageTime, "250"));
    Optional<Double> cpuGrowth = ratio(cpuMillis("GeneratorBench.synthetic", "2000"),
        cpuMillis("GeneratorBench.synthetic", "1000"));
    target("generator: 2,000 functions in ≤ 2.2× the time of 1,000",
        growth.map(x -> fmt(x) + "× wall" + cpuGrowth.map(c -> ", " + fmt(c) + "× CPU").orElse("")),
        growth.map(x -> x <= 2.2));
    s.append("\nGrowth: 1,000 functions take ").append(early.map(x -> fmt(x) + "×").orElse("n/a"))
        .append(" the time of 250 (4× the functions); 2,000 take ").append(growth.map(x -> fmt(x) + "×").orElse("n/a"))
        .append(" the time of 1,000 (2× the functions).\n\n");
    return s.toString();
  }

  /** One ratio against openapi-generator's Java client, as a target row (skipped where either is missing). */
  private void targetVsOpenApiGenerator(String n, String benchmark, String what) {
    Optional<Result> theirs = find("OpenApiGeneratorBench.javaClient", Mode.AverageTime, n);
    Optional<Result> ours = find(benchmark, Mode.AverageTime, n);
    if (theirs.isEmpty() || ours.isEmpty()) return;
    Optional<Double> ratio = ratio(theirs, ours);
    Optional<Double> cpuRatio = ratio(cpuMillis("OpenApiGeneratorBench.javaClient", n), cpuMillis(benchmark, n));
    target("generator: ≥ 10× faster than openapi-generator (" + n + " functions, " + what + ")",
        ratio.map(x -> fmt(x) + "× wall (" + fmt(ours.get().getScore()) + " vs " + fmt(theirs.get().getScore())
            + " ms)" + cpuRatio.map(c -> ", " + fmt(c) + "× CPU").orElse("")),
        ratio.map(x -> x >= 10));
  }

  private String sdk() {
    StringBuilder s = new StringBuilder("## 2. One SDK call over loopback\n\n")
        .append("Keep-alive HTTP/1.1 to a JDK HttpServer in the same JVM answering canned Stripe JSON (one customer;"
            + " a page of 100). Specloom: the generated `StripeClient`. Raw: the same request and headers through a"
            + " plain `OkHttpClient`, decoded by Moshi into the same model classes. stripe-java: `StripeClient` with"
            + " `setApiBase` pointed at the server, retries off. One thread.\n\n")
        .append("| call | client | median µs | p90 µs | p99 µs | samples | throughput ops/s |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    for (String[] call : new String[][] {{"getCustomer", "get_customer"}, {"listCustomers", "list_customers (100)"}}) {
      for (String[] client : new String[][] {{"Specloom", "Specloom SDK"}, {"OkHttpMoshi", "raw OkHttp + Moshi"},
          {"StripeJava", "stripe-java"}}) {
        String name = "SdkCallBench." + call[0] + client[0];
        Optional<Result> sample = find(name, Mode.SampleTime, null);
        Optional<Result> tput = find(name, Mode.Throughput, null);
        s.append(row(call[1], client[1], percentiles(sample), score(tput)));
      }
      Optional<Double> latency = ratio(median("SdkCallBench." + call[0] + "Specloom"),
          median("SdkCallBench." + call[0] + "OkHttpMoshi"));
      target("SDK " + call[1] + ": median ≤ 1.10× raw OkHttp + Moshi", latency.map(x -> fmt(x) + "×"),
          latency.map(x -> x <= 1.10));
    }
    for (String[] call : new String[][] {{"getCustomer", "get_customer"}, {"listCustomers", "list_customers (100)"}}) {
      Optional<Double> tput = ratio(find("SdkCallBench." + call[0] + "Specloom", Mode.Throughput, null),
          find("SdkCallBench." + call[0] + "StripeJava", Mode.Throughput, null));
      target("SDK " + call[1] + ": throughput ≥ 1.2× stripe-java", tput.map(x -> fmt(x) + "×"), tput.map(x -> x >= 1.2));
    }
    return s.append('\n').toString();
  }

  private String lua() {
    Optional<Result> lua = find("LuaBridgeBench.luaGetCustomer", Mode.SampleTime, null);
    Optional<Result> java = find("LuaBridgeBench.javaGetCustomer", Mode.SampleTime, null);
    StringBuilder s = new StringBuilder("## 3. Lua bridge\n\n")
        .append("`get_customer` from a jailed script (argument validation, params, the call, the result converted"
            + " to Lua tables, instruction and allocation hooks on) against the typed Java call; both over an OkHttp"
            + " interceptor that answers from memory, so no socket is involved.\n\n")
        .append("| call | median µs | p90 µs | p99 µs | samples |\n|---|---:|---:|---:|---:|\n");
    s.append(row("Lua `get_customer`", percentiles(lua)));
    s.append(row("typed Java `getCustomer`", percentiles(java)));
    Optional<Double> luaMedian = lua.map(r -> r.getStatistics().getPercentile(50));
    target("Lua bridge: ≤ 5 µs median per call", luaMedian.map(x -> fmt(x) + " µs"), luaMedian.map(x -> x <= 5));
    Optional<Double> ratio = ratio(median("LuaBridgeBench.luaGetCustomer"), median("LuaBridgeBench.javaGetCustomer"));
    target("Lua bridge: ≤ 3× the typed Java call", ratio.map(x -> fmt(x) + "×"), ratio.map(x -> x <= 3));
    return s.append('\n').toString();
  }

  private String paging() {
    Optional<Result> r = find("PagingBench.autoPageMillion", Mode.SingleShotTime, null);
    target("auto-paging 1,000,000 items completes under -Xmx64m",
        Optional.of(r.map(x -> "completed, " + fmt(x.getScore()) + " s").orElse("did not complete")),
        Optional.of(r.isPresent()));
    return "## 4. Auto-paging under -Xmx64m\n\n"
        + "`listCustomersAutoPaging` over 1,000,000 customers in 10,000 pages of 100 from a loopback server in the"
        + " same forked JVM, started with `-Xmx64m` (the benchmark refuses to run with a larger heap) and checked to"
        + " end at the millionth customer.\n\n| items | pages | heap limit | seconds | completed |\n|---:|---:|---|---:|---|\n"
        + "| 1,000,000 | 10,000 | 64 MiB | " + r.map(x -> fmt(x.getScore())).orElse("–") + " | "
        + (r.isPresent() ? "yes" : "no") + " |\n\n";
  }

  private Optional<Result> find(String benchmark, Mode mode, String functions) {
    return run(benchmark, mode, functions).map(RunResult::getPrimaryResult);
  }

  private Optional<RunResult> run(String benchmark, Mode mode, String functions) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark) && r.getParams().getMode() == mode)
        .filter(r -> functions == null || functions.equals(r.getParams().getParam("functions")))
        .findFirst();
  }

  /** The benchmark thread's CPU milliseconds per call, from {@link CpuTime}'s counters. */
  private Optional<Double> cpuMillis(String benchmark, String functions) {
    return run(benchmark, Mode.AverageTime, functions).flatMap(r -> {
      Result nanos = r.getSecondaryResults().get("cpuNanos");
      Result calls = r.getSecondaryResults().get("calls");
      return nanos == null || calls == null || calls.getScore() == 0 ? Optional.empty()
          : Optional.of(nanos.getScore() / calls.getScore() / 1e6);
    });
  }

  private Optional<Double> median(String benchmark) {
    return find(benchmark, Mode.SampleTime, null).map(r -> r.getStatistics().getPercentile(50));
  }

  private static Optional<Double> ratio(Optional<?> a, Optional<?> b) {
    if (a.isEmpty() || b.isEmpty()) return Optional.empty();
    return Optional.of(value(a.get()) / value(b.get()));
  }

  private static double value(Object o) {
    return o instanceof Result r ? r.getScore() : (Double) o;
  }

  private void target(String what, Optional<String> measured, Optional<Boolean> met) {
    targets.add(new String[] {what, measured.orElse("not measured"), met.map(m -> m ? "yes" : "**no**").orElse("**no**")});
  }

  private static String score(Optional<Result> r) {
    if (r.isEmpty()) return "failed";
    double error = r.get().getScoreError();
    return fmt(r.get().getScore()) + (Double.isNaN(error) ? "" : " ± " + fmt(error));
  }

  private static String cpu(Optional<Double> millis) {
    return millis.map(Report::fmt).orElse("–");
  }

  /** Median, p90, p99 and sample count as four table cells. */
  private static String percentiles(Optional<Result> r) {
    if (r.isEmpty()) return "failed |  |  | ";
    var st = r.get().getStatistics();
    return fmt(st.getPercentile(50)) + " | " + fmt(st.getPercentile(90)) + " | " + fmt(st.getPercentile(99)) + " | "
        + st.getN();
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  static String fmt(double x) {
    if (x >= 1000) return String.format(Locale.ROOT, "%,.0f", x);
    if (x >= 100) return String.format(Locale.ROOT, "%.0f", x);
    if (x >= 10) return String.format(Locale.ROOT, "%.1f", x);
    return String.format(Locale.ROOT, "%.2f", x);
  }

  private String jmhVersion() {
    return results.stream().findFirst().map(r -> r.getParams().getJmhVersion()).orElse("?");
  }
}
