package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.RetryPolicy;
import dev.specloom.runtime.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * 10,000 calls, reads and writes, against a server that fails one request in five: 429 with Retry-After,
 * 500/502/503, a connection dropped after the request was read (the write already applied), and answers
 * slower than the read timeout. The server applies each write once per idempotency key and replays it
 * after that, as Stripe does; no write may take effect twice, and every call ends in a result or a typed
 * exception. The figures are printed.
 */
class FaultInjectionTest {
  static final int CALLS = 10_000;

  @Test
  void noWriteTakesEffectTwiceAndEveryCallEndsTyped() throws Exception {
    Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
    Map<String, String> replies = new ConcurrentHashMap<>();
    AtomicInteger faults = new AtomicInteger();
    Random random = new Random(42);
    Set<Thread> baseline = Set.copyOf(Thread.getAllStackTraces().keySet());

    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          int dice;
          synchronized (random) {
            dice = random.nextInt(100);
          }
          String key = r.getHeaders().get("Idempotency-Key");
          boolean write = r.getMethod().equals("POST");
          // Faults that happen before the server does anything.
          if (dice < 4) return fault(429).setHeader("Retry-After", "1").build();
          if (dice < 8) return fault(new int[] {500, 502, 503}[dice % 3]).build();
          String body = write ? apply(key) : "{\"id\":\"cus_read\",\"name\":\"Reader\"}";
          // Faults that happen after a write took effect.
          if (dice < 12) {
            faults.incrementAndGet();
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
          }
          if (dice < 16) {
            faults.incrementAndGet();
            return ok(body).headersDelay(150, TimeUnit.MILLISECONDS).build();
          }
          if (dice < 20) {
            faults.incrementAndGet();
            return ok(body).bodyDelay(150, TimeUnit.MILLISECONDS).build();
          }
          return ok(body).build();
        }

        private MockResponse.Builder fault(int code) {
          faults.incrementAndGet();
          return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
              .body("{\"error\":{\"type\":\"api_error\",\"message\":\"injected " + code + "\"}}");
        }

        private MockResponse.Builder ok(String body) {
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body);
        }

        /** Applies a write once per key; later requests with the key get the first answer again. */
        private String apply(String key) {
          return replies.computeIfAbsent(key, k -> {
            effects.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            return "{\"id\":\"cus_" + k.substring(0, 8) + "\",\"name\":\"Writer\"}";
          });
        }
      });
      server.setServerSocketFactory(dev.specloom.runtime.testing.NoDelaySockets.FACTORY);
      server.start();

      OkHttpClient http = new OkHttpClient();
      StripeClient stripe = StripeClient.builder().apiKey("sk_test_faults").baseUrl(server.url("/").toString())
          .httpClient(http).readTimeout(Duration.ofMillis(50))
          .retries(RetryPolicy.DEFAULT.withMaxRetries(4).withSleeper(d -> { })).build();

      // Eight callers at once: the slow answers wait out their timeouts side by side.
      ExecutorService callers = Executors.newFixedThreadPool(8);
      List<Future<String>> outcomes = new ArrayList<>();
      Random calls = new Random(7);
      int writes = 0;
      for (int i = 0; i < CALLS; i++) {
        boolean write = calls.nextInt(10) < 4;
        if (write) writes++;
        int n = i;
        outcomes.add(callers.submit(() -> {
          try {
            if (write) {
              stripe.createCustomer(CreateCustomerParams.builder().name("Writer " + n).build());
            } else {
              stripe.getCustomer(GetCustomerParams.of("cus_read"));
            }
            return "result";
          } catch (ProviderException e) {
            return "provider error";
          } catch (TransportException e) {
            return "transport error (" + e.getMessage() + ")";
          } catch (RuntimeException e) {
            return "untyped " + e;
          }
        }));
      }
      Map<String, Integer> ends = new TreeMap<>();
      for (Future<String> f : outcomes) ends.merge(f.get(2, TimeUnit.MINUTES), 1, Integer::sum);
      callers.shutdown();
      assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS));
      int results = ends.getOrDefault("result", 0);
      int providerErrors = ends.getOrDefault("provider error", 0);
      int transportErrors = ends.entrySet().stream().filter(e -> e.getKey().startsWith("transport error"))
          .mapToInt(Map.Entry::getValue).sum();
      long duplicates = effects.values().stream().filter(c -> c.get() > 1).count();
      http.connectionPool().evictAll();
      int connections = http.connectionPool().connectionCount();
      http.dispatcher().executorService().shutdown();
      int requests = server.getRequestCount();
      server.close();
      Set<String> leaked = leakedThreads(baseline);
      System.out.printf("fault injection: %d calls (%d writes), %d requests, %d faults injected; %d results, %d provider errors, "
              + "%d transport errors, %d untyped; %d write effects, %d duplicated; connections left %d; leaked threads %d%n",
          CALLS, writes, requests, faults.get(), results, providerErrors, transportErrors,
          CALLS - results - providerErrors - transportErrors, effects.size(), duplicates, connections, leaked.size());

      assertEquals(0, duplicates, "a write took effect twice");
      assertEquals(CALLS, results + providerErrors + transportErrors, "every call ends in a result or a typed exception: " + ends);
      assertTrue(results > CALLS * 0.95, "retries recover most faults: " + ends);
      assertEquals(0, connections, "connections still open after the run");
      assertEquals(Set.of(), leaked, "threads left running");
      assertTrue(faults.get() > requests * 0.15, "about one request in five is faulty");
    }
  }

  /**
   * Threads started during the run that are still alive once it is over, after a short grace period for
   * threads that were told to stop. OkHttp's task runner threads are not counted (idle, or named after the
   * task they run): they are shared by every client in the JVM and end by themselves after 60 seconds idle,
   * as does Okio's timeout watchdog.
   */
  static Set<String> leakedThreads(Set<Thread> baseline) throws InterruptedException {
    Set<String> left = Set.of();
    for (int i = 0; i < 40; i++) {
      left = Thread.getAllStackTraces().entrySet().stream()
          .filter(e -> !baseline.contains(e.getKey()) && e.getKey().isAlive())
          .filter(e -> !List.of("Okio Watchdog", "OkHttp TaskRunner").contains(e.getKey().getName()) && Arrays.stream(e.getValue())
              .noneMatch(f -> f.getClassName().startsWith("okhttp3.internal.concurrent.TaskRunner")))
          .map(e -> e.getKey().getName())
          .collect(Collectors.toCollection(TreeSet::new));
      if (left.isEmpty()) return left;
      Thread.sleep(50);
    }
    return left;
  }
}
