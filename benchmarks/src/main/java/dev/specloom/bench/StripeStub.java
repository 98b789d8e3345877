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

/**
 * A loopback HTTP/1.1 server (keep-alive) answering Stripe's customer calls with Stripe's JSON:
 * {@code GET /v1/customers/{id}} and {@code GET /v1/customers?limit=&starting_after=} over {@code total}
 * customers named {@code cus_0000000}, {@code cus_0000001}, ... The first page of 100 and the single customer
 * are rendered once, so the server costs every client under test the same little.
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

  private final HttpServer server;
  private final int total;
  private final byte[] oneCustomer;
  private final byte[] firstHundred;

  StripeStub(int total) {
    this.total = total;
    this.oneCustomer = customer(0).getBytes(StandardCharsets.UTF_8);
    this.firstHundred = page(0, 100).getBytes(StandardCharsets.UTF_8);
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

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      byte[] body;
      int status = 200;
      if (path.startsWith("/v1/customers/")) {
        body = oneCustomer;
      } else if (path.equals("/v1/customers") && exchange.getRequestMethod().equals("GET")) {
        body = list(uri.getRawQuery());
      } else {
        status = 404;
        body = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}"
            .getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Request-Id", "req_bench");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
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
    return page(start, limit).getBytes(StandardCharsets.UTF_8);
  }

  private String page(int start, int limit) {
    int end = Math.min(total, start + limit);
    StringBuilder b = new StringBuilder(limit * CUSTOMER.length() + 100)
        .append("{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":").append(end < total).append(",\"data\":[");
    for (int i = start; i < end; i++) {
      if (i > start) b.append(',');
      b.append(customer(i));
    }
    return b.append("]}").toString();
  }

  private static String customer(int n) {
    return CUSTOMER.formatted(String.format("cus_%07d", n));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
