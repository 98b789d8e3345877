package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.chartmogul.ApiCallParams;
import dev.specloom.chartmogul.CancelSubscriptionParams;
import dev.specloom.chartmogul.ChartMogulClient;
import dev.specloom.chartmogul.CreateCustomerParams;
import dev.specloom.chartmogul.DeleteCustomerParams;
import dev.specloom.chartmogul.DeleteInvoiceParams;
import dev.specloom.chartmogul.DeletePlanParams;
import dev.specloom.chartmogul.GetInvoiceParams;
import dev.specloom.chartmogul.GetCustomerParams;
import dev.specloom.chartmogul.GetMetricsParams;
import dev.specloom.chartmogul.ImportInvoiceParams;
import dev.specloom.chartmogul.ImportInvoiceTransactionParams;
import dev.specloom.chartmogul.ListCustomerSubscriptionsParams;
import dev.specloom.chartmogul.ListCustomersParams;
import dev.specloom.chartmogul.ListSubscriptionsParams;
import dev.specloom.chartmogul.model.Customer;
import dev.specloom.chartmogul.model.LineItem;
import dev.specloom.runtime.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    assertEquals(List.of(201, 200), sandbox.journal("chartmogul").stream().map(Exchange::status).toList(), "a create answers 201");
    ProviderException e = assertThrows(ProviderException.class, () -> cm.getCustomer(GetCustomerParams.of("cus_nope")));
    assertEquals(404, e.status());
    assertNull(e.code(), "a missing resource is answered {\"error\": ...}, as ChartMogul does");
    assertEquals("No customer with id 'cus_nope' found", e.providerMessage());
    ProviderException badSource = assertThrows(ProviderException.class, () -> cm.createCustomer(
        CreateCustomerParams.builder().dataSourceUuid("ds_missing").externalId("x").build()));
    assertEquals("No data_source with data_source_uuid 'ds_missing' found", badSource.providerMessage());
  }

  /** Real error shapes: 401 {code: 401, message, param}; 422 {errors: {field: message}} when validation fails. */
  @Test
  void errorsComeInChartMogulsShapes() {
    ProviderException invalid = assertThrows(ProviderException.class,
        () -> cm.apiCall(ApiCallParams.builder().method("POST").path("/data_sources").body(Map.of()).build()));
    assertEquals(422, invalid.status());
    assertEquals("name: name is required", invalid.providerMessage());
    assertEquals(0, cm.listDataSources().dataSources().stream().filter(ds -> ds.name() == null).count(), "nothing was created");
    ChartMogulClient anonymous = ChartMogulClient.builder().apiKey("x").baseUrl(sandbox.baseUrl("chartmogul")).maxRetries(0)
        .httpClient(new okhttp3.OkHttpClient.Builder().addNetworkInterceptor(c -> c.proceed(c.request().newBuilder()
            .removeHeader("Authorization").build())).build()).build();
    ProviderException denied = assertThrows(ProviderException.class, anonymous::getCurrentUser);
    assertEquals(401, denied.status());
    assertEquals("401", denied.code(), "a numeric code");
    assertEquals("No valid API key provided", denied.providerMessage());
  }

  /** ChartMogul answers every delete with 204 and no body; the SDK returns null. */
  @Test
  void deletesAnswerNoContent() {
    assertNull(cm.deleteInvoice(DeleteInvoiceParams.of("inv_565c73b2")));
    assertNull(cm.deletePlan(DeletePlanParams.of("pl_2")));
    assertNull(cm.deleteCustomer(DeleteCustomerParams.of("cus_3f8b2d61-9e47-4c2a-b1d0-umbrella0001")));
    List<Exchange> deletes = sandbox.journal("chartmogul").stream().filter(x -> x.method().equals("DELETE")).toList();
    assertEquals(List.of(204, 204, 204), deletes.stream().map(Exchange::status).toList());
    assertEquals(404, assertThrows(ProviderException.class, () -> cm.getInvoice(GetInvoiceParams.of("inv_565c73b2"))).status());
    assertEquals(404, assertThrows(ProviderException.class, () -> cm.deletePlan(DeletePlanParams.of("pl_2"))).status());
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
    assertEquals(404, e.status());
    assertEquals("No cursor with cursor 'bogus' found", e.providerMessage());
  }

  @Test
  void searchByEmailAndFilterByStatus() {
    assertEquals(List.of("cus_abc123"), cm.listCustomers(ListCustomersParams.builder().email("jane@acme.example").build())
        .entries().stream().map(Customer::uuid).toList());
    assertTrue(sandbox.journal("chartmogul").get(0).target().startsWith("/v1/customers/search?"));
    assertEquals(List.of("Initech"), cm.listCustomers(ListCustomersParams.builder().status("Cancelled").build())
        .entries().stream().map(Customer::name).toList());
  }

  /** The simulator answers a search that finds nobody with ChartMogul's 404; the SDK makes it an empty page. */
  @Test
  void aSearchThatFindsNobodyAnswers404AndTheSdkReturnsAnEmptyPage() {
    var page = cm.listCustomers(ListCustomersParams.builder().email("nobody@example.com").build());
    assertEquals(List.of(), page.entries());
    assertEquals(false, page.hasMore());
    Exchange search = sandbox.journal("chartmogul").get(0);
    assertEquals("/v1/customers/search?per_page=50&email=nobody%40example.com", search.target());
    assertEquals(404, search.status());
    assertEquals(List.of(), cm.listCustomers(ListCustomersParams.builder().status("Future").build()).entries());
    assertEquals(200, sandbox.journal("chartmogul").get(1).status(), "an empty plain list is a page, not a 404");
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
    assertEquals(120000L, imported.invoices().get(0).lineItems().get(0).amountInCents());
    assertTrue(sandbox.journal("chartmogul").get(1).body().startsWith("{\"invoices\":[{\"external_id\":\"GLX-Y\""));
    var after = cm.getMetrics(GetMetricsParams.builder().startDate("2025-04-01").endDate("2025-04-30").build());
    assertEquals(12000.0, after.entries().get(0).mrr(), "a yearly line counts one twelfth per month");
    assertEquals(12000.0, after.entries().get(0).arpa(), "one customer");

    var t = cm.importInvoiceTransaction(ImportInvoiceTransactionParams.builder().invoiceUuid("inv_565c73b2").type("refund")
        .date("2025-01-20T00:00:00Z").result("successful").build());
    assertTrue(t.uuid().startsWith("tr_"));
    assertEquals(5000L, t.amountInCents(), "the invoice total when no amount is given");
  }

  /**
   * The Metrics API (list_subscriptions) and the Import API (list_customer_subscriptions, cancel_subscription)
   * give one subscription different uuids; the simulator keeps them apart as ChartMogul does.
   */
  @Test
  void subscriptionsPerCustomerAndCancellationThroughTheImportApi() {
    var subs = cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_abc123").status("active").build());
    assertEquals(List.of("5a1c3e27-7f0b-4c69-9d2e-0e6bc5407a01"), subs.entries().stream().map(s -> s.uuid()).toList());
    assertEquals("/v1/customers/cus_abc123/subscriptions?per_page=50", sandbox.journal("chartmogul").get(0).target(),
        "status is filtered by the SDK, not sent");
    assertEquals("month", subs.entries().get(0).billingCycle(), "sent as billing-cycle");
    String metricsUuid = subs.entries().get(0).uuid();
    ProviderException wrongApi = assertThrows(ProviderException.class, () -> cm.cancelSubscription(
        CancelSubscriptionParams.builder().id(metricsUuid).cancelledAt("2025-03-01T00:00:00Z").build()));
    assertEquals(404, wrongApi.status(), "the Import API does not know Metrics API uuids");

    var imported = cm.listCustomerSubscriptions(ListCustomerSubscriptionsParams.builder().customerUuid("cus_abc123").build());
    assertEquals("/v1/import/customers/cus_abc123/subscriptions?per_page=50", sandbox.journal("chartmogul").get(2).target());
    assertEquals("cus_abc123", imported.customerUuid());
    assertEquals(List.of("sub_e6bc5407", "sub_f7cd6518"), imported.subscriptions().stream().map(s -> s.uuid()).toList());
    assertEquals(false, imported.hasMore());
    String importUuid = imported.subscriptions().stream().filter(s -> s.externalId().equals("sub_0001")).findFirst().orElseThrow().uuid();
    var cancelled = cm.cancelSubscription(CancelSubscriptionParams.builder().id(importUuid).cancelledAt("2025-03-01T00:00:00Z").build());
    assertEquals(List.of("2025-03-01T00:00:00Z"), cancelled.cancellationDates());
    assertEquals("cus_abc123", cancelled.customerUuid());
    assertEquals(202, sandbox.journal("chartmogul").get(3).status(), "ChartMogul accepts a cancellation with 202");
    assertTrue(cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_abc123").build()).entries().stream()
        .noneMatch(s -> s.uuid().equals(importUuid)), "the Metrics API shows its own uuids");
    assertNull(cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_abc123").build()).cursor());
    assertEquals(404, assertThrows(ProviderException.class,
        () -> cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_nobody").build())).status());
  }
}
