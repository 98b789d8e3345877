package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh loopback server per test with a Stripe client pointed at it, closed after the test, and the checks
 * every Stripe request shares. Register it as {@code @RegisterExtension final StripeWire wire = new StripeWire();}.
 */
final class StripeWire implements AfterEachCallback {
  static final String KEY = "sk_test_wire_123";
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
  static final String FORM = "application/x-www-form-urlencoded";

  final WireServer server = new WireServer();
  final StripeClient stripe;

  StripeWire() {
    this(b -> b);
  }

  /** {@code configure} adjusts the client builder, e.g. {@code b -> b.maxRetries(0)}. */
  StripeWire(UnaryOperator<StripeClient.Builder> configure) {
    stripe = client(configure);
  }

  /** Another client for this server. */
  StripeClient client(UnaryOperator<StripeClient.Builder> configure) {
    return configure.apply(StripeClient.builder().apiKey(KEY).baseUrl(server.url("/"))).build();
  }

  /** A client for a port nothing listens on, so every call fails to connect. */
  static StripeClient unreachable() {
    WireServer closed = new WireServer();
    String url = closed.url("/");
    closed.close();
    return StripeClient.builder().apiKey(KEY).baseUrl(url).maxRetries(0).build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.close();
  }

  /**
   * Takes the next request and checks it exactly: method, path, query (null: none), Stripe's headers, and the
   * form body with its content type (null: no body and no content type).
   */
  WireServer.Sent expect(String method, String path, String query, String form) {
    WireServer.Sent sent = common(server.take(), method.equals("POST"));
    assertEquals(method, sent.method());
    assertEquals(path, sent.path());
    assertEquals(query, sent.query());
    if (form == null) {
      assertEquals("", sent.body());
      assertNull(sent.header("Content-Type"));
    } else {
      formBody(sent, form);
    }
    return sent;
  }

  /** Headers every Stripe call carries; POSTs also carry a fresh Idempotency-Key (GET and DELETE none). */
  static WireServer.Sent common(WireServer.Sent sent, boolean post) {
    assertEquals(BASIC, sent.header("Authorization"));
    assertEquals("2024-06-20", sent.header("Stripe-Version"));
    if (post) {
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

  /** Neither the key nor its Basic encoding shows in any message or toString along the cause chain. */
  static void keyNeverShown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String shown = t.toString();
      assertFalse(String.valueOf(t.getMessage()).contains(KEY), "key in message: " + shown);
      assertFalse(shown.contains(KEY), "key in toString: " + shown);
      assertFalse(shown.contains(BASIC.substring(6)), "basic credentials in toString: " + shown);
    }
  }
}
