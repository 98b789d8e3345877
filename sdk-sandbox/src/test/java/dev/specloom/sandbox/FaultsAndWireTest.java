package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.RetryPolicy;
import dev.specloom.runtime.TransportException;
import dev.specloom.stripe.CreateCustomerParams;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.ListCustomersParams;
import dev.specloom.stripe.StripeClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults on demand, the auth check, required params and unknown routes, over raw HTTP and through the SDK. */
class FaultsAndWireTest {
  static OfflineSandbox sandbox;
  static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  static final String STRIPE_AUTH = "Basic " + Base64.getEncoder().encodeToString("sk_test_x:".getBytes());

  @BeforeAll
  static void start() {
    sandbox = OfflineSandbox.start(List.of("stripe", "chargeover"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
  }

  static String call(Request.Builder r, int expectStatus, String header) throws IOException {
    try (Response res = HTTP.newCall(r.build()).execute()) {
      assertEquals(expectStatus, res.code());
      assertEquals("application/json", res.header("Content-Type"));
      return header == null ? res.body().string() : res.header(header);
    }
  }

  @Test
  void missingOrMalformedAuthIsTheProvidersUnauthorizedAnswer() throws IOException {
    String url = sandbox.baseUrl("stripe") + "/v1/customers/cus_abc123";
    assertEquals("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"You did not provide an API key. Send your secret key as the HTTP Basic user name.\"}}",
        call(new Request.Builder().url(url), 401, null));
    call(new Request.Builder().url(url).header("Authorization", "Basic !!!"), 401, null);
    call(new Request.Builder().url(url).header("Authorization", "Bearer sk_test_x"), 401, null);
    String co = sandbox.baseUrl("chargeover") + "/customer/12";
    assertEquals("{\"code\":401,\"status\":\"Error\",\"message\":\"Authentication failed: send the public and private key as HTTP Basic credentials.\",\"details\":{},\"response\":false}",
        call(new Request.Builder().url(co), 401, null));
  }

  @Test
  void aMissingRequiredParamIsAProviderShaped400AndChangesNothing() throws IOException {
    RequestBody form = RequestBody.create("unit_amount=100&currency=usd", MediaType.get("application/x-www-form-urlencoded"));
    assertEquals("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_missing\",\"message\":\"Missing required param: product.\",\"param\":\"product\"}}",
        call(new Request.Builder().url(sandbox.baseUrl("stripe") + "/v1/prices").header("Authorization", STRIPE_AUTH).post(form), 400, null));
    String list = call(new Request.Builder().url(sandbox.baseUrl("stripe") + "/v1/prices?limit=100").header("Authorization", STRIPE_AUTH), 200, null);
    assertEquals(3, list.split("\"object\":\"price\"", -1).length - 1, "no price was created: " + list);
  }

  @Test
  void unknownRoutesAndRequestIds() throws IOException {
    assertEquals("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL (GET: /v1/widgets).\"}}",
        call(new Request.Builder().url(sandbox.baseUrl("stripe") + "/v1/widgets").header("Authorization", STRIPE_AUTH), 404, null));
    String id = call(new Request.Builder().url(sandbox.baseUrl("stripe") + "/v1/balance").header("Authorization", STRIPE_AUTH), 200, "Request-Id");
    assertTrue(id.matches("req_[0-9a-f]{14}"), id);
  }

  @Test
  void rateLimitWithRetryAfterThenServerErrorThenSuccess() throws IOException {
    sandbox.faults("stripe").next(Fault.rateLimited(Duration.ofSeconds(2)), Fault.status(503));
    assertEquals(2, sandbox.faults("stripe").pending());
    Request.Builder get = new Request.Builder().url(sandbox.baseUrl("stripe") + "/v1/customers/cus_abc123").header("Authorization", STRIPE_AUTH);
    assertEquals("2", call(get, 429, "Retry-After"));
    assertEquals("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong on Stripe's end.\"}}", call(get, 503, null));
    call(get, 200, null);
    assertEquals(List.of(429, 503, 200), sandbox.journal("stripe").stream().map(Exchange::status).toList());
  }

  @Test
  void theSdkRetriesInjectedFaultsAndGivesUpWhenTheyLast() {
    StripeClient retrying = StripeClient.builder().apiKey("sk_test_x").baseUrl(sandbox.baseUrl("stripe"))
        .retries(RetryPolicy.DEFAULT.withSleeper(d -> { })).build();
    sandbox.faults("stripe").next(Fault.status(500), Fault.drop());
    assertEquals("Acme Corp", retrying.getCustomer(GetCustomerParams.of("cus_abc123")).name());
    assertEquals(List.of(500, 0, 200), sandbox.journal("stripe").stream().map(Exchange::status).toList());

    StripeClient once = StripeClient.builder().apiKey("sk_test_x").baseUrl(sandbox.baseUrl("stripe")).maxRetries(0).build();
    sandbox.faults("stripe").repeat(Fault.rateLimited(Duration.ofSeconds(1)), 1);
    ProviderException e = assertThrows(ProviderException.class, () -> once.getCustomer(GetCustomerParams.of("cus_abc123")));
    assertEquals(429, e.status());
    assertEquals("rate_limit", e.code());
    sandbox.faults("stripe").next(Fault.drop());
    assertThrows(TransportException.class, () -> once.getCustomer(GetCustomerParams.of("cus_abc123")));
  }

  @Test
  void aDelayOutlastsAShortReadTimeout() {
    StripeClient impatient = StripeClient.builder().apiKey("sk_test_x").baseUrl(sandbox.baseUrl("stripe"))
        .maxRetries(0).readTimeout(Duration.ofMillis(100)).build();
    sandbox.faults("stripe").next(Fault.delay(Duration.ofMillis(600)));
    assertThrows(TransportException.class, () -> impatient.getCustomer(GetCustomerParams.of("cus_abc123")));
    assertEquals("Acme Corp", impatient.getCustomer(GetCustomerParams.of("cus_abc123")).name());
  }

  @Test
  void concurrentClientsGetDistinctIdsAndNoLostWrites() throws Exception {
    StripeClient client = StripeClient.builder().apiKey("sk_test_x").baseUrl(sandbox.baseUrl("stripe")).maxRetries(0).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> ids = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String name = "Concurrent " + i;
      ids.add(pool.submit(() -> client.createCustomer(CreateCustomerParams.builder().name(name).build()).id()));
    }
    Set<String> distinct = new HashSet<>();
    for (var f : ids) distinct.add(f.get());
    pool.shutdown();
    assertEquals(80, distinct.size());
    int listed = 0;
    for (var c : client.listCustomersAutoPaging(ListCustomersParams.builder().limit(100L).build())) listed++;
    assertEquals(83, listed, "3 seed customers and 80 new ones");
  }

  @Test
  void faultArgumentsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
    assertThrows(IllegalArgumentException.class, () -> sandbox.faults("nope"));
  }
}
