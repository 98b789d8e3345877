package dev.specloom.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A loopback MockWebServer for wire tests: queue answers, then read back exactly what was sent. */
public final class WireServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();

  public WireServer() {
    try {
      server.setServerSocketFactory(NoDelaySockets.FACTORY);
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's root plus {@code path} (e.g. "/v1/" for a provider whose API root has a path). */
  public String url(String path) {
    return server.url(path).toString();
  }

  public WireServer reply(int code, String json, String... headerPairs) {
    MockResponse.Builder r = new MockResponse.Builder().code(code).body(json)
        .setHeader("Content-Type", "application/json");
    for (int i = 0; i + 1 < headerPairs.length; i += 2) r.setHeader(headerPairs[i], headerPairs[i + 1]);
    server.enqueue(r.build());
    return this;
  }

  /** Queues a hand-built answer, e.g. one that drops the connection. */
  public WireServer reply(MockResponse response) {
    server.enqueue(response);
    return this;
  }

  public int requestCount() {
    return server.getRequestCount();
  }

  public Sent take() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r == null) throw new AssertionError("no request was sent");
      return new Sent(r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  /** One recorded request, in the terms wire tests assert. */
  public static final class Sent {
    private final RecordedRequest r;

    Sent(RecordedRequest r) {
      this.r = r;
    }

    public String method() {
      return r.getMethod();
    }

    /** Which connection, counted from 0 in the order the server accepted them, carried this request. */
    public int connection() {
      return r.getConnectionIndex();
    }

    /** The encoded path, without the query. */
    public String path() {
      return r.getUrl().encodedPath();
    }

    /** The encoded query exactly as sent, or null. */
    public String query() {
      return r.getUrl().encodedQuery();
    }

    /** Decoded query parameters in order; a repeated name keeps its last value. */
    public Map<String, String> queryParams() {
      Map<String, String> out = new LinkedHashMap<>();
      for (String name : r.getUrl().queryParameterNames()) out.put(name, r.getUrl().queryParameter(name));
      return out;
    }

    public String body() {
      return r.getBody() == null ? "" : r.getBody().utf8();
    }

    /** The form body decoded into name → value, in order. */
    public Map<String, String> form() {
      Map<String, String> out = new LinkedHashMap<>();
      String b = body();
      if (b.isEmpty()) return out;
      for (String pair : b.split("&")) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return out;
    }

    public String header(String name) {
      return r.getHeaders().get(name);
    }
  }
}
