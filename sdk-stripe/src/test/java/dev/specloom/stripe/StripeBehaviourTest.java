package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.TransportException;
import dev.specloom.runtime.testing.WireServer;
import dev.specloom.stripe.model.Customer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors, auto-paging, async calls, idempotency keys, timeouts and what never shows a secret. */
class StripeBehaviourTest {
  WireServer server;
  StripeClient stripe;

  @BeforeEach
  void start() {
    server = new WireServer();
    // One answer per call: retries have their own test.
    stripe = StripeClient.builder().apiKey(StripeWireTest.KEY).baseUrl(server.url("/")).maxRetries(0).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void errorBodyBecomesATypedException() {
    server.reply(404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
        + "\"message\":\"No such customer: 'cus_x'\",\"param\":\"id\"}}", "Request-Id", "req_123");
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.getCustomer(GetCustomerParams.of("cus_x")));
    assertEquals(404, e.status());
    assertEquals("resource_missing", e.code());
    assertEquals("invalid_request_error", e.type());
    assertEquals("No such customer: 'cus_x'", e.providerMessage());
    assertEquals("id", e.param());
    assertEquals("req_123", e.requestId());
    assertEquals("stripe.get_customer: 404 resource_missing: No such customer: 'cus_x' (request req_123)", e.getMessage());
    assertFalse(e.toString().contains(StripeWireTest.KEY));
  }

  @Test
  void nonJsonAndEmptyErrorBodies() {
    server.reply(502, "<html>Bad gateway</html>");
    assertEquals("stripe.get_balance: 502: <html>Bad gateway</html>",
        assertThrows(ProviderException.class, () -> stripe.getBalance()).getMessage());
    server.reply(500, "");
    assertEquals("HTTP 500", assertThrows(ProviderException.class, () -> stripe.getBalance()).providerMessage());
  }

  @Test
  void autoPagingAcrossThreePagesIsLazy() {
    server.reply(200, "{\"data\":[{\"id\":\"cus_1\"},{\"id\":\"cus_2\"}],\"has_more\":true}")
        .reply(200, "{\"data\":[{\"id\":\"cus_3\"},{\"id\":\"cus_4\"}],\"has_more\":true}")
        .reply(200, "{\"data\":[{\"id\":\"cus_5\"}],\"has_more\":false}");
    Iterable<Customer> all = stripe.listCustomersAutoPaging(ListCustomersParams.builder().limit(2L).build());
    assertEquals(0, server.requestCount(), "nothing is fetched before iterating");
    assertEquals(List.of("cus_1", "cus_2", "cus_3", "cus_4", "cus_5"),
        StreamSupport.stream(all.spliterator(), false).map(Customer::id).toList());
    assertEquals("limit=2", server.take().query());
    assertEquals("limit=2&starting_after=cus_2", server.take().query());
    assertEquals("limit=2&starting_after=cus_4", server.take().query());
  }

  @Test
  void aShortStreamFetchesOnlyWhatItNeeds() {
    server.reply(200, "{\"data\":[{\"id\":\"cus_1\"},{\"id\":\"cus_2\"}],\"has_more\":true}");
    assertEquals(List.of("cus_1", "cus_2"),
        stripe.listCustomersStream(ListCustomersParams.builder().limit(2L).build()).limit(2).map(Customer::id).toList());
    assertEquals(1, server.requestCount());
  }

  @Test
  void asyncCallsCompleteWithResultsOrTypedErrors() throws Exception {
    server.reply(200, "{\"id\":\"cus_1\",\"name\":\"Acme\"}");
    assertEquals("Acme", stripe.async().getCustomer(GetCustomerParams.of("cus_1")).get().name());
    server.reply(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"message\":\"Your card was declined.\"}}");
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> stripe.async().confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id("pi_1").build()).get());
    ProviderException cause = assertInstanceOf(ProviderException.class, e.getCause());
    assertEquals("card_declined", cause.code());
  }

  @Test
  void everyWriteGetsItsOwnIdempotencyKey() {
    server.reply(200, "{\"id\":\"cus_1\"}").reply(200, "{\"id\":\"cus_2\"}");
    stripe.createCustomer(CreateCustomerParams.builder().name("A").build());
    stripe.createCustomer(CreateCustomerParams.builder().name("B").build());
    assertNotEquals(server.take().header("Idempotency-Key"), server.take().header("Idempotency-Key"));
  }

  @Test
  void connectionFailureAndTimeoutAreTransportExceptions() {
    WireServer closed = new WireServer();
    String url = closed.url("/");
    closed.close();
    StripeClient nowhere = StripeClient.builder().apiKey(StripeWireTest.KEY).baseUrl(url).maxRetries(0).build();
    TransportException refused = assertThrows(TransportException.class, () -> nowhere.getBalance());
    assertFalse(refused.isTimeout());
    assertTrue(refused.getMessage().startsWith("stripe.get_balance: request failed: "), refused.getMessage());

    StripeClient impatient = StripeClient.builder().apiKey(StripeWireTest.KEY).baseUrl(server.url("/"))
        .readTimeout(Duration.ofMillis(200)).maxRetries(0).build();
    TransportException slow = assertThrows(TransportException.class, () -> impatient.getBalance());
    assertTrue(slow.isTimeout(), slow.getMessage());
    assertFalse(slow.getMessage().contains(StripeWireTest.KEY));
  }

  @Test
  void paramsAreCheckedBeforeAnythingIsSent() {
    assertEquals("stripe.create_price: 'currency' is required", assertThrows(IllegalArgumentException.class,
        () -> CreatePriceParams.builder().product("prod_1").unitAmount(100L).build()).getMessage());
    assertEquals("stripe.list_customers: 'limit' must be between 1 and 100, got 101", assertThrows(IllegalArgumentException.class,
        () -> ListCustomersParams.builder().limit(101L).build()).getMessage());
    assertEquals("stripe.list_customers: 'limit' must be between 1 and 100, got 0", assertThrows(IllegalArgumentException.class,
        () -> ListCustomersParams.builder().limit(0L).build()).getMessage());
    assertEquals("stripe.cancel_payment_intent: 'cancellation_reason' must be one of duplicate, fraudulent, "
        + "requested_by_customer, abandoned, got 'automatic'", assertThrows(IllegalArgumentException.class,
        () -> CancelPaymentIntentParams.builder().id("pi_1").cancellationReason("automatic").build()).getMessage());
    assertEquals("stripe.create_price: 'recurring_interval_count' needs 'recurring_interval' to be set too",
        assertThrows(IllegalArgumentException.class, () -> CreatePriceParams.builder().product("p").unitAmount(1L)
            .currency("usd").recurringIntervalCount(3L).build()).getMessage());
    assertEquals(0, server.requestCount());
  }

  @Test
  void clientConfigurationNeverShowsTheKey() {
    StripeClient.Builder b = StripeClient.builder().apiKey(StripeWireTest.KEY);
    assertEquals("Builder{credentials={api_key=***}, settings={}, baseUrl=null}", b.toString());
    IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
        () -> StripeClient.builder().apiKey(StripeWireTest.KEY).baseUrl("http://api.example.com").build());
    assertTrue(plain.getMessage().contains("must use https"));
    assertEquals("stripe: no credentials; set api_key",
        assertThrows(IllegalStateException.class, () -> StripeClient.builder().build()).getMessage());
  }
}
