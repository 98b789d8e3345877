package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.Exchange;
import dev.specloom.sandbox.OfflineSandbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ChartMogul and ChargeOver behaviour as a Lua script sees it on the offline simulator. */
class ProviderBehaviourLuaTest {
  static OfflineSandbox sandbox;
  static IntegrationHost host;
  final List<String> printed = new ArrayList<>();

  @BeforeAll
  static void start() {
    List<ProviderBinding> bindings = Bindings.all().stream()
        .filter(b -> List.of("chartmogul", "chargeover").contains(b.provider())).toList();
    sandbox = OfflineSandbox.start(bindings.stream().map(ProviderBinding::provider).toList());
    IntegrationHost.Builder b = IntegrationHost.builder().bindings(Bindings.all());
    OfflineAccounts.of(sandbox, bindings).forEach(b::account);
    host = b.build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  ScriptResult run(String lua) {
    return host.run(lua, "behaviour.lua", printed::add);
  }

  @Test
  void statusesAsTheSeedsSpellThemMapToTheRealFilter() {
    ScriptResult r = run("""
        app.integrations.chartmogul.list_customers({ status = "Past Due" })
        app.integrations.chartmogul.list_customers({ status = "Canceled" })
        local open = app.integrations.chargeover.list_invoices({ status = "cancelled" })
        print(#open.invoices)""");
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("/v1/customers?per_page=50&status=Past_Due", "/v1/customers?per_page=50&status=Cancelled"),
        sandbox.journal("chartmogul").stream().map(Exchange::target).toList());
    assertEquals("/api/v3/invoice?limit=10&offset=0&where=invoice_status_str%3AEQUALS%3Aclosed-void",
        sandbox.journal("chargeover").get(0).target());
  }

  @Test
  void aStatusChargeOverDoesNotHaveIsRefusedNamingTheOneToUse() {
    ScriptResult r = run("app.integrations.chargeover.list_customers({ status = \"archive\" })");
    assertFalse(r.ok());
    assertTrue(r.error().contains("chargeover.list_customers: 'status' cannot be 'archive'; use 'inactive' instead"), r.error());
    assertTrue(sandbox.journal("chargeover").isEmpty(), "nothing is sent");
  }

  @Test
  void aDeleteReturnsNil() {
    ScriptResult r = run("""
        local r = app.integrations.chartmogul.delete_plan({ id = "pl_2" })
        print(r == nil)""");
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("true"), printed);
    assertEquals(204, sandbox.journal("chartmogul").get(0).status());
  }

  @Test
  void aSearchThatFindsNobodyReturnsAnEmptyList() {
    ScriptResult r = run("""
        local r = app.integrations.chartmogul.list_customers({ email = "nobody@example.com" })
        print(#r.entries, r.has_more)""");
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("0\tfalse"), printed);
    assertEquals(404, sandbox.journal("chartmogul").get(0).status(), "the simulator answers ChartMogul's 404");
  }

  @Test
  void subscriptionStatusIsKeptByTheSdkNotSent() {
    ScriptResult r = run("""
        local r = app.integrations.chartmogul.list_subscriptions({ customer_uuid = "cus_abc123", status = "inactive" })
        for _, s in ipairs(r.entries) do print(s.plan, s.state) end""");
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("Silver Monthly\tinactive"), printed);
    assertEquals("/v1/customers/cus_abc123/subscriptions?per_page=50", sandbox.journal("chartmogul").get(0).target());
  }

  @Test
  void cancellingTakesTheImportApiUuid() {
    ScriptResult r = run("""
        local metrics = app.integrations.chartmogul.list_subscriptions({ customer_uuid = "cus_abc123", status = "active" })
        local ok, err = pcall(app.integrations.chartmogul.cancel_subscription,
          { id = metrics.entries[1].uuid, cancelled_at = "2025-03-01T00:00:00Z" })
        print(ok, err.status)
        local imported = app.integrations.chartmogul.list_customer_subscriptions({ customer_uuid = "cus_abc123" })
        local s = app.integrations.chartmogul.cancel_subscription({ id = imported.subscriptions[1].uuid, cancelled_at = "2025-03-01T00:00:00Z" })
        print(s.uuid, s.cancellation_dates[1])""");
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("false\t404", "sub_e6bc5407\t2025-03-01T00:00:00Z"), printed);
  }

  @Test
  void removedParamsAndFieldsAreGone() {
    ScriptResult type = run("app.integrations.chartmogul.get_metrics({ start_date = '2025-01-01', end_date = '2025-01-31', type = 'absolute' })");
    assertFalse(type.ok());
    assertTrue(type.error().contains("unknown key 'type'"), type.error());
    ScriptResult limit = run("app.integrations.chargeover.get_current_user({ limit = 1 })");
    assertFalse(limit.ok());
    assertTrue(limit.error().contains("unknown key 'limit'"), limit.error());
    ScriptResult account = run("""
        local a = app.integrations.chartmogul.get_current_user({})
        print(a.name, a.first_name == nil, a.email == nil)""");
    assertTrue(account.ok(), account.error());
    assertEquals(List.of("Sandbox Analytics\ttrue\ttrue"), printed);
  }

  @Test
  void chargeOverTransactionsAndOpenInvoices() {
    ScriptResult r = run("""
        for _, t in ipairs(app.integrations.chargeover.list_transactions({}).transactions) do
          for _, a in ipairs(t.applied_to) do print(t.transaction_id, a.invoice_id, a.applied) end
        end
        for _, i in ipairs(app.integrations.chargeover.list_invoices({ status = "open" }).invoices) do
          print(i.refnumber, i.invoice_status_str, i.line_items == nil)
        end""");
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("801\t1000\t1500", "802\t1004\t1200", "1001\topen-unpaid\ttrue", "1002\topen-overdue\ttrue",
        "1003\topen-unpaid\ttrue"), printed);
    List<Exchange> sent = sandbox.journal("chargeover");
    assertEquals("/api/v3/invoice?limit=10&offset=0&where=invoice_status_state%3AEQUALS%3Ao", sent.get(1).target());
  }
}
