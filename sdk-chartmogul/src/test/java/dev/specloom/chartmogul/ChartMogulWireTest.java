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
import dev.specloom.chartmogul.model.ImportedSubscription;
import dev.specloom.chartmogul.model.ImportedSubscriptionList;
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
import dev.specloom.runtime.testing.ServiceCoverage;
import dev.specloom.runtime.testing.WireServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/** Every ChartMogul function: the exact request on the wire (JSON bodies) and the decoded result. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartMogulWireTest {
  static final String KEY = "cm_key_1";
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
  static final String JSON = "application/json; charset=utf-8";

  /** Every test's calls go through this client, so the class can prove it sent every service method. */
  static final ServiceCoverage COVERAGE = new ServiceCoverage(ChartMogulService.class);

  WireServer server;
  ChartMogulClient cm;

  @BeforeEach
  void start() {
    server = new WireServer();
    cm = ChartMogulClient.builder().apiKey(KEY).baseUrl(server.url("/v1")).httpClient(COVERAGE.client()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Last, one test per service method: some test above sent it. */
  @TestFactory
  @Order(Integer.MAX_VALUE)
  Stream<DynamicTest> everyFunctionWentOverTheWire() {
    return COVERAGE.eachMethodSent();
  }

  /** Queues {@code reply}, runs the call, and checks method, path, query, body and headers. */
  <T> T exchange(String reply, Supplier<T> call, String method, String path, String query, String body) {
    return exchange(200, reply, call, method, path, query, body);
  }

  <T> T exchange(int status, String reply, Supplier<T> call, String method, String path, String query, String body) {
    server.reply(status, reply);
    T result = call.get();
    expect(method, path, query, body);
    return result;
  }

  /** Takes the next request and checks it exactly; a null body means no body and no content type. */
  WireServer.Sent expect(String method, String path, String query, String body) {
    WireServer.Sent sent = server.take();
    assertEquals(method, sent.method());
    assertEquals(path, sent.path());
    assertEquals(query, sent.query());
    assertEquals(body == null ? "" : body, sent.body());
    assertEquals(body == null ? null : JSON, sent.header("Content-Type"));
    assertEquals(BASIC, sent.header("Authorization"));
    assertNull(sent.header("Idempotency-Key"), "ChartMogul has no idempotency keys");
    return sent;
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

  /** ChartMogul answers a search that finds nobody with 404 (chartmogul-ruby's recorded search answer). */
  static final String NOBODY = "{\"code\":404,\"message\":\"Can't find any customers with email: \\\"no@example.com\\\"\",\"param\":\"email\"}";

  @Test
  void aSearchThatFindsNobodyIsAnEmptyPageNotAnError() throws Exception {
    CustomerList page = exchange(404, NOBODY, () -> cm.listCustomers(ListCustomersParams.builder().email("no@example.com").build()),
        "GET", "/v1/customers/search", "per_page=50&email=no%40example.com", null);
    assertEquals(List.of(), page.entries());
    assertEquals(false, page.hasMore());
    assertNull(page.cursor());
    server.reply(404, NOBODY);
    assertEquals(List.of(), cm.async().listCustomers(ListCustomersParams.builder().email("no@example.com").build()).get().entries());
    expect("GET", "/v1/customers/search", "per_page=50&email=no%40example.com", null);
    server.reply(404, NOBODY);
    assertEquals(List.of(), cm.listCustomersStream(ListCustomersParams.builder().email("no@example.com").build()).toList());
    expect("GET", "/v1/customers/search", "per_page=50&email=no%40example.com", null);
  }

  @Test
  void aNotFoundOnThePlainListStaysAnError() {
    server.reply(404, "{\"error\":\"Not found\"}");
    ProviderException e = assertThrows(ProviderException.class, () -> cm.listCustomers(ListCustomersParams.builder().status("Active").build()));
    assertEquals(404, e.status());
    expect("GET", "/v1/customers", "per_page=50&status=Active", null);
    server.reply(400, NOBODY.replace("404", "400"));
    assertEquals(400, assertThrows(ProviderException.class,
        () -> cm.listCustomers(ListCustomersParams.builder().email("no@example.com").build())).status(), "only 404 means nobody");
  }

  @Test
  void deprecatedPageIsStillSentAndWalksThreePages() {
    server.reply(200, "{\"entries\":[{\"uuid\":\"cus_1\"},{\"uuid\":\"cus_2\"}],\"has_more\":true,\"current_page\":1,\"total_pages\":3}")
        .reply(200, "{\"entries\":[{\"uuid\":\"cus_3\"},{\"uuid\":\"cus_4\"}],\"has_more\":true,\"current_page\":2,\"total_pages\":3}")
        .reply(200, "{\"entries\":[{\"uuid\":\"cus_5\"}],\"has_more\":false,\"current_page\":3,\"total_pages\":3}");
    List<String> ids = new java.util.ArrayList<>();
    long page = 1;
    CustomerList result;
    do {
      result = cm.listCustomers(ListCustomersParams.builder().status("Active").perPage(2L).page(page++).build());
      result.entries().forEach(c -> ids.add(c.uuid()));
    } while (result.hasMore());
    assertEquals(List.of("cus_1", "cus_2", "cus_3", "cus_4", "cus_5"), ids);
    expect("GET", "/v1/customers", "per_page=2&page=1&status=Active", null);
    expect("GET", "/v1/customers", "per_page=2&page=2&status=Active", null);
    expect("GET", "/v1/customers", "per_page=2&page=3&status=Active", null);
    assertEquals(3, server.requestCount());
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
    Customer c = exchange(CUSTOMER,
        () -> cm.updateCustomer(UpdateCustomerParams.builder().id("cus_de305d54").email("adam@example.com").build()),
        "PATCH", "/v1/customers/cus_de305d54", null, "{\"email\":\"adam@example.com\"}");
    assertEquals("adam@example.com", c.email());
    assertEquals("Active", c.status());
  }

  @Test
  void deleteCustomerAnswersNoContent() {
    assertNull(exchange(204, "", () -> cm.deleteCustomer(DeleteCustomerParams.of("cus_1")),
        "DELETE", "/v1/customers/cus_1", null, null));
  }

  static final String PLAN = "{\"uuid\":\"pl_1\",\"data_source_uuid\":\"ds_1\",\"name\":\"Gold Quarterly\",\"interval_count\":3,"
      + "\"interval_unit\":\"month\",\"external_id\":\"gold_quarterly\"}";

  @Test
  void listPlans() {
    PlanList page = exchange("{\"plans\":[" + PLAN + "],\"has_more\":false,\"cursor\":null}",
        () -> cm.listPlans(ListPlansParams.builder().perPage(100L).externalId("gold_quarterly").build()),
        "GET", "/v1/plans", "per_page=100&external_id=gold_quarterly", null);
    assertEquals(3L, page.plans().get(0).intervalCount());
  }

  @Test
  void getCreateUpdateDeletePlan() {
    Plan p = exchange(PLAN, () -> cm.getPlan(GetPlanParams.of("pl_1")), "GET", "/v1/plans/pl_1", null, null);
    assertEquals("Gold Quarterly", p.name());
    assertEquals("gold_quarterly", p.externalId());
    Plan created = exchange(PLAN, () -> cm.createPlan(CreatePlanParams.of("ds_1", "Gold Quarterly", 3L, "month")), "POST",
        "/v1/plans", null,
        "{\"data_source_uuid\":\"ds_1\",\"name\":\"Gold Quarterly\",\"interval_count\":3,\"interval_unit\":\"month\"}");
    assertEquals("pl_1", created.uuid());
    Plan updated = exchange(PLAN.replace("\"month\"", "\"year\""),
        () -> cm.updatePlan(UpdatePlanParams.builder().id("pl_1").intervalUnit("year").build()), "PATCH",
        "/v1/plans/pl_1", null, "{\"interval_unit\":\"year\"}");
    assertEquals("year", updated.intervalUnit());
    assertNull(exchange(204, "", () -> cm.deletePlan(DeletePlanParams.of("pl_1")), "DELETE", "/v1/plans/pl_1", null, null));
  }

  @Test
  void planGroups() {
    String group = "{\"uuid\":\"plg_1\",\"name\":\"Gold\",\"plans_count\":2}";
    PlanGroupList list = exchange("{\"plan_groups\":[" + group + "],\"has_more\":false}",
        () -> cm.listPlanGroups(), "GET", "/v1/plan_groups", "per_page=50", null);
    assertEquals(2L, list.planGroups().get(0).plansCount());
    PlanGroup g = exchange(group, () -> cm.getPlanGroup(GetPlanGroupParams.of("plg_1")), "GET", "/v1/plan_groups/plg_1", null, null);
    assertEquals("Gold", g.name());
    PlanGroup created = exchange(group, () -> cm.createPlanGroup(CreatePlanGroupParams.of("Gold", List.of("pl_1", "pl_2"))),
        "POST", "/v1/plan_groups", null, "{\"name\":\"Gold\",\"plans\":[\"pl_1\",\"pl_2\"]}");
    assertEquals("plg_1", created.uuid());
    PlanGroup renamed = exchange(group.replace("\"Gold\"", "\"Gold+\""),
        () -> cm.updatePlanGroup(UpdatePlanGroupParams.builder().id("plg_1").name("Gold+").build()), "PATCH",
        "/v1/plan_groups/plg_1", null, "{\"name\":\"Gold+\"}");
    assertEquals("Gold+", renamed.name());
    PlanList plans = exchange("{\"plans\":[" + PLAN + "],\"has_more\":false}",
        () -> cm.listPlanGroupPlans(ListPlanGroupPlansParams.of("plg_1")), "GET", "/v1/plan_groups/plg_1/plans", "per_page=50", null);
    assertEquals("pl_1", plans.plans().get(0).uuid());
    assertNull(exchange(204, "", () -> cm.deletePlanGroup(DeletePlanGroupParams.of("plg_1")),
        "DELETE", "/v1/plan_groups/plg_1", null, null));
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
    DataSource created = exchange(ds, () -> cm.createDataSource(CreateDataSourceParams.of("In-house billing")), "POST",
        "/v1/data_sources", null, "{\"name\":\"In-house billing\"}");
    assertEquals("ds_1", created.uuid());
    assertEquals("2025-01-01T00:00:00Z", created.createdAt());
    assertNull(exchange(204, "", () -> cm.deleteDataSource(DeleteDataSourceParams.of("ds_1")),
        "DELETE", "/v1/data_sources/ds_1", null, null));
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
    assertNull(exchange(204, "", () -> cm.deleteInvoice(DeleteInvoiceParams.of("inv_1")),
        "DELETE", "/v1/invoices/inv_1", null, null));
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

  static final String METRICS_SUBSCRIPTIONS = """
      {"customer_uuid":"cus_1","entries":[{"id":9,"uuid":"5a1c3e27-7f0b-4c69-9d2e-0e6bc5407a01","plan":"Gold Monthly",
       "quantity":1,"mrr":5000,"status":"active","billing-cycle":"month","billing-cycle-count":1,
       "start-date":"2025-01-01T00:00:00+00:00"},{"id":8,"uuid":"6b2d4f38-801c-4d7a-8e3f-1f7cd6518b02",
       "plan":"Silver Monthly","quantity":1,"mrr":0,"status":"inactive"}],"has_more":true,"cursor":"k1"}""";

  /** The Metrics API documents no status filter: status is not sent, and the page is filtered after decoding. */
  @Test
  void subscriptionStatusIsFilteredOnTheClientAndTheSeedsStateAliasReadsIt() throws Exception {
    SubscriptionList list = exchange(METRICS_SUBSCRIPTIONS,
        () -> cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_1").status("active").build()),
        "GET", "/v1/customers/cus_1/subscriptions", "per_page=50", null);
    assertEquals(List.of("Gold Monthly"), list.entries().stream().map(s -> s.plan()).toList());
    assertEquals("active", list.entries().get(0).state());
    assertEquals("month", list.entries().get(0).billingCycle());
    assertEquals(true, list.hasMore(), "paging is the provider's, untouched by the filter");
    assertEquals("k1", list.cursor());
    server.reply(200, METRICS_SUBSCRIPTIONS);
    assertEquals(List.of("Silver Monthly"), cm.async().listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_1")
        .status("inactive").build()).get().entries().stream().map(s -> s.plan()).toList());
    expect("GET", "/v1/customers/cus_1/subscriptions", "per_page=50", null);
    SubscriptionList all = exchange(METRICS_SUBSCRIPTIONS,
        () -> cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_1").build()),
        "GET", "/v1/customers/cus_1/subscriptions", "per_page=50", null);
    assertEquals(2, all.entries().size());
    assertThrows(IllegalArgumentException.class, () -> ListSubscriptionsParams.builder().customerUuid("cus_1").status("cancelled").build(),
        "ChartMogul reports active or inactive");
  }

  /** chartmogul-ruby's recorded GET /import/customers/{uuid}/subscriptions: the Import API's sub_ uuids. */
  @Test
  void importedSubscriptionsOfACustomerCarryTheUuidsCancelTakes() {
    ImportedSubscriptionList list = exchange("""
            {"customer_uuid":"cus_1","subscriptions":[{"external_id":"sub_0001","uuid":"sub_e6bc5407",
             "cancellation_dates":[],"subscription_set_external_id":"set_0001","plan_uuid":"pl_1","data_source_uuid":"ds_1"}],
             "current_page":1,"total_pages":1,"cursor":"MjAy","has_more":false}""",
        () -> cm.listCustomerSubscriptions(ListCustomerSubscriptionsParams.builder().customerUuid("cus_1").build()),
        "GET", "/v1/import/customers/cus_1/subscriptions", "per_page=50", null);
    assertEquals("cus_1", list.customerUuid());
    ImportedSubscription s = list.subscriptions().get(0);
    assertEquals("sub_e6bc5407", s.uuid());
    assertEquals("sub_0001", s.externalId());
    assertEquals("pl_1", s.planUuid());
    assertEquals(List.of(), s.cancellationDates());
    assertEquals(false, list.hasMore());
    assertEquals("MjAy", list.cursor());
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
    expect("GET", "/v1/plans", "per_page=10", null);
    assertEquals(Map.of("plans", List.of(Map.of("uuid", "pl_1")), "has_more", false), result);
    for (String bad : List.of("https://evil.example/v1/plans", "//evil.example/x", "/../admin", "/plans?x=1", "/plans#f", "/a//b")) {
      assertThrows(IllegalArgumentException.class,
          () -> cm.apiCall(ApiCallParams.builder().method("GET").path(bad).build()), bad);
    }
    assertEquals(1, server.requestCount(), "rejected paths send nothing");
  }

  @Test
  void rawApiCallTakesPathsWrittenWithTheApiVersionAsTheDocsWriteThem() {
    for (String path : List.of("/v1/plans", "v1/plans")) {
      server.reply(200, "{\"plans\":[],\"has_more\":false}");
      cm.apiCall(ApiCallParams.builder().method("GET").path(path).build());
      expect("GET", "/v1/plans", null, null);
    }
  }

  @Test
  void rawApiCallSendsMethodQueryHeadersAndJsonBody() {
    server.reply(201, "{\"uuid\":\"ds_9\",\"name\":\"Raw\"}");
    Object result = cm.apiCall(ApiCallParams.builder().method("POST").path("/data_sources")
        .query(Map.of("dry", "1")).headers(Map.of("X-Trace", "t-1")).body(Map.of("name", "Raw")).build());
    WireServer.Sent sent = expect("POST", "/v1/data_sources", "dry=1", "{\"name\":\"Raw\"}");
    assertEquals("t-1", sent.header("X-Trace"));
    assertEquals(Map.of("uuid", "ds_9", "name", "Raw"), result);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cm.apiCall(ApiCallParams.builder()
        .method("GET").path("/plans").headers(Map.of("Authorization", "Basic eA==")).build()));
    assertEquals("the Authorization header is set by the SDK", e.getMessage());
    server.reply(404, "{\"code\":404,\"message\":\"Not found\"}");
    ProviderException missing = assertThrows(ProviderException.class,
        () -> cm.apiCall(ApiCallParams.builder().method("DELETE").path("/plans/pl_x").build()));
    assertEquals("chartmogul.api_call: 404 404: Not found", missing.getMessage());
    expect("DELETE", "/v1/plans/pl_x", null, null);
  }

  @Test
  void errorWithCodeMessageAndParam() {
    server.reply(422, "{\"code\":422,\"message\":\"The external ID for this customer already exists.\",\"param\":\"external_id\"}",
        "X-Request-Id", "req_cm1");
    ProviderException e = assertThrows(ProviderException.class,
        () -> cm.createCustomer(CreateCustomerParams.builder().dataSourceUuid("ds_1").externalId("34916129").name("Adam").build()));
    assertEquals(422, e.status());
    assertEquals("422", e.code());
    assertEquals("external_id", e.param());
    assertEquals("The external ID for this customer already exists.", e.providerMessage());
    assertEquals("req_cm1", e.requestId());
    assertEquals("chartmogul", e.provider());
    assertEquals("create_customer", e.function());
    assertEquals("chartmogul.create_customer: 422 422: The external ID for this customer already exists. (request req_cm1)",
        e.getMessage());
  }

  @Test
  void errorWithAnErrorsObject() {
    server.reply(400, "{\"errors\":{\"date\":\"Date is invalid\",\"currency\":\"Currency is invalid\"}}");
    ProviderException e = assertThrows(ProviderException.class,
        () -> cm.importInvoiceTransaction(ImportInvoiceTransactionParams.builder().invoiceUuid("inv_1").type("payment")
            .date("2025-01-20T00:00:00Z").result("successful").build()));
    assertEquals(400, e.status());
    assertNull(e.code());
    assertNull(e.param());
    assertEquals("date: Date is invalid; currency: Currency is invalid", e.providerMessage());
    assertEquals("chartmogul.import_invoice_transaction: 400: date: Date is invalid; currency: Currency is invalid",
        e.getMessage());
  }

  @Test
  void errorWithAnErrorString() {
    server.reply(401, "{\"error\":\"Unauthorized\"}");
    ProviderException e = assertThrows(ProviderException.class, () -> cm.getCustomer(GetCustomerParams.of("x")));
    assertEquals(401, e.status());
    assertNull(e.code());
    assertEquals("Unauthorized", e.providerMessage());
    assertEquals("chartmogul.get_customer: 401: Unauthorized", e.getMessage());
    assertEquals(false, e.toString().contains(KEY));
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
    expect("GET", "/v1/customers", "per_page=2", null);
    expect("GET", "/v1/customers", "per_page=2&cursor=k1", null);
    expect("GET", "/v1/customers", "per_page=2&cursor=k2", null);
  }
}
