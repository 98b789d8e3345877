package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.DecodeException;
import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.SpecloomVersion;
import dev.specloom.runtime.TransportException;
import dev.specloom.runtime.testing.WireServer;
import dev.specloom.stripe.model.Customer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stripe's error answers, failed connections and timeouts, sync and async, as the SDK's exceptions. */
class StripeErrorTest {
  static final String MISSING = """
      {"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such customer: 'cus_x'","param":"id",
       "doc_url":"https://stripe.com/docs/error-codes/resource-missing"}}""";

  @RegisterExtension final StripeWire wire = new StripeWire();
  final WireServer server = wire.server;
  final StripeClient stripe = wire.stripe;

  @Test
  void notFoundBecomesAProviderExceptionWithEveryStripeField() {
    server.reply(404, MISSING, "Request-Id", "req_123");
    ProviderException e = assertThrows(ProviderException.class,
        () -> stripe.getCustomer(GetCustomerParams.of("cus_x")));
    assertEquals(404, e.status());
    assertEquals("resource_missing", e.code());
    assertEquals("invalid_request_error", e.type());
    assertEquals("No such customer: 'cus_x'", e.providerMessage());
    assertEquals("id", e.param());
    assertEquals("req_123", e.requestId());
    assertEquals("stripe", e.provider());
    assertEquals("get_customer", e.function());
    assertEquals("stripe.get_customer: 404 resource_missing: No such customer: 'cus_x' (request req_123)", e.getMessage());
    StripeWire.keyNeverShown(e);
    assertEquals(1, server.requestCount(), "a 404 is not retried");
    wire.expect("GET", "/v1/customers/cus_x", null, null);
  }

  @Test
  void errorOnAWriteNamesTheWriteFunction() {
    server.reply(400, """
        {"error":{"type":"invalid_request_error","code":"parameter_invalid_integer",
         "message":"Invalid integer: abc","param":"amount"}}""", "Request-Id", "req_w1");
    ProviderException e = assertThrows(ProviderException.class,
        () -> stripe.createPaymentIntent(CreatePaymentIntentParams.of(1000L, "usd")));
    assertEquals(400, e.status());
    assertEquals("amount", e.param());
    assertEquals("create_payment_intent", e.function());
    assertEquals("stripe.create_payment_intent: 400 parameter_invalid_integer: Invalid integer: abc (request req_w1)",
        e.getMessage());
    assertEquals(1, server.requestCount(), "a 400 is not retried");
  }

  @Test
  void cardErrorWithoutParamOrRequestId() {
    server.reply(402, """
        {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
         "message":"Your card has insufficient funds."}}""");
    ProviderException e = assertThrows(ProviderException.class,
        () -> stripe.confirmPaymentIntent(ConfirmPaymentIntentParams.builder().id("pi_ghi789")
            .paymentMethod("pm_card_chargeDeclinedInsufficientFunds").build()));
    assertEquals(402, e.status());
    assertEquals("card_error", e.type());
    assertEquals("card_declined", e.code());
    assertNull(e.param());
    assertNull(e.requestId());
    assertEquals("stripe.confirm_payment_intent: 402 card_declined: Your card has insufficient funds.", e.getMessage());
  }

  @Test
  void unauthorizedWithANonJsonBodyUsesItsFirstLine() {
    server.reply(401, "Invalid API Key provided: sk_test_****_123\n<p>See https://stripe.com/docs/keys</p>",
        "Request-Id", "req_401");
    ProviderException e = assertThrows(ProviderException.class,
        () -> stripe.getCustomer(GetCustomerParams.of("cus_abc123")));
    assertEquals(401, e.status());
    assertNull(e.code());
    assertNull(e.type());
    assertNull(e.param());
    assertEquals("Invalid API Key provided: sk_test_****_123", e.providerMessage());
    assertEquals("req_401", e.requestId());
    assertEquals("stripe.get_customer: 401: Invalid API Key provided: sk_test_****_123 (request req_401)", e.getMessage());
    StripeWire.keyNeverShown(e);
    assertEquals(1, server.requestCount(), "a 401 is not retried");
  }

  @Test
  void serverErrorWithAnEmptyBodyIsHttpStatus() {
    StripeClient once = wire.client(b -> b.maxRetries(0));
    server.reply(500, "");
    ProviderException e = assertThrows(ProviderException.class,
        () -> once.getCustomer(GetCustomerParams.of("cus_abc123")));
    assertEquals(500, e.status());
    assertNull(e.code());
    assertNull(e.type());
    assertNull(e.requestId());
    assertEquals("HTTP 500", e.providerMessage());
    assertEquals("stripe.get_customer: 500: HTTP 500", e.getMessage());
    StripeWire.keyNeverShown(e);
    assertEquals(1, server.requestCount());
  }

  @Test
  void aGatewayPageIsShownAsItsFirstLine() {
    StripeClient once = wire.client(b -> b.maxRetries(0));
    server.reply(502, "<html>Bad gateway</html>");
    ProviderException e = assertThrows(ProviderException.class, () -> once.getBalance());
    assertEquals(502, e.status());
    assertNull(e.code());
    assertEquals("stripe.get_balance: 502: <html>Bad gateway</html>", e.getMessage());
  }

  @Test
  void aSlowAnswerIsATransportTimeout() {
    StripeClient impatient = wire.client(b -> b.readTimeout(Duration.ofMillis(200)).maxRetries(0));
    TransportException e = assertThrows(TransportException.class, () -> impatient.getBalance());
    assertTrue(e.isTimeout(), e.getMessage());
    assertTrue(e.getMessage().startsWith("stripe.get_balance: "), e.getMessage());
    StripeWire.keyNeverShown(e);
  }

  @Test
  void apiKeyNeverAppearsInErrors() {
    server.reply(403, """
        {"error":{"type":"invalid_request_error","code":"secret_key_required",
         "message":"This API call cannot be made with a publishable API key."}}""", "Request-Id", "req_403");
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.getBalance());
    StripeWire.keyNeverShown(e);
    assertFalse(stripe.toString().contains(StripeWire.KEY));
    assertFalse(StripeClient.builder().apiKey(StripeWire.KEY).toString().contains(StripeWire.KEY));
  }

  @Test
  void connectionFailureIsATransportException() {
    StripeClient dead = StripeWire.unreachable();
    TransportException e = assertThrows(TransportException.class,
        () -> dead.getCustomer(GetCustomerParams.of("cus_abc123")));
    assertFalse(e.isTimeout());
    assertTrue(e.getMessage().startsWith("stripe.get_customer: request failed: "), e.getMessage());
    assertInstanceOf(java.io.IOException.class, e.getCause());
    StripeWire.keyNeverShown(e);
  }

  @Test
  void connectionFailureOnAWriteIsATransportException() {
    StripeClient dead = StripeWire.unreachable();
    TransportException e = assertThrows(TransportException.class,
        () -> dead.createCustomer(CreateCustomerParams.builder().email("billing@acme.example").build()));
    assertTrue(e.getMessage().startsWith("stripe.create_customer: request failed: "), e.getMessage());
    StripeWire.keyNeverShown(e);
  }

  @Test
  void asyncErrorCompletesExceptionallyWithAProviderException() throws Exception {
    server.reply(404, MISSING, "Request-Id", "req_123");
    CompletableFuture<Customer> f = stripe.async().getCustomer(GetCustomerParams.of("cus_x"));

    ExecutionException viaGet = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    ProviderException e = assertInstanceOf(ProviderException.class, viaGet.getCause());
    assertEquals(404, e.status());
    assertEquals("resource_missing", e.code());
    assertEquals("invalid_request_error", e.type());
    assertEquals("id", e.param());
    assertEquals("req_123", e.requestId());
    assertEquals("stripe.get_customer: 404 resource_missing: No such customer: 'cus_x' (request req_123)", e.getMessage());

    CompletionException viaJoin = assertThrows(CompletionException.class, f::join);
    assertInstanceOf(ProviderException.class, viaJoin.getCause());
    assertTrue(f.isCompletedExceptionally());
    StripeWire.keyNeverShown(e);
  }

  @Test
  void asyncConnectionFailureCompletesWithATransportException() {
    StripeClient dead = StripeWire.unreachable();
    CompletableFuture<Customer> f = dead.async().getCustomer(GetCustomerParams.of("cus_abc123"));
    ExecutionException ex = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    TransportException e = assertInstanceOf(TransportException.class, ex.getCause());
    assertTrue(e.getMessage().startsWith("stripe.get_customer: request failed: "), e.getMessage());
  }

  @Test
  void aBodyThatDoesNotFitIsADecodeExceptionAndIsNotRetried() {
    server.reply(200, "{\"id\":\"cus_abc123\",\"object\":\"customer\",\"balance\":\"lots\"}", "Request-Id", "req_d1");
    DecodeException e = assertThrows(DecodeException.class, () -> stripe.getCustomer(GetCustomerParams.of("cus_abc123")));
    assertEquals(200, e.status());
    assertEquals("req_d1", e.requestId());
    assertEquals("$.balance", e.path());
    assertEquals("get_customer", e.function());
    assertEquals("stripe.get_customer: 200: the answer does not fit the declared result at $.balance: "
        + "Expected a long but was lots (request req_d1)", e.getMessage());
    assertEquals(1, server.requestCount(), "a GET is retried on transport failures, never on a body that does not fit");
  }

  @Test
  void aListWhoseThirdItemDoesNotFitNamesThatItem() {
    server.reply(200, """
        {"object":"list","has_more":false,"data":[{"id":"cus_1"},{"id":"cus_2"},{"id":"cus_3","metadata":[]}]}""");
    DecodeException e = assertThrows(DecodeException.class, () -> stripe.listCustomers());
    assertEquals("$.data[2].metadata", e.path());
  }

  @Test
  void malformedJsonInA200IsADecodeException() {
    server.reply(200, "{\"id\":\"cus_abc123\",", "Request-Id", "req_d2");
    DecodeException e = assertThrows(DecodeException.class, () -> stripe.getCustomer(GetCustomerParams.of("cus_abc123")));
    assertEquals("req_d2", e.requestId());
    assertEquals(1, server.requestCount());
  }

  @Test
  void asyncBodyThatDoesNotFitCompletesWithADecodeException() {
    server.reply(201, "{\"id\":\"cus_abc123\",\"created\":true}", "Request-Id", "req_d3");
    CompletableFuture<Customer> f = stripe.async().getCustomer(GetCustomerParams.of("cus_abc123"));
    ExecutionException ex = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    DecodeException e = assertInstanceOf(DecodeException.class, ex.getCause());
    assertEquals(201, e.status());
    assertEquals("req_d3", e.requestId());
    assertEquals("$.created", e.path());
  }

  @Test
  void everyRequestNamesTheSdkAndItsVersion() {
    server.reply(200, "{\"id\":\"cus_abc123\",\"object\":\"customer\"}");
    stripe.getCustomer(GetCustomerParams.of("cus_abc123"));
    assertEquals("specloom-stripe/" + SpecloomVersion.get(), server.take().header("User-Agent"));
    assertTrue(SpecloomVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), SpecloomVersion.get());
  }

  @Test
  void asyncSuccessDecodesTheResult() throws Exception {
    server.reply(200, """
        {"id":"cus_abc123","object":"customer","name":"Acme Corp","email":"billing@acme.example","created":1712304000}""");
    Customer c = stripe.async().getCustomer(GetCustomerParams.of("cus_abc123")).get(5, TimeUnit.SECONDS);
    assertEquals("cus_abc123", c.id());
    assertEquals("Acme Corp", c.name());
    assertEquals("billing@acme.example", c.email());
    wire.expect("GET", "/v1/customers/cus_abc123", null, null);
  }

  @Test
  void asyncWriteCarriesAnIdempotencyKey() throws Exception {
    server.reply(200, "{\"id\":\"cus_new\",\"object\":\"customer\",\"email\":\"billing@acme.example\"}");
    Customer c = stripe.async().createCustomer(CreateCustomerParams.builder().email("billing@acme.example").build())
        .get(5, TimeUnit.SECONDS);
    assertEquals("cus_new", c.id());
    wire.expect("POST", "/v1/customers", null, "email=billing%40acme.example");
  }
}
