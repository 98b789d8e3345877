package dev.specloom.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.QueryMap;

/**
 * The parts assembled: a typed call and a raw call take the same path (credentials, retries, envelope check,
 * decoding, error decoding), blocking and not. Waits between retries are recorded, never slept.
 */
class ApiCoreTest {
  interface Service {
    @GET("items")
    @ResultPath("response")
    Call<List<Map<String, Object>>> items(@QueryMap(encoded = true) Map<String, String> query, @HeaderMap Map<String, String> headers);
  }

  static final class Builder extends ClientBuilder<Builder, ApiCore> {
    final ProviderInfo provider;

    Builder(ProviderInfo provider) {
      this.provider = provider;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public ProviderInfo provider() {
      return provider;
    }

    @Override
    public ApiCore build() {
      return new ApiCore(provider, this);
    }
  }

  static final ProviderInfo BOOKS = ProviderInfo.builder("books").baseUrl("https://books.example/api/v3")
      .basicAuth("{public_key}", "{private_key}").encoding(ProviderInfo.Encoding.JSON)
      .errorType("status").errorMessage("message").envelope("status", "OK", "code", "message").build();

  final WireServer server = new WireServer();
  final List<Duration> waits = new ArrayList<>();

  ApiCore core() {
    return new Builder(BOOKS).credential("public_key", "pub").credential("private_key", "private-key-secret")
        .baseUrl(server.url("/api/v3")).retries(RetryPolicy.DEFAULT.withSleeper(waits::add)).build();
  }

  @AfterEach
  void close() {
    server.close();
  }

  static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aTypedReadIsRetriedThenDecodedFromUnderItsResultPath() {
    server.reply(503, "{}").reply(200, "{\"code\":200,\"status\":\"OK\",\"message\":\"\",\"response\":[{\"id\":1}]}");
    ApiCore core = core();
    List<Map<String, Object>> items = core.execute("list_items", core.service(Service.class).items(Map.of("limit", "5"), Map.of()));
    assertEquals(List.of(Map.of("id", 1.0)), items);
    assertEquals(2, server.requestCount());
    assertEquals(1, waits.size());
    WireServer.Sent first = server.take();
    assertEquals("GET /api/v3/items limit=5", first.method() + " " + first.path() + " " + first.query());
    assertEquals("Basic cHViOnByaXZhdGUta2V5LXNlY3JldA==", first.header("Authorization"));
  }

  @Test
  void anEnvelopedFailureIsAProviderErrorOnTypedAndRawCallsAlike() throws Exception {
    String failed = "{\"code\":400,\"status\":\"Error\",\"message\":\"Bad key private-key-secret\",\"response\":false}";
    server.reply(200, failed).reply(200, failed).reply(200, failed);
    ApiCore core = core();
    ProviderException typed = assertThrows(ProviderException.class,
        () -> core.execute("list_items", core.service(Service.class).items(Map.of(), Map.of())));
    ProviderException raw = assertThrows(ProviderException.class,
        () -> core.executeRaw("api_call", "GET", "/items", null, null, null));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> get(core.executeRawAsync("api_call", "GET", "/items", null, null, null)));
    for (ProviderException e : List.of(typed, raw, (ProviderException) async.getCause())) {
      assertEquals(400, e.status());
      assertEquals("Bad key ***", e.providerMessage());
    }
    assertEquals("books.api_call: 400: Bad key ***", raw.getMessage());
  }

  @Test
  void aRawCallSendsUnderTheRootWithQueryHeadersAndJsonBody() throws Exception {
    server.reply(201, "{\"status\":\"OK\",\"response\":{\"id\":7}}");
    ApiCore core = core();
    Object result = core.executeRaw("api_call", "POST", "/api/v3/customers", Map.of("dry", "1"), Map.of("X-Trace", "t-1"),
        Map.of("name", "Acme"));
    assertEquals(Map.of("status", "OK", "response", Map.of("id", 7.0)), result);
    WireServer.Sent sent = server.take();
    assertEquals("POST /api/v3/customers dry=1 {\"name\":\"Acme\"}", sent.method() + " " + sent.path() + " " + sent.query() + " " + sent.body());
    assertEquals("t-1", sent.header("X-Trace"));
    assertTrue(sent.header("Authorization").startsWith("Basic "));
  }

  @Test
  void aRawReadIsRetriedAndARawWriteIsNot() {
    server.reply(503, "{}").reply(200, "{\"status\":\"OK\"}").reply(503, "{\"status\":\"Error\",\"message\":\"busy\"}");
    ApiCore core = core();
    assertEquals(Map.of("status", "OK"), core.executeRaw("api_call", "GET", "/items", null, null, null));
    ProviderException e = assertThrows(ProviderException.class, () -> core.executeRaw("api_call", "DELETE", "/items/1", null, null, null));
    assertEquals(503, e.status());
    assertEquals(3, server.requestCount());
    assertEquals(1, waits.size());
  }

  @Test
  void aRawCallRefusesWhatWouldLeaveTheRootOrFrameTheMessageAndSendsNothing() throws Exception {
    ApiCore core = core();
    assertEquals("path must not step out of the API root: /../admin", assertThrows(IllegalArgumentException.class,
        () -> core.executeRaw("api_call", "GET", "/../admin", null, null, null)).getMessage());
    assertEquals("the Authorization header is set by the SDK", assertThrows(IllegalArgumentException.class,
        () -> core.executeRaw("api_call", "GET", "/items", null, Map.of("Authorization", "Basic x"), null)).getMessage());
    assertEquals("method GET must not have a request body.", assertThrows(IllegalArgumentException.class,
        () -> core.executeRaw("api_call", "GET", "/items", null, null, Map.of())).getMessage());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> get(core.executeRawAsync("api_call", "GET", "//evil.example/x", null, null, null)));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(0, server.requestCount());
  }

  @Test
  void aBodyThatDoesNotFitIsADecodeErrorAtItsPath() {
    server.reply(200, "{\"status\":\"OK\",\"response\":[{\"id\":1}, 7]}", "X-Request-Id", "r-1");
    ApiCore core = core();
    DecodeException e = assertThrows(DecodeException.class,
        () -> core.execute("list_items", core.service(Service.class).items(Map.of(), Map.of())));
    assertEquals("$.response[1]", e.path());
    assertEquals("r-1", e.requestId());
  }

  @Test
  void aNotFoundSearchBecomesTheEmptyAnswerAndARefusedConnectionATransportError() throws Exception {
    server.reply(404, "{\"status\":\"Error\",\"message\":\"none\"}").reply(404, "{\"status\":\"Error\",\"message\":\"none\"}");
    ApiCore core = core();
    Service s = core.service(Service.class);
    assertEquals(List.of(), core.execute("search", s.items(Map.of(), Map.of()), List::of));
    assertEquals(List.of(), get(core.executeAsync("search", s.items(Map.of(), Map.of()), List::of)));
    String url = server.url("/api/v3");
    server.close();
    ApiCore gone = new Builder(BOOKS).credential("public_key", "pub").credential("private_key", "private-key-secret")
        .baseUrl(url).retries(RetryPolicy.none()).build();
    TransportException t = assertThrows(TransportException.class, () -> gone.executeRaw("api_call", "GET", "/items", null, null, null));
    assertTrue(t.getMessage().startsWith("books.api_call"), t.getMessage());
  }

  @Test
  void theWholeCallTimeoutCancelsBlockingAndAsyncCallsAsATimeout() {
    MockResponse slow = new MockResponse.Builder().code(200).body("{\"status\":\"OK\"}").headersDelay(10, TimeUnit.SECONDS).build();
    server.reply(slow).reply(slow);
    ApiCore core = core().withOptions(RequestOptions.builder().callTimeout(Duration.ofMillis(200)).build());
    TransportException blocking = assertThrows(TransportException.class, () -> core.executeRaw("api_call", "GET", "/items", null, null, null));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> get(core.executeRawAsync("api_call", "GET", "/items", null, null, null)));
    for (Throwable t : List.of(blocking, async.getCause())) {
      TransportException e = assertInstanceOf(TransportException.class, t);
      assertTrue(e.isTimeout(), e.getMessage());
      assertEquals("books.api_call: timed out: InterruptedIOException: timeout", e.getMessage());
    }
  }

  @Test
  void theReadTimeoutHoldsOnAPooledConnectionForTheClientThatAsksForIt() {
    server.reply(200, "{\"status\":\"OK\"}")
        .reply(new MockResponse.Builder().code(200).body("{\"status\":\"OK\"}").headersDelay(10, TimeUnit.SECONDS).build());
    ApiCore core = core();
    assertEquals(Map.of("status", "OK"), core.executeRaw("api_call", "GET", "/items", null, null, null));
    ApiCore impatient = core.withOptions(RequestOptions.builder().readTimeout(Duration.ofMillis(200)).maxRetries(0).build());
    TransportException e = assertThrows(TransportException.class, () -> impatient.executeRaw("api_call", "GET", "/items", null, null, null));
    assertEquals("books.api_call: timed out: SocketTimeoutException: Read timed out", e.getMessage());
    assertEquals(server.take().connection(), server.take().connection(), "the second call reused the first one's connection");
  }

  @Test
  void okHttpKeepsNoTimeoutOfItsOwnSoNoCallWakesItsWatchdog() {
    okhttp3.OkHttpClient http = HttpStack.build(BOOKS, new okhttp3.OkHttpClient(), CallSettings.of(new Builder(BOOKS)),
        Authentication.of(BOOKS, Map.of("public_key", "p", "private_key", "q")));
    assertEquals(List.of(0, 0, 0), List.of(http.readTimeoutMillis(), http.writeTimeoutMillis(), http.callTimeoutMillis()));
    assertEquals(List.of(okhttp3.Protocol.HTTP_1_1), http.protocols());
    assertEquals(10_000, http.connectTimeoutMillis());
  }

  @Test
  void optionsOverrideRetriesAndTheIdempotencyKeyForOneDerivedClient() {
    server.reply(503, "{}");
    ApiCore core = core();
    ApiCore noRetries = core.withOptions(RequestOptions.builder().maxRetries(0).idempotencyKey("order-1").build());
    assertThrows(ProviderException.class, () -> noRetries.executeRaw("api_call", "GET", "/items", null, null, null));
    assertEquals(1, server.requestCount());
    assertNull(core.request(true).headers().get("Idempotency-Key"), "books takes no idempotency key");
    assertEquals("https://books.example/api/v3/",
        new Builder(BOOKS).credential("access", "x").credential("public_key", "p").credential("private_key", "q").build().baseUrl().toString());
  }
}
