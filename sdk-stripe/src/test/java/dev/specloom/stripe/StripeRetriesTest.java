package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.RetryPolicy;
import dev.specloom.runtime.testing.WireServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
  void clientErrorsAreNotRetried() {
    server.reply(400, "{\"error\":{\"message\":\"bad\"}}");
    assertThrows(ProviderException.class, () -> stripe.getBalance());
    assertEquals(1, server.requestCount());
    assertEquals(List.of(), slept);
  }
}
