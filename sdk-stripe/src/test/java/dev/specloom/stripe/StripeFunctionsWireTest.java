package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import dev.specloom.stripe.model.Balance;
import dev.specloom.stripe.model.DeletedObject;
import dev.specloom.stripe.model.Invoice;
import dev.specloom.stripe.model.InvoiceList;
import dev.specloom.stripe.model.PaymentIntent;
import dev.specloom.stripe.model.PriceList;
import dev.specloom.stripe.model.Product;
import dev.specloom.stripe.model.ProductList;
import dev.specloom.stripe.model.Subscription;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe functions StripeWireTest does not cover: exact request, headers and decoded result for each. */
class StripeFunctionsWireTest {
  WireServer server;
  StripeClient stripe;

  @BeforeEach
  void start() {
    server = new WireServer();
    stripe = StripeClient.builder().apiKey(StripeWireTest.KEY).baseUrl(server.url("/")).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Queues {@code reply}, runs the call, and checks method, path, query, form body and Stripe's headers. */
  <T> T exchange(String reply, Supplier<T> call, String method, String path, String query, String form) {
    server.reply(200, reply);
    T result = call.get();
    boolean write = !method.equals("GET");
    WireServer.Sent sent = StripeWireTest.common(server.take(), write);
    assertEquals(method, sent.method());
    assertEquals(path, sent.path());
    assertEquals(query, sent.query());
    if (form == null) {
      assertEquals("", sent.body());
    } else {
      StripeWireTest.formBody(sent, form);
    }
    return result;
  }

  @Test
  void updateCustomer() {
    var c = exchange("{\"id\":\"cus_abc123\",\"name\":\"Acme Corp (Updated)\",\"email\":\"finance@acme.example\"}",
        () -> stripe.updateCustomer(UpdateCustomerParams.builder().id("cus_abc123").name("Acme Corp (Updated)")
            .email("finance@acme.example").putMetadata("tier", "premium").build()),
        "POST", "/v1/customers/cus_abc123", null,
        "name=Acme+Corp+%28Updated%29&email=finance%40acme.example&metadata[tier]=premium");
    assertEquals("Acme Corp (Updated)", c.name());
  }

  @Test
  void deleteCustomer() {
    DeletedObject d = exchange("{\"id\":\"cus_abc123\",\"object\":\"customer\",\"deleted\":true}",
        () -> stripe.deleteCustomer(DeleteCustomerParams.of("cus_abc123")), "DELETE", "/v1/customers/cus_abc123", null, null);
    assertTrue(d.deleted());
  }

  @Test
  void createProduct() {
    Product p = exchange("{\"id\":\"prod_xyz789\",\"name\":\"Pro Plan\",\"active\":true,\"metadata\":{\"type\":\"subscription\"}}",
        () -> stripe.createProduct(CreateProductParams.builder().name("Pro Plan").description("Access to all pro features")
            .active(true).putMetadata("type", "subscription").build()),
        "POST", "/v1/products", null, "name=Pro+Plan&description=Access+to+all+pro+features&active=true&metadata[type]=subscription");
    assertEquals("prod_xyz789", p.id());
    assertTrue(p.active());
  }

  @Test
  void getProduct() {
    Product p = exchange("{\"id\":\"prod_xyz789\",\"name\":\"Pro Plan\",\"description\":null,\"active\":false}",
        () -> stripe.getProduct(GetProductParams.of("prod_xyz789")), "GET", "/v1/products/prod_xyz789", null, null);
    assertNull(p.description());
    assertEquals(false, p.active());
  }

  @Test
  void listProducts() {
    ProductList page = exchange("{\"object\":\"list\",\"data\":[{\"id\":\"prod_1\",\"name\":\"A\"}],\"has_more\":false}",
        () -> stripe.listProducts(ListProductsParams.builder().active(true).limit(100L).startingAfter("prod_0").build()),
        "GET", "/v1/products", "active=true&limit=100&starting_after=prod_0", null);
    assertEquals("A", page.products().get(0).name());
    assertEquals(false, page.hasMore());
  }

  @Test
  void listPrices() {
    PriceList page = exchange("""
            {"data":[{"id":"price_1","unit_amount":2999,"currency":"usd","recurring":{"interval":"month","interval_count":1},"active":true}],
             "has_more":true}""",
        () -> stripe.listPrices(ListPricesParams.builder().product("prod_xyz789").active(true).limit(50L).build()),
        "GET", "/v1/prices", "product=prod_xyz789&active=true&limit=50", null);
    assertEquals(2999L, page.prices().get(0).unitAmount());
    assertEquals("month", page.prices().get(0).recurring().interval());
  }

  static final String INTENT = """
      {"id":"pi_ghi789","amount":10000,"amount_capturable":0,"amount_received":7500,"currency":"usd","status":"succeeded",
       "client_secret":"pi_ghi789_secret_x","capture_method":"manual","customer":"cus_abc123","created":1712304000}""";

  @Test
  void createPaymentIntentWithManualCaptureAndNoAutomaticMethods() {
    PaymentIntent pi = exchange(INTENT,
        () -> stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(10000L).currency("usd")
            .customer("cus_abc123").description("Order #1234").putMetadata("order_id", "1234").captureMethod("manual")
            .automaticPaymentMethodsEnabled(false).build()),
        "POST", "/v1/payment_intents", null,
        "amount=10000&currency=usd&customer=cus_abc123&description=Order+%231234&metadata[order_id]=1234"
            + "&capture_method=manual&automatic_payment_methods[enabled]=false");
    assertEquals("manual", pi.captureMethod());
  }

  @Test
  void getPaymentIntent() {
    PaymentIntent pi = exchange(INTENT, () -> stripe.getPaymentIntent(GetPaymentIntentParams.of("pi_ghi789")),
        "GET", "/v1/payment_intents/pi_ghi789", null, null);
    assertEquals(1712304000L, pi.created());
  }

  @Test
  void updatePaymentIntent() {
    exchange(INTENT, () -> stripe.updatePaymentIntent(UpdatePaymentIntentParams.builder().id("pi_ghi789")
            .description("Updated order description").putMetadata("order_id", "1234").putMetadata("source", "web").build()),
        "POST", "/v1/payment_intents/pi_ghi789", null,
        "description=Updated+order+description&metadata[order_id]=1234&metadata[source]=web");
  }

  @Test
  void confirmPaymentIntent() {
    PaymentIntent pi = exchange(INTENT, () -> stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id("pi_ghi789")
            .paymentMethod("pm_card_visa").returnUrl("https://example.com/payment/complete").build()),
        "POST", "/v1/payment_intents/pi_ghi789/confirm", null,
        "payment_method=pm_card_visa&return_url=https%3A%2F%2Fexample.com%2Fpayment%2Fcomplete");
    assertEquals("succeeded", pi.status());
  }

  @Test
  void cancelPaymentIntent() {
    PaymentIntent pi = exchange("{\"id\":\"pi_ghi789\",\"status\":\"canceled\",\"cancellation_reason\":\"requested_by_customer\"}",
        () -> stripe.cancelPaymentIntent(CancelPaymentIntentParams.builder().id("pi_ghi789")
            .cancellationReason("requested_by_customer").build()),
        "POST", "/v1/payment_intents/pi_ghi789/cancel", null, "cancellation_reason=requested_by_customer");
    assertEquals("canceled", pi.status());
  }

  @Test
  void capturePaymentIntentPartially() {
    PaymentIntent pi = exchange(INTENT, () -> stripe.capturePaymentIntent(CapturePaymentIntentParams.builder().id("pi_ghi789")
            .amountToCapture(7500L).build()),
        "POST", "/v1/payment_intents/pi_ghi789/capture", null, "amount_to_capture=7500");
    assertEquals(7500L, pi.amountReceived());
    assertEquals(0L, pi.amountCapturable());
  }

  @Test
  void captureWithNoParamsSendsAnEmptyForm() {
    exchange(INTENT, () -> stripe.capturePaymentIntent(CapturePaymentIntentParams.of("pi_ghi789")),
        "POST", "/v1/payment_intents/pi_ghi789/capture", null, "");
  }

  static final String INVOICE = """
      {"id":"in_jkl012","number":null,"customer":"cus_abc123","status":"draft","total":0,"currency":"usd",
       "due_date":null,"auto_advance":true,"created":1712304000}""";

  @Test
  void createInvoice() {
    Invoice inv = exchange(INVOICE, () -> stripe.createInvoice(CreateInvoiceParams.builder().customer("cus_abc123")
            .description("March 2026 consulting").putMetadata("project", "website-redesign").autoAdvance(true).build()),
        "POST", "/v1/invoices", null,
        "customer=cus_abc123&description=March+2026+consulting&metadata[project]=website-redesign&auto_advance=true");
    assertEquals("draft", inv.status());
    assertNull(inv.number());
    assertNull(inv.dueDate());
  }

  @Test
  void getInvoice() {
    Invoice inv = exchange("{\"id\":\"in_jkl012\",\"number\":\"INV-001\",\"status\":\"paid\",\"total\":5000}",
        () -> stripe.getInvoice(GetInvoiceParams.of("in_jkl012")), "GET", "/v1/invoices/in_jkl012", null, null);
    assertEquals("INV-001", inv.number());
    assertEquals(5000L, inv.total());
  }

  @Test
  void listInvoices() {
    InvoiceList page = exchange("{\"data\":[" + INVOICE + "],\"has_more\":false}",
        () -> stripe.listInvoices(ListInvoicesParams.builder().customer("cus_abc123").status("draft").limit(25L)
            .startingAfter("in_0").build()),
        "GET", "/v1/invoices", "customer=cus_abc123&status=draft&limit=25&starting_after=in_0", null);
    assertEquals("in_jkl012", page.invoices().get(0).id());
  }

  @Test
  void payInvoice() {
    Invoice inv = exchange("{\"id\":\"in_jkl012\",\"status\":\"paid\"}", () -> stripe.payInvoice(PayInvoiceParams.of("in_jkl012")),
        "POST", "/v1/invoices/in_jkl012/pay", null, "");
    assertEquals("paid", inv.status());
  }

  @Test
  void voidInvoice() {
    Invoice inv = exchange("{\"id\":\"in_jkl012\",\"status\":\"void\"}", () -> stripe.voidInvoice(VoidInvoiceParams.of("in_jkl012")),
        "POST", "/v1/invoices/in_jkl012/void", null, "");
    assertEquals("void", inv.status());
  }

  @Test
  void getSubscription() {
    Subscription s = exchange("""
            {"id":"sub_mno345","customer":"cus_abc123","status":"active","trial_end":null,
             "plan":{"id":"price_def456","amount":2999,"currency":"usd","interval":"month","interval_count":1},
             "current_period_start":1712304000,"current_period_end":1714982400}""",
        () -> stripe.getSubscription(GetSubscriptionParams.of("sub_mno345")), "GET", "/v1/subscriptions/sub_mno345", null, null);
    assertEquals("month", s.plan().interval());
    assertNull(s.trialEnd());
  }

  @Test
  void cancelSubscriptionDefaultsProrateAndInvoiceNow() {
    exchange("{\"id\":\"sub_mno345\",\"status\":\"canceled\"}",
        () -> stripe.cancelSubscription(CancelSubscriptionParams.of("sub_mno345")),
        "DELETE", "/v1/subscriptions/sub_mno345", "prorate=true&invoice_now=true", null);
  }

  @Test
  void getBalance() {
    Balance b = exchange("""
            {"object":"balance","available":[{"amount":12345,"currency":"usd"}],"pending":[{"amount":5000,"currency":"usd"}],
             "livemode":false}""",
        () -> stripe.getBalance(), "GET", "/v1/balance", null, null);
    assertEquals(12345L, b.available().get(0).amount());
    assertEquals("usd", b.pending().get(0).currency());
  }
}
