package dev.specloom.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A loopback HTTP/1.1 server (keep-alive) answering Stripe's customer calls with Stripe's JSON:
 * {@code GET /v1/customers/{id}} and {@code GET /v1/customers?limit=&starting_after=} over {@code total}
 * customers named {@code cus_0000000}, {@code cus_0000001}, ... The first page of 100 and the single customer
 * are rendered once, other pages spliced from a byte template, so the server costs every client under test the
 * same little and the auto-paging benchmark measures the client, not the server's formatting.
 */
final class StripeStub implements AutoCloseable {
  static {
    // Without it the JDK server's writes wait on Nagle's algorithm and every call pays a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final String CUSTOMER = """
      {"id":"%s","object":"customer","address":null,"balance":0,"created":1680893993,"currency":"usd",\
      "default_source":null,"delinquent":false,"description":"Enterprise customer","discount":null,\
      "email":"jenny.rosen@example.com","invoice_prefix":"0759376C","invoice_settings":{"custom_fields":null,\
      "default_payment_method":null,"footer":null,"rendering_options":null},"livemode":false,\
      "metadata":{"tier":"gold","crm_id":"12345"},"name":"Jenny Rosen","next_invoice_sequence":1,\
      "phone":"+1 555-0123","preferred_locales":[],"shipping":null,"tax_exempt":"none","test_clock":null}""";

  /** The customer's bytes around its id, which is always {@code cus_} and seven digits. */
  private static final byte[] BEFORE_ID;
  private static final byte[] AFTER_ID;
  private static final int ID_DIGITS = 7;
  private static final byte[] PAGE_START = bytes("{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":");
  private static final byte[] DATA = bytes(",\"data\":[");
  private static final byte[] PAGE_END = bytes("]}");
  private static final byte[] NOT_FOUND =
      bytes("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");

  static {
    int at = CUSTOMER.indexOf("%s");
    BEFORE_ID = bytes(CUSTOMER.substring(0, at) + "cus_");
    AFTER_ID = bytes(CUSTOMER.substring(at + 2));
  }

  private final HttpServer server;
  private final int total;
  private final byte[] oneCustomer;
  private final byte[] firstHundred;
  /**
   * The page being sent, reused: with no executor the JDK server runs every exchange on its one dispatcher thread,
   * so rendering a page costs copying bytes and splicing an id, not formatting strings or growing the heap.
   */
  private byte[] scratch = new byte[0];
  private int pageLength;

  StripeStub(int total) {
    if (total > 10_000_000) throw new IllegalArgumentException("ids have seven digits");
    this.total = total;
    this.oneCustomer = Arrays.copyOf(customer(0), customerLength());
    int length = page(0, 100);
    this.firstHundred = Arrays.copyOf(scratch, length);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/customers", this::answer);
    server.start();
  }

  /** The API root, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The first page of 100 customers as the server sends it. */
  byte[] firstHundred() {
    return firstHundred.clone();
  }

  /** One customer as the server sends it. */
  byte[] oneCustomer() {
    return oneCustomer.clone();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      // Drained without readAllBytes' 8 KiB buffer per call; a GET sends nothing.
      while (in.read() >= 0) in.skip(Long.MAX_VALUE);
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      byte[] body;
      int length;
      int status = 200;
      if (path.startsWith("/v1/customers/")) {
        body = oneCustomer;
        length = body.length;
      } else if (path.equals("/v1/customers") && exchange.getRequestMethod().equals("GET")) {
        body = list(uri.getRawQuery());
        length = body == firstHundred ? body.length : pageLength;
      } else {
        status = 404;
        body = NOT_FOUND;
        length = body.length;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Request-Id", "req_bench");
      exchange.sendResponseHeaders(status, length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body, 0, length);
      }
    }
  }

  private byte[] list(String query) {
    int limit = 10;
    int start = 0;
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq < 0) continue;
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        if (name.equals("limit")) limit = Integer.parseInt(value);
        if (name.equals("starting_after")) start = Integer.parseInt(value.substring("cus_".length())) + 1;
      }
    }
    if (start == 0 && limit == 100) return firstHundred;
    pageLength = page(start, limit);
    return scratch;
  }

  /** Renders customers {@code start} up to {@code start + limit} into {@link #scratch}; returns the length. */
  private int page(int start, int limit) {
    int end = Math.min(total, start + limit);
    byte[] more = bytes(String.valueOf(end < total));
    int count = Math.max(0, end - start);
    int length = PAGE_START.length + more.length + DATA.length + count * (customerLength() + 1) + PAGE_END.length;
    if (scratch.length < length) scratch = new byte[length];
    int at = put(PAGE_START, scratch, 0);
    at = put(more, scratch, at);
    at = put(DATA, scratch, at);
    for (int i = start; i < end; i++) {
      if (i > start) scratch[at++] = ',';
      at = putCustomer(i, scratch, at);
    }
    return put(PAGE_END, scratch, at);
  }

  private static int customerLength() {
    return BEFORE_ID.length + ID_DIGITS + AFTER_ID.length;
  }

  private static byte[] customer(int n) {
    byte[] out = new byte[customerLength()];
    putCustomer(n, out, 0);
    return out;
  }

  /** Writes customer {@code n} at {@code at}, as {@code CUSTOMER.formatted(String.format("cus_%07d", n))} would. */
  private static int putCustomer(int n, byte[] out, int at) {
    at = put(BEFORE_ID, out, at);
    for (int d = ID_DIGITS - 1, v = n; d >= 0; d--, v /= 10) out[at + d] = (byte) ('0' + v % 10);
    return put(AFTER_ID, out, at + ID_DIGITS);
  }

  private static int put(byte[] part, byte[] out, int at) {
    System.arraycopy(part, 0, out, at, part.length);
    return at + part.length;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
