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
import dev.specloom.stripe.DeleteInvoiceParams;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.GetPaymentIntentParams;
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
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 4; i++) created.add(stripe.createCustomer(CreateCustomerParams.builder().name("C" + i).build()).id());
    List<String> ids = new ArrayList<>();
    stripe.listCustomersAutoPaging(ListCustomersParams.builder().limit(2L).build()).forEach(c -> ids.add(c.id()));
    assertEquals(7, ids.size());
    assertEquals(List.of(created.get(3), created.get(2), created.get(1), created.get(0)), ids.subList(0, 4),
        "created in the same second: the later one first");
    assertEquals(List.of("cus_cde345", "cus_bcd234", "cus_abc123"), ids.subList(4, 7));
    List<String> targets = sandbox.journal("stripe").stream().filter(e -> e.method().equals("GET")).map(Exchange::target).toList();
    assertEquals(List.of("/v1/customers?limit=2", "/v1/customers?limit=2&starting_after=" + ids.get(1),
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
    assertEquals("automatic_async", auto.captureMethod(), "the pinned version's default (changelog 2024-04-10)");
    assertEquals(auto.id() + "_secret_sandbox", auto.clientSecret());
    PaymentIntent paid = stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(auto.id()).paymentMethod("pm_card_visa")
        .returnUrl("https://example.com/done").build());
    assertEquals("succeeded", paid.status());
    assertEquals(5000L, paid.amountReceived());
    assertEquals("pm_card_visa", paid.paymentMethod());
    ProviderException late = assertThrows(ProviderException.class, () -> stripe.cancelPaymentIntent(CancelPaymentIntentParams.of(auto.id())));
    assertEquals(400, late.status());
    assertEquals("payment_intent_unexpected_state", late.code());
    assertEquals("You cannot cancel this PaymentIntent because it has a status of succeeded. Only a PaymentIntent with one of the "
        + "following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.",
        late.providerMessage());
    ProviderException again = assertThrows(ProviderException.class,
        () -> stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(auto.id()).returnUrl("https://example.com/done").build()));
    assertEquals("You cannot confirm this PaymentIntent because it has a status of succeeded. Only a PaymentIntent with one of the "
        + "following statuses may be confirmed: requires_payment_method, requires_confirmation, requires_action.", again.providerMessage());

    PaymentIntent manual = stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(10000L).currency("usd").captureMethod("manual")
        .automaticPaymentMethodsEnabled(true).automaticPaymentMethodsAllowRedirects("never").build());
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
  void captureOnlyFromRequiresCapture() {
    PaymentIntent fresh = stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(3000L).currency("usd").captureMethod("manual").build());
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.capturePaymentIntent(CapturePaymentIntentParams.of(fresh.id())));
    assertEquals(400, e.status());
    assertEquals("invalid_request_error", e.type());
    assertEquals("payment_intent_unexpected_state", e.code());
    assertEquals("This PaymentIntent could not be captured because it has a status of requires_payment_method. Only a PaymentIntent "
        + "with one of the following statuses may be captured: requires_capture.", e.providerMessage());
    PaymentIntent unchanged = stripe.getPaymentIntent(GetPaymentIntentParams.of(fresh.id()));
    assertEquals("requires_payment_method", unchanged.status());
    assertEquals(0L, unchanged.amountReceived());
  }

  @Test
  void amountToCaptureIsAtMostAmountCapturable() {
    ProviderException e = assertThrows(ProviderException.class,
        () -> stripe.capturePaymentIntent(CapturePaymentIntentParams.builder().id("pi_ghi789").amountToCapture(10001L).build()));
    assertEquals(400, e.status());
    assertEquals("amount_too_large", e.code());
    assertEquals("amount_to_capture", e.param());
    assertEquals("The payment could not be captured because the requested capture amount is greater than the amount you can "
        + "capture for this charge.", e.providerMessage());
    assertEquals("requires_capture", stripe.getPaymentIntent(GetPaymentIntentParams.of("pi_ghi789")).status(), "a refusal changes nothing");
    PaymentIntent all = stripe.capturePaymentIntent(CapturePaymentIntentParams.builder().id("pi_ghi789").amountToCapture(10000L).build());
    assertEquals("succeeded", all.status());
    assertEquals(10000L, all.amountReceived());
  }

  @Test
  void confirmWithoutReturnUrlIsRefusedUnlessRedirectsAreOff() {
    PaymentIntent redirects = stripe.createPaymentIntent(CreatePaymentIntentParams.of(2000L, "usd"));
    assertEquals(true, redirects.automaticPaymentMethods().enabled());
    assertEquals("always", redirects.automaticPaymentMethods().allowRedirects());
    ProviderException e = assertThrows(ProviderException.class,
        () -> stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(redirects.id()).paymentMethod("pm_card_visa").build()));
    assertEquals(400, e.status());
    assertEquals("invalid_request_error", e.type());
    assertTrue(e.providerMessage().startsWith("A `return_url` must be specified because this Payment Intent is configured to "
        + "automatically accept the payment methods enabled in the Dashboard"), e.providerMessage());
    assertEquals("requires_payment_method", stripe.getPaymentIntent(GetPaymentIntentParams.of(redirects.id())).status());

    PaymentIntent serverSide = stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(2000L).currency("usd")
        .automaticPaymentMethodsEnabled(true).automaticPaymentMethodsAllowRedirects("never").build());
    assertEquals("amount=2000&currency=usd&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never",
        last().body());
    assertEquals("never", serverSide.automaticPaymentMethods().allowRedirects());
    assertEquals("succeeded", stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(serverSide.id())
        .paymentMethod("pm_card_visa").build()).status());

    PaymentIntent cardOnly = stripe.createPaymentIntent(CreatePaymentIntentParams.builder().amount(2000L).currency("usd")
        .automaticPaymentMethodsEnabled(false).build());
    assertEquals(null, cardOnly.automaticPaymentMethods());
    assertEquals("succeeded", stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(cardOnly.id())
        .paymentMethod("pm_card_visa").build()).status());
  }

  @Test
  void currenciesComeBackLowerCase() {
    assertEquals("usd", stripe.createPaymentIntent(CreatePaymentIntentParams.of(100L, "USD")).currency());
    assertEquals("amount=100&currency=USD", last().body(), "sent as given");
    assertEquals("eur", stripe.createPrice(CreatePriceParams.builder().product("prod_xyz789").unitAmount(100L).currency("EUR").build()).currency());
  }

  @Test
  void listsAreListObjectsNewestFirst() {
    var customers = stripe.listCustomers(ListCustomersParams.builder().build());
    assertEquals("list", customers.object());
    assertEquals("/v1/customers", customers.url());
    assertEquals(List.of("cus_cde345", "cus_bcd234", "cus_abc123"), customers.customers().stream().map(Customer::id).toList());
    var invoices = stripe.listInvoices(ListInvoicesParams.builder().build());
    assertEquals("/v1/invoices", invoices.url());
    List<Long> created = invoices.invoices().stream().map(i -> i.created()).toList();
    assertEquals(created.stream().sorted(java.util.Comparator.reverseOrder()).toList(), created);
    assertEquals("/v1/products", stripe.listProducts(dev.specloom.stripe.ListProductsParams.builder().build()).url());
    assertEquals("list", stripe.listPrices(dev.specloom.stripe.ListPricesParams.builder().build()).object());
  }

  @Test
  void balanceSumsSucceededPaymentsPerCurrency() {
    var before = stripe.getBalance();
    assertEquals(List.of("12000 usd", "4500 eur"), before.available().stream().map(b -> b.amount() + " " + b.currency()).toList());
    assertEquals(List.of("15000 usd"), before.pending().stream().map(b -> b.amount() + " " + b.currency()).toList());
    PaymentIntent pi = stripe.createPaymentIntent(CreatePaymentIntentParams.of(2500L, "usd"));
    stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id(pi.id()).returnUrl("https://example.com/done").build());
    assertEquals(14500L, stripe.getBalance().available().get(0).amount());
  }

  @Test
  void invoicesArePaidFromDraftOrOpenAndVoidedOnlyWhenFinalized() {
    var draft = stripe.createInvoice(CreateInvoiceParams.builder().customer("cus_abc123").description("Setup").build());
    assertEquals("customer=cus_abc123&description=Setup", last().body());
    assertEquals("draft", draft.status());
    assertEquals(false, draft.autoAdvance(), "API-created invoices do not auto-advance unless asked (changelog 2018-11-08)");
    ProviderException voidDraft = assertThrows(ProviderException.class, () -> stripe.voidInvoice(VoidInvoiceParams.of(draft.id())));
    assertEquals(400, voidDraft.status());
    assertEquals("invoice_unexpected_state", voidDraft.code());
    assertEquals("This invoice's status is draft; void_invoice needs one of: open, uncollectible.", voidDraft.providerMessage());
    assertEquals("draft", stripe.getInvoice(dev.specloom.stripe.GetInvoiceParams.of(draft.id())).status());
    assertEquals("void", stripe.voidInvoice(VoidInvoiceParams.of("in_jkl012")).status());
    assertEquals("paid", stripe.payInvoice(PayInvoiceParams.of(draft.id())).status());
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.voidInvoice(VoidInvoiceParams.of(draft.id())));
    assertEquals("invoice_unexpected_state", e.code());
    ProviderException noCustomer = assertThrows(ProviderException.class, () -> stripe.createInvoice(CreateInvoiceParams.of("cus_nobody")));
    assertEquals(404, noCustomer.status());
    assertEquals("customer", noCustomer.param());
  }

  @Test
  void onlyDraftInvoicesAreDeleted() {
    ProviderException open = assertThrows(ProviderException.class, () -> stripe.deleteInvoice(DeleteInvoiceParams.of("in_jkl012")));
    assertEquals(400, open.status());
    assertEquals("invoice_unexpected_state", open.code());
    assertEquals("This invoice's status is open; delete_invoice needs one of: draft.", open.providerMessage());
    assertEquals("open", stripe.getInvoice(dev.specloom.stripe.GetInvoiceParams.of("in_jkl012")).status());

    var deleted = stripe.deleteInvoice(DeleteInvoiceParams.of("in_lmn678"));
    assertEquals(new Exchange("delete_invoice", "DELETE", "/v1/invoices/in_lmn678", "", 200,
        "{\"id\":\"in_lmn678\",\"object\":\"invoice\",\"deleted\":true}"), last());
    assertEquals("in_lmn678", deleted.id());
    assertEquals("invoice", deleted.object());
    assertEquals(true, deleted.deleted());
    ProviderException gone = assertThrows(ProviderException.class, () -> stripe.getInvoice(dev.specloom.stripe.GetInvoiceParams.of("in_lmn678")));
    assertEquals(404, gone.status());
    assertEquals("No such invoice: 'in_lmn678'", gone.providerMessage());
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
