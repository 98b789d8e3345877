package dev.specloom.chartmogul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.RetryPolicy;
import dev.specloom.runtime.TransportException;
import dev.specloom.runtime.testing.NoDelaySockets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ChartMogul takes no idempotency key, so a write that may have reached the server is never sent again (a
 * 5xx answer is covered in the wire test): not after a dropped connection either. A write whose connection
 * was refused (nothing was sent) is retried.
 */
class ChartMogulRetriesTest {
  MockWebServer server;
  List<Duration> slept;
  ChartMogulClient cm;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setServerSocketFactory(NoDelaySockets.FACTORY);
    server.start();
    slept = new CopyOnWriteArrayList<>();
    cm = client(server.url("/v1").toString());
  }

  ChartMogulClient client(String url) {
    return ChartMogulClient.builder().apiKey("cm_key_retry").baseUrl(url)
        .retries(RetryPolicy.DEFAULT.withMaxRetries(3).withSleeper(slept::add)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  static CreateCustomerParams newCustomer() {
    return CreateCustomerParams.builder().dataSourceUuid("ds_1").externalId("x1").name("Adam").build();
  }

  @Test
  void aWriteWhoseConnectionDroppedAfterTheRequestIsNotRetried() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(201, "{\"uuid\":\"cus_1\"}"));
    TransportException e = assertThrows(TransportException.class, () -> cm.createCustomer(newCustomer()));
    assertFalse(e.isTimeout());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), slept);
  }

  @Test
  void aWriteAnswered503WithRetryAfterZeroIsNotResentByOkHttpEither() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").body("{\"message\":\"busy\"}").build());
    server.enqueue(json(201, "{\"uuid\":\"cus_1\"}"));
    ProviderException e = assertThrows(ProviderException.class, () -> cm.createCustomer(newCustomer()));
    assertEquals(503, e.status());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aWriteThatNeverConnectedIsRetried() {
    String url = server.url("/v1").toString();
    server.close();
    assertThrows(TransportException.class, () -> client(url).createCustomer(newCustomer()));
    assertEquals(3, slept.size(), "refused connections: nothing was sent, so all 3 retries ran");
  }
}
