package dev.specloom.bench;

import dev.specloom.stripe.ListCustomersParams;
import dev.specloom.stripe.StripeClient;
import dev.specloom.stripe.model.Customer;
import java.util.concurrent.TimeUnit;
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
 * Auto-paging 1,000,000 customers over 10,000 pages of 100 from a loopback server in the same JVM, which the
 * runner forks with {@code -Xmx64m}: the iteration must hold one page at a time, never the whole list.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class PagingBench {
  static final int ITEMS = 1_000_000;
  static final long HEAP_LIMIT = 64L << 20;

  StripeStub server;
  StripeClient client;

  @Setup(Level.Trial)
  public void start() {
    long max = Runtime.getRuntime().maxMemory();
    if (max > HEAP_LIMIT) throw new IllegalStateException("run with -Xmx64m; the heap limit is " + (max >> 20) + " MiB");
    server = new StripeStub(ITEMS);
    client = StripeClient.builder().apiKey(SdkCallBench.KEY).baseUrl(server.url()).build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }

  @Benchmark
  public int autoPageMillion() {
    int n = 0;
    String last = null;
    for (Customer c : client.listCustomersAutoPaging(ListCustomersParams.builder().limit(100L).build())) {
      n++;
      last = c.id();
    }
    if (n != ITEMS || !"cus_0999999".equals(last)) {
      throw new IllegalStateException("auto-paging stopped after " + n + " items at " + last);
    }
    return n;
  }
}
