package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.chargeover.ChargeOverClient;
import dev.specloom.chartmogul.ApiCallParams;
import dev.specloom.chartmogul.ChartMogulClient;
import dev.specloom.runtime.testing.WireServer;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.StripeClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Values that try to change where a request goes or what it says, through Java and through Lua: path
 * parameters stay one segment, header values cannot start a header, API roots are https unless loopback,
 * ChargeOver's subdomain is one DNS label, and ChartMogul's raw api_call stays under the API root.
 */
class InjectionTest {
  static final AtomicInteger TRIED = new AtomicInteger();
  static final String STRIPE_KEY = "sk_test_injection";

  WireServer server;
  IntegrationHost host;

  @BeforeEach
  void start() {
    server = new WireServer();
    host = IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("stripe", "default", Map.of("api_key", STRIPE_KEY), Map.of(), server.url("/"), WritePolicy.ALLOW))
        .account(new Account("chartmogul", "default", Map.of("api_key", "cm_injection"), Map.of(), server.url("/v1"), WritePolicy.ALLOW))
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @AfterAll
  static void figures() {
    System.out.printf("injection: %d attempts tried (Java and Lua), every one kept in place or refused%n", TRIED.get());
  }

  /** Runs {@code lua} and returns its printed lines; the script itself must not fail. */
  List<String> lua(String script) {
    List<String> printed = Collections.synchronizedList(new ArrayList<>());
    ScriptResult r = host.run(script, "injection.lua", printed::add);
    assertTrue(r.ok(), r.error());
    return printed;
  }

  /** A Lua call that must fail: its error line. */
  String luaError(String call) {
    List<String> out = lua("local ok, e = pcall(function() return " + call + " end) print(ok) print(tostring(e))");
    assertEquals("false", out.get(0), call);
    return out.get(1);
  }

  static final List<String> SEGMENTS = List.of("../charges?x=1#", "a/b", "..%2Fadmin", "x?expand[]=secret", "x#frag", "%2e%2e",
      "cus 1&limit=100", "\u00e9/..");

  @Test
  void pathParametersStayOneSegmentInJava() {
    StripeClient stripe = StripeClient.builder().apiKey(STRIPE_KEY).baseUrl(server.url("/")).maxRetries(0).build();
    for (String id : SEGMENTS) {
      TRIED.incrementAndGet();
      server.reply(200, "{\"id\":\"cus_1\"}");
      stripe.getCustomer(GetCustomerParams.of(id));
      assertOneSegment(server.take(), "/v1/customers/", id);
    }
    ChartMogulClient cm = ChartMogulClient.builder().apiKey("cm_injection").baseUrl(server.url("/v1")).maxRetries(0).build();
    TRIED.incrementAndGet();
    server.reply(200, "{\"uuid\":\"cus_1\"}");
    cm.getCustomer(dev.specloom.chartmogul.GetCustomerParams.of("../plans?x=1#"));
    assertOneSegment(server.take(), "/v1/customers/", "../plans?x=1#");
  }

  @Test
  void pathParametersStayOneSegmentInLua() {
    for (String id : SEGMENTS) {
      TRIED.incrementAndGet();
      server.reply(200, "{\"id\":\"cus_1\"}");
      assertEquals(List.of("cus_1"), lua("print(app.integrations.stripe.get_customer({ id = '" + id + "' }).id)"));
      assertOneSegment(server.take(), "/v1/customers/", id);
    }
    TRIED.incrementAndGet();
    server.reply(200, "{\"uuid\":\"cus_1\"}");
    lua("app.integrations.chartmogul.get_customer({ id = '../plans?x=1#' })");
    assertOneSegment(server.take(), "/v1/customers/", "../plans?x=1#");
  }

  /** The request went to {@code prefix} plus exactly one segment that decodes back to {@code value}, with no query. */
  static void assertOneSegment(WireServer.Sent sent, String prefix, String value) {
    assertTrue(sent.path().startsWith(prefix), sent.path());
    HttpUrl url = HttpUrl.get("http://h" + sent.path());
    List<String> segments = url.pathSegments();
    int expected = prefix.split("/").length;
    assertEquals(expected, segments.size(), "segments of " + sent.path());
    assertEquals(value, segments.get(expected - 1), sent.path());
    assertNull(sent.query(), sent.path());
  }

  @Test
  void emptyAndDotSegmentsAreRefusedBeforeSending() {
    StripeClient stripe = StripeClient.builder().apiKey(STRIPE_KEY).baseUrl(server.url("/")).maxRetries(0).build();
    for (String id : List.of("..", ".", "")) {
      TRIED.addAndGet(2);
      String expected = "stripe.get_customer: 'id' must be a non-empty path segment other than . and .., got '" + id + "'";
      assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> GetCustomerParams.of(id)).getMessage());
      assertEquals(expected, luaError("app.integrations.stripe.get_customer({ id = '" + id + "' })"));
    }
    assertEquals(0, server.requestCount());
  }

  @Test
  void headerValuesWithCrOrLfAreRefusedInJavaAndLua() {
    ChartMogulClient cm = ChartMogulClient.builder().apiKey("cm_injection").baseUrl(server.url("/v1")).maxRetries(0).build();
    for (String value : List.of("a\r\nX-Injected: 1", "a\nb", "a\rb")) {
      TRIED.addAndGet(2);
      assertEquals("header X-Note must not contain CR or LF", assertThrows(IllegalArgumentException.class,
          () -> cm.apiCall(ApiCallParams.builder().method("GET").path("/plans").headers(Map.of("X-Note", value)).build()))
          .getMessage());
      String lua = value.replace("\r", "\\r").replace("\n", "\\n");
      assertEquals("chartmogul.api_call: header X-Note must not contain CR or LF",
          luaError("app.integrations.chartmogul.api_call({ method = 'GET', path = '/plans', headers = { ['X-Note'] = '" + lua + "' } })"));
    }
    TRIED.incrementAndGet();
    String name = luaError("app.integrations.chartmogul.api_call({ method = 'GET', path = '/plans', headers = { ['X-A\\r\\nX-B'] = 'v' } })");
    assertTrue(name.startsWith("chartmogul.api_call: "), name);
    TRIED.incrementAndGet();
    assertEquals("chartmogul.api_call: the Authorization header is set by the SDK",
        luaError("app.integrations.chartmogul.api_call({ method = 'GET', path = '/plans', headers = { Authorization = 'Basic eA==' } })"));
    assertEquals(0, server.requestCount());
  }

  @Test
  void apiRootsMustBeHttpsUnlessLoopback() {
    for (String url : List.of("http://api.stripe.com", "http://127.0.0.1.evil.example/", "http://localhost.evil.example/",
        "ftp://api.stripe.com/", "http://10.0.0.1/", "http://[::2]/")) {
      TRIED.addAndGet(2);
      IllegalArgumentException java = assertThrows(IllegalArgumentException.class,
          () -> StripeClient.builder().apiKey(STRIPE_KEY).baseUrl(url).build(), url);
      assertTrue(java.getMessage().startsWith("stripe: "), java.getMessage());
      IllegalArgumentException host = assertThrows(IllegalArgumentException.class, () -> IntegrationHost.builder()
          .bindings(Bindings.all()).account(new Account("stripe", "default", Map.of("api_key", STRIPE_KEY), Map.of(), url, null))
          .build(), url);
      assertEquals(java.getMessage(), host.getMessage());
      assertFalse(host.getMessage().contains(STRIPE_KEY));
    }
    for (String url : List.of("https://api.stripe.com", "http://127.0.0.1:9/", "http://localhost:9/", "http://[::1]:9/")) {
      TRIED.incrementAndGet();
      StripeClient.builder().apiKey(STRIPE_KEY).baseUrl(url).build();
    }
  }

  @Test
  void chargeOverSubdomainMustBeOneDnsLabel() {
    for (String sub : List.of("evil.com/x?", "a.b", "-x", "x-", "X", "a_b", "a".repeat(64), "", "x\r\nHost: evil", "evil.com#")) {
      TRIED.addAndGet(2);
      IllegalArgumentException java = assertThrows(IllegalArgumentException.class,
          () -> ChargeOverClient.builder().publicKey("p").privateKey("k").subdomain(sub).build(), sub);
      assertEquals("chargeover: subdomain must match ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$, got '" + sub + "'", java.getMessage());
      IllegalArgumentException host = assertThrows(IllegalArgumentException.class, () -> IntegrationHost.builder()
          .bindings(Bindings.all()).account(new Account("chargeover", "default", Map.of("public_key", "p", "private_key", "k"),
              Map.of("subdomain", sub), null, null)).build(), sub);
      assertEquals(java.getMessage(), host.getMessage());
    }
    ChargeOverClient.builder().publicKey("p").privateKey("k").subdomain("my-company1").build();
  }

  @Test
  void rawApiCallStaysUnderTheApiRootInLua() {
    List<String> bad = List.of("https://evil.example/v1/plans", "//evil.example/x", "/../admin", "../admin", "/plans/../../admin",
        "/plans?x=1", "/plans#f", "/a//b", "/%2e%2e/admin", "/plans%2F..%2F..", "\\\\evil.example\\x", "/./plans", "", "/plans\r\nX: 1",
        "/plans/%2E%2E", "/plans\u0000");
    for (String path : bad) {
      TRIED.incrementAndGet();
      String e = luaError("app.integrations.chartmogul.api_call({ method = 'GET', path = [[" + path + "]] })");
      assertTrue(e.startsWith("chartmogul.api_call: path "), path + " -> " + e);
    }
    assertEquals(0, server.requestCount(), "no refused path reached the server");
    server.reply(200, "{\"plans\":[],\"has_more\":false}");
    assertEquals(List.of("false"), lua("print(app.integrations.chartmogul.api_call({ method = 'GET', path = '/plans', query = { page = '2' } }).has_more)"));
    WireServer.Sent sent = server.take();
    assertEquals("GET /v1/plans page=2", sent.method() + " " + sent.path() + " " + sent.query());
  }
}
