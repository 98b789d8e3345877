package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Params and client builders reject bad input before anything reaches the wire. */
class StripeParamsTest {
  static final String KEY = StripeWire.KEY;

  @RegisterExtension final StripeWire wire = new StripeWire();

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, wire.server.requestCount(), "validation failures must not send anything");
  }

  static void rejects(String message, Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertEquals(message, e.getMessage());
  }

  @Test
  void createPriceWithoutCurrencyIsRejected() {
    rejects("stripe.create_price: 'currency' is required",
        () -> CreatePriceParams.builder().product("prod_xyz789").unitAmount(2999L).build());
  }

  @Test
  void createPriceWithoutProductOrAmountIsRejected() {
    rejects("stripe.create_price: 'product' is required",
        () -> CreatePriceParams.builder().unitAmount(2999L).currency("usd").build());
    rejects("stripe.create_price: 'unit_amount' is required",
        () -> CreatePriceParams.builder().product("prod_xyz789").currency("usd").build());
    rejects("stripe.create_price: 'currency' is required", () -> CreatePriceParams.of("prod_xyz789", 2999L, null));
  }

  @Test
  void createPriceNegativeAmountIsRejected() {
    rejects("stripe.create_price: 'unit_amount' must be at least 0, got -1",
        () -> CreatePriceParams.of("prod_xyz789", -1L, "usd"));
  }

  @Test
  void zeroAmountPriceIsAllowed() {
    assertEquals(0L, CreatePriceParams.of("prod_xyz789", 0L, "usd").unitAmount());
  }

  @Test
  void listCustomersLimitOutOfRangeIsRejected() {
    rejects("stripe.list_customers: 'limit' must be between 1 and 100, got 0",
        () -> ListCustomersParams.builder().limit(0L).build());
    rejects("stripe.list_customers: 'limit' must be between 1 and 100, got 101",
        () -> ListCustomersParams.builder().limit(101L).build());
  }

  @Test
  void listCustomersLimitBoundsAreInclusive() {
    assertEquals(1L, ListCustomersParams.builder().limit(1L).build().limit());
    assertEquals(100L, ListCustomersParams.builder().limit(100L).build().limit());
    assertEquals(10L, ListCustomersParams.builder().build().limit(), "the spec's default limit");
  }

  @Test
  void otherListLimitsAreRejectedToo() {
    rejects("stripe.list_products: 'limit' must be between 1 and 100, got 101",
        () -> ListProductsParams.builder().limit(101L).build());
    rejects("stripe.list_prices: 'limit' must be between 1 and 100, got 0",
        () -> ListPricesParams.builder().limit(0L).build());
    rejects("stripe.list_invoices: 'limit' must be between 1 and 100, got 101",
        () -> ListInvoicesParams.builder().limit(101L).build());
  }

  @Test
  void listInvoicesInvalidStatusIsRejected() {
    rejects("stripe.list_invoices: 'status' must be one of draft, open, paid, uncollectible, void, got 'pending'",
        () -> ListInvoicesParams.builder().customer("cus_abc123").status("pending").build());
  }

  @Test
  void enumsAreCaseSensitive() {
    rejects("stripe.list_invoices: 'status' must be one of draft, open, paid, uncollectible, void, got 'PAID'",
        () -> ListInvoicesParams.builder().status("PAID").build());
  }

  @Test
  void otherEnumsAreRejected() {
    rejects("stripe.create_payment_intent: 'capture_method' must be one of automatic, automatic_async, manual, got 'later'",
        () -> CreatePaymentIntentParams.builder().amount(1000L).currency("usd").captureMethod("later").build());
    rejects("stripe.cancel_payment_intent: 'cancellation_reason' must be one of duplicate, fraudulent, "
            + "requested_by_customer, abandoned, got 'changed_mind'",
        () -> CancelPaymentIntentParams.builder().id("pi_ghi789").cancellationReason("changed_mind").build());
    rejects("stripe.create_price: 'recurring_interval' must be one of day, week, month, year, got 'fortnight'",
        () -> CreatePriceParams.builder().product("prod_xyz789").unitAmount(100L).currency("usd")
            .recurringInterval("fortnight").build());
  }

  @Test
  void allowRedirectsNeedsAutomaticPaymentMethodsEnabled() {
    rejects("stripe.create_payment_intent: 'automatic_payment_methods_allow_redirects' needs 'automatic_payment_methods_enabled' to be set too",
        () -> CreatePaymentIntentParams.builder().amount(1000L).currency("usd").automaticPaymentMethodsAllowRedirects("never").build());
    rejects("stripe.create_payment_intent: 'automatic_payment_methods_allow_redirects' must be one of always, never, got 'sometimes'",
        () -> CreatePaymentIntentParams.builder().amount(1000L).currency("usd").automaticPaymentMethodsEnabled(true)
            .automaticPaymentMethodsAllowRedirects("sometimes").build());
  }

  @Test
  void recurringIntervalCountNeedsRecurringInterval() {
    rejects("stripe.create_price: 'recurring_interval_count' needs 'recurring_interval' to be set too",
        () -> CreatePriceParams.builder().product("prod_xyz789").unitAmount(7999L).currency("usd")
            .recurringIntervalCount(3L).build());
  }

  @Test
  void recurringIntervalCountBelowOneIsRejected() {
    rejects("stripe.create_price: 'recurring_interval_count' must be at least 1, got 0",
        () -> CreatePriceParams.builder().product("prod_xyz789").unitAmount(7999L).currency("usd")
            .recurringInterval("month").recurringIntervalCount(0L).build());
  }

  @Test
  void amountBoundsAreChecked() {
    rejects("stripe.create_payment_intent: 'amount' must be at least 1, got 0",
        () -> CreatePaymentIntentParams.of(0L, "usd"));
    rejects("stripe.capture_payment_intent: 'amount_to_capture' must be at least 1, got 0",
        () -> CapturePaymentIntentParams.builder().id("pi_ghi789").amountToCapture(0L).build());
    rejects("stripe.create_subscription: 'trial_period_days' must be between 1 and 730, got 731",
        () -> CreateSubscriptionParams.builder().customer("cus_abc123").price("price_def456").trialPeriodDays(731L).build());
    rejects("stripe.create_subscription: 'quantity' must be at least 1, got 0",
        () -> CreateSubscriptionParams.builder().customer("cus_abc123").price("price_def456").quantity(0L).build());
  }

  @Test
  void requiredIdsAreChecked() {
    rejects("stripe.get_customer: 'id' is required", () -> GetCustomerParams.of(null));
    rejects("stripe.delete_customer: 'id' is required", () -> DeleteCustomerParams.builder().build());
    rejects("stripe.pay_invoice: 'id' is required", () -> PayInvoiceParams.of(null));
    rejects("stripe.create_product: 'name' is required", () -> CreateProductParams.builder().active(true).build());
    rejects("stripe.create_invoice: 'customer' is required", () -> CreateInvoiceParams.builder().build());
    rejects("stripe.create_subscription: 'price' is required",
        () -> CreateSubscriptionParams.builder().customer("cus_abc123").build());
  }

  @Test
  void clientRejectsPlainHttpToANonLoopbackHost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StripeClient.builder().apiKey(KEY).baseUrl("http://api.stripe.com").build());
    assertEquals("stripe: base URL must use https (plain http only for loopback): http://api.stripe.com", e.getMessage());
    assertFalse(e.getMessage().contains(KEY));
  }

  @Test
  void clientAcceptsHttpsAndLoopbackHttp() {
    StripeClient.builder().apiKey(KEY).baseUrl("https://api.stripe.com").build();
    StripeClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:12111/").build();
    StripeClient.builder().apiKey(KEY).baseUrl("http://localhost:12111").build();
    StripeClient.builder().apiKey(KEY).build();
  }

  @Test
  void clientRejectsSomethingThatIsNotAUrl() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StripeClient.builder().apiKey(KEY).baseUrl("api.stripe.com").build());
    assertTrue(e.getMessage().startsWith("stripe: not a URL"), e.getMessage());
  }

  @Test
  void clientWithoutAnApiKeyIsRejected() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StripeClient.builder().baseUrl(wire.server.url("/")).build());
    assertEquals("stripe: no credentials; set api_key", e.getMessage());
    assertEquals("stripe: no credentials; set api_key",
        assertThrows(IllegalStateException.class, () -> StripeClient.builder().build()).getMessage());
  }

  @Test
  void builderToStringNeverShowsTheKey() {
    String s = StripeClient.builder().apiKey(KEY).toString();
    assertEquals("Builder{credentials={api_key=***}, settings={}, baseUrl=null}", s);
    assertFalse(StripeClient.builder().apiKey(KEY).baseUrl(wire.server.url("/")).toString().contains("wire_123"));
  }
}
