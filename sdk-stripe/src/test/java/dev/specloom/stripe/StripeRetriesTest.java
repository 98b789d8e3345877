package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.RequestOptions;
import dev.specloom.runtime.RetryPolicy;
import dev.specloom.runtime.TransportException;
import dev.specloom.runtime.testing.WireServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries with an injected sleeper and clock: what is retried, how long it waits, and the idempotency key it reuses. */
class StripeRetriesTest {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final String BALANCE = "{\"available\":[],\"pending\":[]}";

  final List<Duration> slept = new CopyOnWriteArrayList<>();
  @RegisterExtension final StripeWire wire = new StripeWire(b -> b.retries(
      RetryPolicy.DEFAULT.withMaxRetries(3).withSleeper(slept::add).withClock(Clock.fixed(NOW, ZoneOffset.UTC))));
  final WireServer server = wire.server;
  final StripeClient stripe = wire.stripe;

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).body(body).setHeader("Content-Type", "application/json").build();
  }

  @Test
  void aReadIsRetriedAfterA503WithBackoff() {
    server.reply(503, "{}").reply(200, BALANCE);
    stripe.getBalance();
    assertEquals(2, server.requestCount());
    assertEquals(1, slept.size());
    assertTrue(slept.get(0).toMillis() >= 375 && slept.get(0).toMillis() <= 500, slept.toString());
    wire.expect("GET", "/v1/balance", null, null);
    wire.expect("GET", "/v1/balance", null, null);
  }

  @Test
  void retryAfterInSecondsAndAsAnHttpDateIsHonouredAndCapped() {
    server.reply(429, "{}", "Retry-After", "3")
        .reply(429, "{}", "Retry-After", "Mon, 23 Nov 2026 10:00:07 GMT")
        .reply(429, "{}", "Retry-After", "3600")
        .reply(200, BALANCE);
    stripe.getBalance();
    assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofSeconds(20)), slept);
  }

  @Test
  void aWriteWithAnIdempotencyKeyReusesItOnEveryAttempt() {
    server.reply(500, "{}")
        .reply(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build())
        .reply(409, "{\"error\":{\"type\":\"idempotency_error\",\"code\":\"lock_timeout\",\"message\":\"locked\"}}")
        .reply(200, "{\"id\":\"cus_1\"}");
    assertEquals("cus_1", stripe.createCustomer(CreateCustomerParams.builder().name("Acme").build()).id());
    String key = wire.expect("POST", "/v1/customers", null, "name=Acme").header("Idempotency-Key");
    for (int i = 0; i < 3; i++) {
      assertEquals(key, wire.expect("POST", "/v1/customers", null, "name=Acme").header("Idempotency-Key"));
    }
    assertEquals(4, server.requestCount());
  }

  @Test
  void everyWriteGetsItsOwnIdempotencyKey() {
    server.reply(200, "{\"id\":\"cus_1\"}").reply(200, "{\"id\":\"cus_2\"}");
    stripe.createCustomer(CreateCustomerParams.builder().name("A").build());
    stripe.createCustomer(CreateCustomerParams.builder().name("B").build());
    assertNotEquals(wire.expect("POST", "/v1/customers", null, "name=A").header("Idempotency-Key"),
        wire.expect("POST", "/v1/customers", null, "name=B").header("Idempotency-Key"));
  }

  @Test
  void retriesStopAtTheLimitAndTheLastErrorIsRaised() {
    for (int i = 0; i < 4; i++) server.reply(502, "{\"error\":{\"message\":\"bad gateway\"}}");
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.getBalance());
    assertEquals(502, e.status());
    assertEquals("bad gateway", e.providerMessage());
    assertEquals(4, server.requestCount());
    assertEquals(3, slept.size());
  }

  @Test
  void maxRetriesPerRequestOverridesTheClientsAndLeavesItAlone() {
    server.reply(503, "{\"error\":{\"message\":\"busy\"}}");
    StripeClient once = stripe.withOptions(RequestOptions.builder().maxRetries(0).build());
    assertEquals(503, assertThrows(ProviderException.class, () -> once.getBalance()).status());
    assertEquals(1, server.requestCount());
    assertEquals(List.of(), slept);

    for (int i = 0; i < 3; i++) server.reply(503, "{}");
    server.reply(200, BALANCE);
    stripe.getBalance();
    assertEquals(5, server.requestCount(), "the client keeps its own 3 retries");

    StripeClient patient = wire.client(b -> b.retries(RetryPolicy.DEFAULT.withSleeper(slept::add)).maxRetries(5));
    for (int i = 0; i < 6; i++) server.reply(503, "{}");
    assertThrows(ProviderException.class, () -> patient.getBalance());
    assertEquals(11, server.requestCount(), "maxRetries(5) on the builder: six attempts");
  }

  @Test
  void aCallerSuppliedIdempotencyKeyWinsAndIsReusedOnEveryAttempt() {
    server.reply(500, "{}");
    server.reply(429, "{}", "Retry-After", "1");
    server.reply(200, "{\"id\":\"cus_1\"}");
    stripe.withOptions(RequestOptions.builder().idempotencyKey("order-1234").build())
        .createCustomer(CreateCustomerParams.builder().name("Acme").build());
    for (int i = 0; i < 3; i++) assertEquals("order-1234", server.take().header("Idempotency-Key"));
    assertEquals(List.of(Duration.ofSeconds(1)), slept.subList(1, 2));

    server.reply(200, "{\"id\":\"cus_2\"}");
    stripe.createCustomer(CreateCustomerParams.builder().name("Other").build());
    assertTrue(server.take().header("Idempotency-Key").matches("[0-9a-f-]{36}"), "the client still generates its own");
  }

  @Test
  void idempotencyKeysThatCouldBreakTheHeaderAreRefused() {
    assertEquals("header idempotencyKey must not contain CR or LF", assertThrows(IllegalArgumentException.class,
        () -> RequestOptions.builder().idempotencyKey("k\r\nX-Evil: 1")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().idempotencyKey(" "));
    assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().maxRetries(-1));
  }

  @Test
  void readAndWholeCallTimeoutsPerRequestAreTypedTimeouts() {
    server.reply(json(200, BALANCE).newBuilder().headersDelay(600, TimeUnit.MILLISECONDS).build());
    TransportException read = assertThrows(TransportException.class, () -> stripe.withOptions(RequestOptions.builder()
        .readTimeout(Duration.ofMillis(100)).maxRetries(0).build()).getBalance());
    assertTrue(read.isTimeout(), read.getMessage());
    assertTrue(read.getMessage().startsWith("stripe.get_balance: timed out: SocketTimeoutException"), read.getMessage());

    server.reply(json(200, BALANCE).newBuilder().bodyDelay(600, TimeUnit.MILLISECONDS).build());
    TransportException call = assertThrows(TransportException.class, () -> stripe.withOptions(RequestOptions.builder()
        .callTimeout(Duration.ofMillis(150)).build()).getBalance());
    assertTrue(call.isTimeout(), call.getMessage());
  }

  @Test
  void theWholeCallTimeoutBoundsRetriesAndTheirWaits() {
    for (int i = 0; i < 4; i++) server.reply(503, "{}");
    RetryPolicy sleeping = RetryPolicy.DEFAULT.withMaxRetries(3).withSleeper(d -> Thread.sleep(150));
    StripeClient bounded = wire.client(b -> b.retries(sleeping).callTimeout(Duration.ofMillis(250)));
    TransportException e = assertThrows(TransportException.class, () -> bounded.getBalance());
    assertTrue(e.isTimeout(), e.getMessage());
    assertTrue(server.requestCount() <= 2, "attempts after the deadline: " + server.requestCount());
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.reply(400, "{\"error\":{\"message\":\"bad\"}}");
    assertThrows(ProviderException.class, () -> stripe.getBalance());
    assertEquals(1, server.requestCount());
    assertEquals(List.of(), slept);
  }
}
