package dev.specloom.lua.examples;

import dev.specloom.lua.Account;
import dev.specloom.lua.Bindings;
import dev.specloom.lua.IntegrationHost;
import dev.specloom.lua.OfflineAccounts;
import dev.specloom.lua.ScriptResult;
import dev.specloom.lua.WritePolicy;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.OfflineSandbox;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The README's Java host example, runnable: several tenants, each with its own {@link IntegrationHost} and its
 * own accounts (here each tenant's accounts point at an offline sandbox of its own, standing in for its real
 * credentials), and 100 agent scripts running at once across them. Prints scripts per second and peak heap.
 * Run it with {@code mvn -pl sdk-lua-bindings -am verify -Dtest=TenantHostsTest -P '!temurin-25'}.
 */
public final class TenantHosts {
  /** Four calls across the three providers, a write among them, and one line of output. */
  static final String AGENT_SCRIPT = """
      local c = app.integrations.stripe.create_customer({ name = "Agent customer" })
      local again = app.integrations.stripe.get_customer({ id = c.id })
      local page = app.integrations.chartmogul.list_customers({ per_page = 20 })
      local invoices = app.integrations.chargeover.list_invoices({})
      print(again.id .. " " .. #page.entries .. " " .. #invoices.invoices)
      """;

  /** What one run measured. */
  public record Figures(int tenants, int scripts, int failed, long wallMillis, double scriptsPerSecond, long peakHeapBytes) {
    @Override
    public String toString() {
      return String.format("%d scripts for %d tenants at once: %d failed, %d ms, %.0f scripts/s, peak heap %d MiB",
          scripts, tenants, failed, wallMillis, scriptsPerSecond, peakHeapBytes >> 20);
    }
  }

  /** One tenant: its sandbox (its "real" accounts) and its host. */
  record Tenant(String name, OfflineSandbox sandbox, IntegrationHost host) {}

  private TenantHosts() {}

  public static void main(String[] args) throws Exception {
    System.out.println(run(4, 100));
  }

  /** Builds {@code tenants} hosts, warms up with one round, then measures {@code scripts} scripts at once. */
  public static Figures run(int tenants, int scripts) throws Exception {
    List<ProviderBinding> bindings = Bindings.all();
    List<Tenant> all = new ArrayList<>();
    try {
      for (int t = 0; t < tenants; t++) {
        OfflineSandbox sandbox = OfflineSandbox.start(bindings.stream().map(ProviderBinding::provider).toList());
        IntegrationHost.Builder host = IntegrationHost.builder().bindings(bindings);
        for (ProviderBinding b : bindings) {
          // The tenant's own accounts; with real credentials this is new Account(provider, name, keys, ...).
          Account a = OfflineAccounts.account(b, "default", sandbox.baseUrl(b.provider()), WritePolicy.ALLOW);
          host.account(a);
        }
        all.add(new Tenant("tenant-" + t, sandbox, host.build()));
      }
      round(all, scripts);
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
      return round(all, scripts);
    } finally {
      for (Tenant t : all) t.sandbox().close();
    }
  }

  private static Figures round(List<Tenant> tenants, int scripts) throws Exception {
    ExecutorService agents = Executors.newFixedThreadPool(scripts);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ScriptResult>> results = new ArrayList<>();
      for (int i = 0; i < scripts; i++) {
        Tenant t = tenants.get(i % tenants.size());
        String chunk = t.name() + "-agent-" + i;
        results.add(agents.submit(() -> {
          go.await();
          return t.host().run(AGENT_SCRIPT, chunk, line -> {});
        }));
      }
      long start = System.nanoTime();
      go.countDown();
      int failed = 0;
      for (Future<ScriptResult> r : results) if (!r.get().ok()) failed++;
      long nanos = System.nanoTime() - start;
      return new Figures(tenants.size(), scripts, failed, nanos / 1_000_000, scripts / (nanos / 1e9), peakHeap());
    } finally {
      agents.shutdown();
    }
  }

  /** The sum of the heap pools' peaks since they were reset: an upper bound of the heap in use at once. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }
}
