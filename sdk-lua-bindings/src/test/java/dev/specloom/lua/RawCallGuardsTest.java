package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.chartmogul.ApiCallParams;
import dev.specloom.chartmogul.ChartMogulClient;
import dev.specloom.runtime.testing.WireServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ChartMogul's raw api_call: headers that frame, route or authenticate a message are refused by name before
 * anything is sent, path segments that servers read as ".." are refused, and the approver of an {@code ask}
 * account sees the method, path and arguments of each write, so it can let a GET through and stop a DELETE.
 */
class RawCallGuardsTest {
  static final String CM_KEY = "cm_guards_key_91ac";

  WireServer server;
  WireServer stripe;
  List<PendingWrite> asked;
  IntegrationHost host;

  @BeforeEach
  void start() {
    server = new WireServer();
    stripe = new WireServer();
    asked = Collections.synchronizedList(new ArrayList<>());
    host = IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("chartmogul", "default", Map.of("api_key", CM_KEY), Map.of(), server.url("/v1"), WritePolicy.ASK))
        .account(new Account("stripe", "default", Map.of("api_key", "sk_test_guards"), Map.of(), stripe.url("/"), WritePolicy.ASK))
        .writeApprover(w -> {
          asked.add(w);
          return w.method().equals("GET");
        })
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
    stripe.close();
  }

  List<String> lua(String script) {
    List<String> printed = Collections.synchronizedList(new ArrayList<>());
    ScriptResult r = host.run(script, "guards.lua", printed::add);
    assertTrue(r.ok(), r.error());
    return printed;
  }

  String luaError(String call) {
    List<String> out = lua("local ok, e = pcall(function() return " + call + " end) print(ok) print(tostring(e))");
    assertEquals("false", out.get(0), call);
    return out.get(1);
  }

  @Test
  void headersThatFrameRouteOrAuthenticateAreRefusedByName() {
    for (String name : List.of("Host", "host", "Cookie", "Cookie2", "Connection", "Keep-Alive", "Content-Length",
        "content-length", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Expect", "Proxy-Authorization",
        "Proxy-Connection", "proxy-anything")) {
      assertEquals("chartmogul.api_call: the " + name + " header is not allowed (the SDK and the HTTP client set framing, "
              + "routing and credentials)",
          luaError("app.integrations.chartmogul.api_call({ method = 'GET', path = '/plans', headers = { ['" + name + "'] = '0' } })"),
          name);
    }
    ChartMogulClient cm = ChartMogulClient.builder().apiKey(CM_KEY).baseUrl(server.url("/v1")).maxRetries(0).build();
    assertEquals("the Transfer-Encoding header is not allowed (the SDK and the HTTP client set framing, routing and credentials)",
        assertThrows(IllegalArgumentException.class, () -> cm.apiCall(ApiCallParams.builder().method("GET").path("/plans")
            .headers(Map.of("Transfer-Encoding", "chunked")).build())).getMessage());
    assertEquals(0, server.requestCount());
    assertEquals(List.of(), asked, "a refused call is not shown to the approver");

    // Headers of the caller's own are still sent.
    server.reply(200, "{\"plans\":[],\"has_more\":false}");
    lua("app.integrations.chartmogul.api_call({ method = 'GET', path = '/plans', headers = { ['X-Trace'] = 't1', Accept = 'application/json' } })");
    WireServer.Sent sent = server.take();
    assertEquals("t1", sent.header("X-Trace"));
    assertEquals("application/json", sent.header("Accept"));
  }

  @Test
  void segmentsThatServersReadAsDotDotAreRefused() {
    for (String path : List.of("/plans/..;/admin", "/..;/admin", "/plans/.;/x", "/plans;jsessionid=1", "/plans/%2e%2e;/x",
        "/plans/%5c..", "/plans/..%3b/x", "/plans/%3B")) {
      assertEquals("chartmogul.api_call: path must not step out of the API root: " + path,
          luaError("app.integrations.chartmogul.api_call({ method = 'GET', path = [[" + path + "]] })"), path);
    }
    assertEquals(0, server.requestCount());
  }

  @Test
  void theApproverSeesMethodPathAndArgumentsAndCanTellAGetFromADelete() {
    server.reply(200, "{\"plans\":[],\"has_more\":false}");
    List<String> out = lua("""
        print(app.integrations.chartmogul.api_call({ method = "GET", path = "/plans", query = { per_page = "10" } }).has_more)
        print(pcall(app.integrations.chartmogul.api_call, { method = "DELETE", path = "/plans/pl_1" }))
        print(pcall(app.integrations.stripe.delete_customer, { id = "cus_1" }))
        """);
    assertEquals("false", out.get(0));
    assertTrue(out.get(1).endsWith("chartmogul.api_call: write refused for account 'default' (policy ask)"), out.get(1));
    assertTrue(out.get(2).endsWith("stripe.delete_customer: write refused for account 'default' (policy ask)"), out.get(2));

    assertEquals(3, asked.size());
    assertEquals(new PendingWrite("chartmogul", "default", "api_call", "GET", "/v1/plans",
        Map.of("method", "GET", "path", "/plans", "query", Map.of("per_page", "10"))), asked.get(0));
    assertEquals(new PendingWrite("chartmogul", "default", "api_call", "DELETE", "/v1/plans/pl_1",
        Map.of("method", "DELETE", "path", "/plans/pl_1")), asked.get(1));
    assertEquals(new PendingWrite("stripe", "default", "delete_customer", "DELETE", "/v1/customers/cus_1", Map.of("id", "cus_1")),
        asked.get(2));
    assertThrows(UnsupportedOperationException.class, () -> asked.get(0).arguments().put("path", "/admin"));
    @SuppressWarnings("unchecked")
    Map<String, Object> query = (Map<String, Object>) asked.get(0).arguments().get("query");
    assertThrows(UnsupportedOperationException.class, () -> query.put("per_page", "1000"));

    // Only the approved GET went out, once: asking sends nothing.
    assertEquals(1, server.requestCount());
    WireServer.Sent sent = server.take();
    assertEquals("GET /v1/plans per_page=10", sent.method() + " " + sent.path() + " " + sent.query());
    assertEquals(0, stripe.requestCount());
  }
}
