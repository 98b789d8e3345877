package dev.specloom.interop;


import dev.specloom.chartmogul.CancelSubscriptionParams;
import dev.specloom.chartmogul.ChartMogulClient;
import dev.specloom.chartmogul.CreateCustomerParams;
import dev.specloom.chartmogul.CreateDataSourceParams;
import dev.specloom.chartmogul.CreatePlanGroupParams;
import dev.specloom.chartmogul.CreatePlanParams;
import dev.specloom.chartmogul.DeleteCustomerParams;
import dev.specloom.chartmogul.DeleteDataSourceParams;
import dev.specloom.chartmogul.DeleteInvoiceParams;
import dev.specloom.chartmogul.DeletePlanGroupParams;
import dev.specloom.chartmogul.DeletePlanParams;
import dev.specloom.chartmogul.GetCustomerParams;
import dev.specloom.chartmogul.GetDataSourceParams;
import dev.specloom.chartmogul.GetInvoiceParams;
import dev.specloom.chartmogul.GetMetricsParams;
import dev.specloom.chartmogul.ListCustomerSubscriptionsParams;
import dev.specloom.chartmogul.GetPlanGroupParams;
import dev.specloom.chartmogul.GetPlanParams;
import dev.specloom.chartmogul.ImportInvoiceParams;
import dev.specloom.chartmogul.ImportInvoiceTransactionParams;
import dev.specloom.chartmogul.ListCustomersParams;
import dev.specloom.chartmogul.ListDataSourcesParams;
import dev.specloom.chartmogul.ListInvoicesParams;
import dev.specloom.chartmogul.ListPlanGroupPlansParams;
import dev.specloom.chartmogul.ListPlanGroupsParams;
import dev.specloom.chartmogul.ListPlansParams;
import dev.specloom.chartmogul.ListSubscriptionsParams;
import dev.specloom.chartmogul.UpdateCustomerParams;
import dev.specloom.chartmogul.UpdatePlanGroupParams;
import dev.specloom.chartmogul.UpdatePlanParams;
import dev.specloom.interop.gen.chartmogul.ApiClient;
import dev.specloom.interop.gen.chartmogul.api.AccountApi;
import dev.specloom.interop.gen.chartmogul.api.CustomersApi;
import dev.specloom.interop.gen.chartmogul.api.DataSourcesApi;
import dev.specloom.interop.gen.chartmogul.api.InvoicesApi;
import dev.specloom.interop.gen.chartmogul.api.MetricsApi;
import dev.specloom.interop.gen.chartmogul.api.PlanGroupsApi;
import dev.specloom.interop.gen.chartmogul.api.PlansApi;
import dev.specloom.interop.gen.chartmogul.api.SubscriptionsApi;
import dev.specloom.interop.gen.chartmogul.auth.HttpBasicAuth;
import dev.specloom.interop.gen.chartmogul.model.CancelSubscriptionRequest;
import dev.specloom.interop.gen.chartmogul.model.CreateCustomerRequest;
import dev.specloom.interop.gen.chartmogul.model.CreateDataSourceRequest;
import dev.specloom.interop.gen.chartmogul.model.CreatePlanGroupRequest;
import dev.specloom.interop.gen.chartmogul.model.CreatePlanRequest;
import dev.specloom.interop.gen.chartmogul.model.ImportInvoiceRequest;
import dev.specloom.interop.gen.chartmogul.model.ImportInvoiceRequestInvoicesInner;
import dev.specloom.interop.gen.chartmogul.model.ImportInvoiceTransactionRequest;
import dev.specloom.interop.gen.chartmogul.model.UpdateCustomerRequest;
import dev.specloom.interop.gen.chartmogul.model.UpdatePlanGroupRequest;
import dev.specloom.interop.gen.chartmogul.model.UpdatePlanRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every ChartMogul operation of the document through both clients: JSON bodies (flat, list-valued, wrapped in a body root), PATCH, DELETE with
 * 204, path params, the search route, cursor and deprecated page params, hyphenated and date query names.
 */
class ChartMogulDifferentialTest {
  static final String KEY = "cm_key_1";
  static final String OBJECT = "{\"uuid\":\"x_1\",\"undeclared\":true}";
  static final String PAGE = "{\"entries\":[],\"has_more\":false,\"cursor\":null,\"current_page\":1}";

  Wire wire;
  ChartMogulClient cm;
  ApiClient api;

  @BeforeEach
  void start() {
    wire = new Wire(null);
    cm = ChartMogulClient.builder().apiKey(KEY).baseUrl(wire.url("/v1")).build();
    api = new ApiClient();
    api.setBasePath(wire.url("/v1"));
    HttpBasicAuth auth = (HttpBasicAuth) api.getAuthentication("auth1");
    auth.setUsername(KEY);
    auth.setPassword("");
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  @Test
  void customers() throws Exception {
    CustomersApi c = new CustomersApi(api);
    wire.same(PAGE,
        () -> cm.listCustomers(ListCustomersParams.builder().perPage(200L).cursor("c_2").status("Active").dataSourceUuid("ds_1")
            .externalId("e_1").system("Stripe").build()),
        () -> c.listCustomers(200L, null, "c_2", "Active", "ds_1", "e_1", "Stripe"));
    wire.same(PAGE, () -> cm.listCustomers(ListCustomersParams.builder().email("jane@acme.example").perPage(10L).build()),
        () -> c.listCustomersViaEmail("jane@acme.example", 10L, null, null, null, null, null, null));
    wire.same(PAGE, () -> cm.listCustomers(ListCustomersParams.builder().perPage(50L).page(2L).build()),
        () -> c.listCustomers(50L, 2L, null, null, null, null, null));
    wire.same(OBJECT,
        () -> cm.createCustomer(CreateCustomerParams.builder().dataSourceUuid("ds_1").externalId("cus_0001").name("Adam Smith")
            .email("adam@example.com").country("US").leadCreatedAt("2025-01-01T00:00:00Z")
            .attributes(Map.of("tags", List.of("vip"))).build()),
        () -> c.createCustomer(new CreateCustomerRequest().dataSourceUuid("ds_1").externalId("cus_0001").name("Adam Smith")
            .email("adam@example.com").country("US").leadCreatedAt(OffsetDateTime.parse("2025-01-01T00:00:00Z"))
            .attributes(Map.of("tags", List.of("vip")))));
    wire.sameAnswering(204, "", () -> cm.deleteCustomer(DeleteCustomerParams.of("cus_1")),
        () -> c.deleteCustomer("cus_1"));
  }

  @Test
  void plans() throws Exception {
    PlansApi p = new PlansApi(api);
    wire.same("{\"plans\":[],\"has_more\":false}", () -> cm.listPlans(ListPlansParams.builder().perPage(100L).externalId("gold").build()),
        () -> p.listPlans(100L, null, null, null, "gold", null));
    wire.same(OBJECT, () -> cm.getPlan(GetPlanParams.of("pl_1")), () -> p.getPlan("pl_1"));
    wire.same(OBJECT, () -> cm.updatePlan(UpdatePlanParams.builder().id("pl_1").intervalUnit("year").intervalCount(1L).build()),
        () -> p.updatePlan("pl_1", new UpdatePlanRequest().intervalUnit(UpdatePlanRequest.IntervalUnitEnum.YEAR).intervalCount(1L)));
    wire.same(OBJECT, () -> cm.createPlanGroup(CreatePlanGroupParams.of("Gold", List.of("pl_1", "pl_2"))),
        () -> new PlanGroupsApi(api).createPlanGroup(new CreatePlanGroupRequest().name("Gold").plans(List.of("pl_1", "pl_2"))));
  }

  @Test
  void invoices() throws Exception {
    InvoicesApi i = new InvoicesApi(api);
    wire.same("{\"invoices\":[]}",
        () -> cm.importInvoice(ImportInvoiceParams.builder().customerUuid("cus_1").externalId("INV0001")
            .date("2025-01-01T00:00:00Z").currency("USD")
            .lineItems(List.of(dev.specloom.chartmogul.model.LineItem.builder().type("subscription").amountInCents(5000L)
                .planUuid("pl_1").build()))
            .transactions(List.of(dev.specloom.chartmogul.model.Transaction.builder().date("2025-01-05T00:00:00Z")
                .type("payment").result("successful").build()))
            .build()),
        () -> i.importInvoice("cus_1", new ImportInvoiceRequest().invoices(List.of(new ImportInvoiceRequestInvoicesInner()
            .externalId("INV0001").date(OffsetDateTime.parse("2025-01-01T00:00:00Z")).currency("USD")
            .lineItems(List.of(new dev.specloom.interop.gen.chartmogul.model.LineItem().type("subscription").amountInCents(5000L)
                .planUuid("pl_1")))
            .transactions(List.of(new dev.specloom.interop.gen.chartmogul.model.Transaction().date("2025-01-05T00:00:00Z")
                .type("payment").result("successful")))))));
    wire.same(OBJECT,
        () -> cm.importInvoiceTransaction(ImportInvoiceTransactionParams.builder().invoiceUuid("inv_1").type("refund")
            .date("2025-01-20T00:00:00Z").result("successful").amountInCents(1000L).build()),
        () -> i.importInvoiceTransaction("inv_1", new ImportInvoiceTransactionRequest().type(ImportInvoiceTransactionRequest.TypeEnum.REFUND)
            .date(OffsetDateTime.parse("2025-01-20T00:00:00Z")).result(ImportInvoiceTransactionRequest.ResultEnum.SUCCESSFUL)
            .amountInCents(1000L)));
  }

  @Test
  void subscriptions() throws Exception {
    SubscriptionsApi s = new SubscriptionsApi(api);
    wire.same(PAGE, () -> cm.listSubscriptions(ListSubscriptionsParams.builder().customerUuid("cus_1").status("active").perPage(20L).build()),
        () -> s.listSubscriptions("cus_1", 20L, null, null));
    wire.same("{\"customer_uuid\":\"cus_1\",\"subscriptions\":[],\"has_more\":false}",
        () -> cm.listCustomerSubscriptions(ListCustomerSubscriptionsParams.builder().customerUuid("cus_1").perPage(20L).build()),
        () -> s.listCustomerSubscriptions("cus_1", 20L, null));
    wire.same(OBJECT,
        () -> cm.cancelSubscription(CancelSubscriptionParams.builder().id("sub_1").cancelledAt("2025-03-01T00:00:00Z")
            .cancellationDates(List.of("2025-03-01T00:00:00Z")).build()),
        () -> s.cancelSubscription("sub_1", new CancelSubscriptionRequest().cancelledAt(OffsetDateTime.parse("2025-03-01T00:00:00Z"))
            .cancellationDates(List.of("2025-03-01T00:00:00Z"))));
  }

  @Test
  void metricsAndAccount() throws Exception {
    wire.same("{\"entries\":[],\"summary\":{}}",
        () -> cm.getMetrics(GetMetricsParams.builder().startDate("2025-01-01").endDate("2025-03-31").interval("week").geo("US,GB").build()),
        () -> new MetricsApi(api).getMetrics(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), "week", "US,GB", null));
    wire.same("{\"id\":\"acc_1\",\"name\":\"Acme\",\"currency\":\"USD\"}", () -> cm.getCurrentUser(), () -> new AccountApi(api).getCurrentUser());
  }

  /** The second security scheme: the legacy account token and secret key as Basic user name and password. */
  @Test
  void legacyTokenAndSecret() throws Exception {
    ChartMogulClient legacy = ChartMogulClient.builder().accountToken("tok_1").secretKey("sec_1").baseUrl(wire.url("/v1")).build();
    HttpBasicAuth auth1 = (HttpBasicAuth) api.getAuthentication("auth1");
    auth1.setUsername(null);
    auth1.setPassword(null);
    HttpBasicAuth auth2 = (HttpBasicAuth) api.getAuthentication("auth2");
    auth2.setUsername("tok_1");
    auth2.setPassword("sec_1");
    wire.same(OBJECT, () -> legacy.getPlan(GetPlanParams.of("pl_1")), () -> new PlansApi(api).getPlan("pl_1"));
  }

  /** The rest of the catalogue, so that every ChartMogul operation in the document is called once. */
  @Test
  void everyOtherOperation() throws Exception {
    CustomersApi c = new CustomersApi(api);
    PlansApi p = new PlansApi(api);
    PlanGroupsApi g = new PlanGroupsApi(api);
    DataSourcesApi d = new DataSourcesApi(api);
    InvoicesApi i = new InvoicesApi(api);
    wire.same(OBJECT, () -> cm.getCustomer(GetCustomerParams.of("cus_1")), () -> c.getCustomer("cus_1"));
    wire.same(OBJECT, () -> cm.updateCustomer(UpdateCustomerParams.builder().id("cus_1").company("Acme").city("Berlin").build()),
        () -> c.updateCustomer("cus_1", new UpdateCustomerRequest().company("Acme").city("Berlin")));
    wire.same(OBJECT, () -> cm.createPlan(CreatePlanParams.of("ds_1", "Gold Quarterly", 3L, "month")),
        () -> p.createPlan(new CreatePlanRequest().dataSourceUuid("ds_1").name("Gold Quarterly").intervalCount(3L)
            .intervalUnit(CreatePlanRequest.IntervalUnitEnum.MONTH)));
    wire.sameAnswering(204, "", () -> cm.deletePlan(DeletePlanParams.of("pl_1")), () -> p.deletePlan("pl_1"));
    wire.same("{\"plan_groups\":[],\"has_more\":false}", () -> cm.listPlanGroups(ListPlanGroupsParams.builder().perPage(5L).cursor("c_1").build()),
        () -> g.listPlanGroups(5L, "c_1"));
    wire.same(OBJECT, () -> cm.getPlanGroup(GetPlanGroupParams.of("plg_1")), () -> g.getPlanGroup("plg_1"));
    wire.same(OBJECT, () -> cm.updatePlanGroup(UpdatePlanGroupParams.builder().id("plg_1").plans(List.of("pl_3")).build()),
        () -> g.updatePlanGroup("plg_1", new UpdatePlanGroupRequest().plans(List.of("pl_3"))));
    wire.same("{\"plans\":[],\"has_more\":false}", () -> cm.listPlanGroupPlans(ListPlanGroupPlansParams.builder().id("plg_1").perPage(7L).build()),
        () -> g.listPlanGroupPlans("plg_1", 7L, null));
    wire.sameAnswering(204, "", () -> cm.deletePlanGroup(DeletePlanGroupParams.of("plg_1")), () -> g.deletePlanGroup("plg_1"));
    wire.same("{\"data_sources\":[]}", () -> cm.listDataSources(ListDataSourcesParams.builder().name("In-house billing").build()),
        () -> d.listDataSources("In-house billing", null));
    wire.same(OBJECT, () -> cm.getDataSource(GetDataSourceParams.of("ds_1")), () -> d.getDataSource("ds_1"));
    wire.same(OBJECT, () -> cm.createDataSource(CreateDataSourceParams.of("In-house billing")),
        () -> d.createDataSource(new CreateDataSourceRequest().name("In-house billing")));
    wire.sameAnswering(204, "", () -> cm.deleteDataSource(DeleteDataSourceParams.of("ds_1")), () -> d.deleteDataSource("ds_1"));
    wire.same("{\"invoices\":[],\"has_more\":false}",
        () -> cm.listInvoices(ListInvoicesParams.builder().customerUuid("cus_1").perPage(10L).page(3L).build()),
        () -> i.listInvoices(10L, 3L, null, "cus_1", null, null));
    wire.same(OBJECT, () -> cm.getInvoice(GetInvoiceParams.of("inv_1")), () -> i.getInvoice("inv_1"));
    wire.sameAnswering(204, "", () -> cm.deleteInvoice(DeleteInvoiceParams.of("inv_1")), () -> i.deleteInvoice("inv_1"));
  }
}
