package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.RequestOptions;
import dev.specloom.runtime.RetryPolicy;
import dev.specloom.runtime.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries with an injected sleeper and clock: what is retried, how long it waits, and the key it reuses. */
class StripeRetriesTest {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  MockWebServer server;
  List<Duration> slept;
  StripeClient stripe;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setServerSocketFactory(dev.specloom.runtime.testing.NoDelaySockets.FACTORY);
    server.start();
    slept = new CopyOnWriteArrayList<>();
    RetryPolicy policy = RetryPolicy.DEFAULT.withMaxRetries(3).withSleeper(slept::add).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    stripe = StripeClient.builder().apiKey("sk_test_retry").baseUrl(server.url("/").toString()).retries(policy).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static MockResponse json(int code, String body, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body(body).setHeader("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) b.setHeader(headers[i], headers[i + 1]);
    return b.build();
  }

  RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void aReadIsRetriedAfterA503WithBackoff() throws Exception {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"available\":[],\"pending\":[]}"));
    stripe.getBalance();
    assertEquals(2, server.getRequestCount());
    assertEquals(1, slept.size());
    assertTrue(slept.get(0).toMillis() >= 375 && slept.get(0).toMillis() <= 500, slept.toString());
  }

  @Test
  void retryAfterInSecondsAndAsAnHttpDateIsHonouredAndCapped() throws Exception {
    server.enqueue(json(429, "{}", "Retry-After", "3"));
    server.enqueue(json(429, "{}", "Retry-After", "Mon, 23 Nov 2026 10:00:07 GMT"));
    server.enqueue(json(429, "{}", "Retry-After", "3600"));
    server.enqueue(json(200, "{\"available\":[],\"pending\":[]}"));
    stripe.getBalance();
    assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(7), Duration.ofSeconds(20)), slept);
  }

  @Test
  void aWriteWithAnIdempotencyKeyReusesItOnEveryAttempt() throws Exception {
    server.enqueue(json(500, "{}"));
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(409, "{\"error\":{\"type\":\"idempotency_error\",\"code\":\"lock_timeout\",\"message\":\"locked\"}}"));
    server.enqueue(json(200, "{\"id\":\"cus_1\"}"));
    assertEquals("cus_1", stripe.createCustomer(CreateCustomerParams.builder().name("Acme").build()).id());
    String key = take().getHeaders().get("Idempotency-Key");
    for (int i = 0; i < 3; i++) assertEquals(key, take().getHeaders().get("Idempotency-Key"));
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void retriesStopAtTheLimitAndTheLastErrorIsRaised() {
    for (int i = 0; i < 4; i++) server.enqueue(json(502, "{\"error\":{\"message\":\"bad gateway\"}}"));
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.getBalance());
    assertEquals(502, e.status());
    assertEquals(4, server.getRequestCount());
    assertEquals(3, slept.size());
  }

  @Test
  void maxRetriesPerRequestOverridesTheClientsAndLeavesItAlone() {
    server.enqueue(json(503, "{\"error\":{\"message\":\"busy\"}}"));
    StripeClient once = stripe.withOptions(RequestOptions.builder().maxRetries(0).build());
    assertEquals(503, assertThrows(ProviderException.class, () -> once.getBalance()).status());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), slept);

    for (int i = 0; i < 3; i++) server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"available\":[],\"pending\":[]}"));
    stripe.getBalance();
    assertEquals(5, server.getRequestCount(), "the client keeps its own 3 retries");

    StripeClient patient = StripeClient.builder().apiKey("sk_test_retry").baseUrl(server.url("/").toString())
        .retries(RetryPolicy.DEFAULT.withSleeper(slept::add)).maxRetries(5).build();
    for (int i = 0; i < 6; i++) server.enqueue(json(503, "{}"));
    assertThrows(ProviderException.class, () -> patient.getBalance());
    assertEquals(11, server.getRequestCount(), "maxRetries(5) on the builder: six attempts");
  }

  @Test
  void aCallerSuppliedIdempotencyKeyWinsAndIsReusedOnEveryAttempt() throws Exception {
    server.enqueue(json(500, "{}"));
    server.enqueue(json(429, "{}", "Retry-After", "1"));
    server.enqueue(json(200, "{\"id\":\"cus_1\"}"));
    stripe.withOptions(RequestOptions.builder().idempotencyKey("order-1234").build())
        .createCustomer(CreateCustomerParams.builder().name("Acme").build());
    for (int i = 0; i < 3; i++) assertEquals("order-1234", take().getHeaders().get("Idempotency-Key"));
    assertEquals(List.of(Duration.ofSeconds(1)), slept.subList(1, 2));

    server.enqueue(json(200, "{\"id\":\"cus_2\"}"));
    stripe.createCustomer(CreateCustomerParams.builder().name("Other").build());
    assertTrue(take().getHeaders().get("Idempotency-Key").matches("[0-9a-f-]{36}"), "the client still generates its own");
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
    server.enqueue(json(200, "{\"available\":[],\"pending\":[]}").newBuilder().headersDelay(600, TimeUnit.MILLISECONDS).build());
    TransportException read = assertThrows(TransportException.class, () -> stripe.withOptions(RequestOptions.builder()
        .readTimeout(Duration.ofMillis(100)).maxRetries(0).build()).getBalance());
    assertTrue(read.isTimeout(), read.getMessage());
    assertTrue(read.getMessage().startsWith("stripe.get_balance: timed out: SocketTimeoutException"), read.getMessage());

    server.enqueue(json(200, "{\"available\":[],\"pending\":[]}").newBuilder().bodyDelay(600, TimeUnit.MILLISECONDS).build());
    TransportException call = assertThrows(TransportException.class, () -> stripe.withOptions(RequestOptions.builder()
        .callTimeout(Duration.ofMillis(150)).build()).getBalance());
    assertTrue(call.isTimeout(), call.getMessage());
  }

  @Test
  void theWholeCallTimeoutBoundsRetriesAndTheirWaits() {
    for (int i = 0; i < 4; i++) server.enqueue(json(503, "{}"));
    RetryPolicy sleeping = RetryPolicy.DEFAULT.withMaxRetries(3).withSleeper(d -> Thread.sleep(150));
    StripeClient bounded = StripeClient.builder().apiKey("sk_test_retry").baseUrl(server.url("/").toString())
        .retries(sleeping).callTimeout(Duration.ofMillis(250)).build();
    TransportException e = assertThrows(TransportException.class, () -> bounded.getBalance());
    assertTrue(e.isTimeout(), e.getMessage());
    assertTrue(server.getRequestCount() <= 2, "attempts after the deadline: " + server.getRequestCount());
  }

  @Test
  void clientErrorsAreNotRetried() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"bad\"}}"));
    assertThrows(ProviderException.class, () -> stripe.getBalance());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), slept);
  }
}
