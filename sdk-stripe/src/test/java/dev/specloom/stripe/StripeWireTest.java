package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import dev.specloom.stripe.model.Customer;
import dev.specloom.stripe.model.CustomerList;
import dev.specloom.stripe.model.Price;
import dev.specloom.stripe.model.Subscription;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Stripe function: the exact request on the wire and the decoded result. */
class StripeWireTest {
  static final String KEY = "sk_test_wire_123";
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
  static final String FORM = "application/x-www-form-urlencoded";

  WireServer server;
  StripeClient stripe;

  @BeforeEach
  void start() {
    server = new WireServer();
    stripe = StripeClient.builder().apiKey(KEY).baseUrl(server.url("/")).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Headers every Stripe call carries; writes also carry a fresh Idempotency-Key. */
  static WireServer.Sent common(WireServer.Sent sent, boolean write) {
    assertEquals(BASIC, sent.header("Authorization"));
    assertEquals("2024-06-20", sent.header("Stripe-Version"));
    if (write) {
      assertTrue(sent.header("Idempotency-Key").matches("[0-9a-f-]{36}"), sent.header("Idempotency-Key"));
    } else {
      assertNull(sent.header("Idempotency-Key"));
    }
    return sent;
  }

  static void formBody(WireServer.Sent sent, String expected) {
    assertEquals(FORM, sent.header("Content-Type"));
    assertEquals(expected, sent.body());
  }

  @Test
  void createCustomer() {
    server.reply(200, """
        {"id":"cus_abc123","object":"customer","name":"Acme Corp","email":"billing@acme.example",
         "phone":"+1 555-0123","metadata":{"crm_id":"12345","tier":"enterprise"},"created":1712304000}""");
    Customer c = stripe.createCustomer(CreateCustomerParams.builder()
        .name("Acme Corp").email("billing@acme.example").description("Enterprise customer").phone("+1 555-0123")
        .putMetadata("crm_id", "12345").putMetadata("tier", "enterprise").build());
    WireServer.Sent sent = common(server.take(), true);
    assertEquals("POST", sent.method());
    assertEquals("/v1/customers", sent.path());
    assertNull(sent.query());
    formBody(sent, "name=Acme+Corp&email=billing%40acme.example&description=Enterprise+customer&phone=%2B1+555-0123"
        + "&metadata[crm_id]=12345&metadata[tier]=enterprise");
    assertEquals("cus_abc123", c.id());
    assertEquals("Acme Corp", c.name());
    assertEquals(1712304000L, c.created());
    assertEquals(Map.of("crm_id", "12345", "tier", "enterprise"), c.metadata());
  }

  @Test
  void getCustomer() {
    server.reply(200, "{\"id\":\"cus_abc123\",\"name\":\"Acme Corp\",\"email\":null}");
    Customer c = stripe.getCustomer(GetCustomerParams.of("cus_abc123"));
    WireServer.Sent sent = common(server.take(), false);
    assertEquals("GET", sent.method());
    assertEquals("/v1/customers/cus_abc123", sent.path());
    assertNull(sent.query());
    assertEquals("", sent.body());
    assertEquals("Acme Corp", c.name());
    assertNull(c.email());
  }

  @Test
  void listCustomersSendsDefaultLimitAndDecodesTheEnvelope() {
    server.reply(200, """
        {"object":"list","url":"/v1/customers","has_more":true,
         "data":[{"id":"cus_1","email":"a@acme.example"},{"id":"cus_2","email":"b@acme.example"}]}""");
    CustomerList page = stripe.listCustomers(ListCustomersParams.builder().email("a@acme.example").build());
    WireServer.Sent sent = common(server.take(), false);
    assertEquals("GET", sent.method());
    assertEquals("/v1/customers", sent.path());
    assertEquals("email=a%40acme.example&limit=10", sent.query());
    assertEquals(2, page.customers().size());
    assertEquals("cus_2", page.customers().get(1).id());
    assertTrue(page.hasMore());
  }

  @Test
  void createPriceNestsRecurringWithBrackets() {
    server.reply(200, """
        {"id":"price_def456","product":"prod_xyz789","unit_amount":7999,"currency":"usd",
         "recurring":{"interval":"month","interval_count":3},"active":true}""");
    Price p = stripe.createPrice(CreatePriceParams.builder().product("prod_xyz789").unitAmount(7999L)
        .currency("usd").recurringInterval("month").recurringIntervalCount(3L).build());
    WireServer.Sent sent = common(server.take(), true);
    assertEquals("POST", sent.method());
    assertEquals("/v1/prices", sent.path());
    formBody(sent, "product=prod_xyz789&unit_amount=7999&currency=usd&recurring[interval]=month&recurring[interval_count]=3");
    assertEquals(3L, p.recurring().intervalCount());
  }

  @Test
  void createSubscriptionSendsItemsNotPrice() {
    server.reply(200, """
        {"id":"sub_mno345","customer":"cus_abc123","status":"trialing","quantity":5,
         "current_period_start":1712304000,"current_period_end":1714982400}""");
    Subscription s = stripe.createSubscription(CreateSubscriptionParams.builder().customer("cus_abc123")
        .price("price_def456").quantity(5L).trialPeriodDays(14L).putMetadata("plan", "enterprise").build());
    WireServer.Sent sent = common(server.take(), true);
    assertEquals("/v1/subscriptions", sent.path());
    formBody(sent, "customer=cus_abc123&items[0][price]=price_def456&items[0][quantity]=5&trial_period_days=14"
        + "&metadata[plan]=enterprise");
    assertEquals("trialing", s.status());
    assertEquals(1714982400L, s.currentPeriodEnd());
  }

  @Test
  void cancelSubscriptionIsADeleteWithQueryFlags() {
    server.reply(200, "{\"id\":\"sub_mno345\",\"status\":\"canceled\",\"canceled_at\":1712304000}");
    Subscription s = stripe.cancelSubscription(CancelSubscriptionParams.builder().id("sub_mno345")
        .prorate(false).invoiceNow(false).build());
    WireServer.Sent sent = common(server.take(), true);
    assertEquals("DELETE", sent.method());
    assertEquals("/v1/subscriptions/sub_mno345", sent.path());
    assertEquals("prorate=false&invoice_now=false", sent.query());
    assertEquals("", sent.body());
    assertEquals("canceled", s.status());
    assertEquals(1712304000L, s.canceledAt());
  }
}
