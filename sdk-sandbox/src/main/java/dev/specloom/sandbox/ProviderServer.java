package dev.specloom.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.specloom.model.Placeholders;
import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.EngineError;
import dev.specloom.model.simulator.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * One provider's simulator: an HTTP server on a loopback port that checks the auth header, routes by method
 * and path under the API root, decodes the body in the provider's encoding, lets the {@link Engine} act on
 * the {@link Store}, and answers in the provider's shapes (errors from the spec's {@code sandbox.errors}).
 */
final class ProviderServer {
  private static final int JOURNAL_SIZE = 1000;
  private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);
  private final Descriptor d;
  private final Sandbox sandbox;
  private final Store store;
  private final Engine engine;
  private final Router router;
  private final Faults faults = new Faults();
  private final AtomicLong requests = new AtomicLong();
  private final Deque<Exchange> journal = new ArrayDeque<>();
  /** Requests being answered now; {@link #reset()} waits for them (at most {@link #IN_FLIGHT_WAIT}). */
  private final int[] inFlight = new int[1];
  private final HttpServer server;

  /** Port 0 picks a free ephemeral port. */
  ProviderServer(Simulation sim, Clock clock, ExecutorService executor, int port) throws IOException {
    this.d = sim.descriptor();
    this.sandbox = sim.sandbox();
    this.store = new Store(sim);
    this.engine = new Engine(sim, store, clock);
    this.router = new Router(d.functions());
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::exchange);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + d.basePath();
  }

  Faults faults() {
    return faults;
  }

  long requests() {
    return requests.get();
  }

  /**
   * Back to the seed data, with an empty journal and no faults. Requests still being answered (a delayed one
   * whose client gave up, say) finish first, so none of them lands in the journal or the store afterwards.
   */
  void reset() {
    synchronized (inFlight) {
      long until = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
      while (inFlight[0] > 0 && System.nanoTime() < until) {
        try {
          inFlight.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    synchronized (store) {
      store.reset();
    }
    synchronized (journal) {
      journal.clear();
    }
    faults.clear();
  }

  List<Exchange> journal() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  private void record(Exchange e) {
    synchronized (journal) {
      if (journal.size() == JOURNAL_SIZE) journal.removeFirst();
      journal.addLast(e);
    }
  }

  /** Sets the state a function's examples start from, as the spec's {@code sandbox.given} declares it. */
  void prepareFor(String function) {
    synchronized (store) {
      sandbox.given().getOrDefault(function, Map.of()).forEach((resource, byId) -> byId.forEach((id, fields) ->
          store.patch(sandbox.resources().get(resource), id, Values.object(fields))));
    }
  }

  void stop() {
    server.stop(0);
  }

  private void exchange(HttpExchange ex) throws IOException {
    synchronized (inFlight) {
      inFlight[0]++;
    }
    try (ex) {
      requests.incrementAndGet();
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      byte[] raw = ex.getRequestBody().readAllBytes();
      String[] function = new String[1];
      Reply reply = answer(ex, method, path, raw, function);
      byte[] answer = reply == null || reply.status() == 204 ? new byte[0] : Json.bytes(reply.body());
      // Journal first: a client may look at the journal as soon as it has the answer.
      record(new Exchange(function[0], method, query == null ? path : path + "?" + query,
          new String(raw, StandardCharsets.UTF_8), reply == null ? 0 : reply.status(),
          new String(answer, StandardCharsets.UTF_8)));
      if (reply != null) send(ex, reply.status(), answer);
    } finally {
      synchronized (inFlight) {
        inFlight[0]--;
        inFlight.notifyAll();
      }
    }
  }

  private record Reply(int status, Object body) {}

  /** The answer to one request; null to drop the connection. */
  private Reply answer(HttpExchange ex, String method, String path, byte[] raw, String[] function) throws IOException {
    Fault fault = faults.poll();
    if (fault != null && fault.kind() == Fault.Kind.DROP) return null;
    if (fault != null && fault.kind() == Fault.Kind.DELAY) sleep(fault);
    Map<String, String> where = Map.of("method", method, "path", path);
    if (fault != null && fault.kind() == Fault.Kind.STATUS) {
      if (fault.retryAfter() != null) {
        ex.getResponseHeaders().set("Retry-After", String.valueOf(Math.max(1, fault.retryAfter().toSeconds())));
      }
      return error((fault.status() == 429 ? EngineError.RATE_LIMITED : EngineError.SERVER_ERROR).kind(), where, fault.status());
    }
    if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) return error(EngineError.UNAUTHORIZED.kind(), where, 0);
    Router.Match match = path.startsWith(d.basePath() + "/") ? router.match(method, path.substring(d.basePath().length()),
        WireCodec.pairs(ex.getRequestURI().getRawQuery())) : null;
    if (match == null) return error(EngineError.NOT_ROUTED.kind(), where, 0);
    function[0] = match.fn().name();
    Call call;
    try {
      call = call(ex, match, raw);
    } catch (IOException e) {
      return error(EngineError.MISSING_PARAM.kind(), Map.of("param", "body", "method", method, "path", path), 0);
    }
    Object body;
    try {
      synchronized (store) {
        body = engine.handle(match.fn(), call);
      }
    } catch (Failure f) {
      Map<String, String> vars = new HashMap<>(where);
      vars.putAll(f.vars);
      return error(f.kind, vars, 0);
    } catch (RuntimeException e) {
      // A descriptor the engine cannot follow answers as the provider's own failure would, not as a dropped connection.
      return error(EngineError.SERVER_ERROR.kind(), where, 500);
    }
    return new Reply(sandbox.functions().get(match.fn().name()).status().orElse(200), body);
  }

  private Call call(HttpExchange ex, Router.Match match, byte[] raw) throws IOException {
    List<String[]> query = WireCodec.pairs(ex.getRequestURI().getRawQuery());
    Map<String, Object> body = switch (d.encoding()) {
      case FORM -> WireCodec.form(WireCodec.pairs(new String(raw, StandardCharsets.UTF_8)));
      case JSON -> WireCodec.json(raw);
    };
    Map<String, Object> request = WireCodec.form(query);
    Map<String, Object> input = Values.object(Engine.input(match.fn(), body));
    if (input != null) request.putAll(Values.copyObject(input));
    request.putAll(match.pathParams());
    return new Call(match.pathParams(), query, body, request);
  }

  /** Any credentials of a scheme the spec declares: the simulator checks their presence and form, not value. */
  private boolean authorized(String header) {
    if (header == null) return false;
    for (Descriptor.Credentials scheme : d.auth()) {
      if (scheme == Descriptor.Credentials.BASIC && header.startsWith("Basic ")) {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (decoded.indexOf(':') > 0) return true;
      }
      if (scheme == Descriptor.Credentials.BEARER && header.startsWith("Bearer ") && header.length() > 7) return true;
    }
    return false;
  }

  private Reply error(String kind, Map<String, String> vars, int statusOverride) {
    Sandbox.ErrorShape shape = sandbox.errors().get(kind);
    int status = statusOverride != 0 ? statusOverride : shape != null ? shape.status()
        : EngineError.of(kind).map(EngineError::status).orElse(400);
    Object body = shape != null ? fill(shape.body(), vars) : new LinkedHashMap<>(Map.of("message", kind.replace('_', ' ')));
    return new Reply(status, body);
  }

  private static Object fill(Object template, Map<String, String> vars) {
    if (template instanceof String text) {
      Matcher m = Placeholders.PATTERN.matcher(text);
      StringBuilder b = new StringBuilder();
      while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), m.group())));
      return m.appendTail(b).toString();
    }
    if (template instanceof Map<?, ?> object) {
      Map<String, Object> out = new LinkedHashMap<>();
      // Keys too: a validation error is keyed by the param it names ({"errors": {"name": ...}}).
      object.forEach((k, v) -> out.put((String) fill(k, vars), fill(v, vars)));
      return out;
    }
    return template;
  }

  private void send(HttpExchange ex, int status, byte[] bytes) throws IOException {
    if (d.requestIdHeader().isPresent()) ex.getResponseHeaders().set(d.requestIdHeader().get(), "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14));
    if (status == 204) {
      ex.sendResponseHeaders(204, -1); // No Content: no body at all
      return;
    }
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(Fault fault) {
    try {
      Thread.sleep(fault.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
