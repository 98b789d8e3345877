package dev.specloom.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP/1.1 server (keep-alive) answering Stripe's customer calls with Stripe's JSON:
 * {@code GET /v1/customers/{id}} and {@code GET /v1/customers?limit=&starting_after=} over {@code total}
 * customers named {@code cus_0000000}, {@code cus_0000001}, ... It shares the JVM (and the two cores) with the
 * clients under test, so it does as little as a server can: one thread per connection reading the request head,
 * and each answer sent in one write (no Nagle wait between head and body), the single customer and the first
 * page of 100 rendered once, other pages spliced from a byte template. The JDK's HttpServer it replaces spent
 * about as much CPU per {@code get_customer} as the client did, which both hid client differences and shaped them.
 */
final class StripeStub implements AutoCloseable {
  private static final String CUSTOMER = """
      {"id":"%s","object":"customer","address":null,"balance":0,"created":1680893993,"currency":"usd",\
      "default_source":null,"delinquent":false,"description":"Enterprise customer","discount":null,\
      "email":"jenny.rosen@example.com","invoice_prefix":"0759376C","invoice_settings":{"custom_fields":null,\
      "default_payment_method":null,"footer":null,"rendering_options":null},"livemode":false,\
      "metadata":{"tier":"gold","crm_id":"12345"},"name":"Jenny Rosen","next_invoice_sequence":1,\
      "phone":"+1 555-0123","preferred_locales":[],"shipping":null,"tax_exempt":"none","test_clock":null}""";

  private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
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

  private final ServerSocket listener;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final int total;
  private final byte[] oneCustomer;
  private final byte[] firstHundred;
  private final byte[] oneCustomerAnswer;
  private final byte[] firstHundredAnswer;
  private final byte[] notFoundAnswer;

  StripeStub(int total) {
    if (total > 10_000_000) throw new IllegalArgumentException("ids have seven digits");
    this.total = total;
    this.oneCustomer = customer(0);
    Page first = new Page();
    first.render(this, 0, 100);
    this.firstHundred = Arrays.copyOfRange(first.bytes, Page.HEAD_ROOM, first.length);
    this.oneCustomerAnswer = answer(200, oneCustomer);
    this.firstHundredAnswer = answer(200, firstHundred);
    this.notFoundAnswer = answer(404, NOT_FOUND);
    try {
      listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "stripe-stub-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The API root, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** The first page of 100 customers as the server sends it. */
  byte[] firstHundred() {
    return firstHundred.clone();
  }

  /** One customer as the server sends it. */
  byte[] oneCustomer() {
    return oneCustomer.clone();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket s = listener.accept();
        connections.add(s);
        Thread t = new Thread(() -> serve(s), "stripe-stub-" + s.getPort());
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Answers requests on one keep-alive connection until the client closes it (or {@link #close} does). */
  private void serve(Socket socket) {
    Page page = new Page();
    byte[] head = new byte[8192];
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        int length = readHead(in, head);
        if (length < 0) return;
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        String[] requestLine = text.substring(0, text.indexOf('\r')).split(" ");
        in.skipNBytes(contentLength(text));
        String method = requestLine[0];
        String target = requestLine[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (path.startsWith("/v1/customers/")) {
          out.write(oneCustomerAnswer);
        } else if (path.equals("/v1/customers") && method.equals("GET")) {
          list(q < 0 ? null : target.substring(q + 1), page, out);
        } else {
          out.write(notFoundAnswer);
        }
      }
    } catch (IOException closed) {
      // The client or close() ended the connection.
    } finally {
      connections.remove(socket);
    }
  }

  /** Reads up to the blank line that ends a request head into {@code into}; -1 at end of stream. */
  private static int readHead(InputStream in, byte[] into) throws IOException {
    int n = 0;
    int matched = 0;
    while (matched < HEAD_END.length) {
      int b = in.read();
      if (b < 0) return -1;
      if (n == into.length) throw new IOException("request head over " + into.length + " bytes");
      into[n++] = (byte) b;
      matched = b == HEAD_END[matched] ? matched + 1 : b == '\r' ? 1 : 0;
    }
    return n;
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) return Long.parseLong(line.substring(15).trim());
    }
    return 0;
  }

  private void list(String query, Page page, OutputStream out) throws IOException {
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
    if (start == 0 && limit == 100) {
      out.write(firstHundredAnswer);
      return;
    }
    int from = page.render(this, start, limit);
    out.write(page.bytes, from, page.length - from);
  }

  /** A complete answer: status line, the headers Stripe's clients read, and the body. */
  private static byte[] answer(int status, byte[] body) {
    byte[] head = head(status, body.length);
    byte[] all = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private static byte[] head(int status, int bodyLength) {
    return bytes("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n"
        + "Content-Type: application/json\r\nRequest-Id: req_bench\r\nContent-Length: " + bodyLength + "\r\n\r\n");
  }

  /**
   * One connection's reusable answer buffer: the body is rendered after room for the head, which is then written
   * just before it, so head and body leave in one write without copying the page.
   */
  private static final class Page {
    private static final int HEAD_ROOM = 128;
    byte[] bytes = new byte[0];
    int length;

    /** Renders the page; returns where its answer starts in {@link #bytes}, which it fills up to {@link #length}. */
    int render(StripeStub stub, int start, int limit) {
      int bodyLength = stub.page(this, HEAD_ROOM, start, limit);
      byte[] head = head(200, bodyLength);
      int from = HEAD_ROOM - head.length;
      System.arraycopy(head, 0, bytes, from, head.length);
      length = HEAD_ROOM + bodyLength;
      return from;
    }
  }

  /** Renders customers {@code start} up to {@code start + limit} into {@code page} at {@code at}; returns the length. */
  private int page(Page page, int at, int start, int limit) {
    int end = Math.min(total, start + limit);
    byte[] more = bytes(String.valueOf(end < total));
    int count = Math.max(0, end - start);
    int length = PAGE_START.length + more.length + DATA.length + count * (customerLength() + 1) + PAGE_END.length;
    if (page.bytes.length < at + length) page.bytes = new byte[at + length];
    byte[] out = page.bytes;
    int i = put(PAGE_START, out, at);
    i = put(more, out, i);
    i = put(DATA, out, i);
    for (int n = start; n < end; n++) {
      if (n > start) out[i++] = ',';
      i = putCustomer(n, out, i);
    }
    return put(PAGE_END, out, i) - at;
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
    try {
      listener.close();
      for (Socket s : connections) s.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
