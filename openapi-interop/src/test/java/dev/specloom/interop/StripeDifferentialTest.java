package dev.specloom.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.specloom.interop.gen.stripe.ApiClient;
import dev.specloom.interop.gen.stripe.api.BalanceApi;
import dev.specloom.interop.gen.stripe.api.CustomersApi;
import dev.specloom.interop.gen.stripe.api.InvoicesApi;
import dev.specloom.interop.gen.stripe.api.PaymentIntentsApi;
import dev.specloom.interop.gen.stripe.api.PricesApi;
import dev.specloom.interop.gen.stripe.api.ProductsApi;
import dev.specloom.interop.gen.stripe.api.SubscriptionsApi;
import dev.specloom.interop.gen.stripe.model.CreatePaymentIntentRequestAutomaticPaymentMethods;
import dev.specloom.interop.gen.stripe.model.CreatePriceRequestRecurring;
import dev.specloom.stripe.CancelPaymentIntentParams;
import dev.specloom.stripe.CancelSubscriptionParams;
import dev.specloom.stripe.CapturePaymentIntentParams;
import dev.specloom.stripe.ConfirmPaymentIntentParams;
import dev.specloom.stripe.CreateCustomerParams;
import dev.specloom.stripe.CreateInvoiceParams;
import dev.specloom.stripe.CreatePaymentIntentParams;
import dev.specloom.stripe.CreatePriceParams;
import dev.specloom.stripe.CreateProductParams;
import dev.specloom.stripe.CreateSubscriptionParams;
import dev.specloom.stripe.DeleteCustomerParams;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.GetInvoiceParams;
import dev.specloom.stripe.GetPaymentIntentParams;
import dev.specloom.stripe.GetProductParams;
import dev.specloom.stripe.GetSubscriptionParams;
import dev.specloom.stripe.ListCustomersParams;
import dev.specloom.stripe.ListInvoicesParams;
import dev.specloom.stripe.ListPricesParams;
import dev.specloom.stripe.ListProductsParams;
import dev.specloom.stripe.PayInvoiceParams;
import dev.specloom.stripe.StripeClient;
import dev.specloom.stripe.UpdateCustomerParams;
import dev.specloom.stripe.UpdatePaymentIntentParams;
import dev.specloom.stripe.VoidInvoiceParams;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Stripe function, called through the Specloom SDK and through the client openapi-generator makes from our document. */
class StripeDifferentialTest {
  static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
  static final String VERSION = "2024-06-20";
  static final String IDEMPOTENCY = "7c4a8d09-ca37-4e1d-9a3b-6f1e0c2b5d11";
  /** An answer with a field no model declares, as real Stripe answers have. */
  static final String OBJECT = "{\"id\":\"obj_1\",\"object\":\"thing\",\"livemode\":false,\"undeclared\":{\"a\":1}}";
  static final String LIST = "{\"object\":\"list\",\"data\":[],\"has_more\":false,\"url\":\"/v1/x\"}";

  Wire wire;
  StripeClient stripe;
  ApiClient api;

  @BeforeEach
  void start() {
    wire = new Wire("Idempotency-Key", "Stripe-Version");
    stripe = StripeClient.builder().apiKey(KEY).baseUrl(wire.url("/")).build();
    api = new ApiClient();
    api.setBasePath(wire.url("").replaceAll("/$", ""));
    api.setUsername(KEY);
    api.setPassword("");
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  @Test
  void customers() throws Exception {
    CustomersApi c = new CustomersApi(api);
    wire.same(OBJECT,
        () -> stripe.createCustomer(CreateCustomerParams.builder().name("Acme Corp").email("billing@acme.example")
            .description("Enterprise customer").phone("+1 555-0123").build()),
        () -> c.createCustomer(VERSION, IDEMPOTENCY, "Acme Corp", "billing@acme.example", "Enterprise customer", "+1 555-0123", null));
    wire.same(OBJECT, () -> stripe.getCustomer(GetCustomerParams.of("cus_abc123")), () -> c.getCustomer(VERSION, "cus_abc123"));
    wire.same(OBJECT,
        () -> stripe.updateCustomer(UpdateCustomerParams.builder().id("cus_abc123").email("finance@acme.example").build()),
        () -> c.updateCustomer(VERSION, "cus_abc123", IDEMPOTENCY, null, "finance@acme.example", null, null, null));
    wire.same(LIST,
        () -> stripe.listCustomers(ListCustomersParams.builder().email("billing@acme.example").limit(25L).startingAfter("cus_abc123").build()),
        () -> c.listCustomers(VERSION, "billing@acme.example", 25L, "cus_abc123"));
    wire.same(OBJECT, () -> stripe.deleteCustomer(DeleteCustomerParams.of("cus_abc123")),
        () -> c.deleteCustomer(VERSION, "cus_abc123"));
  }

  /**
   * openapi-generator limit: its okhttp-gson client ignores {@code encoding: {metadata: {style: deepObject}}}
   * and sends the map's toString() as one field instead of one {@code metadata[key]} field per entry.
   */
  @Test
  void metadataMapsAreNotDeepObjectEncodedByTheGeneratedClient() throws Exception {
    CustomersApi c = new CustomersApi(api);
    wire.differs(OBJECT,
        () -> stripe.createCustomer(CreateCustomerParams.builder().name("Acme Corp").putMetadata("tier", "gold").build()),
        () -> c.createCustomer(VERSION, IDEMPOTENCY, "Acme Corp", null, null, null, Map.of("tier", "gold")),
        Map.of("form metadata", "(absent) | {tier=gold}", "form metadata[tier]", "gold | (absent)"));
  }

  /** The SDK sends a param's spec default; the OpenAPI client leaves it out, as the document's default is the server's. */
  @Test
  void specDefaultsAreSentOnlyByTheSdk() throws Exception {
    wire.differs(LIST, () -> stripe.listCustomers(), () -> new CustomersApi(api).listCustomers(VERSION, null, null, null),
        Map.of("query limit", "10 | (absent)"));
  }

  @Test
  void products() throws Exception {
    ProductsApi p = new ProductsApi(api);
    wire.same(OBJECT,
        () -> stripe.createProduct(CreateProductParams.builder().name("Pro Plan").description("Access to all pro features").active(true).build()),
        () -> p.createProduct(VERSION, "Pro Plan", IDEMPOTENCY, "Access to all pro features", true, null));
    wire.same(OBJECT, () -> stripe.getProduct(GetProductParams.of("prod_xyz789")), () -> p.getProduct(VERSION, "prod_xyz789"));
    wire.same(LIST, () -> stripe.listProducts(ListProductsParams.builder().active(false).limit(5L).startingAfter("prod_1").build()),
        () -> p.listProducts(VERSION, false, 5L, "prod_1"));
  }

  @Test
  void prices() throws Exception {
    PricesApi p = new PricesApi(api);
    wire.same(OBJECT,
        () -> stripe.createPrice(CreatePriceParams.of("prod_xyz789", 9900L, "usd")),
        () -> p.createPrice(VERSION, "prod_xyz789", 9900L, "usd", IDEMPOTENCY, null, null));
    wire.same(LIST, () -> stripe.listPrices(ListPricesParams.builder().product("prod_xyz789").active(true).limit(3L).build()),
        () -> p.listPrices(VERSION, "prod_xyz789", true, 3L, null));
  }

  /** openapi-generator limit, as for metadata: a nested form object ({@code recurring[interval]}) is sent as its toString(). */
  @Test
  void nestedFormObjectsAreNotDeepObjectEncodedByTheGeneratedClient() throws Exception {
    PricesApi p = new PricesApi(api);
    wire.differs(OBJECT,
        () -> stripe.createPrice(CreatePriceParams.builder().product("prod_xyz789").unitAmount(7999L).currency("usd")
            .recurringInterval("month").recurringIntervalCount(3L).build()),
        () -> p.createPrice(VERSION, "prod_xyz789", 7999L, "usd", IDEMPOTENCY,
            new CreatePriceRequestRecurring().interval(CreatePriceRequestRecurring.IntervalEnum.MONTH).intervalCount(3L), null),
        Map.of("form recurring", "(absent) | class CreatePriceRequestRecurring {\n    interval: month\n    intervalCount: 3\n}",
            "form recurring[interval]", "month | (absent)",
            "form recurring[interval_count]", "3 | (absent)"));
    wire.differs(OBJECT,
        () -> stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(5000L).currency("usd")
            .automaticPaymentMethodsEnabled(false).build()),
        () -> new PaymentIntentsApi(api).createPaymentIntent(VERSION, 5000L, "usd", IDEMPOTENCY, null, null, null, null,
            new CreatePaymentIntentRequestAutomaticPaymentMethods().enabled(false)),
        Map.of("form automatic_payment_methods", "(absent) | class CreatePaymentIntentRequestAutomaticPaymentMethods {\n    enabled: false\n"
            + "    allowRedirects: always\n}",
            "form automatic_payment_methods[enabled]", "false | (absent)"));
  }

  @Test
  void paymentIntents() throws Exception {
    PaymentIntentsApi p = new PaymentIntentsApi(api);
    wire.same(OBJECT,
        () -> stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(5000L).currency("usd").customer("cus_abc123")
            .description("One-time purchase").captureMethod("manual").build()),
        () -> p.createPaymentIntent(VERSION, 5000L, "usd", IDEMPOTENCY, "cus_abc123", "One-time purchase", null, "manual", null));
    wire.same(OBJECT, () -> stripe.getPaymentIntent(GetPaymentIntentParams.of("pi_ghi789")), () -> p.getPaymentIntent(VERSION, "pi_ghi789"));
    wire.same(OBJECT,
        () -> stripe.updatePaymentIntent(UpdatePaymentIntentParams.builder().id("pi_ghi789").description("Order #42").build()),
        () -> p.updatePaymentIntent(VERSION, "pi_ghi789", IDEMPOTENCY, "Order #42", null));
    wire.same(OBJECT,
        () -> stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id("pi_ghi789").paymentMethod("pm_card_visa")
            .returnUrl("https://shop.example/done?x=1&y=2").build()),
        () -> p.confirmPaymentIntent(VERSION, "pi_ghi789", IDEMPOTENCY, "pm_card_visa", "https://shop.example/done?x=1&y=2"));
    wire.same(OBJECT,
        () -> stripe.cancelPaymentIntent(CancelPaymentIntentParams.builder().id("pi_ghi789").cancellationReason("duplicate").build()),
        () -> p.cancelPaymentIntent(VERSION, "pi_ghi789", IDEMPOTENCY, "duplicate"));
    wire.same(OBJECT,
        () -> stripe.capturePaymentIntent(CapturePaymentIntentParams.builder().id("pi_ghi789").amountToCapture(7500L).build()),
        () -> p.capturePaymentIntent(VERSION, "pi_ghi789", IDEMPOTENCY, 7500L));
  }

  @Test
  void invoices() throws Exception {
    InvoicesApi i = new InvoicesApi(api);
    wire.same(OBJECT,
        () -> stripe.createInvoice(CreateInvoiceParams.builder().customer("cus_abc123").description("March 2026 consulting")
            .subscription("sub_mno345").autoAdvance(true).build()),
        () -> i.createInvoice(VERSION, "cus_abc123", IDEMPOTENCY, "March 2026 consulting", "sub_mno345", null, true));
    wire.same(OBJECT, () -> stripe.getInvoice(GetInvoiceParams.of("in_jkl012")), () -> i.getInvoice(VERSION, "in_jkl012"));
    wire.same(LIST,
        () -> stripe.listInvoices(ListInvoicesParams.builder().customer("cus_abc123").status("open").limit(10L).startingAfter("in_1").build()),
        () -> i.listInvoices(VERSION, "cus_abc123", "open", 10L, "in_1"));
    wire.same(OBJECT, () -> stripe.payInvoice(PayInvoiceParams.of("in_jkl012")), () -> i.payInvoice(VERSION, "in_jkl012", IDEMPOTENCY));
    wire.same(OBJECT, () -> stripe.voidInvoice(VoidInvoiceParams.of("in_jkl012")), () -> i.voidInvoice(VERSION, "in_jkl012", IDEMPOTENCY));
  }

  @Test
  void subscriptions() throws Exception {
    SubscriptionsApi s = new SubscriptionsApi(api);
    wire.same(OBJECT,
        () -> stripe.createSubscription(CreateSubscriptionParams.builder().customer("cus_abc123").price("price_def456")
            .quantity(5L).trialPeriodDays(14L).build()),
        () -> s.createSubscription(VERSION, "cus_abc123", "price_def456", IDEMPOTENCY, 5L, 14L, null));
    wire.same(OBJECT, () -> stripe.getSubscription(GetSubscriptionParams.of("sub_mno345")), () -> s.getSubscription(VERSION, "sub_mno345"));
    wire.same(OBJECT,
        () -> stripe.cancelSubscription(CancelSubscriptionParams.builder().id("sub_mno345").prorate(false).invoiceNow(false).build()),
        () -> s.cancelSubscription(VERSION, "sub_mno345", false, false));
  }

  @Test
  void reservedCharactersInPathsAndQueries() throws Exception {
    CustomersApi c = new CustomersApi(api);
    wire.same(OBJECT, () -> stripe.getCustomer(GetCustomerParams.of("cus a/b?c")), () -> c.getCustomer(VERSION, "cus a/b?c"));
    wire.same(LIST, () -> stripe.listCustomers(ListCustomersParams.builder().email("jane+test@acme.example").build()),
        () -> c.listCustomers(VERSION, "jane+test@acme.example", 10L, null));
  }

  @Test
  void balanceDecodesTheSameOnBothSides() throws Exception {
    long[] amounts = new long[2];
    wire.same("{\"object\":\"balance\",\"available\":[{\"amount\":12345,\"currency\":\"usd\",\"source_types\":{}}],\"pending\":[]}",
        () -> amounts[0] = stripe.getBalance().available().get(0).amount(),
        () -> amounts[1] = new BalanceApi(api).getBalance(VERSION).getAvailable().get(0).getAmount());
    assertArrayEquals(new long[] {12345, 12345}, amounts);
  }
}
