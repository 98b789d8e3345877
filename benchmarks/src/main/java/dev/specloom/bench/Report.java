package dev.specloom.bench;

import dev.specloom.bench.Bootstrap.Interval;
import dev.specloom.bench.Measurements.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;

/**
 * The measured part of docs/benchmarks.md: machine, the targets with the 95% interval of each measured ratio,
 * every score, the settings and the load during each fork; and the one-line summary the history keeps.
 */
final class Report {
  /** When a fork of a comparison ran and how busy the machine was (load averages before and after). */
  record Fork(String comparison, int fork, Duration took, String loadBefore, String loadAfter) {}

  private record Target(String what, String label, String measured, String met) {}

  private static final String P250 = "functions=250";
  private final Measurements m;
  private final List<Comparison> plan;
  private final List<Fork> forks;
  private final Machine before;
  private final Machine after;
  private final Duration took;
  private final String command;
  private final boolean quick;
  private final int providerFunctions;
  private final List<Target> targets = new ArrayList<>();
  private final String body;

  Report(Measurements m, List<Comparison> plan, List<Fork> forks, Machine before, Machine after, Duration took,
      String command, boolean quick, int providerFunctions) {
    this.m = m;
    this.plan = plan;
    this.forks = forks;
    this.before = before;
    this.after = after;
    this.took = took;
    this.command = command;
    this.quick = quick;
    this.providerFunctions = providerFunctions;
    this.body = generator() + sdk() + decode() + lua() + agentHost() + paging();
  }

  /** The whole measured part, up to the history. */
  String markdown() {
    StringBuilder md = new StringBuilder("# Benchmarks\n\n")
        .append("Written by `mvn -q -Pbench package -DskipTests && ").append(command).append("` (JMH 1.37) on ")
        .append(before.at()).append("; the run took ").append(took.toSeconds())
        .append(" s. Rerun the command to refresh this file; every figure above the history comes from that one run.")
        .append(quick ? " **This was a `--quick` run: one short fork per comparison, so no target is judged.**" : "")
        .append("\n\nHow to read it: the benchmarks compared with each other run in the same JVM, one after another"
            + " (the first one rotating from fork to fork), and each comparison runs in several forks, each a fresh"
            + " JVM. Every figure is the mean over all measured iterations of all forks, with its 95% interval from a"
            + " two-level bootstrap (forks resampled, then iterations within each fork; the two sides of a ratio"
            + " resampled with the same forks). A target counts as met only when its whole interval meets it.\n\n")
        .append("## Machine\n\n| | |\n|---|---|\n")
        .append(row("cores", String.valueOf(before.cores())))
        .append(row("memory", String.format(Locale.ROOT, "%.1f GiB", before.memoryBytes() / (double) (1L << 30))))
        .append(row("CPU", before.cpu()))
        .append(row("JVM", before.jvm()))
        .append(row("OS", before.os()))
        .append(row("load average (1, 5, 15 min), start", before.loadAverage()))
        .append(row("load average (1, 5, 15 min), end", after.loadAverage()))
        .append("\nA load average above the core count means other processes competed for the CPU; the load before"
            + " and after each fork is in the settings table.\n\n")
        .append(targets()).append('\n').append(body)
        .append("## Settings and load per fork\n\n| comparison | settings | forks: seconds, load before → after |\n|---|---|---|\n");
    for (Comparison c : plan) {
      String loads = forks.stream().filter(f -> f.comparison().equals(c.name()))
          .map(f -> f.took().toSeconds() + " s, " + first(f.loadBefore()) + " → " + first(f.loadAfter()))
          .collect(Collectors.joining("; "));
      if (!loads.isEmpty()) md.append(row(c.name(), c.settings(), loads));
    }
    return md.append("\nLoad figures are the 1-minute load average.\n\n").toString();
  }

  /** The targets table alone. */
  String targets() {
    StringBuilder s = new StringBuilder("## Targets\n\n| target | measured (95% interval) | met |\n|---|---|---|\n");
    for (Target t : targets) s.append(row(t.what(), t.measured(), t.met()));
    return s.toString();
  }

  /** This run as one row of the history table. */
  String historyRow() {
    long met = targets.stream().filter(t -> t.met().equals("yes")).count();
    String figures = targets.stream().map(t -> t.label() + " " + t.measured().replaceAll(" \\(.*", ""))
        .collect(Collectors.joining("; "));
    return row(before.at().toString().replace('T', ' ').replace("Z", ""), "`" + command.replace("java -jar benchmarks/target/benchmarks.jar", "benchmarks.jar") + "`",
        took.toSeconds() + " s", first(before.loadAverage()) + " → " + first(after.loadAverage()),
        quick ? "not judged" : met + " of " + targets.size(), figures);
  }

  private String generator() {
    StringBuilder s = new StringBuilder("## 1. Generator\n\n")
        .append("In process, in a warm JVM: load and validate the YAML, then write every target (Java SDK, Lua glue,"
            + " Markdown reference, docs site, OpenAPI, tool definitions, sandbox descriptor) to a fresh directory, or"
            + " the Java SDK target alone. openapi-generator writes its Java client (okhttp-gson, with API and model"
            + " docs, no generated tests) from the OpenAPI document Specloom emits for the same synthetic spec, so"
            + " both generate the same operations and models. CPU is the whole process's CPU time per run: Specloom"
            + " renders files on both cores, openapi-generator on one.\n\n")
        .append("| what | functions | wall ms per run | CPU ms per run |\n|---|---:|---:|---:|\n");
    s.append(row("Specloom, stripe + chartmogul + chargeover", String.valueOf(providerFunctions),
        mean(avgt("GeneratorBench.threeSpecs", "")), cpu("GeneratorBench.threeSpecs", "")));
    s.append(row("Specloom, the same, nothing changed (stamp checked, nothing written)", String.valueOf(providerFunctions),
        mean(avgt("GeneratorBench.threeSpecsUpToDate", "")), "–"));
    for (String[] r : new String[][] {{"GeneratorBench.synthetic", "Specloom, synthetic, every target", "250"},
        {"GeneratorBench.synthetic", "Specloom, synthetic, every target", "1000"},
        {"GeneratorBench.synthetic", "Specloom, synthetic, every target", "2000"},
        {"GeneratorBench.syntheticJavaSdk", "Specloom, synthetic, Java SDK alone", "250"},
        {"OpenApiGeneratorBench.javaClient", "openapi-generator, Java client", "250"}}) {
      s.append(row(r[1], r[2], mean(avgt(r[0], "functions=" + r[2])), cpu(r[0], "functions=" + r[2])));
    }
    Optional<Series> theirs = avgt("OpenApiGeneratorBench.javaClient", P250);
    target("generator, 250 functions, every target: ≥ 3× faster than openapi-generator", "every target",
        ratio(theirs, avgt("GeneratorBench.synthetic", P250)), "×", 3, true);
    target("generator, 250 functions, Java SDK alone: ≥ 4× faster than openapi-generator", "Java SDK",
        ratio(theirs, avgt("GeneratorBench.syntheticJavaSdk", P250)), "×", 4, true);
    target("generator: 2,000 functions in ≤ 2.1× the time of 1,000", "growth",
        ratio(avgt("GeneratorBench.synthetic", "functions=2000"), avgt("GeneratorBench.synthetic", "functions=1000")),
        "×", 2.1, false);
    target("generator: the three provider specs, every target, in < 1 s", "three specs",
        avgt("GeneratorBench.threeSpecs", "").map(Bootstrap::mean), " ms", 1000, false);
    target("generator: the three specs, nothing changed, skipped in ≤ 50 ms", "up to date",
        avgt("GeneratorBench.threeSpecsUpToDate", "").map(Bootstrap::mean), " ms", 50, false);
    return s.append('\n').toString();
  }

  private String sdk() {
    StringBuilder s = new StringBuilder("## 2. One SDK call over loopback\n\n")
        .append("Keep-alive HTTP/1.1 to a plain-socket server in the same JVM answering pre-rendered Stripe JSON in one"
            + " write (one customer; a page of 100), one client thread. Specloom: the generated `StripeClient`. Raw: the floor: the same request"
            + " through an `OkHttpClient` with the SDK's settings, decoded straight from the response source by the"
            + " SDK's own generated Moshi adapter, reused. stripe-java: its `StripeClient` with `setApiBase` pointed at"
            + " the server, retries off. Allocation is JMH's `gc.alloc.rate.norm` in the throughput run.\n\n")
        .append("| call | client | median µs | p90 µs | p99 µs | throughput ops/s | allocated bytes per call |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    for (String[] call : new String[][] {{"getCustomer", "get_customer"}, {"listCustomers", "list_customers (100)"}}) {
      for (String[] client : new String[][] {{"Specloom", "Specloom SDK"}, {"OkHttpMoshi", "raw OkHttp + Moshi"},
          {"StripeJava", "stripe-java"}}) {
        String b = "SdkCallBench." + call[0] + client[0];
        s.append(row(call[1], client[1], mean(sample(b, "p50")), mean(sample(b, "p90")), mean(sample(b, "p99")),
            mean(thrpt(b, "score")), mean(thrpt(b, "gc.alloc.rate.norm"))));
      }
    }
    for (String[] call : new String[][] {{"getCustomer", "get_customer", "get"}, {"listCustomers", "list_customers (100)", "list"}}) {
      target("SDK " + call[1] + ": throughput ≥ 1.3× stripe-java", call[2] + " vs stripe-java",
          ratio(thrpt("SdkCallBench." + call[0] + "Specloom", "score"), thrpt("SdkCallBench." + call[0] + "StripeJava", "score")),
          "×", 1.3, true);
    }
    for (String[] call : new String[][] {{"getCustomer", "get_customer", "get"}, {"listCustomers", "list_customers (100)", "list"}}) {
      target("SDK " + call[1] + ": median ≤ 1.10× raw OkHttp + Moshi", call[2] + " vs raw",
          ratio(sample("SdkCallBench." + call[0] + "Specloom", "p50"), sample("SdkCallBench." + call[0] + "OkHttpMoshi", "p50")),
          "×", 1.10, false);
    }
    return s.append('\n').toString();
  }

  private String decode() {
    Optional<Series> ours = m.get("DecodeBench.customerPageSpecloom", Mode.AverageTime, "", "gc.alloc.rate.norm");
    Optional<Series> theirs = m.get("DecodeBench.customerPageStripeJava", Mode.AverageTime, "", "gc.alloc.rate.norm");
    target("decoding: bytes allocated per decoded customer ≤ stripe-java's", "allocation vs stripe-java",
        ratio(ours, theirs), "×", 1.0, false);
    return "## 3. Decoding a page of 100 customers\n\n"
        + "The same page of 100 Stripe customers (the server's JSON) decoded from bytes in memory: by the SDK's"
        + " generated Moshi adapters, and as stripe-java decodes a response. Allocation per customer is JMH's"
        + " `gc.alloc.rate.norm` divided by 100.\n\n| decoder | µs per page | bytes allocated per customer |\n|---|---:|---:|\n"
        + row("Specloom (generated adapters)", mean(m.get("DecodeBench.customerPageSpecloom", Mode.AverageTime, "", "score")),
            mean(ours.map(x -> x.times(0.01))))
        + row("stripe-java (Gson)", mean(m.get("DecodeBench.customerPageStripeJava", Mode.AverageTime, "", "score")),
            mean(theirs.map(x -> x.times(0.01))))
        + "\n";
  }

  private String lua() {
    Optional<Series> lua = sample("LuaBridgeBench.luaGetCustomer", "p50");
    Optional<Series> java = sample("LuaBridgeBench.javaGetCustomer", "p50");
    target("Lua bridge: median ≤ 4 µs per call", "Lua median", lua.map(Bootstrap::mean), " µs", 4, false);
    target("Lua bridge: median ≤ 2× the typed Java call", "Lua vs Java", ratio(lua, java), "×", 2, false);
    return "## 4. Lua bridge\n\n"
        + "`get_customer` from a jailed script (argument checks, params, the call, the result handed to Lua,"
        + " instruction and allocation hooks on) against the typed Java call; both over an OkHttp interceptor that"
        + " answers from memory, so no socket is involved.\n\n| call | median µs | p90 µs | p99 µs |\n|---|---:|---:|---:|\n"
        + row("Lua `get_customer`", mean(lua), mean(sample("LuaBridgeBench.luaGetCustomer", "p90")),
            mean(sample("LuaBridgeBench.luaGetCustomer", "p99")))
        + row("typed Java `getCustomer`", mean(java), mean(sample("LuaBridgeBench.javaGetCustomer", "p90")),
            mean(sample("LuaBridgeBench.javaGetCustomer", "p99")))
        + "\n";
  }

  private String agentHost() {
    StringBuilder s = new StringBuilder("## 5. Agent host at scale\n\n")
        .append("One batch: 1,000 short agent scripts of 10 calls each (nine reads and a write across the three"
            + " providers) on a pool of 2 threads; each script runs as a host runs it, in its own jail (with its"
            + " instruction and allocation hooks) and thread, against the offline simulator over loopback HTTP, reset"
            + " to its seed data before each batch. Beside it plain LuaJ runs the same scripts with each call replaced"
            + " by a Lua function returning a table of the same shape: the difference is the bindings, the jail, HTTP"
            + " and the simulator. Peak heap is the heap in use at its highest during a batch (after a GC at its"
            + " start; the fork's default heap limit, so it includes garbage not yet collected).\n\n")
        .append("| host | ms per batch | scripts per second | peak heap MiB |\n|---|---:|---:|---:|\n");
    for (String[] h : new String[][] {{"AgentHostBench.hostScripts", "Specloom Lua host + simulator"},
        {"AgentHostBench.plainLuaScripts", "plain LuaJ, no bindings"}}) {
      Optional<Series> time = m.get(h[0], Mode.SingleShotTime, "", "score");
      s.append(row(h[1], mean(time), mean(time.map(t -> t.map(ms -> 1000 * 1000 / ms))),
          mean(m.get(h[0], Mode.SingleShotTime, "", "peakHeapMiB"))));
    }
    return s.append('\n').toString();
  }

  private String paging() {
    Optional<Series> r = m.get("PagingBench.autoPageMillion", Mode.SingleShotTime, "", "score");
    target("auto-paging 1,000,000 items under -Xmx64m in ≤ 8 s", "paging", r.map(Bootstrap::mean), " s", 8, false);
    return "## 6. Auto-paging under -Xmx64m\n\n"
        + "`listCustomersAutoPaging` over 1,000,000 customers in 10,000 pages of 100 from a loopback server in the"
        + " same JVM, started with `-Xmx64m` (the benchmark refuses a larger heap) and checked to end at the"
        + " millionth customer.\n\n| items | pages | heap limit | seconds |\n|---:|---:|---|---:|\n"
        + "| 1,000,000 | 10,000 | 64 MiB | " + mean(r) + " |\n\n";
  }

  private Optional<Series> avgt(String benchmark, String params) {
    return m.get(benchmark, Mode.AverageTime, params, "score");
  }

  private Optional<Series> sample(String benchmark, String metric) {
    return m.get(benchmark, Mode.SampleTime, "", metric);
  }

  private Optional<Series> thrpt(String benchmark, String metric) {
    return m.get(benchmark, Mode.Throughput, "", metric);
  }

  /** CPU milliseconds per run, from {@link CpuTime}'s counters. */
  private String cpu(String benchmark, String params) {
    Optional<Series> nanos = m.get(benchmark, Mode.AverageTime, params, "cpuNanos");
    Optional<Series> calls = m.get(benchmark, Mode.AverageTime, params, "calls");
    return nanos.isEmpty() || calls.isEmpty() ? "–" : mean(Optional.of(nanos.get().per(calls.get()).times(1e-6)));
  }

  private static Optional<Interval> ratio(Optional<Series> a, Optional<Series> b) {
    return a.isEmpty() || b.isEmpty() ? Optional.empty() : Optional.of(Bootstrap.ratio(a.get(), b.get()));
  }

  private void target(String what, String label, Optional<Interval> measured, String unit, double bound, boolean atLeast) {
    String met;
    if (measured.isEmpty()) met = "**no** (not measured)";
    else if (quick) met = "not judged (quick run)";
    else met = (atLeast ? measured.get().low() >= bound : measured.get().high() <= bound) ? "yes" : "**no**";
    targets.add(new Target(what, label, measured.map(i -> interval(i, unit)).orElse("not measured"), met));
  }

  /** {@code 3.12× (2.90–3.35×)}. */
  private static String interval(Interval i, String unit) {
    return fmt(i.value()) + unit + " (" + fmt(i.low()) + "–" + fmt(i.high()) + unit + ")";
  }

  /** A mean with its interval, e.g. {@code 412 (398–430)}, or a dash when not measured. */
  private static String mean(Optional<Series> s) {
    return s.map(Bootstrap::mean).map(i -> interval(i, "")).orElse("–");
  }

  private static String first(String loadAverages) {
    return loadAverages.split(",")[0].trim();
  }

  static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  static String fmt(double x) {
    double a = Math.abs(x);
    if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", x);
    if (a >= 100) return String.format(Locale.ROOT, "%.0f", x);
    if (a >= 10) return String.format(Locale.ROOT, "%.1f", x);
    return String.format(Locale.ROOT, "%.2f", x);
  }
}
