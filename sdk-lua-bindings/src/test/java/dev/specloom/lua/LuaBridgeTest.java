package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge as scripts see it: shapes, validation, errors, accounts, policy, dry runs and docs. */
class LuaBridgeTest {
  static final String KEY = "sk_test_bridge_1";
  static final String WORK_KEY = "sk_test_bridge_work";

  WireServer server;
  WireServer workServer;
  List<String> printed;

  @BeforeEach
  void start() {
    server = new WireServer();
    workServer = new WireServer();
    printed = new ArrayList<>();
  }

  @AfterEach
  void stop() {
    server.close();
    workServer.close();
  }

  IntegrationHost host(WritePolicy writes, WriteApprover approver, boolean dryRun) {
    return IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("stripe", "default", Map.of("api_key", KEY), Map.of(), server.url("/"), writes))
        .account(new Account("stripe", "work", Map.of("api_key", WORK_KEY), Map.of(), workServer.url("/"), WritePolicy.DENY))
        .writeApprover(approver).dryRun(dryRun).build();
  }

  ScriptResult run(IntegrationHost host, String lua) {
    return host.run(lua, "test.lua", printed::add);
  }

  static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void listResultIsAPlainTableWithSequencesIntegersAndNilForNull() {
    server.reply(200, """
        {"object":"list","has_more":false,"data":[
          {"id":"cus_1","name":"Acme","email":null,"balance":1500,"created":1712304000},
          {"id":"cus_2","name":"Bolt","email":"b@bolt.example","balance":0,"created":1712304001}]}""");
    ScriptResult r = run(host(WritePolicy.ALLOW, null, false), """
        local result = app.integrations.stripe.list_customers({ limit = 25 })
        print(#result.customers, result.has_more, math.type and "" or "")
        for i, c in ipairs(result.customers) do print(i, c.id, c.email, c.balance, c.created) end
        print(result.customers[1].email == nil, rawget(result.customers[1], "email"))
        """);
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("2\tfalse\t", "1\tcus_1\tnil\t1500\t1712304000", "2\tcus_2\tb@bolt.example\t0\t1712304001",
        "true\tnil"), printed);
    WireServer.Sent sent = server.take();
    assertEquals("/v1/customers", sent.path());
    assertEquals("limit=25", sent.query());
    assertEquals(basic(KEY), sent.header("Authorization"));
  }

  @Test
  void defaultsFromTheSpecAreSent() {
    server.reply(200, "{\"data\":[],\"has_more\":false}");
    assertTrue(run(host(WritePolicy.ALLOW, null, false), "app.integrations.stripe.list_invoices({})").ok());
    assertEquals("limit=10", server.take().query());
  }

  @Test
  void aliasesDefaultAndNamedAccountsUseTheirOwnCredentials() {
    server.reply(200, "{\"id\":\"cus_1\"}").reply(200, "{\"id\":\"cus_2\"}").reply(200, "{\"id\":\"cus_3\"}");
    workServer.reply(200, "{\"id\":\"cus_w\"}");
    ScriptResult r = run(host(WritePolicy.ALLOW, null, false), """
        print(app.integrations.stripe.get_customer({ id = "cus_1" }).id)
        print(app.integrations.stripe.stripe_get_customer({ id = "cus_2" }).id)
        print(app.integrations.stripe.default.get_customer({ id = "cus_3" }).id)
        print(app.integrations.stripe.work.get_customer({ id = "cus_w" }).id)
        """);
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("cus_1", "cus_2", "cus_3", "cus_w"), printed);
    for (int i = 0; i < 3; i++) assertEquals(basic(KEY), server.take().header("Authorization"));
    WireServer.Sent work = workServer.take();
    assertEquals("/v1/customers/cus_w", work.path());
    assertEquals(basic(WORK_KEY), work.header("Authorization"));
  }

  @Test
  void unknownProviderAccountOrFunctionListsWhatExists() {
    ScriptResult r = run(host(WritePolicy.ALLOW, null, false), """
        print(select(2, pcall(function() return app.integrations.strip end)))
        print(select(2, pcall(function() return app.integrations.stripe.lst_customers end)))
        print(select(2, pcall(function() return app.integrations.stripe.work.get_custmer end)))
        """);
    assertTrue(r.ok(), r.error());
    assertTrue(printed.get(0).contains("app.integrations: no provider 'strip' (did you mean 'stripe'?); available: stripe"), printed.get(0));
    assertTrue(printed.get(1).contains("no function or account 'lst_customers' (did you mean 'list_customers'?)"), printed.get(1));
    assertTrue(printed.get(1).contains("work"), printed.get(1));
    assertTrue(printed.get(2).contains("app.integrations.stripe.work: no function 'get_custmer' (did you mean 'get_customer'?)"), printed.get(2));
  }

  @Test
  void everyKindOfBadArgumentIsACatchableErrorAndSendsNothing() {
    IntegrationHost host = host(WritePolicy.ALLOW, null, false);
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("app.integrations.stripe.create_invoice({ custmer = 'cus_1' })",
        "stripe.create_invoice: unknown key 'custmer' (did you mean 'customer'?); valid keys: customer, description, subscription, metadata, auto_advance");
    cases.put("app.integrations.stripe.create_invoice({})", "stripe.create_invoice: 'customer' is required");
    cases.put("app.integrations.stripe.list_customers({ limit = '10' })", "stripe.list_customers: 'limit' must be an integer, got string");
    cases.put("app.integrations.stripe.list_customers({ limit = 2.5 })", "stripe.list_customers: 'limit' must be an integer, got 2.5");
    cases.put("app.integrations.stripe.list_customers({ limit = 101 })", "stripe.list_customers: 'limit' must be between 1 and 100, got 101");
    cases.put("app.integrations.stripe.list_customers({ email = 42 })", "stripe.list_customers: 'email' must be a string, got number");
    cases.put("app.integrations.stripe.list_products({ active = 'yes' })", "stripe.list_products: 'active' must be a boolean, got string");
    cases.put("app.integrations.stripe.list_invoices({ status = 'late' })",
        "stripe.list_invoices: 'status' must be one of draft, open, paid, uncollectible, void, got 'late'");
    cases.put("app.integrations.stripe.create_customer({ metadata = 'x' })", "stripe.create_customer: 'metadata' must be a table, got string");
    cases.put("app.integrations.stripe.create_customer({ metadata = { tier = {} } })",
        "stripe.create_customer: 'metadata.tier' must be a string, got table");
    cases.put("app.integrations.stripe.create_price({ product = 'p', unit_amount = 1, currency = 'usd', recurring_interval_count = 3 })",
        "stripe.create_price: 'recurring_interval_count' needs 'recurring_interval' to be set too");
    cases.put("app.integrations.stripe.get_balance('x')", "stripe.get_balance: expects one table argument, got string");
    cases.put("app.integrations.stripe.get_balance({ 1, 2 })", "stripe.get_balance: arguments must be a table with named keys, got key 1");
    cases.put("app.integrations.stripe.get_customer({ id = string.rep('x', 2000000) })",
        "stripe.get_customer: 'id' is longer than 1048576 bytes");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      printed.clear();
      ScriptResult r = run(host, "local ok, err = pcall(function() return " + c.getKey() + " end)\nprint(ok)\nprint(err)");
      assertTrue(r.ok(), r.error());
      assertEquals("false", printed.get(0), c.getKey());
      assertTrue(printed.get(1).endsWith(c.getValue()), c.getKey() + " → " + printed.get(1));
    }
    assertEquals(0, server.requestCount());
  }

  @Test
  void providerErrorsAreTablesWithAReadableLine() {
    server.reply(404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
        + "\"message\":\"No such customer: 'cus_x'\",\"param\":\"id\"}}", "Request-Id", "req_42");
    ScriptResult r = run(host(WritePolicy.ALLOW, null, false), """
        local ok, err = pcall(app.integrations.stripe.get_customer, { id = "cus_x" })
        print(ok, type(err), err.provider, err.fn, err.status, err.code, err.type, err.param, err.request_id)
        print(err.message)
        print(tostring(err))
        """);
    assertTrue(r.ok(), r.error());
    assertEquals("false\ttable\tstripe\tget_customer\t404\tresource_missing\tinvalid_request_error\tid\treq_42", printed.get(0));
    assertEquals("No such customer: 'cus_x'", printed.get(1));
    assertEquals("stripe.get_customer: 404 resource_missing: No such customer: 'cus_x'", printed.get(2));
  }

  @Test
  void aBodyThatDoesNotFitIsADecodeErrorTableNotAConnectionFailure() {
    server.reply(200, "{\"id\":\"cus_1\",\"balance\":\"lots\"}", "Request-Id", "req_43");
    ScriptResult r = run(host(WritePolicy.ALLOW, null, false), """
        local ok, err = pcall(app.integrations.stripe.get_customer, { id = "cus_1" })
        print(ok, err.provider, err.fn, err.status, err.code, err.path, err.request_id)
        print(tostring(err))
        """);
    assertTrue(r.ok(), r.error());
    assertEquals("false\tstripe\tget_customer\t200\tdecode_failed\t$.balance\treq_43", printed.get(0));
    assertEquals("stripe.get_customer: 200 decode_failed: the answer does not fit the declared result at $.balance",
        printed.get(1));
    assertEquals(1, server.requestCount(), "a body that does not fit is not retried");
  }

  @Test
  void uncaughtProviderErrorEndsTheScriptWithOneLine() {
    server.reply(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: sk_test_***_1\"}}");
    ScriptResult r = run(host(WritePolicy.ALLOW, null, false), "app.integrations.stripe.get_balance({})");
    assertFalse(r.ok());
    assertEquals("stripe.get_balance: 401 Invalid API Key provided: sk_test_***_1", r.error());
  }

  @Test
  void writePolicies() {
    server.reply(200, "{\"id\":\"cus_1\"}");
    AtomicInteger asked = new AtomicInteger();
    ScriptResult approved = run(host(WritePolicy.ASK, w -> asked.incrementAndGet() > 0, false),
        "print(app.integrations.stripe.create_customer({ name = 'Acme' }).id)");
    assertTrue(approved.ok(), approved.error());
    assertEquals(1, asked.get());
    assertEquals("name=Acme", server.take().body());

    ScriptResult refused = run(host(WritePolicy.ASK, w -> false, false),
        "app.integrations.stripe.create_customer({ name = 'Acme' })");
    assertEquals("stripe.create_customer: write refused for account 'default' (policy ask)", stripLocation(refused.error()));

    ScriptResult noApprover = run(host(WritePolicy.ASK, null, false), "app.integrations.stripe.delete_customer({ id = 'cus_1' })");
    assertEquals("stripe.delete_customer: write refused for account 'default' (policy ask; run with --allow-writes to permit)",
        stripLocation(noApprover.error()));

    ScriptResult denied = run(host(WritePolicy.ALLOW, null, false), "app.integrations.stripe.work.create_customer({ name = 'Acme' })");
    assertEquals("stripe.create_customer: write refused for account 'work' (policy deny)", stripLocation(denied.error()));
    assertEquals(0, workServer.requestCount());

    workServer.reply(200, "{\"data\":[],\"has_more\":false}");
    assertTrue(run(host(WritePolicy.DENY, null, false), "app.integrations.stripe.work.list_customers({})").ok(), "reads pass");
  }

  @Test
  void dryRunReturnsTheRequestAndSendsNothing() {
    ScriptResult r = run(host(WritePolicy.ALLOW, null, true), """
        local req = app.integrations.stripe.create_price({ product = "prod_1", unit_amount = 2999, currency = "usd", recurring_interval = "month" })
        print(req.dry_run, req.method, req.url)
        print(req.body)
        print(req.content_type, req.headers["Idempotency-Key"] ~= nil, req.headers["Authorization"])
        """);
    assertTrue(r.ok(), r.error());
    assertEquals("true\tPOST\t" + server.url("/v1/prices"), printed.get(0));
    assertEquals("product=prod_1&unit_amount=2999&currency=usd&recurring[interval]=month", printed.get(1));
    assertEquals("application/x-www-form-urlencoded\ttrue\tnil", printed.get(2));
    assertEquals(0, server.requestCount());
    assertFalse(String.join("\n", printed).contains(KEY));
  }

  @Test
  void luaReadDocServesTheGeneratedReference() {
    ScriptResult r = run(host(WritePolicy.ALLOW, null, false), """
        local all = lua_read_doc("integrations.stripe")
        print(all:match("^# [^\\n]+"))
        print(select(2, all:gsub("\\n### `%l", "")))  -- function sections; the Types tables start upper-case
        print(lua_read_doc("integrations.stripe.stripe_capture_payment_intent"):match("^# [^\\n]+"))
        print(lua_read_doc("integrations.nope"):match("^No documentation page 'integrations.nope'") ~= nil)
        """);
    assertTrue(r.ok(), r.error());
    assertEquals("# Stripe — Lua API Reference", printed.get(0));
    assertEquals("26", printed.get(1));
    assertEquals("# `capture_payment_intent`", printed.get(2));
    assertEquals("true", printed.get(3));
  }

  @Test
  void accountToStringHidesCredentials() {
    Account a = new Account("stripe", "default", Map.of("api_key", KEY), Map.of(), null, null);
    assertFalse(a.toString().contains(KEY));
    assertEquals(WritePolicy.ASK, a.writes());
    assertNull(a.baseUrl());
  }

  /** Errors raised inside a Lua frame carry "chunk:line " in front. */
  static String stripLocation(String error) {
    return error.replaceFirst("^test\\.lua:\\d+ ", "");
  }
}
