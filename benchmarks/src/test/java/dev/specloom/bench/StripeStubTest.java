package dev.specloom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.stripe.ListCustomersParams;
import dev.specloom.stripe.StripeClient;
import dev.specloom.stripe.model.CustomerList;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StripeStubTest {
  private final StripeStub server = new StripeStub(250);
  private final StripeClient client = StripeClient.builder().apiKey("sk_test_x").baseUrl(server.url()).build();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pagesFollowTheCursorAndEndWithoutHasMore() {
    CustomerList first = client.listCustomers(ListCustomersParams.builder().limit(100L).build());
    assertEquals(100, first.customers().size());
    assertEquals("cus_0000000", first.customers().get(0).id());
    assertTrue(first.hasMore());

    CustomerList last = client.listCustomers(ListCustomersParams.builder().limit(100L).startingAfter("cus_0000199").build());
    assertEquals(50, last.customers().size());
    assertEquals("cus_0000200", last.customers().get(0).id());
    assertEquals("cus_0000249", last.customers().get(49).id());
    assertFalse(last.hasMore());
  }

  @Test
  void autoPagingSeesEveryCustomerOnce() {
    int n = 0;
    for (var c : client.listCustomersAutoPaging(ListCustomersParams.builder().limit(100L).build())) {
      assertEquals(String.format("cus_%07d", n++), c.id());
    }
    assertEquals(250, n);
  }

  @Test
  void answersStripesCustomerAndAnErrorForOtherPaths() throws IOException {
    OkHttpClient http = new OkHttpClient();
    try (Response r = http.newCall(new Request.Builder().url(server.url() + "/v1/customers/cus_0000000").build()).execute()) {
      assertEquals(200, r.code());
      assertEquals("application/json", r.header("Content-Type"));
      String body = r.body().string();
      assertTrue(body.startsWith("{\"id\":\"cus_0000000\",\"object\":\"customer\","), body);
    }
    try (Response r = http.newCall(new Request.Builder().url(server.url() + "/v1/customersx").build()).execute()) {
      assertEquals(404, r.code());
    }
  }
}
