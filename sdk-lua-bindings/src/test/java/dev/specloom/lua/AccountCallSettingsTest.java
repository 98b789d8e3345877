package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Lua gets of retries and timeouts: each account's own retry limit and whole-call timeout, and typed errors. */
class AccountCallSettingsTest {
  WireServer server;
  IntegrationHost host;

  @BeforeEach
  void start() {
    server = new WireServer();
    Map<String, String> key = Map.of("api_key", "sk_test_settings");
    host = IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("stripe", "default", key, Map.of(), server.url("/"), WritePolicy.ALLOW, 2, null))
        .account(new Account("stripe", "once", key, Map.of(), server.url("/"), WritePolicy.ALLOW, 0, null))
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  List<String> run(String lua) {
    List<String> printed = Collections.synchronizedList(new ArrayList<>());
    ScriptResult r = host.run(lua, "settings.lua", printed::add);
    assertTrue(r.ok(), r.error());
    return printed;
  }

  @Test
  void eachAccountRetriesAsConfigured() {
    server.reply(503, "{}", "Retry-After", "0").reply(503, "{}", "Retry-After", "0").reply(200, "{\"id\":\"cus_1\"}");
    assertEquals(List.of("cus_1"), run("print(app.integrations.stripe.get_customer({ id = 'cus_1' }).id)"));
    assertEquals(3, server.requestCount(), "two retries on the default account");

    server.reply(503, "{\"error\":{\"message\":\"busy\"}}", "Retry-After", "0").reply(200, "{\"id\":\"cus_1\"}");
    assertEquals(List.of("false\t503\tstripe.get_customer: 503 busy"),
        run("local ok, e = pcall(app.integrations.stripe.once.get_customer, { id = 'cus_1' }) print(ok, e.status, tostring(e))"));
    assertEquals(4, server.requestCount(), "no retry on the account with max_retries 0");
  }

  @Test
  void aCallPastTheAccountsTimeoutIsATypedTimeoutError() throws Exception {
    try (MockWebServer slow = new MockWebServer()) {
      slow.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body("{\"id\":\"cus_1\"}").headersDelay(2, TimeUnit.SECONDS).build());
      slow.start();
      IntegrationHost hasty = IntegrationHost.builder().bindings(Bindings.all()).account(new Account("stripe", "default",
          Map.of("api_key", "sk_test_settings"), Map.of(), slow.url("/").toString(), WritePolicy.ALLOW, 0, Duration.ofMillis(300)))
          .build();
      List<String> printed = new ArrayList<>();
      ScriptResult r = hasty.run("local ok, e = pcall(app.integrations.stripe.get_customer, { id = 'cus_slow' }) "
          + "print(ok, e.code, e.status, e.fn, e.provider)", "timeout.lua", printed::add);
      assertTrue(r.ok(), r.error());
      assertEquals(List.of("false\ttimeout\t0\tget_customer\tstripe"), printed);
    }
  }
}
