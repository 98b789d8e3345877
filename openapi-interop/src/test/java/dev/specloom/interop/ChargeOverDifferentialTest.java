package dev.specloom.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.specloom.chargeover.ChargeOverClient;
import dev.specloom.chargeover.GetCustomerParams;
import dev.specloom.chargeover.GetInvoiceParams;
import dev.specloom.chargeover.ListCustomersParams;
import dev.specloom.chargeover.ListInvoicesParams;
import dev.specloom.chargeover.ListSubscriptionsParams;
import dev.specloom.chargeover.ListTransactionsParams;
import dev.specloom.interop.gen.chargeover.ApiClient;
import dev.specloom.interop.gen.chargeover.api.CustomersApi;
import dev.specloom.interop.gen.chargeover.api.InvoicesApi;
import dev.specloom.interop.gen.chargeover.api.SubscriptionsApi;
import dev.specloom.interop.gen.chargeover.api.TransactionsApi;
import dev.specloom.interop.gen.chargeover.auth.HttpBasicAuth;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every ChargeOver function through both clients: the response envelope, page → offset and the where filters. */
class ChargeOverDifferentialTest {
  Wire wire;
  ChargeOverClient chargeover;
  ApiClient api;

  static String ok(String response) {
    return "{\"code\":200,\"status\":\"OK\",\"message\":\"\",\"details\":{},\"response\":" + response + "}";
  }

  @BeforeEach
  void start() {
    wire = new Wire(null);
    chargeover = ChargeOverClient.builder().publicKey("pub_1").privateKey("priv_1").url(wire.url("").replaceAll("/$", "")).build();
    api = new ApiClient();
    api.setBasePath(wire.url("/api/v3"));
    HttpBasicAuth auth = (HttpBasicAuth) api.getAuthentication("auth1");
    auth.setUsername("pub_1");
    auth.setPassword("priv_1");
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  @Test
  void customers() throws Exception {
    CustomersApi c = new CustomersApi(api);
    wire.same(ok("[{\"customer_id\":12,\"company\":\"Acme\",\"custom_1\":\"x\"}]"),
        () -> chargeover.listCustomers(ListCustomersParams.builder().limit(25L).page(3L).status("inactive").build()),
        () -> c.listCustomers(25L, 50, "customer_status_state:EQUALS:i"));
    String[] companies = new String[2];
    wire.same(ok("{\"customer_id\":12,\"company\":\"Acme\"}"), () -> companies[0] = chargeover.getCustomer(GetCustomerParams.of(12L)).company(),
        () -> companies[1] = c.getCustomer(12L).getResponse().getCompany());
    assertArrayEquals(new String[] {"Acme", "Acme"}, companies);
  }

  @Test
  void subscriptionsFilteredByCustomer() throws Exception {
    wire.same(ok("[]"), () -> chargeover.listSubscriptions(ListSubscriptionsParams.builder().limit(10L).page(1L).customerId(42L).build()),
        () -> new SubscriptionsApi(api).listSubscriptions(10L, 0, "customer_id:EQUALS:42"));
  }

  @Test
  void invoices() throws Exception {
    InvoicesApi i = new InvoicesApi(api);
    wire.same(ok("[]"), () -> chargeover.listInvoices(ListInvoicesParams.builder().limit(5L).page(2L).status("overdue").build()),
        () -> i.listInvoices(5L, 5, "invoice_status_str:EQUALS:open-overdue"));
    wire.same(ok("{\"invoice_id\":7,\"customer_id\":12,\"line_items\":[]}"), () -> chargeover.getInvoice(GetInvoiceParams.of(7L)),
        () -> i.getInvoice(7L));
  }

  @Test
  void transactions() throws Exception {
    wire.same(ok("[]"), () -> chargeover.listTransactions(ListTransactionsParams.builder().limit(500L).page(2L).build()),
        () -> new TransactionsApi(api).listTransactions(500L, 500));
  }

  /** The SDK sends the spec's default limit and page 1 as offset 0; the OpenAPI client sends neither when they are not given. */
  @Test
  void specDefaultsAreSentOnlyByTheSdk() throws Exception {
    wire.differs(ok("[]"), () -> chargeover.listInvoices(), () -> new InvoicesApi(api).listInvoices(null, null, null),
        Map.of("query limit", "10 | (absent)", "query offset", "0 | (absent)"));
  }

  @Test
  void connectionCheckSharesTheCustomerList() throws Exception {
    wire.same(ok("[]"), () -> chargeover.getCurrentUser(), () -> new CustomersApi(api).listCustomers(1L, null, null));
  }
}
