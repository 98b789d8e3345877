package dev.specloom.lua;

import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.OfflineSandbox;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An agent host at scale: one invocation runs {@link #SCRIPTS} short agent scripts of ten calls each (nine reads
 * and a write across the three providers) on a fixed pool of two threads, each script in its own jail through
 * {@link IntegrationHost#run}, as a real host does, against the offline sandbox over loopback HTTP.
 * {@code plainLuaScripts} runs the same scripts in plain LuaJ globals (no jail, no hooks, no thread per script)
 * where each of the ten calls is a Lua function returning a table of the same shape, so the difference between
 * the two is the bindings, the jail, HTTP and the simulator. Scripts per second = {@link #SCRIPTS} / score;
 * {@code peakHeapMiB} is the heap pools' peaks summed over the invocation (reset after a GC at its start), sandbox
 * included. Every script prints one line, which must be {@code ok <n>}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgentHostBench {
  static final int SCRIPTS = 1000;
  static final int THREADS = 2;

  /** Ten calls, one a write; what it prints checks that the calls answered what they should. */
  private static final String SCRIPT = """
      local stripe = app.integrations.stripe
      local c = stripe.create_customer({ name = "Agent " .. n, email = "agent" .. n .. "@example.com", metadata = { run = "bench" } })
      local got = stripe.get_customer({ id = c.id })
      local again = stripe.get_customer({ id = c.id })
      local recent = stripe.list_customers({ limit = 10 })
      local products = stripe.list_products({ limit = 10 })
      local prices = stripe.list_prices({ limit = 10 })
      local invoices = stripe.list_invoices({ limit = 10 })
      local balance = stripe.get_balance({})
      local people = app.integrations.chartmogul.list_customers({ per_page = 20 })
      local bills = app.integrations.chargeover.list_invoices({})
      local named = 0
      for _, cu in ipairs(recent.customers) do if cu.id then named = named + 1 end end
      local ok = got.id == c.id and again.email == "agent" .. n .. "@example.com" and named > 0
        and type(products.products) == "table" and type(prices.prices) == "table" and type(invoices.invoices) == "table"
        and type(balance.available) == "table" and type(people.entries) == "table" and type(bills.invoices) == "table"
      print((ok and "ok " or "mismatch ") .. n)
      """;

  /**
   * The plain baseline's stand-ins for the ten calls: Lua functions that return tables shaped like the
   * simulator's answers (a customer's fields, pages of ten).
   */
  private static final String PLAIN_APP = """
      local function customer(id, name, email)
        return { id = id, object = "customer", name = name, email = email, balance = 0, created = 1712304000,
          livemode = false, delinquent = false, invoice_prefix = "ABCD1234", next_invoice_sequence = 1,
          preferred_locales = {}, metadata = { run = "bench" } }
      end
      local last
      local function page(key, make)
        local items = {}
        for i = 1, 10 do items[i] = make(i) end
        return { object = "list", url = "/v1/x", has_more = false, [key] = items }
      end
      app = { integrations = {
        stripe = {
          create_customer = function(a) last = customer("cus_" .. a.email, a.name, a.email); return last end,
          get_customer = function(a) return customer(a.id, last.name, last.email) end,
          list_customers = function(a) return page("customers", function(i) return customer("cus_" .. i, "n" .. i, "e" .. i) end) end,
          list_products = function(a) return page("products", function(i) return { id = "prod_" .. i, object = "product", name = "p" .. i, active = true } end) end,
          list_prices = function(a) return page("prices", function(i) return { id = "price_" .. i, object = "price", unit_amount = 100 * i, currency = "usd" } end) end,
          list_invoices = function(a) return page("invoices", function(i) return { id = "in_" .. i, object = "invoice", status = "open", amount_due = i } end) end,
          get_balance = function(a) return { object = "balance", available = { { amount = 0, currency = "usd" } }, pending = { { amount = 0, currency = "usd" } }, livemode = false } end,
        },
        chartmogul = {
          list_customers = function(a) return page("entries", function(i) return { uuid = "cus_" .. i, name = "n" .. i, email = "e" .. i } end) end,
        },
        chargeover = {
          list_invoices = function(a) return page("invoices", function(i) return { invoice_id = i, total = 10 * i, invoice_status_name = "Unpaid" } end) end,
        },
      } }
      """;

  OfflineSandbox sandbox;
  IntegrationHost host;
  List<String> scripts;
  ExecutorService pool;
  Prototype plainApp;

  /** The invocation's peak heap, reported beside the time by JMH. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    public double peakHeapMiB;
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    List<ProviderBinding> bindings = Bindings.all();
    sandbox = OfflineSandbox.start(bindings.stream().map(ProviderBinding::provider).toList());
    IntegrationHost.Builder b = IntegrationHost.builder().bindings(bindings);
    for (Account a : OfflineAccounts.of(sandbox, bindings)) b.account(a);
    host = b.build();
    scripts = new ArrayList<>(SCRIPTS);
    // Each script its own source, as agents' scripts are: the host compiles every one.
    for (int n = 0; n < SCRIPTS; n++) scripts.add("local n = " + n + "\n" + SCRIPT);
    pool = Executors.newFixedThreadPool(THREADS);
    // Compiled once, as the host's bindings are built once; each script gets its own closure of it.
    plainApp = LuaC.instance.compile(new ByteArrayInputStream(PLAIN_APP.getBytes(StandardCharsets.UTF_8)), "app");
  }

  @TearDown(Level.Trial)
  public void stop() {
    pool.shutdownNow();
    sandbox.close();
  }

  /** Every invocation starts from the sandbox's seed data (a run's writes would grow the lists the next one reads). */
  @Setup(Level.Iteration)
  public void resetPeak() {
    sandbox.reset();
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
  }

  @Benchmark
  public int hostScripts(Heap heap) throws Exception {
    return batch(heap, n -> {
      String[] printed = new String[1];
      ScriptResult r = host.run(scripts.get(n), "agent-" + n, line -> printed[0] = line);
      if (!r.ok()) throw new IllegalStateException("agent-" + n + ": " + r.error());
      return printed[0];
    });
  }

  @Benchmark
  public int plainLuaScripts(Heap heap) throws Exception {
    return batch(heap, n -> {
      String[] printed = new String[1];
      Globals g = plainGlobals(line -> printed[0] = line);
      new LuaClosure(plainApp, g).call();
      g.load(scripts.get(n), "agent-" + n).call();
      return printed[0];
    });
  }

  /** One script: its number in, its printed line out. */
  private interface Script {
    String run(int n) throws Exception;
  }

  /** Runs every script on the pool, checks each printed {@code ok <n>}, and records the peak heap. */
  private int batch(Heap heap, Script script) throws Exception {
    List<Future<String>> done = new ArrayList<>(SCRIPTS);
    for (int i = 0; i < SCRIPTS; i++) {
      int n = i;
      done.add(pool.submit(() -> script.run(n)));
    }
    for (int n = 0; n < SCRIPTS; n++) {
      String line = done.get(n).get();
      if (!("ok " + n).equals(line)) throw new IllegalStateException("script " + n + " printed " + line);
    }
    heap.peakHeapMiB = peakHeap() / (1024.0 * 1024.0);
    return SCRIPTS;
  }

  /** The libraries the jail allows, in plain LuaJ globals: no hooks, no budget, LuaJ's own string and table. */
  static Globals plainGlobals(Consumer<String> print) {
    Globals g = new Globals();
    g.load(new BaseLib());
    g.load(new PackageLib());
    g.load(new StringLib());
    g.load(new TableLib());
    g.load(new JseMathLib());
    LoadState.install(g);
    LuaC.install(g);
    g.set("print", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= args.narg(); i++) {
          if (i > 1) line.append('\t');
          line.append(args.arg(i).tojstring());
        }
        print.accept(line.toString());
        return LuaValue.NONE;
      }
    });
    return g;
  }

  /** The heap pools' peaks summed: an upper bound of the heap in use at once, garbage included. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }
}
