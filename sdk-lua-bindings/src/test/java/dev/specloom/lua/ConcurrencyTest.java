package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One host, many scripts at once, two accounts with different keys and servers: every script sees its own
 * answers, every request carries its own account's credentials, and everything finishes.
 */
class ConcurrencyTest {
  static final String KEY_A = "sk_test_A";
  static final String KEY_B = "sk_test_B";
  static final int SCRIPTS = 64;
  static final int THREADS = 16;

  /** What one server saw: the customer id from the path and the Authorization header. */
  record Seen(String id, String authorization, String method) {}

  MockWebServer serverA;
  MockWebServer serverB;
  final ConcurrentLinkedQueue<Seen> seenA = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<Seen> seenB = new ConcurrentLinkedQueue<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  ExecutorService pool;

  @BeforeEach
  void start() throws IOException {
    serverA = server(seenA);
    serverB = server(seenB);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "pool did not shut down");
    serverA.close();
    serverB.close();
  }

  static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  /** Answers get_customer with the id from the path and which key it was called with, after a short pause. */
  MockWebServer server(ConcurrentLinkedQueue<Seen> seen) throws IOException {
    MockWebServer s = new MockWebServer();
    s.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
          String path = r.getUrl().encodedPath();
          String auth = r.getHeaders().get("Authorization");
          String prefix = "/v1/customers/";
          if (!"GET".equals(r.getMethod()) || !path.startsWith(prefix)) {
            seen.add(new Seen(path, auth, r.getMethod()));
            return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"unexpected " + r.getMethod() + " " + path + "\"}}")
                .build();
          }
          String id = path.substring(prefix.length());
          seen.add(new Seen(id, auth, r.getMethod()));
          String who = basic(KEY_A).equals(auth) ? "A" : basic(KEY_B).equals(auth) ? "B" : "unknown";
          Thread.sleep(5);
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
              .body("{\"id\":\"" + id + "\",\"object\":\"customer\",\"name\":\"" + who + "\",\"email\":null}").build();
        } finally {
          inFlight.decrementAndGet();
        }
      }
    });
    s.start();
    return s;
  }

  IntegrationHost host(Limits limits) {
    return IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("stripe", "default", Map.of("api_key", KEY_A), Map.of(), serverA.url("/").toString(), WritePolicy.ALLOW))
        .account(new Account("stripe", "work", Map.of("api_key", KEY_B), Map.of(), serverB.url("/").toString(), WritePolicy.ALLOW))
        .limits(limits).build();
  }

  record Outcome(int index, ScriptResult result, List<String> printed) {}

  @Test
  void sixtyFourScriptsOnTwoAccountsNeverCrossTalk() throws Exception {
    IntegrationHost host = host(Limits.DEFAULT);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < SCRIPTS; i++) {
      int n = i;
      boolean work = n % 2 == 1;
      String id = (work ? "cus_work_" : "cus_def_") + n;
      String fn = work ? "app.integrations.stripe.work.get_customer" : "app.integrations.stripe.get_customer";
      String lua = "local c = " + fn + "({ id = \"" + id + "\" })\nprint(c.id, c.name)";
      futures.add(pool.submit(() -> {
        go.await();
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        ScriptResult r = host.run(lua, "script-" + n, printed::add);
        return new Outcome(n, r, printed);
      }));
    }
    go.countDown();

    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    for (Future<Outcome> f : futures) {
      Outcome o = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      boolean work = o.index() % 2 == 1;
      String id = (work ? "cus_work_" : "cus_def_") + o.index();
      assertTrue(o.result().ok(), "script " + o.index() + ": " + o.result().error());
      assertEquals(List.of(id + "\t" + (work ? "B" : "A")), o.printed(), "script " + o.index());
    }

    assertEquals(SCRIPTS / 2, seenA.size(), "default account requests: " + seenA);
    assertEquals(SCRIPTS / 2, seenB.size(), "work account requests: " + seenB);
    for (Seen s : seenA) {
      assertEquals("GET", s.method());
      assertTrue(s.id().startsWith("cus_def_"), "default server got " + s);
      assertEquals(basic(KEY_A), s.authorization(), "default server got " + s);
    }
    for (Seen s : seenB) {
      assertEquals("GET", s.method());
      assertTrue(s.id().startsWith("cus_work_"), "work server got " + s);
      assertEquals(basic(KEY_B), s.authorization(), "work server got " + s);
    }
    // Every id arrived exactly once.
    List<String> ids = new ArrayList<>();
    seenA.forEach(s -> ids.add(s.id()));
    seenB.forEach(s -> ids.add(s.id()));
    assertEquals(SCRIPTS, ids.stream().distinct().count(), ids.toString());
    assertTrue(maxInFlight.get() > 1, "requests never overlapped; the test did not exercise concurrency");
  }

  @Test
  void scriptsInterleavingBothAccountsKeepEachCallOnItsOwnAccount() throws Exception {
    IntegrationHost host = host(Limits.DEFAULT);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < SCRIPTS; i++) {
      int n = i;
      String lua = """
          local s = app.integrations.stripe
          for round = 1, 3 do
            local a = s.get_customer({ id = "cus_a_%1$d_" .. round })
            local b = s.work.stripe_get_customer({ id = "cus_b_%1$d_" .. round })
            local d = s.default.get_customer({ id = "cus_d_%1$d_" .. round })
            print(a.id, a.name, b.id, b.name, d.id, d.name)
          end
          """.formatted(n);
      futures.add(pool.submit(() -> {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        return new Outcome(n, host.run(lua, "mixed-" + n, printed::add), printed);
      }));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (Future<Outcome> f : futures) {
      Outcome o = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      int n = o.index();
      assertTrue(o.result().ok(), "script " + n + ": " + o.result().error());
      List<String> expected = new ArrayList<>();
      for (int round = 1; round <= 3; round++) {
        expected.add("cus_a_" + n + "_" + round + "\tA\tcus_b_" + n + "_" + round + "\tB\tcus_d_" + n + "_" + round + "\tA");
      }
      assertEquals(expected, o.printed(), "script " + n);
    }
    assertEquals(SCRIPTS * 3 * 2, seenA.size());
    assertEquals(SCRIPTS * 3, seenB.size());
    for (Seen s : seenA) {
      assertTrue(s.id().startsWith("cus_a_") || s.id().startsWith("cus_d_"), "default server got " + s);
      assertEquals(basic(KEY_A), s.authorization(), "default server got " + s);
    }
    for (Seen s : seenB) {
      assertTrue(s.id().startsWith("cus_b_"), "work server got " + s);
      assertEquals(basic(KEY_B), s.authorization(), "work server got " + s);
    }
  }

  @Test
  void runawayScriptsRunningAlongsideDoNotDisturbNormalOnes() throws Exception {
    IntegrationHost host = host(Limits.DEFAULT.withInstructions(2_000_000));
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < SCRIPTS; i++) {
      int n = i;
      String lua = n % 4 == 0
          ? "print('spinning') local ok = pcall(function() while true do end end) print('escaped', ok)"
          : "print(app.integrations.stripe" + (n % 2 == 1 ? ".work" : "") + ".get_customer({ id = 'cus_r_" + n + "' }).id)";
      futures.add(pool.submit(() -> {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        return new Outcome(n, host.run(lua, "runaway-" + n, printed::add), printed);
      }));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    for (Future<Outcome> f : futures) {
      Outcome o = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      int n = o.index();
      if (n % 4 == 0) {
        assertFalse(o.result().ok(), "script " + n);
        assertTrue(o.result().error().contains("instruction limit"), o.result().error());
        assertEquals(List.of("spinning"), o.printed());
      } else {
        assertTrue(o.result().ok(), "script " + n + ": " + o.result().error());
        assertEquals(List.of("cus_r_" + n), o.printed());
      }
    }
    for (Seen s : seenA) assertEquals(basic(KEY_A), s.authorization());
    for (Seen s : seenB) assertEquals(basic(KEY_B), s.authorization());
    assertEquals(SCRIPTS * 3 / 4, seenA.size() + seenB.size());
  }
}
