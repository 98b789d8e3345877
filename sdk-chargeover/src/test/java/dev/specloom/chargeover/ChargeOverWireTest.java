package dev.specloom.chargeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.chargeover.model.AppliedTo;
import dev.specloom.chargeover.model.ConnectionCheck;
import dev.specloom.chargeover.model.Customer;
import dev.specloom.chargeover.model.CustomerList;
import dev.specloom.chargeover.model.Invoice;
import dev.specloom.chargeover.model.InvoiceList;
import dev.specloom.chargeover.model.InvoiceOverview;
import dev.specloom.chargeover.model.PackageList;
import dev.specloom.chargeover.model.TransactionList;
import dev.specloom.runtime.DecodeException;
import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.testing.ServiceCoverage;
import dev.specloom.runtime.testing.WireServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/** Every ChargeOver function: the exact request, the envelope, and the decoded result. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChargeOverWireTest {
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("pub_1:priv_1".getBytes(StandardCharsets.UTF_8));

  /** Every test's calls go through this client, so the class can prove it sent every service method. */
  static final ServiceCoverage COVERAGE = new ServiceCoverage(ChargeOverService.class);

  WireServer server;
  ChargeOverClient chargeover;

  @BeforeEach
  void start() {
    server = new WireServer();
    chargeover = ChargeOverClient.builder().publicKey("pub_1").privateKey("priv_1").url(server.url("").replaceAll("/$", ""))
        .httpClient(COVERAGE.client()).build();
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

  static String ok(String response) {
    return "{\"code\":200,\"status\":\"OK\",\"message\":\"\",\"details\":{},\"response\":" + response + "}";
  }

  WireServer.Sent get(String path, String query) {
    WireServer.Sent sent = server.take();
    assertEquals("GET", sent.method());
    assertEquals(path, sent.path());
    assertEquals(query, sent.query());
    assertEquals(BASIC, sent.header("Authorization"));
    assertEquals("", sent.body());
    assertNull(sent.header("Content-Type"));
    assertNull(sent.header("Idempotency-Key"));
    return sent;
  }

  @Test
  void listCustomersTranslatesPageAndStatus() {
    server.reply(200, ok("[{\"customer_id\":12,\"company\":\"Acme\",\"customer_status_state\":\"a\",\"balance\":125.5}]"));
    CustomerList page = chargeover.listCustomers(ListCustomersParams.builder().limit(1L).page(3L).status("active").build());
    get("/api/v3/customer", "limit=1&offset=2&where=customer_status_state%3AEQUALS%3Aa");
    assertEquals(12L, page.customers().get(0).customerId());
    assertEquals(125.5, page.customers().get(0).balance());
  }

  @Test
  void listCustomersDefaults() {
    server.reply(200, ok("[]"));
    chargeover.listCustomers();
    get("/api/v3/customer", "limit=10&offset=0");
  }

  @Test
  void getCustomerDecodesFromTheResponseField() {
    server.reply(200, ok("{\"customer_id\":12,\"company\":\"Acme\",\"superuser_email\":\"ap@acme.example\",\"bill_city\":null}"));
    Customer c = chargeover.getCustomer(GetCustomerParams.of(12L));
    get("/api/v3/customer/12", null);
    assertEquals("Acme", c.company());
    assertEquals("ap@acme.example", c.superuserEmail());
    assertNull(c.billCity());
  }

  @Test
  void listSubscriptionsFiltersByCustomer() {
    server.reply(200, ok("[{\"package_id\":7,\"customer_id\":12,\"paycycle\":\"mon\",\"package_status_name\":\"Current\"}]"));
    PackageList page = chargeover.listSubscriptions(ListSubscriptionsParams.builder().customerId(12L).build());
    get("/api/v3/package", "limit=10&offset=0&where=customer_id%3AEQUALS%3A12");
    assertEquals("mon", page.subscriptions().get(0).paycycle());
  }

  @Test
  void listInvoicesMapsStatusToItsWireValue() {
    server.reply(200, ok("[{\"invoice_id\":1001,\"customer_id\":12,\"total\":99.0,\"invoice_status_str\":\"closed-paid\"}]"));
    InvoiceList page = chargeover.listInvoices(ListInvoicesParams.builder().status("paid").limit(25L).build());
    get("/api/v3/invoice", "limit=25&offset=0&where=invoice_status_str%3AEQUALS%3Aclosed-paid");
    assertEquals(99.0, page.invoices().get(0).total());
  }

  /** Open is ChargeOver's open state (unpaid, overdue, in collections), as its own clients query it. */
  @Test
  void openInvoicesAreEveryOpenStateNotOnlyUnpaid() {
    server.reply(200, ok("[{\"invoice_id\":1001,\"invoice_status_str\":\"open-unpaid\"},{\"invoice_id\":1002,\"invoice_status_str\":\"open-overdue\"}]"));
    InvoiceList page = chargeover.listInvoices(ListInvoicesParams.builder().status("open").build());
    get("/api/v3/invoice", "limit=10&offset=0&where=invoice_status_state%3AEQUALS%3Ao");
    assertEquals(List.of(1001L, 1002L), page.invoices().stream().map(InvoiceOverview::invoiceId).toList());
    server.reply(200, ok("[]"));
    chargeover.listInvoices(ListInvoicesParams.builder().status("overdue").build());
    get("/api/v3/invoice", "limit=10&offset=0&where=invoice_status_str%3AEQUALS%3Aopen-overdue");
  }

  @Test
  void getInvoiceWithLineItems() {
    server.reply(200, ok("{\"invoice_id\":1001,\"refnumber\":\"1001\",\"line_items\":[{\"descrip\":\"Pro plan\",\"line_total\":49.5}]}"));
    Invoice inv = chargeover.getInvoice(GetInvoiceParams.of(1001L));
    get("/api/v3/invoice/1001", null);
    assertEquals("Pro plan", inv.lineItems().get(0).descrip());
    assertEquals(49.5, inv.lineItems().get(0).lineTotal());
  }

  @Test
  void listTransactions() {
    server.reply(200, ok("[{\"transaction_id\":5,\"amount\":49.5,\"transaction_type\":\"pay\"}]"));
    TransactionList page = chargeover.listTransactions(ListTransactionsParams.builder().limit(5L).page(2L).build());
    get("/api/v3/transaction", "limit=5&offset=5");
    assertEquals("pay", page.transactions().get(0).transactionType());
  }

  /** applied_to is a list of {invoice_id, applied} (ChargeOver's own clients send and read it so). */
  @Test
  void appliedToIsAListOfInvoicesWithTheAmountAppliedToEach() {
    server.reply(200, ok("[{\"transaction_id\":5,\"amount\":15.95,\"applied_to\":[{\"invoice_id\":1072,\"applied\":2.95},"
        + "{\"invoice_id\":1073,\"applied\":13.0}]},{\"transaction_id\":6,\"amount\":1.0,\"applied_to\":[]}]"));
    TransactionList page = chargeover.listTransactions();
    get("/api/v3/transaction", "limit=10&offset=0");
    assertEquals(2, page.transactions().size(), "one applied record no longer fails the page");
    AppliedTo second = page.transactions().get(0).appliedTo().get(1);
    assertEquals(1073L, second.invoiceId());
    assertEquals(13.0, second.applied());
    assertEquals(List.of(), page.transactions().get(1).appliedTo());
  }

  @Test
  void getCurrentUserTakesNoParamsAndIsTheCheapestAuthenticatedCall() {
    server.reply(200, ok("[{\"customer_id\":1,\"company\":\"Acme\"}]"));
    ConnectionCheck me = chargeover.getCurrentUser();
    get("/api/v3/customer", "limit=1");
    assertEquals("OK", me.status());
    assertEquals(200L, me.code());
    assertEquals("Acme", me.customers().get(0).company());
    server.reply(200, ok("[]"));
    chargeover.getCurrentUser(GetCurrentUserParams.builder().build());
    get("/api/v3/customer", "limit=1");
    assertEquals(0, java.util.Arrays.stream(GetCurrentUserParams.Builder.class.getDeclaredMethods())
        .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.getName().equals("build")).count(), "no params");
  }

  @Test
  void anEnvelopeErrorInA200IsAProviderException() {
    server.reply(200, "{\"code\":400,\"status\":\"Error\",\"message\":\"Unknown filter field: nope\",\"details\":{},\"response\":false}");
    ProviderException e = assertThrows(ProviderException.class, () -> chargeover.listCustomers());
    assertEquals(400, e.status());
    assertEquals("Unknown filter field: nope", e.providerMessage());
    assertEquals("chargeover.list_customers: 400: Unknown filter field: nope", e.getMessage());
    assertEquals("Error", e.type());
  }

  @Test
  void aRecordThatDoesNotFitIsADecodeErrorAtItsPlaceUnderTheEnvelope() {
    server.reply(200, ok("{\"customer_id\":\"twelve\"}"));
    DecodeException e = assertThrows(DecodeException.class, () -> chargeover.getCustomer(GetCustomerParams.of(12L)));
    assertEquals("$.response.customer_id", e.path());
    assertEquals(200, e.status());
  }

  @Test
  void anHttpErrorIsAProviderException() {
    server.reply(401, "{\"code\":401,\"status\":\"Error\",\"message\":\"Authentication failed\",\"response\":false}");
    ProviderException e = assertThrows(ProviderException.class, () -> chargeover.getCustomer(GetCustomerParams.of(1L)));
    assertEquals(401, e.status());
    assertEquals("Authentication failed", e.providerMessage());
    assertFalse(e.getMessage().contains("priv_1"));
  }

  @Test
  void accessTokenIsTheKeyPairInOneValue() {
    ChargeOverClient byToken = ChargeOverClient.builder().accessToken("pub_1:priv_1").baseUrl(server.url("/api/v3")).build();
    server.reply(200, ok("[]"));
    byToken.listTransactions();
    get("/api/v3/transaction", "limit=10&offset=0");
    IllegalArgumentException noColon = assertThrows(IllegalArgumentException.class,
        () -> ChargeOverClient.builder().accessToken("just_one_part").baseUrl(server.url("/api/v3")).build());
    assertEquals("chargeover: access_token must be two parts joined by ':' (user:password)", noColon.getMessage());
  }

  @Test
  void autoPagingStopsAtTheFirstShortPage() {
    server.reply(200, ok("[{\"customer_id\":1},{\"customer_id\":2}]"))
        .reply(200, ok("[{\"customer_id\":3},{\"customer_id\":4}]"))
        .reply(200, ok("[{\"customer_id\":5}]"));
    List<Long> ids = chargeover.listCustomersStream(ListCustomersParams.builder().limit(2L).build())
        .map(Customer::customerId).toList();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids);
    get("/api/v3/customer", "limit=2&offset=0");
    get("/api/v3/customer", "limit=2&offset=2");
    get("/api/v3/customer", "limit=2&offset=4");
    assertEquals(3, server.requestCount(), "a short page ends the walk");
  }

  @Test
  void autoPagingFromALaterPageStartsAtItsOffset() {
    server.reply(200, ok("[{\"invoice_id\":5},{\"invoice_id\":6}]"))
        .reply(200, ok("[{\"invoice_id\":7},{\"invoice_id\":8}]"))
        .reply(200, ok("[]"));
    List<Long> ids = chargeover.listInvoicesStream(ListInvoicesParams.builder().limit(2L).page(3L).status("open").build())
        .map(InvoiceOverview::invoiceId).toList();
    assertEquals(List.of(5L, 6L, 7L, 8L), ids);
    get("/api/v3/invoice", "limit=2&offset=4&where=invoice_status_state%3AEQUALS%3Ao");
    get("/api/v3/invoice", "limit=2&offset=6&where=invoice_status_state%3AEQUALS%3Ao");
    get("/api/v3/invoice", "limit=2&offset=8&where=invoice_status_state%3AEQUALS%3Ao");
  }

  @Test
  void aUrlThatAlreadyEndsInTheApiPathIsNotExtendedTwice() {
    String root = server.url("").replaceAll("/$", "");
    for (String url : List.of(root + "/api/v3", root + "/api/v3/", root + "/")) {
      ChargeOverClient c = ChargeOverClient.builder().publicKey("pub_1").privateKey("priv_1").url(url).build();
      server.reply(200, ok("[]"));
      c.listTransactions();
      get("/api/v3/transaction", "limit=10&offset=0");
    }
  }

  @Test
  void subdomainSelectsTheHostedAccountAndMustBeHttps() {
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> ChargeOverClient.builder().publicKey("p").privateKey("k").build());
    assertEquals("chargeover: set one of [url, subdomain] (or baseUrl)", none.getMessage());
    IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
        () -> ChargeOverClient.builder().publicKey("p").privateKey("k").url("http://billing.example.com").build());
    assertEquals("chargeover: base URL must use https (plain http only for loopback): http://billing.example.com/api/v3",
        plain.getMessage());
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
        () -> ChargeOverClient.builder().publicKey("p").privateKey("k").subdomain("evil.com/x?").build());
    assertEquals("chargeover: subdomain must match ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$, got 'evil.com/x?'", label.getMessage());
  }

  @Test
  void paramsAreCheckedBeforeSending() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ListCustomersParams.builder().limit(501L).build());
    assertEquals("chargeover.list_customers: 'limit' must be between 1 and 500, got 501", e.getMessage());
    assertEquals("chargeover.list_invoices: 'status' must be one of open, overdue, paid, void, got 'late'",
        assertThrows(IllegalArgumentException.class, () -> ListInvoicesParams.builder().status("late").build()).getMessage());
    assertEquals(0, server.requestCount());
  }
}
