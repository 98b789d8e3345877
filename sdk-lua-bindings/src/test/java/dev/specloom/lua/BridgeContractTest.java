package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.runtime.testing.WireServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parts of the Lua contract LuaBridgeTest shows for Stripe, shown for ChartMogul and ChargeOver too: every
 * function and alias of every spec reachable and validated, every kind of validation their specs declare, where
 * errors are raised, result shapes, provider error tables, the docs pages, and dry runs that never show an
 * account secret.
 */
class BridgeContractTest {
  static final String CM_KEY = "cm_contract_key_7f3a";
  static final String CO_TOKEN = "pub_contract:priv_contract_9c1d";

  final WireServer chartmogul = new WireServer();
  final WireServer chargeover = new WireServer();
  final List<String> printed = new ArrayList<>();

  @AfterEach
  void stop() {
    chartmogul.close();
    chargeover.close();
  }

  IntegrationHost host(boolean dryRun) {
    return IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("chartmogul", "default", Map.of("api_key", CM_KEY), Map.of(), chartmogul.url("/v1"),
            WritePolicy.ALLOW))
        .account(new Account("chargeover", "default", Map.of("access_token", CO_TOKEN), Map.of("subdomain", "mycompany"),
            chargeover.url("/api/v3"), WritePolicy.ALLOW))
        .dryRun(dryRun).build();
  }

  ScriptResult run(IntegrationHost host, String lua) {
    printed.clear();
    return host.run(lua, "contract.lua", printed::add);
  }

  @Test
  void everyKindOfBadArgumentNamesTheFunctionAndKeyAndSendsNothing() {
    IntegrationHost host = host(false);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("chartmogul.list_customers({ status = 'Activ' })", "chartmogul.list_customers: 'status' must be one of "
        + "New_Lead, Working_Lead, Qualified_Lead, Unqualified_Lead, Lead, Active, Past_Due, Cancelled, Future, got 'Activ'");
    cases.put("chartmogul.list_customers({ per_page = 201 })",
        "chartmogul.list_customers: 'per_page' must be between 1 and 200, got 201");
    cases.put("chartmogul.list_customers({ per_page = 0 })",
        "chartmogul.list_customers: 'per_page' must be between 1 and 200, got 0");
    cases.put("chartmogul.list_customers({ emial = 'a@b.example' })",
        "chartmogul.list_customers: unknown key 'emial' (did you mean 'email'?); valid keys: per_page, page, cursor, "
            + "status, email, data_source_uuid, external_id, system");
    cases.put("chartmogul.get_metrics({ start_date = '2025-01-01' })", "chartmogul.get_metrics: 'end_date' is required");
    cases.put("chartmogul.get_metrics({ start_date = '01/01/2025', end_date = '2025-03-31' })",
        "chartmogul.get_metrics: 'start_date' must be a date like 2025-01-31, got '01/01/2025'");
    cases.put("chartmogul.get_metrics({ start_date = '2025-02-30', end_date = '2025-03-31' })",
        "chartmogul.get_metrics: 'start_date' must be a date like 2025-01-31, got '2025-02-30'");
    cases.put("chartmogul.get_metrics({ start_date = 20250101, end_date = '2025-03-31' })",
        "chartmogul.get_metrics: 'start_date' must be a string, got number");
    cases.put("chartmogul.cancel_subscription({ id = 'sub_1', cancelled_at = 'next week' })",
        "chartmogul.cancel_subscription: 'cancelled_at' must be a date-time like 2025-01-31T12:00:00Z, got 'next week'");
    cases.put("chartmogul.create_plan_group({ name = 'Gold', plans = 'pl_1' })",
        "chartmogul.create_plan_group: 'plans' must be a table, got string");
    cases.put("chartmogul.create_plan_group({ name = 'Gold', plans = { first = 'pl_1' } })",
        "chartmogul.create_plan_group: 'plans' must be a list (a sequence 1..n with no other keys)");
    cases.put("chartmogul.create_plan_group({ name = 'Gold', plans = { 'pl_1', 2 } })",
        "chartmogul.create_plan_group: 'plans[2]' must be a string, got number");
    cases.put("chartmogul.import_invoice({ customer_uuid = 'cus_1', external_id = 'INV1', date = '2025-01-01T00:00:00Z',"
            + " currency = 'USD', line_items = { { type = 'subscription', amount_in_cents = 50.5 } } })",
        "chartmogul.import_invoice: 'line_items[1].amount_in_cents' must be an integer, got 50.5");
    cases.put("chartmogul.import_invoice({ customer_uuid = 'cus_1', external_id = 'INV1', date = '2025-01-01T00:00:00Z',"
            + " currency = 'USD', line_items = { { typ = 'subscription' } } })",
        "chartmogul.import_invoice: unknown key 'line_items[1].typ' (did you mean 'type'?); valid keys: uuid, type, "
            + "amount_in_cents, subscription_external_id, subscription_set_external_id, plan_uuid, service_period_start, "
            + "service_period_end, cancelled_at, prorated, description, quantity, discount_amount_in_cents, discount_code, "
            + "tax_amount_in_cents, transaction_fees_in_cents, external_id, account_code");
    cases.put("chargeover.list_customers({ limit = 501 })", "chargeover.list_customers: 'limit' must be between 1 and 500, got 501");
    cases.put("chargeover.get_customer({ id = 'twelve' })", "chargeover.get_customer: 'id' must be an integer, got string");
    cases.put("chargeover.get_customer({})", "chargeover.get_customer: 'id' is required");
    cases.put("chargeover.list_invoices({ status = true })", "chargeover.list_invoices: 'status' must be a string, got boolean");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      ScriptResult r = run(host, "local ok, err = pcall(function()\n  return app.integrations." + c.getKey() + "\nend)\n"
          + "print(ok)\nprint(err)");
      assertTrue(r.ok(), r.error());
      assertEquals("false", printed.get(0), c.getKey());
      assertEquals(c.getValue(), printed.get(1), c.getKey());
    }
    assertEquals(0, chartmogul.requestCount());
    assertEquals(0, chargeover.requestCount());
  }

  @Test
  void everyFunctionAndAliasIsReachableAndValidatesBeforeSending() {
    IntegrationHost.Builder b = IntegrationHost.builder().bindings(Bindings.all());
    for (ProviderBinding binding : Bindings.all()) {
      Map<String, String> credentials = new LinkedHashMap<>();
      binding.credentials().forEach(c -> credentials.put(c, "k:v"));
      Map<String, String> settings = binding.settings().contains("subdomain") ? Map.of("subdomain", "mycompany") : Map.of();
      b.account(new Account(binding.provider(), "default", credentials, settings, chartmogul.url("/"), WritePolicy.ALLOW));
    }
    IntegrationHost host = b.build();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ProviderBinding binding : Bindings.all()) {
      counts.put(binding.provider(), binding.functions().size());
      for (FunctionSpec fn : binding.functions()) {
        List<String> names = new ArrayList<>(fn.aliases());
        names.add(0, fn.name());
        for (String name : names) {
          for (String path : List.of(binding.provider() + "." + name, binding.provider() + ".default." + name)) {
            ScriptResult r = run(host, "print(select(2, pcall(app.integrations." + path + ", { zz_typo = 1 })))");
            assertTrue(r.ok(), path + ": " + r.error());
            assertTrue(printed.get(0).startsWith(binding.provider() + "." + fn.name() + ": unknown key 'zz_typo'; "),
                path + " → " + printed.get(0));
          }
        }
      }
    }
    assertEquals(Map.of("stripe", 26, "chartmogul", 31, "chargeover", 7), counts);
    assertEquals(0, chartmogul.requestCount());
  }

  @Test
  void unknownProviderAndAccountNamesSuggestWhatExists() {
    IntegrationHost host = IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("chartmogul", "default", Map.of("api_key", CM_KEY), Map.of(), chartmogul.url("/v1"), WritePolicy.ALLOW))
        .account(new Account("chartmogul", "production", Map.of("api_key", CM_KEY), Map.of(), chartmogul.url("/v1"), WritePolicy.ALLOW))
        .build();
    ScriptResult r = run(host, """
        print(select(2, pcall(function() return app.integrations.chartmogl end)))
        print(select(2, pcall(function() return app.integrations.chartmogul.prodution.list_plans end)))
        print(select(2, pcall(function() return app.integrations.chartmogul.production.list_plan end)))
        print(type(app.integrations.chartmogul.default.chartmogul_list_plans), type(app.integrations.chartmogul.production.get_metrics))
        """);
    assertTrue(r.ok(), r.error());
    // Namespace lookups fail at the line that names the missing key.
    assertEquals("contract.lua:1 app.integrations: no provider 'chartmogl' (did you mean 'chartmogul'?); "
        + "available: stripe, chartmogul, chargeover", printed.get(0));
    assertTrue(printed.get(1).startsWith("contract.lua:2 app.integrations.chartmogul: no function or account 'prodution' (did you mean "
        + "'production'?); available: list_customers, "), printed.get(1));
    assertTrue(printed.get(1).endsWith(", api_call, default, production"), printed.get(1));
    assertTrue(printed.get(2).startsWith("contract.lua:3 app.integrations.chartmogul.production: no function 'list_plan' (did you mean "
        + "'list_plans'?)"), printed.get(2));
    assertEquals("function\tfunction", printed.get(3));
    assertEquals(0, chartmogul.requestCount());
  }

  @Test
  void anUncaughtValidationErrorPointsAtTheCallersLine() {
    ScriptResult r = run(host(false), """
        local function fetch(day)
          local metrics = app.integrations.chartmogul.get_metrics({ start_date = day, end_date = "2025-03-31" })
          return metrics
        end
        fetch("2025-13-01")
        """);
    assertFalse(r.ok());
    assertEquals("contract.lua:2 chartmogul.get_metrics: 'start_date' must be a date like 2025-01-31, got '2025-13-01'",
        r.error());
  }

  @Test
  void resultsArePlainTablesWithSequencesIntegersAndNilForNull() {
    chartmogul.reply(200, """
        {"entries":[{"date":"2025-01-31","mrr":45000.5,"arr":540006.0,"customers":10,"ltv":null},
                    {"date":"2025-02-28","mrr":46000.0,"arr":552000.0,"customers":11,"ltv":1200.25}],
         "summary":{"current-mrr":46000}}""");
    ScriptResult r = run(host(false), """
        local m = app.integrations.chartmogul.get_metrics({ start_date = "2025-01-01", end_date = "2025-02-28" })
        print(#m.entries, m.entries[0] == nil, type(m.entries[1]))
        for i, e in ipairs(m.entries) do print(i, e.date, e.customers, e.mrr, e.ltv, math.floor(e.customers) == e.customers) end
        print(rawget(m.entries[1], "ltv") == nil, next(m.entries, #m.entries) == nil)
        """);
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("2\ttrue\ttable", "1\t2025-01-31\t10\t45000.5\tnil\ttrue", "2\t2025-02-28\t11\t46000\t1200.25\ttrue",
        "true\ttrue"), printed);
    WireServer.Sent sent = chartmogul.take();
    assertEquals("/v1/metrics/all", sent.path());
    assertEquals("start-date=2025-01-01&end-date=2025-02-28&interval=month", sent.query());
  }

  @Test
  void chartMogulErrorsInEachShapeAreTables() {
    chartmogul.reply(422, "{\"code\":422,\"message\":\"The external ID for this customer already exists.\",\"param\":\"external_id\"}",
            "X-Request-Id", "req_cm_9")
        .reply(400, "{\"errors\":{\"date\":\"Date is invalid\"}}")
        .reply(401, "{\"error\":\"Unauthorized\"}");
    ScriptResult r = run(host(false), """
        local calls = {
          function() return app.integrations.chartmogul.create_customer({ data_source_uuid = "ds_1", external_id = "x", name = "A" }) end,
          function() return app.integrations.chartmogul.import_invoice_transaction({ invoice_uuid = "inv_1", type = "payment",
            date = "2025-01-20T00:00:00Z", result = "successful" }) end,
          function() return app.integrations.chartmogul.get_current_user({}) end,
        }
        for _, call in ipairs(calls) do
          local ok, err = pcall(call)
          print(ok, err.provider, err.fn, err.status, err.code, err.message, err.request_id)
          print(tostring(err))
        end
        """);
    assertTrue(r.ok(), r.error());
    assertEquals(List.of(
        "false\tchartmogul\tcreate_customer\t422\t422\tThe external ID for this customer already exists.\treq_cm_9",
        "chartmogul.create_customer: 422 422: The external ID for this customer already exists.",
        "false\tchartmogul\timport_invoice_transaction\t400\tnil\tdate: Date is invalid\tnil",
        "chartmogul.import_invoice_transaction: 400 date: Date is invalid",
        "false\tchartmogul\tget_current_user\t401\tnil\tUnauthorized\tnil",
        "chartmogul.get_current_user: 401 Unauthorized"), printed);
  }

  @Test
  void chargeOverEnvelopeErrorWithStatus200IsATable() {
    chargeover.reply(200, "{\"code\":400,\"status\":\"Error\",\"message\":\"Unknown filter field: nope\",\"details\":{},\"response\":false}");
    ScriptResult r = run(host(false), """
        local ok, err = pcall(app.integrations.chargeover.chargeover_list_customers, { status = "active" })
        print(ok, err.provider, err.fn, err.status, err.message)
        print(tostring(err))
        """);
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("false\tchargeover\tlist_customers\t400\tUnknown filter field: nope",
        "chargeover.list_customers: 400 Unknown filter field: nope"), printed);
    WireServer.Sent sent = chargeover.take();
    assertEquals("/api/v3/customer", sent.path());
    assertEquals("limit=10&offset=0&where=customer_status_state%3AEQUALS%3Aa", sent.query());
  }

  @Test
  void luaReadDocHasAPagePerProviderAndFunctionAndListsPagesForAnUnknownOne() {
    ScriptResult r = run(host(false), """
        for _, page in ipairs({ "integrations.chartmogul", "integrations.chargeover", "integrations.stripe" }) do
          print(lua_read_doc(page):match("^# [^\\n]+"))
        end
        print(lua_read_doc("integrations.chartmogul.get_metrics"):match("^# [^\\n]+"))
        print(lua_read_doc("integrations.chargeover.chargeover_get_current_user"):match("^# [^\\n]+"))
        print(lua_read_doc("integrations.chargeover.get_custmer"))
        """);
    assertTrue(r.ok(), r.error());
    assertEquals("# ChartMogul — Lua API Reference", printed.get(0));
    assertEquals("# ChargeOver — Lua API Reference", printed.get(1));
    assertEquals("# Stripe — Lua API Reference", printed.get(2));
    assertEquals("# `get_metrics`", printed.get(3));
    assertEquals("# `get_current_user`", printed.get(4));
    String unknown = String.join("\n", printed.subList(5, printed.size()));
    assertTrue(unknown.startsWith("No documentation page 'integrations.chargeover.get_custmer'"), unknown);
    for (String page : List.of("integrations.stripe", "integrations.chartmogul", "integrations.chargeover",
        "integrations.chargeover.get_customer")) {
      assertTrue(unknown.contains(page), page + " not listed in: " + unknown);
    }
  }

  /**
   * The captured request holds only what the script passed (credentials are added after the capture point), so
   * nothing is masked by value: masking a typed value that equals the account's key would confirm the guess.
   */
  @Test
  void dryRunShowsWhatTheScriptTypedAndNoCredential() {
    ScriptResult r = run(host(true), """
        local req = app.integrations.chartmogul.api_call({ method = "POST", path = "/data_sources",
          query = { note = "cm_contract_key_7f3a" }, headers = { ["X-Echo"] = "cm_contract_key_7f3a" },
          body = { name = "Billing", copied = "cm_contract_key_7f3a" } })
        print(req.dry_run, req.method, req.url)
        print(req.body)
        print(req.headers["X-Echo"], req.headers["Authorization"], req.content_type)
        """);
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("true\tPOST\t" + chartmogul.url("/v1/data_sources") + "?note=cm_contract_key_7f3a",
        "{\"name\":\"Billing\",\"copied\":\"cm_contract_key_7f3a\"}",
        "cm_contract_key_7f3a\tnil\tapplication/json; charset=utf-8"), printed);
    assertEquals(0, chartmogul.requestCount());
  }
}
