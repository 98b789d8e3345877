package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.chartmogul.CancelSubscriptionParams;
import dev.specloom.chartmogul.ChartMogulClient;
import dev.specloom.chartmogul.CreateCustomerParams;
import dev.specloom.chartmogul.GetCustomerParams;
import dev.specloom.chartmogul.GetMetricsParams;
import dev.specloom.chartmogul.ImportInvoiceParams;
import dev.specloom.chartmogul.ImportInvoiceTransactionParams;
import dev.specloom.chartmogul.ListCustomersParams;
import dev.specloom.chartmogul.ListSubscriptionsParams;
import dev.specloom.chartmogul.model.Customer;
import dev.specloom.chartmogul.model.LineItem;
import dev.specloom.runtime.ProviderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ChartMogul simulator through the generated SDK: hyphenated keys, cursor and legacy page paging, imports, metrics. */
class ChartMogulSandboxTest {
  static OfflineSandbox sandbox;
  static ChartMogulClient cm;

  @BeforeAll
  static void start() {
    sandbox = OfflineSandbox.start(List.of("chartmogul"));
    cm = ChartMogulClient.builder().apiKey("sandbox").baseUrl(sandbox.baseUrl("chartmogul")).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  Customer create(String name) {
    return cm.createCustomer(CreateCustomerParams.builder().dataSourceUuid("ds_fef05d54-47b4-431b-aed2-eb6b9e545430")
        .externalId(name.toLowerCase()).name(name).email(name.toLowerCase() + "@example.com").build());
  }

  @Test
  void createdCustomersGetPrefixedUuidsAndHyphenatedKeysDecode() {
    Customer c = create("Hooli");
    assertTrue(c.uuid().matches("cus_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), c.uuid());
    assertEquals(List.of("hooli"), c.externalIds());
    assertEquals("$", c.currencySign(), "sent as currency-sign");
    assertTrue(c.customerSince().endsWith("Z"), c.customerSince());
    assertEquals("Hooli", cm.getCustomer(GetCustomerParams.of(c.uuid())).name());
    ProviderException e = assertThrows(ProviderException.class, () -> cm.getCustomer(GetCustomerParams.of("cus_nope")));
    assertEquals(404, e.status());
    assertEquals("RESOURCE_NOT_FOUND", e.code());
    assertEquals("The requested customer 'cus_nope' could not be found.", e.providerMessage());
    ProviderException badSource = assertThrows(ProviderException.class, () -> cm.createCustomer(
        CreateCustomerParams.builder().dataSourceUuid("ds_missing").externalId("x").build()));
    assertEquals("data_source_uuid", badSource.param());
  }

  @Test
  void cursorPagingAndTheLegacyPageNumber() {
    for (String n : List.of("A1", "A2", "A3")) create(n);
    List<String> names = new ArrayList<>();
    cm.listCustomersAutoPaging(ListCustomersParams.builder().perPage(2L).build()).forEach(c -> names.add(c.name()));
    assertEquals(List.of("Acme Corp", "Globex Ltd", "Initech", "Umbrella Health", "A1", "A2", "A3"), names);
    List<String> gets = sandbox.journal("chartmogul").stream().filter(e -> e.method().equals("GET")).map(Exchange::target).toList();
    assertEquals(4, gets.size(), gets.toString());
    assertEquals("/v1/customers?per_page=2", gets.get(0));
    assertTrue(gets.get(3).startsWith("/v1/customers?per_page=2&cursor="), gets.get(3));
    var page2 = cm.listCustomers(ListCustomersParams.builder().perPage(3L).page(2L).build());
    assertEquals(List.of("Umbrella Health", "A1", "A2"), page2.entries().stream().map(Customer::name).toList());
    assertEquals(2L, page2.page());
    assertEquals(3L, page2.perPage());
    assertEquals(true, page2.hasMore());
    ProviderException e = assertThrows(ProviderException.class, () -> cm.listCustomers(ListCustomersParams.builder().cursor("bogus").build()));
    assertEquals("cursor", e.param());
  }

  @Test
  void searchByEmailAndFilterByStatus() {
    assertEquals(List.of("cus_abc123"), cm.listCustomers(ListCustomersParams.builder().email("jane@acme.example").build())
        .entries().stream().map(Customer::uuid).toList());
    assertTrue(sandbox.journal("chartmogul").get(0).target().startsWith("/v1/customers/search?"));
    assertEquals(List.of("Initech"), cm.listCustomers(ListCustomersParams.builder().status("Cancelled").build())
        .entries().stream().map(Customer::name).toList());
  }

  @Test
  void metricsComeFromImportedInvoices() {
    var before = cm.getMetrics(GetMetricsParams.builder().startDate("2025-01-01").endDate("2025-04-30").interval("month").build());
    assertEquals(List.of("2025-01-31 5000.0 60000.0 1", "2025-02-28 7000.0 84000.0 2", "2025-03-31 7000.0 84000.0 2", "2025-04-30 2000.0 24000.0 1"),
        before.entries().stream().map(e -> e.date() + " " + e.mrr() + " " + e.arr() + " " + e.customers()).toList());
    assertEquals("GET /v1/metrics/all?start-date=2025-01-01&end-date=2025-04-30&interval=month",
        sandbox.journal("chartmogul").get(0).method() + " " + sandbox.journal("chartmogul").get(0).target());

    var imported = cm.importInvoice(ImportInvoiceParams.builder().customerUuid("cus_abc123-def456").externalId("GLX-Y")
        .date("2025-04-01T00:00:00Z").currency("USD").lineItems(List.of(LineItem.builder().type("subscription")
            .amountInCents(120000L).servicePeriodStart("2025-04-01T00:00:00Z").servicePeriodEnd("2026-04-01T00:00:00Z").build()))
        .build());
    assertTrue(imported.invoices().get(0).uuid().startsWith("inv_"));
    assertEquals(120000L, imported.invoices().get(0).amount());
    assertTrue(sandbox.journal("chartmogul").get(1).body().startsWith("{\"invoices\":[{\"external_id\":\"GLX-Y\""));
    var after = cm.getMetrics(GetMetricsParams.builder().startDate("2025-04-01").endDate("2025-04-30").build());
    assertEquals(12000.0, after.entries().get(0).mrr(), "a yearly line counts one twelfth per month");
    assertEquals(12000.0, after.entries().get(0).arpa(), "one customer");

    var t = cm.importInvoiceTransaction(ImportInvoiceTransactionParams.builder().invoiceUuid("inv_565c73b2").type("refund")
        .date("2025-01-20T00:00:00Z").result("successful").build());
    assertTrue(t.uuid().startsWith("tr_"));
    assertEquals(5000L, t.amountInCents(), "the invoice total when no amount is given");
  }

  @Test
  void subscriptionsPerCustomerAndCancellation() {
    var subs = cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_abc123").status("active").build());
    assertEquals(List.of("sub_e6bc5407"), subs.entries().stream().map(s -> s.uuid()).toList());
    assertEquals("month", subs.entries().get(0).billingCycle(), "sent as billing-cycle");
    assertEquals("cus_abc123", subs.customerUuid());
    var cancelled = cm.cancelSubscription(CancelSubscriptionParams.builder().id("sub_e6bc5407").cancelledAt("2025-03-01T00:00:00Z").build());
    assertEquals(List.of("2025-03-01T00:00:00Z"), cancelled.cancellationDates());
    assertEquals("cus_abc123", cancelled.customerUuid());
    assertNull(cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_abc123").build()).cursor());
    assertEquals(404, assertThrows(ProviderException.class,
        () -> cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_nobody").build())).status());
  }
}
