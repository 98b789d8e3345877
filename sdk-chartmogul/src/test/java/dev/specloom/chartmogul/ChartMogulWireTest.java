package dev.specloom.chartmogul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.chartmogul.model.Account;
import dev.specloom.chartmogul.model.CancelledSubscription;
import dev.specloom.chartmogul.model.Customer;
import dev.specloom.chartmogul.model.CustomerList;
import dev.specloom.chartmogul.model.DataSource;
import dev.specloom.chartmogul.model.DataSourceList;
import dev.specloom.chartmogul.model.ImportedInvoices;
import dev.specloom.chartmogul.model.Invoice;
import dev.specloom.chartmogul.model.InvoiceList;
import dev.specloom.chartmogul.model.LineItem;
import dev.specloom.chartmogul.model.Metrics;
import dev.specloom.chartmogul.model.Plan;
import dev.specloom.chartmogul.model.PlanGroup;
import dev.specloom.chartmogul.model.PlanGroupList;
import dev.specloom.chartmogul.model.PlanList;
import dev.specloom.chartmogul.model.SubscriptionList;
import dev.specloom.chartmogul.model.Transaction;
import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.testing.WireServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every ChartMogul function: the exact request on the wire (JSON bodies) and the decoded result. */
class ChartMogulWireTest {
  static final String KEY = "cm_key_1";
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
  static final String JSON = "application/json; charset=utf-8";

  WireServer server;
  ChartMogulClient cm;

  @BeforeEach
  void start() {
    server = new WireServer();
    cm = ChartMogulClient.builder().apiKey(KEY).baseUrl(server.url("/v1")).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Queues {@code reply}, runs the call, and checks method, path, query, body and headers. */
  <T> T exchange(String reply, Supplier<T> call, String method, String path, String query, String body) {
    server.reply(200, reply);
    T result = call.get();
    WireServer.Sent sent = server.take();
    assertEquals(method, sent.method());
    assertEquals(path, sent.path());
    assertEquals(query, sent.query());
    assertEquals(body == null ? "" : body, sent.body());
    assertEquals(body == null ? null : JSON, sent.header("Content-Type"));
    assertEquals(BASIC, sent.header("Authorization"));
    assertNull(sent.header("Idempotency-Key"), "ChartMogul has no idempotency keys");
    return result;
  }

  static final String CUSTOMER = """
      {"id":25647,"uuid":"cus_de305d54","external_id":"34916129","name":"Adam Smith","email":"adam@example.com",
       "status":"Active","customer-since":"2015-06-09T13:16:00-04:00","mrr":3000.0,"arr":36000.0,
       "billing-system-type":"Stripe","currency":"USD","currency-sign":"$",
       "address":{"address_zip":"0185128","city":"Nowhereville","state":"Alaska","country":"US"}}""";

  @Test
  void listCustomersWithFilters() {
    CustomerList page = exchange("{\"entries\":[" + CUSTOMER + "],\"has_more\":true,\"cursor\":\"c2\",\"per_page\":50}",
        () -> cm.listCustomers(ListCustomersParams.builder().status("Active").dataSourceUuid("ds_1").system("Stripe").build()),
        "GET", "/v1/customers", "per_page=50&status=Active&data_source_uuid=ds_1&system=Stripe", null);
    Customer c = page.entries().get(0);
    assertEquals("Adam Smith", c.name());
    assertEquals("2015-06-09T13:16:00-04:00", c.customerSince());
    assertEquals("Stripe", c.billingSystemType());
    assertEquals("Nowhereville", c.address().city());
    assertEquals(3000.0, c.mrr());
    assertEquals("c2", page.cursor());
  }

  @Test
  void listCustomersWithEmailUsesTheSearchEndpoint() {
    CustomerList page = exchange("{\"entries\":[" + CUSTOMER + "],\"has_more\":false}",
        () -> cm.listCustomers(ListCustomersParams.builder().email("adam@example.com").build()),
        "GET", "/v1/customers/search", "per_page=50&email=adam%40example.com", null);
    assertEquals("adam@example.com", page.entries().get(0).email());
  }

  @Test
  void deprecatedPageIsStillSent() {
    exchange("{\"entries\":[],\"has_more\":false}", () -> cm.listCustomers(ListCustomersParams.builder().page(2L).build()),
        "GET", "/v1/customers", "per_page=50&page=2", null);
  }

  @Test
  void getCustomer() {
    Customer c = exchange(CUSTOMER, () -> cm.getCustomer(GetCustomerParams.of("cus_de305d54")),
        "GET", "/v1/customers/cus_de305d54", null, null);
    assertEquals(25647L, c.id());
  }

  @Test
  void createCustomer() {
    Customer c = exchange(CUSTOMER, () -> cm.createCustomer(CreateCustomerParams.builder().dataSourceUuid("ds_1")
            .externalId("34916129").name("Adam Smith").email("adam@example.com").country("US")
            .leadCreatedAt("2015-01-01T00:00:00Z").attributes(Map.of("tags", List.of("vip"))).build()),
        "POST", "/v1/customers", null,
        "{\"data_source_uuid\":\"ds_1\",\"external_id\":\"34916129\",\"name\":\"Adam Smith\",\"email\":\"adam@example.com\","
            + "\"country\":\"US\",\"lead_created_at\":\"2015-01-01T00:00:00Z\",\"attributes\":{\"tags\":[\"vip\"]}}");
    assertEquals("cus_de305d54", c.uuid());
  }

  @Test
  void updateCustomer() {
    exchange(CUSTOMER, () -> cm.updateCustomer(UpdateCustomerParams.builder().id("cus_1").email("a@example.com").build()),
        "PATCH", "/v1/customers/cus_1", null, "{\"email\":\"a@example.com\"}");
  }

  @Test
  void deleteCustomerAnswersNoContent() {
    server.reply(204, "");
    assertNull(cm.deleteCustomer(DeleteCustomerParams.of("cus_1")));
    WireServer.Sent sent = server.take();
    assertEquals("DELETE", sent.method());
    assertEquals("/v1/customers/cus_1", sent.path());
  }

  static final String PLAN = "{\"uuid\":\"pl_1\",\"data_source_uuid\":\"ds_1\",\"name\":\"Gold Quarterly\",\"interval_count\":3,"
      + "\"interval_unit\":\"month\",\"external_id\":\"gold_quarterly\"}";

  @Test
  void listPlans() {
    PlanList page = exchange("{\"plans\":[" + PLAN + "],\"has_more\":false,\"cursor\":null}",
        () -> cm.listPlans(ListPlansParams.builder().perPage(100L).externalId("gold_quarterly").build()),
        "GET", "/v1/plans", "per_page=100&external_id=gold_quarterly", null);
    assertEquals(3L, page.plans().get(0).intervalCount());
    assertNull(page.plans().get(0).amount());
  }

  @Test
  void getCreateUpdateDeletePlan() {
    Plan p = exchange(PLAN, () -> cm.getPlan(GetPlanParams.of("pl_1")), "GET", "/v1/plans/pl_1", null, null);
    assertEquals("Gold Quarterly", p.name());
    exchange(PLAN, () -> cm.createPlan(CreatePlanParams.of("ds_1", "Gold Quarterly", 3L, "month")), "POST", "/v1/plans", null,
        "{\"data_source_uuid\":\"ds_1\",\"name\":\"Gold Quarterly\",\"interval_count\":3,\"interval_unit\":\"month\"}");
    exchange(PLAN, () -> cm.updatePlan(UpdatePlanParams.builder().id("pl_1").intervalUnit("year").build()), "PATCH",
        "/v1/plans/pl_1", null, "{\"interval_unit\":\"year\"}");
    server.reply(204, "");
    assertNull(cm.deletePlan(DeletePlanParams.of("pl_1")));
    assertEquals("DELETE /v1/plans/pl_1", server.take().method() + " /v1/plans/pl_1");
  }

  @Test
  void planGroups() {
    String group = "{\"uuid\":\"plg_1\",\"name\":\"Gold\",\"plans_count\":2}";
    PlanGroupList list = exchange("{\"plan_groups\":[" + group + "],\"has_more\":false}",
        () -> cm.listPlanGroups(), "GET", "/v1/plan_groups", "per_page=50", null);
    assertEquals(2L, list.planGroups().get(0).plansCount());
    PlanGroup g = exchange(group, () -> cm.getPlanGroup(GetPlanGroupParams.of("plg_1")), "GET", "/v1/plan_groups/plg_1", null, null);
    assertEquals("Gold", g.name());
    exchange(group, () -> cm.createPlanGroup(CreatePlanGroupParams.of("Gold", List.of("pl_1", "pl_2"))), "POST",
        "/v1/plan_groups", null, "{\"name\":\"Gold\",\"plans\":[\"pl_1\",\"pl_2\"]}");
    exchange(group, () -> cm.updatePlanGroup(UpdatePlanGroupParams.builder().id("plg_1").name("Gold+").build()), "PATCH",
        "/v1/plan_groups/plg_1", null, "{\"name\":\"Gold+\"}");
    PlanList plans = exchange("{\"plans\":[" + PLAN + "],\"has_more\":false}",
        () -> cm.listPlanGroupPlans(ListPlanGroupPlansParams.of("plg_1")), "GET", "/v1/plan_groups/plg_1/plans", "per_page=50", null);
    assertEquals("pl_1", plans.plans().get(0).uuid());
    server.reply(204, "");
    assertNull(cm.deletePlanGroup(DeletePlanGroupParams.of("plg_1")));
    assertEquals("/v1/plan_groups/plg_1", server.take().path());
  }

  @Test
  void dataSources() {
    String ds = "{\"uuid\":\"ds_1\",\"name\":\"In-house billing\",\"system\":\"Custom\",\"status\":\"idle\",\"created_at\":\"2025-01-01T00:00:00Z\"}";
    DataSourceList list = exchange("{\"data_sources\":[" + ds + "]}",
        () -> cm.listDataSources(ListDataSourcesParams.builder().name("In-house billing").build()),
        "GET", "/v1/data_sources", "name=In-house%20billing", null);
    assertEquals("idle", list.dataSources().get(0).status());
    DataSource got = exchange(ds, () -> cm.getDataSource(GetDataSourceParams.of("ds_1")), "GET", "/v1/data_sources/ds_1", null, null);
    assertEquals("Custom", got.system());
    exchange(ds, () -> cm.createDataSource(CreateDataSourceParams.of("In-house billing")), "POST", "/v1/data_sources", null,
        "{\"name\":\"In-house billing\"}");
    server.reply(204, "");
    assertNull(cm.deleteDataSource(DeleteDataSourceParams.of("ds_1")));
    assertEquals("DELETE", server.take().method());
  }

  static final String INVOICE = """
      {"uuid":"inv_1","customer_uuid":"cus_1","external_id":"INV0001","date":"2025-01-01T00:00:00.000Z","currency":"USD",
       "line_items":[{"uuid":"li_1","type":"subscription","amount_in_cents":5000,"plan_uuid":"pl_1","quantity":1}],
       "transactions":[{"uuid":"tr_1","date":"2025-01-05T00:00:00.000Z","type":"payment","result":"successful"}]}""";

  @Test
  void invoices() {
    InvoiceList list = exchange("{\"invoices\":[" + INVOICE + "],\"has_more\":false,\"cursor\":\"x\"}",
        () -> cm.listInvoices(ListInvoicesParams.builder().customerUuid("cus_1").perPage(10L).build()),
        "GET", "/v1/invoices", "per_page=10&customer_uuid=cus_1", null);
    assertEquals("INV0001", list.entries().get(0).externalId());
    Invoice inv = exchange(INVOICE, () -> cm.getInvoice(GetInvoiceParams.of("inv_1")), "GET", "/v1/invoices/inv_1", null, null);
    assertEquals(5000L, inv.lineItems().get(0).amountInCents());
    assertEquals("successful", inv.transactions().get(0).result());
    server.reply(204, "");
    assertNull(cm.deleteInvoice(DeleteInvoiceParams.of("inv_1")));
    assertEquals("/v1/invoices/inv_1", server.take().path());
  }

  @Test
  void importInvoiceWrapsTheInvoiceInAList() {
    ImportedInvoices result = exchange("{\"invoices\":[" + INVOICE + "]}",
        () -> cm.importInvoice(ImportInvoiceParams.builder().customerUuid("cus_1").externalId("INV0001")
            .date("2025-01-01T00:00:00Z").currency("USD")
            .lineItems(List.of(LineItem.builder().type("subscription").amountInCents(5000L).planUuid("pl_1").build()))
            .transactions(List.of(Transaction.builder().date("2025-01-05T00:00:00Z").type("payment").result("successful").build()))
            .build()),
        "POST", "/v1/import/customers/cus_1/invoices", null,
        "{\"invoices\":[{\"external_id\":\"INV0001\",\"date\":\"2025-01-01T00:00:00Z\",\"currency\":\"USD\","
            + "\"line_items\":[{\"amount_in_cents\":5000,\"plan_uuid\":\"pl_1\",\"type\":\"subscription\"}],"
            + "\"transactions\":[{\"date\":\"2025-01-05T00:00:00Z\",\"result\":\"successful\",\"type\":\"payment\"}]}]}");
    assertEquals("inv_1", result.invoices().get(0).uuid());
  }

  @Test
  void importInvoiceTransaction() {
    Transaction t = exchange("{\"uuid\":\"tr_2\",\"type\":\"refund\",\"date\":\"2025-01-20T00:00:00.000Z\",\"result\":\"successful\",\"amount_in_cents\":1000}",
        () -> cm.importInvoiceTransaction(ImportInvoiceTransactionParams.builder().invoiceUuid("inv_1").type("refund")
            .date("2025-01-20T00:00:00Z").result("successful").amountInCents(1000L).build()),
        "POST", "/v1/import/invoices/inv_1/transactions", null,
        "{\"type\":\"refund\",\"date\":\"2025-01-20T00:00:00Z\",\"result\":\"successful\",\"amount_in_cents\":1000}");
    assertEquals(1000L, t.amountInCents());
  }

  @Test
  void subscriptionsOfACustomerAndTheSeedsStateAlias() {
    SubscriptionList list = exchange("""
            {"customer_uuid":"cus_1","entries":[{"id":9,"uuid":"sub_1","plan":"Gold Monthly","quantity":1,"mrr":5000,
             "status":"active","billing-cycle":"month","billing-cycle-count":1,"start-date":"2025-01-01T00:00:00+00:00"}],
             "has_more":false,"cursor":null}""",
        () -> cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_1").status("active").build()),
        "GET", "/v1/customers/cus_1/subscriptions", "status=active&per_page=50", null);
    assertEquals("Gold Monthly", list.entries().get(0).plan());
    assertEquals("active", list.entries().get(0).state());
    assertEquals("month", list.entries().get(0).billingCycle());
  }

  @Test
  void cancelSubscription() {
    CancelledSubscription s = exchange("{\"uuid\":\"sub_1\",\"cancellation_dates\":[\"2025-03-01T00:00:00.000Z\"]}",
        () -> cm.cancelSubscription(CancelSubscriptionParams.builder().id("sub_1").cancelledAt("2025-03-01T00:00:00Z").build()),
        "PATCH", "/v1/import/subscriptions/sub_1", null, "{\"cancelled_at\":\"2025-03-01T00:00:00Z\"}");
    assertEquals(List.of("2025-03-01T00:00:00.000Z"), s.cancellationDates());
  }

  @Test
  void metricsUseHyphenatedWireNames() {
    Metrics m = exchange("""
            {"entries":[{"date":"2025-01-31","customer-churn-rate":0.5,"mrr-churn-rate":1.5,"ltv":1200.0,"customers":10,
             "asp":5000.0,"arpa":4500.0,"arr":540000.0,"mrr":45000.0}],"summary":{"current-mrr":45000}}""",
        () -> cm.getMetrics(GetMetricsParams.builder().startDate("2025-01-01").endDate("2025-03-31").build()),
        "GET", "/v1/metrics/all", "start-date=2025-01-01&end-date=2025-03-31&interval=month", null);
    assertEquals(45000.0, m.entries().get(0).mrr());
    assertEquals(0.5, m.entries().get(0).customerChurnRate());
    assertEquals(10L, m.entries().get(0).customers());
  }

  @Test
  void metricsDatesAreChecked() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GetMetricsParams.builder().startDate("01/01/2025").endDate("2025-03-31").build());
    assertEquals("chartmogul.get_metrics: 'start_date' must be a date like 2025-01-31, got '01/01/2025'", e.getMessage());
  }

  @Test
  void currentAccount() {
    Account a = exchange("{\"name\":\"Example Co\",\"currency\":\"EUR\",\"time_zone\":\"Europe/Berlin\",\"week_start_on\":\"sunday\"}",
        () -> cm.getCurrentUser(), "GET", "/v1/account", null, null);
    assertEquals("Europe/Berlin", a.timeZone());
  }

  @Test
  void rawApiCallStaysUnderTheApiRoot() {
    server.reply(200, "{\"plans\":[{\"uuid\":\"pl_1\"}],\"has_more\":false}");
    Object result = cm.apiCall(ApiCallParams.builder().method("GET").path("/plans").query(Map.of("per_page", "10")).build());
    WireServer.Sent sent = server.take();
    assertEquals("GET /v1/plans?per_page=10", sent.method() + " " + sent.path() + "?" + sent.query());
    assertEquals(BASIC, sent.header("Authorization"));
    assertEquals(Map.of("plans", List.of(Map.of("uuid", "pl_1")), "has_more", false), result);
    for (String bad : List.of("https://evil.example/v1/plans", "//evil.example/x", "/../admin", "/plans?x=1", "/plans#f", "/a//b")) {
      assertThrows(IllegalArgumentException.class,
          () -> cm.apiCall(ApiCallParams.builder().method("GET").path(bad).build()), bad);
    }
    assertEquals(1, server.requestCount(), "rejected paths send nothing");
  }

  @Test
  void errorShapes() {
    server.reply(422, "{\"code\":422,\"message\":\"The external ID for this customer already exists.\",\"param\":\"external_id\"}");
    ProviderException a = assertThrows(ProviderException.class, () -> cm.getCustomer(GetCustomerParams.of("x")));
    assertEquals("422", a.code());
    assertEquals("external_id", a.param());
    assertEquals("The external ID for this customer already exists.", a.providerMessage());
    server.reply(400, "{\"errors\":{\"date\":\"Date is invalid\",\"currency\":\"Currency is invalid\"}}");
    ProviderException b = assertThrows(ProviderException.class, () -> cm.getCustomer(GetCustomerParams.of("x")));
    assertEquals("date: Date is invalid; currency: Currency is invalid", b.providerMessage());
    server.reply(401, "{\"error\":\"Unauthorized\"}");
    ProviderException c = assertThrows(ProviderException.class, () -> cm.getCustomer(GetCustomerParams.of("x")));
    assertEquals("chartmogul.get_customer: 401: Unauthorized", c.getMessage());
  }

  @Test
  void writesWithoutIdempotencyKeysAreNeverRetriedButReadsAre() {
    ChartMogulClient retrying = ChartMogulClient.builder().apiKey(KEY).baseUrl(server.url("/v1"))
        .retries(dev.specloom.runtime.RetryPolicy.DEFAULT.withSleeper(d -> { })).build();
    server.reply(503, "{\"error\":\"Service Unavailable\"}");
    ProviderException e = assertThrows(ProviderException.class,
        () -> retrying.createDataSource(CreateDataSourceParams.of("Billing")));
    assertEquals(503, e.status());
    assertEquals(1, server.requestCount(), "a write that may have reached the server is not sent again");
    server.reply(503, "{\"error\":\"Service Unavailable\"}").reply(200, "{\"name\":\"Example Co\"}");
    assertEquals("Example Co", retrying.getCurrentUser().name());
    assertEquals(3, server.requestCount());
  }

  @Test
  void missingCredentialsNameBothWays() {
    assertEquals("chartmogul: no credentials; set api_key, or account_token + secret_key",
        assertThrows(IllegalStateException.class, () -> ChartMogulClient.builder().build()).getMessage());
  }

  @Test
  void legacyTokenAndSecret() {
    ChartMogulClient legacy = ChartMogulClient.builder().accountToken("tok").secretKey("sec").baseUrl(server.url("/v1")).build();
    server.reply(200, "{}");
    legacy.getCurrentUser();
    assertEquals("Basic " + Base64.getEncoder().encodeToString("tok:sec".getBytes(StandardCharsets.UTF_8)),
        server.take().header("Authorization"));
  }

  @Test
  void autoPagingFollowsCursorsAcrossThreePages() {
    server.reply(200, "{\"entries\":[{\"uuid\":\"cus_1\"},{\"uuid\":\"cus_2\"}],\"has_more\":true,\"cursor\":\"k1\"}")
        .reply(200, "{\"entries\":[{\"uuid\":\"cus_3\"}],\"has_more\":true,\"cursor\":\"k2\"}")
        .reply(200, "{\"entries\":[{\"uuid\":\"cus_4\"}],\"has_more\":false,\"cursor\":null}");
    List<String> ids = cm.listCustomersStream(ListCustomersParams.builder().perPage(2L).build()).map(Customer::uuid).toList();
    assertEquals(List.of("cus_1", "cus_2", "cus_3", "cus_4"), ids);
    assertEquals("per_page=2", server.take().query());
    assertEquals("per_page=2&cursor=k1", server.take().query());
    assertEquals("per_page=2&cursor=k2", server.take().query());
  }
}
