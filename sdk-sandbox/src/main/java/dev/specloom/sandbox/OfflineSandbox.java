package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The offline sandbox: one stateful HTTP simulator per provider on a loopback port, speaking the provider's
 * wire protocol as its spec describes it, starting from the spec's seed data. Point a client's base URL at
 * {@link #baseUrl(String)}; any credentials of the provider's auth scheme are accepted.
 *
 * <pre>{@code
 * try (OfflineSandbox sandbox = OfflineSandbox.start(List.of("tally"))) {   // the provider of docs/writing-a-spec.md
 *   TallyClient tally = TallyClient.builder().apiKey("tk_test_sandbox").baseUrl(sandbox.baseUrl("tally")).build();
 *   sandbox.faults("tally").next(Fault.rateLimited(Duration.ofSeconds(1)));   // the next request gets a 429
 * }
 * }</pre>
 */
public final class OfflineSandbox implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each answer can wait out a
    // delayed ACK (~40 ms). The property is read once, when the first server starts; a host's own value wins.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private final Map<String, ProviderServer> servers = new LinkedHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "specloom-sandbox");
    t.setDaemon(true);
    return t;
  });

  private OfflineSandbox() {}

  /** Starts a simulator for each provider, from {@code dev/specloom/sandbox/<provider>.sandbox.json} on the classpath. */
  public static OfflineSandbox start(Collection<String> providers) {
    return start(providers, Clock.systemUTC());
  }

  /** As {@link #start(Collection)}, with the clock that stamps created records (fixed in tests). */
  public static OfflineSandbox start(Collection<String> providers, Clock clock) {
    return start(providers, clock, 0);
  }

  /**
   * As {@link #start(Collection)}, on fixed ports so that a base URL can be written down ahead of time: the
   * providers bind {@code firstPort}, {@code firstPort + 1}, ... in the order given; 0 picks free ports.
   */
  public static OfflineSandbox start(Collection<String> providers, int firstPort) {
    return start(providers, Clock.systemUTC(), firstPort);
  }

  /**
   * Simulators of descriptors built in memory (by the generator from a spec file, say) rather than read from the
   * classpath, each under its descriptor's provider name, on ports as {@link #start(Collection, int)} binds them.
   */
  public static OfflineSandbox start(List<Descriptor> descriptors, int firstPort) {
    Map<String, Supplier<Simulation>> simulations = new LinkedHashMap<>();
    for (Descriptor d : descriptors) {
      if (simulations.put(d.provider(), () -> new Simulation(d)) != null) {
        throw new IllegalArgumentException("provider '" + d.provider() + "' is given twice");
      }
    }
    return start(simulations, Clock.systemUTC(), firstPort);
  }

  private static OfflineSandbox start(Collection<String> providers, Clock clock, int firstPort) {
    Map<String, Supplier<Simulation>> simulations = new LinkedHashMap<>();
    for (String p : providers) simulations.put(p, () -> Simulation.load(p));
    return start(simulations, clock, firstPort);
  }

  private static OfflineSandbox start(Map<String, Supplier<Simulation>> simulations, Clock clock, int firstPort) {
    if (firstPort < 0 || firstPort + Math.max(simulations.size() - 1, 0) > 65535) {
      throw new IllegalArgumentException("ports " + firstPort + ".." + (firstPort + simulations.size() - 1) + " are not all valid TCP ports");
    }
    OfflineSandbox sandbox = new OfflineSandbox();
    try {
      int port = firstPort;
      for (Map.Entry<String, Supplier<Simulation>> p : simulations.entrySet()) {
        sandbox.servers.put(p.getKey(), new ProviderServer(p.getValue().get(), clock, sandbox.executor, port));
        if (port != 0) port++;
      }
      return sandbox;
    } catch (IOException e) {
      sandbox.close();
      throw new UncheckedIOException("cannot start the sandbox: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  public Set<String> providers() {
    return servers.keySet();
  }

  /** The provider's API root on loopback, e.g. {@code http://127.0.0.1:50123/v1}. */
  public String baseUrl(String provider) {
    return server(provider).baseUrl();
  }

  /** The faults queued for the provider's next requests. */
  public Faults faults(String provider) {
    return server(provider).faults();
  }

  /** How many requests the provider's simulator has received, faulted ones included. */
  public long requests(String provider) {
    return server(provider).requests();
  }

  /** The provider's last requests (up to 1000), oldest first, with the function each reached. */
  public List<Exchange> journal(String provider) {
    return server(provider).journal();
  }

  /** Every provider back to its seed data, with no faults queued and an empty journal. */
  public void reset() {
    servers.values().forEach(ProviderServer::reset);
  }

  /** Sets the state the spec declares for a function's examples ({@code sandbox.given}); nothing when it declares none. */
  public void prepareFor(String provider, String function) {
    server(provider).prepareFor(function);
  }

  /** Stops every simulator; they stop in parallel, since each takes up to a second to wind down. */
  @Override
  public void close() {
    List<Thread> stopping = new ArrayList<>();
    for (ProviderServer s : servers.values()) {
      Thread t = new Thread(s::stop, "specloom-sandbox-stop");
      t.start();
      stopping.add(t);
    }
    for (Thread t : stopping) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    executor.shutdownNow();
  }

  private ProviderServer server(String provider) {
    ProviderServer s = servers.get(provider);
    if (s == null) throw new IllegalArgumentException("the sandbox runs no provider '" + provider + "'; it runs " + servers.keySet());
    return s;
  }
}
