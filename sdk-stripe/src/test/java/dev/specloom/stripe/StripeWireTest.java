package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.ServiceCoverage;
import dev.specloom.runtime.testing.WireServer;
import dev.specloom.stripe.model.Balance;
import dev.specloom.stripe.model.Customer;
import dev.specloom.stripe.model.CustomerList;
import dev.specloom.stripe.model.DeletedObject;
import dev.specloom.stripe.model.Invoice;
import dev.specloom.stripe.model.InvoiceList;
import dev.specloom.stripe.model.PaymentIntent;
import dev.specloom.stripe.model.Price;
import dev.specloom.stripe.model.PriceList;
import dev.specloom.stripe.model.Product;
import dev.specloom.stripe.model.ProductList;
import dev.specloom.stripe.model.Subscription;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every Stripe function: the exact request on the wire (method, path, query, form body, headers) and the decoded result. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StripeWireTest {
  static final ServiceCoverage COVERAGE = new ServiceCoverage(StripeService.class);

  @RegisterExtension final StripeWire wire = new StripeWire(b -> b.httpClient(COVERAGE.client()));
  final WireServer server = wire.server;
  final StripeClient stripe = wire.stripe;

  /** Last, one test per service method: some test above sent it. */
  @TestFactory
  @Order(Integer.MAX_VALUE)
  Stream<DynamicTest> everyFunctionWentOverTheWire() {
    return COVERAGE.eachMethodSent();
  }

  // ------------------------------------------------------------------ customers

  @Test
  void createCustomer() {
    server.reply(200, """
        {"id":"cus_abc123","object":"customer","name":"Acme Corp","email":"billing@acme.example",
         "phone":"+1 555-0123","metadata":{"crm_id":"12345","tier":"enterprise"},"created":1712304000}""");
    Customer c = stripe.createCustomer(CreateCustomerParams.builder()
        .name("Acme Corp").email("billing@acme.example").description("Enterprise customer").phone("+1 555-0123")
        .putMetadata("crm_id", "12345").putMetadata("tier", "enterprise").build());
    wire.expect("POST", "/v1/customers", null,
        "name=Acme+Corp&email=billing%40acme.example&description=Enterprise+customer&phone=%2B1+555-0123"
            + "&metadata[crm_id]=12345&metadata[tier]=enterprise");
    assertEquals("cus_abc123", c.id());
    assertEquals("Acme Corp", c.name());
    assertEquals("billing@acme.example", c.email());
    assertEquals("+1 555-0123", c.phone());
    assertEquals(1712304000L, c.created());
    assertEquals(Map.of("crm_id", "12345", "tier", "enterprise"), c.metadata());
  }

  @Test
  void getCustomer() {
    server.reply(200, "{\"id\":\"cus_abc123\",\"name\":\"Acme Corp\",\"email\":null}");
    Customer c = stripe.getCustomer(GetCustomerParams.of("cus_abc123"));
    wire.expect("GET", "/v1/customers/cus_abc123", null, null);
    assertEquals("cus_abc123", c.id());
    assertEquals("Acme Corp", c.name());
    assertNull(c.email());
  }

  @Test
  void updateCustomer() {
    server.reply(200, """
        {"id":"cus_abc123","object":"customer","name":"Acme Corp (Updated)","email":"finance@acme.example",
         "description":"Enterprise customer","phone":"+1 555-0123","balance":0,"currency":"usd","delinquent":false,
         "livemode":false,"metadata":{"crm_id":"12345","tier":"premium"},"created":1712304000}""");
    Customer c = stripe.updateCustomer(UpdateCustomerParams.builder().id("cus_abc123").name("Acme Corp (Updated)")
        .email("finance@acme.example").putMetadata("tier", "premium").build());
    wire.expect("POST", "/v1/customers/cus_abc123", null,
        "name=Acme+Corp+%28Updated%29&email=finance%40acme.example&metadata[tier]=premium");
    assertEquals("cus_abc123", c.id());
    assertEquals("Acme Corp (Updated)", c.name());
    assertEquals("finance@acme.example", c.email());
    assertEquals(0L, c.balance());
    assertEquals(false, c.delinquent());
    assertEquals(Map.of("crm_id", "12345", "tier", "premium"), c.metadata());
  }

  @Test
  void listCustomersSendsDefaultLimitAndDecodesTheEnvelope() {
    server.reply(200, """
        {"object":"list","url":"/v1/customers","has_more":true,
         "data":[{"id":"cus_1","email":"a@acme.example"},{"id":"cus_2","email":"b@acme.example"}]}""");
    CustomerList page = stripe.listCustomers(ListCustomersParams.builder().email("a@acme.example").build());
    wire.expect("GET", "/v1/customers", "email=a%40acme.example&limit=10", null);
    assertEquals(2, page.customers().size());
    assertEquals("a@acme.example", page.customers().get(0).email());
    assertEquals("cus_2", page.customers().get(1).id());
    assertTrue(page.hasMore());
  }

  @Test
  void listCustomersWithLimitAndCursor() {
    server.reply(200, "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":false,\"data\":[{\"id\":\"cus_def456\"}]}");
    CustomerList page = stripe.listCustomers(ListCustomersParams.builder().limit(100L).startingAfter("cus_abc123").build());
    wire.expect("GET", "/v1/customers", "limit=100&starting_after=cus_abc123", null);
    assertEquals("cus_def456", page.customers().get(0).id());
    assertFalse(page.hasMore());
  }

  @Test
  void deleteCustomerIsADeleteWithNoBody() {
    server.reply(200, "{\"id\":\"cus_abc123\",\"object\":\"customer\",\"deleted\":true}");
    DeletedObject d = stripe.deleteCustomer(DeleteCustomerParams.of("cus_abc123"));
    wire.expect("DELETE", "/v1/customers/cus_abc123", null, null);
    assertEquals("cus_abc123", d.id());
    assertEquals("customer", d.object());
    assertEquals(true, d.deleted());
  }

  // ------------------------------------------------------------------- products

  @Test
  void createProduct() {
    server.reply(200, """
        {"id":"prod_xyz789","object":"product","name":"Pro Plan","description":"Access to all pro features",
         "active":true,"default_price":null,"metadata":{"type":"subscription"},"created":1712304000,"updated":1712304000}""");
    Product p = stripe.createProduct(CreateProductParams.builder().name("Pro Plan").description("Access to all pro features")
        .active(true).putMetadata("type", "subscription").build());
    wire.expect("POST", "/v1/products", null,
        "name=Pro+Plan&description=Access+to+all+pro+features&active=true&metadata[type]=subscription");
    assertEquals("prod_xyz789", p.id());
    assertEquals("Pro Plan", p.name());
    assertEquals("Access to all pro features", p.description());
    assertEquals(true, p.active());
    assertNull(p.defaultPrice());
    assertEquals(Map.of("type", "subscription"), p.metadata());
    assertEquals(1712304000L, p.updated());
  }

  @Test
  void getProduct() {
    server.reply(200, """
        {"id":"prod_xyz789","object":"product","name":"Pro Plan","description":null,
         "active":false,"default_price":"price_def456","metadata":{},"created":1712304000,"updated":1712390400}""");
    Product p = stripe.getProduct(GetProductParams.of("prod_xyz789"));
    wire.expect("GET", "/v1/products/prod_xyz789", null, null);
    assertEquals("Pro Plan", p.name());
    assertNull(p.description());
    assertEquals("price_def456", p.defaultPrice());
    assertEquals(false, p.active());
    assertEquals(Map.of(), p.metadata());
    assertEquals(1712390400L, p.updated());
  }

  @Test
  void listProductsWithActiveFilterAndCursor() {
    server.reply(200, """
        {"object":"list","url":"/v1/products","has_more":false,
         "data":[{"id":"prod_1","object":"product","name":"Basic","active":true},
                 {"id":"prod_2","object":"product","name":"Pro Plan","active":true}]}""");
    ProductList page = stripe.listProducts(ListProductsParams.builder().active(true).limit(50L)
        .startingAfter("prod_xyz789").build());
    wire.expect("GET", "/v1/products", "active=true&limit=50&starting_after=prod_xyz789", null);
    assertEquals(2, page.products().size());
    assertEquals("Basic", page.products().get(0).name());
    assertEquals("Pro Plan", page.products().get(1).name());
    assertFalse(page.hasMore());
  }

  // --------------------------------------------------------------------- prices

  @Test
  void createPriceNestsRecurringWithBrackets() {
    server.reply(200, """
        {"id":"price_def456","product":"prod_xyz789","unit_amount":7999,"currency":"usd",
         "recurring":{"interval":"month","interval_count":3},"active":true}""");
    Price p = stripe.createPrice(CreatePriceParams.builder().product("prod_xyz789").unitAmount(7999L)
        .currency("usd").recurringInterval("month").recurringIntervalCount(3L).build());
    wire.expect("POST", "/v1/prices", null,
        "product=prod_xyz789&unit_amount=7999&currency=usd&recurring[interval]=month&recurring[interval_count]=3");
    assertEquals("price_def456", p.id());
    assertEquals(7999L, p.unitAmount());
    assertEquals("month", p.recurring().interval());
    assertEquals(3L, p.recurring().intervalCount());
  }

  @Test
  void createOneTimePriceSendsNoRecurring() {
    server.reply(200, "{\"id\":\"price_once\",\"product\":\"prod_xyz789\",\"unit_amount\":9900,\"currency\":\"usd\",\"recurring\":null}");
    Price p = stripe.createPrice(CreatePriceParams.of("prod_xyz789", 9900L, "usd"));
    wire.expect("POST", "/v1/prices", null, "product=prod_xyz789&unit_amount=9900&currency=usd");
    assertEquals(9900L, p.unitAmount());
    assertNull(p.recurring());
  }

  @Test
  void listPricesForAProduct() {
    server.reply(200, """
        {"object":"list","url":"/v1/prices","has_more":true,
         "data":[{"id":"price_def456","object":"price","product":"prod_xyz789","unit_amount":2999,"currency":"usd",
                  "type":"recurring","recurring":{"interval":"month","interval_count":1,"usage_type":"licensed"},
                  "active":true,"nickname":null,"metadata":{},"created":1712304000},
                 {"id":"price_one","object":"price","product":"prod_xyz789","unit_amount":9900,"currency":"usd",
                  "type":"one_time","recurring":null,"active":true}]}""");
    PriceList page = stripe.listPrices(ListPricesParams.builder().product("prod_xyz789").active(true).limit(50L).build());
    wire.expect("GET", "/v1/prices", "product=prod_xyz789&active=true&limit=50", null);
    assertEquals(2, page.prices().size());
    Price monthly = page.prices().get(0);
    assertEquals("price_def456", monthly.id());
    assertEquals(2999L, monthly.unitAmount());
    assertEquals("usd", monthly.currency());
    assertEquals("recurring", monthly.type());
    assertEquals("month", monthly.recurring().interval());
    assertEquals(1L, monthly.recurring().intervalCount());
    assertEquals("licensed", monthly.recurring().usageType());
    assertEquals(9900L, page.prices().get(1).unitAmount());
    assertEquals("one_time", page.prices().get(1).type());
    assertNull(page.prices().get(1).recurring());
    assertTrue(page.hasMore());
  }

  // ------------------------------------------------------------ payment intents

  static final String INTENT = """
      {"id":"pi_ghi789","object":"payment_intent","amount":5000,"amount_capturable":0,"amount_received":0,
       "currency":"usd","status":"requires_payment_method","client_secret":"pi_ghi789_secret_abc",
       "capture_method":"automatic_async","confirmation_method":"automatic",
       "automatic_payment_methods":{"enabled":true,"allow_redirects":"always"},"payment_method_types":["card"],"customer":"cus_abc123",
       "description":"Order #1234","payment_method":null,"cancellation_reason":null,"canceled_at":null,
       "metadata":{"order_id":"1234"},"livemode":false,"created":1712304000}""";

  @Test
  void createPaymentIntent() {
    server.reply(200, INTENT);
    PaymentIntent pi = stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(5000L).currency("usd")
        .customer("cus_abc123").description("Order #1234").putMetadata("order_id", "1234").build());
    wire.expect("POST", "/v1/payment_intents", null,
        "amount=5000&currency=usd&customer=cus_abc123&description=Order+%231234&metadata[order_id]=1234");
    assertEquals("pi_ghi789", pi.id());
    assertEquals(5000L, pi.amount());
    assertEquals("usd", pi.currency());
    assertEquals("requires_payment_method", pi.status());
    assertEquals("pi_ghi789_secret_abc", pi.clientSecret());
    assertEquals("automatic_async", pi.captureMethod());
    assertEquals("always", pi.automaticPaymentMethods().allowRedirects());
    assertEquals(java.util.List.of("card"), pi.paymentMethodTypes());
    assertEquals("cus_abc123", pi.customer());
    assertNull(pi.paymentMethod());
    assertNull(pi.canceledAt());
    assertEquals(1712304000L, pi.created());
  }

  @Test
  void createPaymentIntentManualCaptureWithoutAutomaticPaymentMethods() {
    server.reply(200, """
        {"id":"pi_manual1","object":"payment_intent","amount":2500,"amount_capturable":0,"amount_received":0,
         "currency":"eur","status":"requires_payment_method","capture_method":"manual","customer":null,
         "livemode":false,"created":1712304000}""");
    PaymentIntent pi = stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(2500L).currency("eur")
        .captureMethod("manual").automaticPaymentMethodsEnabled(false).build());
    WireServer.Sent sent = wire.expect("POST", "/v1/payment_intents", null,
        "amount=2500&currency=eur&capture_method=manual&automatic_payment_methods[enabled]=false");
    assertEquals(Map.of("amount", "2500", "currency", "eur", "capture_method", "manual",
        "automatic_payment_methods[enabled]", "false"), sent.form());
    assertEquals("pi_manual1", pi.id());
    assertEquals(2500L, pi.amount());
    assertEquals("eur", pi.currency());
    assertEquals("manual", pi.captureMethod());
    assertNull(pi.customer());
  }

  @Test
  void createPaymentIntentSendsNoCaptureMethodUnlessGivenAndAcceptsAutomaticAsync() {
    server.reply(200, INTENT);
    stripe.createPaymentIntent(CreatePaymentIntentParams.of(5000L, "usd"));
    wire.expect("POST", "/v1/payment_intents", null, "amount=5000&currency=usd");
    server.reply(200, INTENT);
    stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(5000L).currency("usd").captureMethod("automatic_async").build());
    wire.expect("POST", "/v1/payment_intents", null, "amount=5000&currency=usd&capture_method=automatic_async");
  }

  @Test
  void createPaymentIntentWithoutRedirectBasedMethods() {
    server.reply(200, INTENT.replace("\"automatic_payment_methods\":{\"enabled\":true,\"allow_redirects\":\"always\"}",
        "\"automatic_payment_methods\":{\"enabled\":true,\"allow_redirects\":\"never\"}"));
    PaymentIntent pi = stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(5000L).currency("usd")
        .automaticPaymentMethodsEnabled(true).automaticPaymentMethodsAllowRedirects("never").build());
    wire.expect("POST", "/v1/payment_intents", null,
        "amount=5000&currency=usd&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never");
    assertEquals(true, pi.automaticPaymentMethods().enabled());
    assertEquals("never", pi.automaticPaymentMethods().allowRedirects());
  }

  @Test
  void getPaymentIntent() {
    server.reply(200, """
        {"id":"pi_ghi789","object":"payment_intent","amount":5000,"amount_capturable":0,"amount_received":5000,
         "currency":"usd","status":"succeeded","capture_method":"automatic","payment_method":"pm_card_visa",
         "livemode":false,"created":1712304000}""");
    PaymentIntent pi = stripe.getPaymentIntent(GetPaymentIntentParams.of("pi_ghi789"));
    wire.expect("GET", "/v1/payment_intents/pi_ghi789", null, null);
    assertEquals(5000L, pi.amount());
    assertEquals("usd", pi.currency());
    assertEquals("succeeded", pi.status());
    assertEquals(5000L, pi.amountReceived());
    assertEquals("pm_card_visa", pi.paymentMethod());
    assertEquals(1712304000L, pi.created());
  }

  @Test
  void updatePaymentIntent() {
    server.reply(200, """
        {"id":"pi_ghi789","object":"payment_intent","amount":5000,"currency":"usd","status":"requires_payment_method",
         "description":"Updated order description","metadata":{"order_id":"1234","source":"web"}}""");
    PaymentIntent pi = stripe.updatePaymentIntent(UpdatePaymentIntentParams.builder().id("pi_ghi789")
        .description("Updated order description").putMetadata("order_id", "1234").putMetadata("source", "web").build());
    wire.expect("POST", "/v1/payment_intents/pi_ghi789", null,
        "description=Updated+order+description&metadata[order_id]=1234&metadata[source]=web");
    assertEquals("pi_ghi789", pi.id());
    assertEquals("Updated order description", pi.description());
    assertEquals(Map.of("order_id", "1234", "source", "web"), pi.metadata());
  }

  @Test
  void confirmPaymentIntent() {
    server.reply(200, """
        {"id":"pi_ghi789","object":"payment_intent","amount":5000,"amount_capturable":0,"amount_received":5000,
         "currency":"usd","status":"succeeded","payment_method":"pm_card_visa","capture_method":"automatic"}""");
    PaymentIntent pi = stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id("pi_ghi789")
        .paymentMethod("pm_card_visa").returnUrl("https://example.com/payment/complete").build());
    wire.expect("POST", "/v1/payment_intents/pi_ghi789/confirm", null,
        "payment_method=pm_card_visa&return_url=https%3A%2F%2Fexample.com%2Fpayment%2Fcomplete");
    assertEquals("succeeded", pi.status());
    assertEquals("pm_card_visa", pi.paymentMethod());
    assertEquals(5000L, pi.amountReceived());
  }

  @Test
  void cancelPaymentIntentWithReason() {
    server.reply(200, """
        {"id":"pi_ghi789","object":"payment_intent","amount":5000,"currency":"usd","status":"canceled",
         "cancellation_reason":"requested_by_customer","canceled_at":1712390400}""");
    PaymentIntent pi = stripe.cancelPaymentIntent(CancelPaymentIntentParams.builder().id("pi_ghi789")
        .cancellationReason("requested_by_customer").build());
    wire.expect("POST", "/v1/payment_intents/pi_ghi789/cancel", null, "cancellation_reason=requested_by_customer");
    assertEquals("canceled", pi.status());
    assertEquals("requested_by_customer", pi.cancellationReason());
    assertEquals(1712390400L, pi.canceledAt());
  }

  @Test
  void capturePaymentIntentPartialAmount() {
    server.reply(200, """
        {"id":"pi_ghi789","object":"payment_intent","amount":10000,"amount_capturable":0,"amount_received":7500,
         "currency":"usd","status":"succeeded","capture_method":"manual"}""");
    PaymentIntent pi = stripe.capturePaymentIntent(CapturePaymentIntentParams.builder().id("pi_ghi789")
        .amountToCapture(7500L).build());
    wire.expect("POST", "/v1/payment_intents/pi_ghi789/capture", null, "amount_to_capture=7500");
    assertEquals(10000L, pi.amount());
    assertEquals(0L, pi.amountCapturable());
    assertEquals(7500L, pi.amountReceived());
    assertEquals("usd", pi.currency());
    assertEquals("succeeded", pi.status());
    assertEquals("manual", pi.captureMethod());
  }

  @Test
  void captureWithoutAnAmountSendsAnEmptyForm() {
    server.reply(200, "{\"id\":\"pi_ghi789\",\"amount\":10000,\"amount_received\":10000,\"status\":\"succeeded\"}");
    PaymentIntent pi = stripe.capturePaymentIntent(CapturePaymentIntentParams.of("pi_ghi789"));
    wire.expect("POST", "/v1/payment_intents/pi_ghi789/capture", null, "");
    assertEquals(10000L, pi.amountReceived());
  }

  // ------------------------------------------------------------------- invoices

  @Test
  void createInvoice() {
    server.reply(200, """
        {"id":"in_jkl012","object":"invoice","number":null,"customer":"cus_abc123","subscription":null,
         "status":"draft","description":"March 2026 consulting","auto_advance":true,"total":0,"subtotal":0,
         "amount_due":0,"amount_paid":0,"amount_remaining":0,"currency":"usd","due_date":null,
         "hosted_invoice_url":null,"metadata":{"project":"website-redesign"},"created":1712304000}""");
    Invoice inv = stripe.createInvoice(CreateInvoiceParams.builder().customer("cus_abc123")
        .description("March 2026 consulting").putMetadata("project", "website-redesign").autoAdvance(true).build());
    wire.expect("POST", "/v1/invoices", null,
        "customer=cus_abc123&description=March+2026+consulting&metadata[project]=website-redesign&auto_advance=true");
    assertEquals("in_jkl012", inv.id());
    assertNull(inv.number());
    assertEquals("cus_abc123", inv.customer());
    assertEquals("draft", inv.status());
    assertEquals(0L, inv.total());
    assertEquals("usd", inv.currency());
    assertNull(inv.dueDate());
    assertEquals(true, inv.autoAdvance());
    assertEquals(1712304000L, inv.created());
  }

  @Test
  void createInvoiceForASubscription() {
    server.reply(200, "{\"id\":\"in_sub1\",\"customer\":\"cus_abc123\",\"subscription\":\"sub_mno345\",\"status\":\"draft\"}");
    Invoice inv = stripe.createInvoice(CreateInvoiceParams.builder().customer("cus_abc123").subscription("sub_mno345").build());
    wire.expect("POST", "/v1/invoices", null, "customer=cus_abc123&subscription=sub_mno345");
    assertEquals("sub_mno345", inv.subscription());
  }

  @Test
  void getInvoice() {
    server.reply(200, """
        {"id":"in_jkl012","object":"invoice","number":"INV-001","customer":"cus_abc123","subscription":"sub_mno345",
         "status":"paid","auto_advance":false,"total":5000,"subtotal":5000,"amount_due":5000,"amount_paid":5000,
         "amount_remaining":0,"currency":"usd","due_date":1714982400,
         "hosted_invoice_url":"https://invoice.stripe.com/i/acct_1/test_abc","created":1712304000}""");
    Invoice inv = stripe.getInvoice(GetInvoiceParams.of("in_jkl012"));
    wire.expect("GET", "/v1/invoices/in_jkl012", null, null);
    assertEquals("INV-001", inv.number());
    assertEquals("paid", inv.status());
    assertEquals(5000L, inv.total());
    assertEquals("usd", inv.currency());
    assertEquals(5000L, inv.amountPaid());
    assertEquals(0L, inv.amountRemaining());
    assertEquals("sub_mno345", inv.subscription());
    assertEquals(1714982400L, inv.dueDate());
    assertEquals("https://invoice.stripe.com/i/acct_1/test_abc", inv.hostedInvoiceUrl());
  }

  @Test
  void listInvoicesWithCustomerStatusLimitAndCursor() {
    server.reply(200, """
        {"object":"list","url":"/v1/invoices","has_more":true,
         "data":[{"id":"in_2","object":"invoice","number":"INV-002","customer":"cus_abc123","status":"open","total":5000,
                  "currency":"usd"},
                 {"id":"in_3","object":"invoice","number":"INV-003","customer":"cus_abc123","status":"open","total":1250,
                  "currency":"usd"}]}""");
    InvoiceList page = stripe.listInvoices(ListInvoicesParams.builder().customer("cus_abc123").status("open")
        .limit(25L).startingAfter("in_jkl012").build());
    wire.expect("GET", "/v1/invoices", "customer=cus_abc123&status=open&limit=25&starting_after=in_jkl012", null);
    assertEquals(2, page.invoices().size());
    assertEquals("in_2", page.invoices().get(0).id());
    assertEquals("INV-002", page.invoices().get(0).number());
    assertEquals("open", page.invoices().get(0).status());
    assertEquals(5000L, page.invoices().get(0).total());
    assertEquals(1250L, page.invoices().get(1).total());
    assertTrue(page.hasMore());
  }

  @Test
  void payInvoiceSendsAnEmptyForm() {
    server.reply(200, """
        {"id":"in_jkl012","object":"invoice","customer":"cus_abc123","status":"paid","total":5000,"amount_due":5000,
         "amount_paid":5000,"amount_remaining":0,"currency":"usd"}""");
    Invoice inv = stripe.payInvoice(PayInvoiceParams.of("in_jkl012"));
    wire.expect("POST", "/v1/invoices/in_jkl012/pay", null, "");
    assertEquals("in_jkl012", inv.id());
    assertEquals("paid", inv.status());
    assertEquals(5000L, inv.amountPaid());
  }

  @Test
  void voidInvoiceSendsAnEmptyForm() {
    server.reply(200, """
        {"id":"in_jkl012","object":"invoice","customer":"cus_abc123","status":"void","total":5000,"amount_due":5000,
         "amount_paid":0,"amount_remaining":5000,"currency":"usd"}""");
    Invoice inv = stripe.voidInvoice(VoidInvoiceParams.of("in_jkl012"));
    wire.expect("POST", "/v1/invoices/in_jkl012/void", null, "");
    assertEquals("in_jkl012", inv.id());
    assertEquals("void", inv.status());
    assertEquals(0L, inv.amountPaid());
  }

  @Test
  void createInvoiceSendsNoAutoAdvanceUnlessGiven() {
    server.reply(200, "{\"id\":\"in_new1\",\"object\":\"invoice\",\"customer\":\"cus_abc123\",\"status\":\"draft\",\"auto_advance\":false}");
    Invoice inv = stripe.createInvoice(CreateInvoiceParams.of("cus_abc123"));
    wire.expect("POST", "/v1/invoices", null, "customer=cus_abc123");
    assertEquals(false, inv.autoAdvance());
  }

  @Test
  void deleteInvoiceIsADeleteWithNoBody() {
    server.reply(200, "{\"id\":\"in_lmn678\",\"object\":\"invoice\",\"deleted\":true}");
    DeletedObject d = stripe.deleteInvoice(DeleteInvoiceParams.of("in_lmn678"));
    wire.expect("DELETE", "/v1/invoices/in_lmn678", null, null);
    assertEquals("in_lmn678", d.id());
    assertEquals("invoice", d.object());
    assertEquals(true, d.deleted());
  }

  // -------------------------------------------------------------- subscriptions

  @Test
  void createSubscriptionSendsItemsNotPrice() {
    server.reply(200, """
        {"id":"sub_mno345","customer":"cus_abc123","status":"trialing","quantity":5,
         "current_period_start":1712304000,"current_period_end":1714982400}""");
    Subscription s = stripe.createSubscription(CreateSubscriptionParams.builder().customer("cus_abc123")
        .price("price_def456").quantity(5L).trialPeriodDays(14L).putMetadata("plan", "enterprise").build());
    wire.expect("POST", "/v1/subscriptions", null, "customer=cus_abc123&items[0][price]=price_def456&items[0][quantity]=5"
        + "&trial_period_days=14&metadata[plan]=enterprise");
    assertEquals("sub_mno345", s.id());
    assertEquals("trialing", s.status());
    assertEquals(5L, s.quantity());
    assertEquals(1714982400L, s.currentPeriodEnd());
  }

  @Test
  void getSubscriptionDecodesThePlan() {
    server.reply(200, """
        {"id":"sub_mno345","object":"subscription","customer":"cus_abc123","status":"active",
         "plan":{"id":"price_def456","object":"plan","amount":2999,"currency":"usd","interval":"month",
                 "interval_count":1,"product":"prod_xyz789","active":true},
         "quantity":1,"cancel_at_period_end":false,"trial_start":null,"trial_end":null,
         "current_period_start":1712304000,"current_period_end":1714982400,"canceled_at":null,"ended_at":null,
         "metadata":{"plan":"enterprise"},"created":1712304000}""");
    Subscription s = stripe.getSubscription(GetSubscriptionParams.of("sub_mno345"));
    wire.expect("GET", "/v1/subscriptions/sub_mno345", null, null);
    assertEquals("sub_mno345", s.id());
    assertEquals("cus_abc123", s.customer());
    assertEquals("active", s.status());
    assertEquals("price_def456", s.plan().id());
    assertEquals(2999L, s.plan().amount());
    assertEquals("usd", s.plan().currency());
    assertEquals("month", s.plan().interval());
    assertEquals(1L, s.plan().intervalCount());
    assertEquals("prod_xyz789", s.plan().product());
    assertEquals(true, s.plan().active());
    assertEquals(1L, s.quantity());
    assertEquals(false, s.cancelAtPeriodEnd());
    assertNull(s.trialEnd());
    assertEquals(1712304000L, s.currentPeriodStart());
    assertEquals(1714982400L, s.currentPeriodEnd());
    assertEquals(Map.of("plan", "enterprise"), s.metadata());
  }

  @Test
  void cancelSubscriptionIsADeleteWithQueryFlags() {
    server.reply(200, "{\"id\":\"sub_mno345\",\"status\":\"canceled\",\"canceled_at\":1712304000,\"ended_at\":1712304000}");
    Subscription s = stripe.cancelSubscription(CancelSubscriptionParams.builder().id("sub_mno345")
        .prorate(false).invoiceNow(false).build());
    wire.expect("DELETE", "/v1/subscriptions/sub_mno345", "prorate=false&invoice_now=false", null);
    assertEquals("canceled", s.status());
    assertEquals(1712304000L, s.canceledAt());
    assertEquals(1712304000L, s.endedAt());
  }

  @Test
  void cancelSubscriptionSendsProrateAndInvoiceNowOnlyWhenGiven() {
    server.reply(200, "{\"id\":\"sub_mno345\",\"status\":\"canceled\"}");
    Subscription s = stripe.cancelSubscription(CancelSubscriptionParams.of("sub_mno345"));
    wire.expect("DELETE", "/v1/subscriptions/sub_mno345", null, null);
    assertEquals("canceled", s.status());
    server.reply(200, "{\"id\":\"sub_mno345\",\"status\":\"canceled\"}");
    stripe.cancelSubscription(CancelSubscriptionParams.builder().id("sub_mno345").prorate(true).build());
    wire.expect("DELETE", "/v1/subscriptions/sub_mno345", "prorate=true", null);
  }

  // -------------------------------------------------------------------- balance

  @Test
  void getBalanceDecodesAvailableAndPending() {
    server.reply(200, """
        {"object":"balance","livemode":false,
         "available":[{"amount":12345,"currency":"usd","source_types":{"card":12345}},{"amount":550,"currency":"eur"}],
         "pending":[{"amount":5000,"currency":"usd","source_types":{"card":5000}}]}""");
    Balance b = stripe.getBalance();
    wire.expect("GET", "/v1/balance", null, null);
    assertEquals("balance", b.object());
    assertEquals(false, b.livemode());
    assertEquals(2, b.available().size());
    assertEquals(12345L, b.available().get(0).amount());
    assertEquals("usd", b.available().get(0).currency());
    assertEquals(550L, b.available().get(1).amount());
    assertEquals("eur", b.available().get(1).currency());
    assertEquals(1, b.pending().size());
    assertEquals(5000L, b.pending().get(0).amount());
    assertEquals("usd", b.pending().get(0).currency());
  }

  @Test
  void getBalanceWithExplicitParamsSendsTheSameRequest() {
    server.reply(200, "{\"object\":\"balance\",\"available\":[],\"pending\":[],\"livemode\":true}");
    Balance b = stripe.getBalance(GetBalanceParams.builder().build());
    wire.expect("GET", "/v1/balance", null, null);
    assertTrue(b.available().isEmpty());
    assertTrue(b.pending().isEmpty());
    assertEquals(true, b.livemode());
  }
}
