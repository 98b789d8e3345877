package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.ProviderException;
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
import dev.specloom.stripe.ListCustomersParams;
import dev.specloom.stripe.ListInvoicesParams;
import dev.specloom.stripe.PayInvoiceParams;
import dev.specloom.stripe.StripeClient;
import dev.specloom.stripe.UpdateCustomerParams;
import dev.specloom.stripe.VoidInvoiceParams;
import dev.specloom.stripe.model.Customer;
import dev.specloom.stripe.model.PaymentIntent;
import dev.specloom.stripe.model.Price;
import dev.specloom.stripe.model.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe simulator through the generated Stripe SDK: resources, cursor paging, filters, errors, transitions. */
class StripeSandboxTest {
  static final long NOW = 1_742_040_000L;
  static OfflineSandbox sandbox;
  static StripeClient stripe;

  @BeforeAll
  static void start() {
    sandbox = OfflineSandbox.start(List.of("stripe"), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    stripe = StripeClient.builder().apiKey("sk_test_sandbox").baseUrl(sandbox.baseUrl("stripe")).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  Exchange last() {
    List<Exchange> j = sandbox.journal("stripe");
    return j.get(j.size() - 1);
  }

  @Test
  void createGetUpdateDeleteACustomer() {
    Customer c = stripe.createCustomer(CreateCustomerParams.builder().name("Jane").email("jane@example.com")
        .putMetadata("tier", "gold").build());
    Exchange sent = last();
    assertEquals(new Exchange("create_customer", "POST", "/v1/customers", "name=Jane&email=jane%40example.com&metadata[tier]=gold",
        200, sent.answer()), sent);
    assertTrue(sent.answer().startsWith("{\"id\":\"" + c.id() + "\""), sent.answer());
    assertTrue(c.id().matches("cus_[0-9A-Za-z]{14}"), c.id());
    assertEquals("customer", c.object());
    assertEquals(NOW, c.created());
    assertEquals(0L, c.balance());
    assertEquals(Map.of("tier", "gold"), c.metadata());

    Customer updated = stripe.updateCustomer(UpdateCustomerParams.builder().id(c.id()).email("j@example.com").putMetadata("crm", "7").build());
    assertEquals("Jane", updated.name());
    assertEquals("j@example.com", updated.email());
    assertEquals(Map.of("tier", "gold", "crm", "7"), updated.metadata(), "metadata merges key by key");
    assertEquals("j@example.com", stripe.getCustomer(GetCustomerParams.of(c.id())).email());

    var deleted = stripe.deleteCustomer(DeleteCustomerParams.of(c.id()));
    assertEquals(c.id(), deleted.id());
    assertEquals(true, deleted.deleted());
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.getCustomer(GetCustomerParams.of(c.id())));
    assertEquals(404, e.status());
    assertEquals("resource_missing", e.code());
    assertEquals("invalid_request_error", e.type());
    assertEquals("No such customer: '" + c.id() + "'", e.providerMessage());
    assertEquals("id", e.param());
    assertTrue(e.requestId().matches("req_[0-9a-f]{14}"), e.requestId());
  }

  @Test
  void cursorPagingWalksEveryPageWithStartingAfter() {
    for (int i = 0; i < 4; i++) stripe.createCustomer(CreateCustomerParams.builder().name("C" + i).build());
    List<String> ids = new ArrayList<>();
    stripe.listCustomersAutoPaging(ListCustomersParams.builder().limit(2L).build()).forEach(c -> ids.add(c.id()));
    assertEquals(7, ids.size());
    assertEquals(List.of("cus_abc123", "cus_bcd234", "cus_cde345"), ids.subList(0, 3));
    List<String> targets = sandbox.journal("stripe").stream().filter(e -> e.method().equals("GET")).map(Exchange::target).toList();
    assertEquals(List.of("/v1/customers?limit=2", "/v1/customers?limit=2&starting_after=cus_bcd234",
        "/v1/customers?limit=2&starting_after=" + ids.get(3), "/v1/customers?limit=2&starting_after=" + ids.get(5)), targets);
    var last = stripe.listCustomers(ListCustomersParams.builder().limit(2L).startingAfter(ids.get(5)).build());
    assertEquals(List.of(ids.get(6)), last.customers().stream().map(Customer::id).toList());
    assertEquals(false, last.hasMore());
    ProviderException e = assertThrows(ProviderException.class,
        () -> stripe.listCustomers(ListCustomersParams.builder().startingAfter("cus_gone").build()));
    assertEquals("No such customer: 'cus_gone'", e.providerMessage());
    assertEquals("starting_after", e.param());
  }

  @Test
  void filtersKeepOnlyMatchingRecords() {
    assertEquals(List.of("cus_abc123"), stripe.listCustomers(ListCustomersParams.builder().email("billing@acme.example").build())
        .customers().stream().map(Customer::id).toList());
    assertEquals(List.of("in_lmn678"), stripe.listInvoices(ListInvoicesParams.builder().customer("cus_abc123").status("draft").build())
        .invoices().stream().map(i -> i.id()).toList());
  }

  @Test
  void aRecurringPriceAndASubscriptionOnIt() {
    var product = stripe.createProduct(CreateProductParams.builder().name("Team").build());
    assertEquals(true, product.active());
    Price price = stripe.createPrice(CreatePriceParams.builder().product(product.id()).unitAmount(1500L).currency("usd")
        .recurringInterval("month").recurringIntervalCount(3L).build());
    assertEquals("product=" + product.id() + "&unit_amount=1500&currency=usd&recurring[interval]=month&recurring[interval_count]=3", last().body());
    assertEquals("recurring", price.type());
    assertEquals("month", price.recurring().interval());
    assertEquals(3L, price.recurring().intervalCount());
    assertEquals(1500L, price.unitAmount());

    Subscription sub = stripe.createSubscription(CreateSubscriptionParams.builder().customer("cus_bcd234").price(price.id())
        .quantity(2L).trialPeriodDays(14L).build());
    assertEquals("customer=cus_bcd234&items[0][price]=" + price.id() + "&items[0][quantity]=2&trial_period_days=14", last().body());
    assertEquals("trialing", sub.status());
    assertEquals(2L, sub.quantity());
    assertEquals(NOW + 14 * 86_400L, sub.trialEnd());
    assertEquals(NOW + 30 * 86_400L, sub.currentPeriodEnd());
    assertEquals(price.id(), sub.plan().id());
    assertEquals(1500L, sub.plan().amount());
    assertEquals(3L, sub.plan().intervalCount());

    Subscription canceled = stripe.cancelSubscription(CancelSubscriptionParams.builder().id(sub.id()).build());
    assertEquals("canceled", canceled.status());
    assertEquals(NOW, canceled.canceledAt());
    ProviderException again = assertThrows(ProviderException.class, () -> stripe.cancelSubscription(CancelSubscriptionParams.builder().id(sub.id()).build()));
    assertEquals(400, again.status());
    assertEquals("subscription_unexpected_state", again.code());
    assertEquals("This subscription's status is canceled; cancel_subscription needs one of: active, trialing, past_due, incomplete, unpaid.",
        again.providerMessage());

    ProviderException unknownPrice = assertThrows(ProviderException.class,
        () -> stripe.createSubscription(CreateSubscriptionParams.of("cus_abc123", "price_nope")));
    assertEquals("No such price: 'price_nope'", unknownPrice.providerMessage());
    assertEquals("items[0][price]", unknownPrice.param());
  }

  @Test
  void paymentIntentStatesFollowTheSpec() {
    PaymentIntent auto = stripe.createPaymentIntent(CreatePaymentIntentParams.of(5000L, "usd"));
    assertEquals("requires_payment_method", auto.status());
    assertEquals(auto.id() + "_secret_sandbox", auto.clientSecret());
    PaymentIntent paid = stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(auto.id()).paymentMethod("pm_card_visa").build());
    assertEquals("succeeded", paid.status());
    assertEquals(5000L, paid.amountReceived());
    assertEquals("pm_card_visa", paid.paymentMethod());
    ProviderException late = assertThrows(ProviderException.class, () -> stripe.cancelPaymentIntent(CancelPaymentIntentParams.of(auto.id())));
    assertEquals(400, late.status());
    assertEquals("payment_intent_unexpected_state", late.code());
    assertTrue(late.providerMessage().startsWith("This payment_intent's status is succeeded;"), late.providerMessage());

    PaymentIntent manual = stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(10000L).currency("usd").captureMethod("manual").build());
    PaymentIntent held = stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(manual.id()).build());
    assertEquals("requires_capture", held.status());
    assertEquals(10000L, held.amountCapturable());
    PaymentIntent captured = stripe.capturePaymentIntent(CapturePaymentIntentParams.builder().id(manual.id()).amountToCapture(7500L).build());
    assertEquals("succeeded", captured.status());
    assertEquals(7500L, captured.amountReceived());
    assertEquals(0L, captured.amountCapturable());

    PaymentIntent abandoned = stripe.createPaymentIntent(CreatePaymentIntentParams.of(100L, "usd"));
    PaymentIntent canceled = stripe.cancelPaymentIntent(CancelPaymentIntentParams.builder().id(abandoned.id()).cancellationReason("abandoned").build());
    assertEquals("canceled", canceled.status());
    assertEquals("abandoned", canceled.cancellationReason());
    assertEquals(NOW, canceled.canceledAt());
    assertThrows(ProviderException.class, () -> stripe.capturePaymentIntent(CapturePaymentIntentParams.builder().id(abandoned.id()).build()));
  }

  @Test
  void balanceSumsSucceededPaymentsPerCurrency() {
    var before = stripe.getBalance();
    assertEquals(List.of("12000 usd", "4500 eur"), before.available().stream().map(b -> b.amount() + " " + b.currency()).toList());
    assertEquals(List.of("5000 usd"), before.pending().stream().map(b -> b.amount() + " " + b.currency()).toList());
    PaymentIntent pi = stripe.createPaymentIntent(CreatePaymentIntentParams.of(2500L, "usd"));
    stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(pi.id()).build());
    assertEquals(14500L, stripe.getBalance().available().get(0).amount());
  }

  @Test
  void invoicesArePaidOrVoidedOnlyFromDraftOrOpen() {
    var draft = stripe.createInvoice(CreateInvoiceParams.builder().customer("cus_abc123").description("Setup").build());
    assertEquals("draft", draft.status());
    assertEquals(true, draft.autoAdvance());
    assertEquals("paid", stripe.payInvoice(PayInvoiceParams.of("in_jkl012")).status());
    assertEquals(5000L, stripe.getInvoice(dev.specloom.stripe.GetInvoiceParams.of("in_jkl012")).amountPaid());
    assertEquals("void", stripe.voidInvoice(VoidInvoiceParams.of(draft.id())).status());
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.voidInvoice(VoidInvoiceParams.of("in_jkl012")));
    assertEquals("invoice_unexpected_state", e.code());
    ProviderException noCustomer = assertThrows(ProviderException.class, () -> stripe.createInvoice(CreateInvoiceParams.of("cus_nobody")));
    assertEquals(404, noCustomer.status());
    assertEquals("customer", noCustomer.param());
  }

  @Test
  void resetRestoresTheSeedData() {
    stripe.deleteCustomer(DeleteCustomerParams.of("cus_abc123"));
    sandbox.reset();
    assertEquals(List.of(), sandbox.journal("stripe"));
    assertEquals("Acme Corp", stripe.getCustomer(GetCustomerParams.of("cus_abc123")).name());
    Customer again = stripe.createCustomer(CreateCustomerParams.builder().name("X").build());
    sandbox.reset();
    assertEquals(again.id(), stripe.createCustomer(CreateCustomerParams.builder().name("Y").build()).id(), "ids repeat after a reset");
  }
}
