package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.NoDelaySockets;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;

/**
 * 64 scripts at once, each calling all three providers on both of their accounts. Each server answers with
 * the account its credentials belong to, so a script sees at once if a call went out with another account's
 * key; the servers check the same from their side. Every script must finish (no deadlock).
 */
class ProvidersConcurrencyTest {
  static final int SCRIPTS = 64;
  static final List<String> PROVIDERS = List.of("stripe", "chartmogul", "chargeover");
  static final Map<String, List<Map<String, String>>> KEYS = Map.of(
      "stripe", List.of(Map.of("api_key", "sk_test_first"), Map.of("api_key", "sk_test_second")),
      "chartmogul", List.of(Map.of("api_key", "cm_first"), Map.of("api_key", "cm_second")),
      "chargeover", List.of(Map.of("public_key", "pub_first", "private_key", "priv_first"),
          Map.of("public_key", "pub_second", "private_key", "priv_second")));
  static final List<String> ACCOUNTS = List.of("default", "second");

  /** One request as a server saw it: the account the id was made for, and the account the key belongs to. */
  record Seen(String provider, String meantFor, String sentWith) {}

  final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();

  static String authorization(String provider, int account) {
    Map<String, String> k = KEYS.get(provider).get(account);
    String pair = provider.equals("chargeover") ? k.get("public_key") + ":" + k.get("private_key") : k.get("api_key") + ":";
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  MockWebServer server(String provider) throws Exception {
    MockWebServer s = new MockWebServer();
    s.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          String path = r.getUrl().encodedPath();
          String id = path.substring(path.lastIndexOf('/') + 1);
          String auth = r.getHeaders().get("Authorization");
          String who = auth.equals(authorization(provider, 0)) ? "default" : auth.equals(authorization(provider, 1)) ? "second" : "unknown";
          String meantFor = provider.equals("chargeover") ? ACCOUNTS.get(Integer.parseInt(id) % 10 - 1) : id.substring(0, id.indexOf('-'));
          seen.add(new Seen(provider, meantFor, who));
          Thread.sleep(2);
          String body = switch (provider) {
            case "stripe" -> "{\"id\":\"" + id + "\",\"name\":\"" + who + "\"}";
            case "chartmogul" -> "{\"uuid\":\"" + id + "\",\"name\":\"" + who + "\"}";
            default -> "{\"code\":200,\"status\":\"OK\",\"message\":\"\",\"response\":{\"customer_id\":" + id + ",\"company\":\"" + who + "\"}}";
          };
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
        } finally {
          inFlight.decrementAndGet();
        }
      }
    });
    s.setServerSocketFactory(NoDelaySockets.FACTORY);
    s.start();
    return s;
  }

  @Test
  void sixtyFourScriptsOverThreeProvidersAndSixAccountsNeverCrossTalk() throws Exception {
    List<MockWebServer> servers = new ArrayList<>();
    IntegrationHost.Builder b = IntegrationHost.builder().bindings(Bindings.all());
    for (String p : PROVIDERS) {
      MockWebServer s = server(p);
      servers.add(s);
      for (int a = 0; a < 2; a++) {
        b.account(new Account(p, ACCOUNTS.get(a), KEYS.get(p).get(a), Map.of(), s.url("/").toString(), WritePolicy.DENY));
      }
    }
    IntegrationHost host = b.build();
    ExecutorService pool = Executors.newFixedThreadPool(SCRIPTS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int i = 0; i < SCRIPTS; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          go.await();
          List<String> printed = Collections.synchronizedList(new ArrayList<>());
          ScriptResult r = host.run(script(n), "script-" + n, printed::add);
          assertTrue(r.ok(), "script " + n + ": " + r.error());
          return printed;
        }));
      }
      go.countDown();
      for (int i = 0; i < SCRIPTS; i++) {
        assertEquals(expected(i), futures.get(i).get(60, TimeUnit.SECONDS), "script " + i);
      }
    } finally {
      pool.shutdownNow();
      servers.forEach(MockWebServer::close);
    }
    int requests = seen.size();
    long crossTalk = seen.stream().filter(s -> !s.meantFor().equals(s.sentWith())).count();
    System.out.printf("concurrency: %d scripts over %d providers x 2 accounts, %d requests (up to %d in flight), %d with another account's key%n",
        SCRIPTS, PROVIDERS.size(), requests, maxInFlight.get(), crossTalk);
    assertEquals(SCRIPTS * 3 * 2 * 2, requests);
    assertEquals(0, crossTalk, seen.stream().filter(s -> !s.meantFor().equals(s.sentWith())).toList().toString());
    assertTrue(maxInFlight.get() > 1, "requests never overlapped");
  }

  /** Two rounds; each calls every provider on both accounts, in an order that differs per script. */
  static String script(int n) {
    StringBuilder lua = new StringBuilder("local i = app.integrations\n");
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < 2; k++) {
        int a = (n + round + k) % 2;
        String acct = ACCOUNTS.get(a);
        lua.append("print(i.stripe.").append(acct).append(".get_customer({ id = '").append(acct).append("-").append(n).append("' }).name)\n");
        lua.append("print(i.chartmogul.").append(acct).append(".get_customer({ id = '").append(acct).append("-").append(n).append("' }).name)\n");
        lua.append("print(i.chargeover.").append(acct).append(".get_customer({ id = ").append(n * 10 + a + 1).append(" }).company)\n");
      }
    }
    return lua.toString();
  }

  static List<String> expected(int n) {
    List<String> out = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < 2; k++) {
        String acct = ACCOUNTS.get((n + round + k) % 2);
        for (int p = 0; p < 3; p++) out.add(acct);
      }
    }
    return out;
  }
}
