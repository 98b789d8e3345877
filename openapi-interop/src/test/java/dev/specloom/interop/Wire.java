package dev.specloom.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.specloom.runtime.testing.WireServer;
import java.util.Map;
import java.util.TreeMap;

/**
 * One loopback server that both clients call, and the parts of a request they are compared on: method,
 * path, each decoded query parameter, each decoded form field or JSON leaf, Content-Type, Authorization
 * and the named provider headers (an idempotency key only as present, since it is random).
 */
final class Wire implements AutoCloseable {
  static final String ABSENT = "(absent)";

  /** A call on either client; the generated one throws its checked ApiException. */
  interface Call {
    void run() throws Exception;
  }

  private final WireServer server = new WireServer();
  private final String[] headers;
  private final String idempotencyHeader;

  Wire(String idempotencyHeader, String... headers) {
    this.idempotencyHeader = idempotencyHeader;
    this.headers = headers;
  }

  String url(String path) {
    return server.url(path);
  }

  /** Both clients, answered {@code reply}, sent the same authenticated request. */
  void same(String reply, Call ours, Call theirs) throws Exception {
    differs(reply, ours, theirs, Map.of());
  }

  void sameAnswering(int status, String reply, Call ours, Call theirs) throws Exception {
    compare(status, reply, ours, theirs, Map.of());
  }

  /** The two requests differ in exactly {@code expected}: part → "ours | theirs". */
  void differs(String reply, Call ours, Call theirs, Map<String, String> expected) throws Exception {
    compare(200, reply, ours, theirs, expected);
  }

  private void compare(int status, String reply, Call ours, Call theirs, Map<String, String> expected) throws Exception {
    Map<String, String> a = send(status, reply, ours);
    assertTrue(a.get("header Authorization").startsWith("Basic "), a.toString());
    assertEquals(expected, diff(a, send(status, reply, theirs)));
  }

  private Map<String, String> send(int status, String reply, Call call) throws Exception {
    server.reply(status, reply);
    call.run();
    return parts(server.take());
  }

  private Map<String, String> parts(WireServer.Sent sent) {
    Map<String, String> parts = new TreeMap<>();
    parts.put("method", sent.method());
    parts.put("path", sent.path());
    sent.queryParams().forEach((name, value) -> parts.put("query " + name, value));
    parts.put("header Authorization", String.valueOf(sent.header("Authorization")));
    for (String h : headers) parts.put("header " + h, String.valueOf(sent.header(h)));
    if (idempotencyHeader != null) parts.put("header " + idempotencyHeader, sent.header(idempotencyHeader) == null ? ABSENT : "present");
    String type = sent.header("Content-Type");
    if (!sent.body().isEmpty()) {
      parts.put("header Content-Type", type);
      if (type.startsWith("application/x-www-form-urlencoded")) {
        sent.form().forEach((name, value) -> parts.put("form " + name, value));
      } else {
        leaves("json ", JsonParser.parseString(sent.body()), parts);
      }
    }
    return parts;
  }

  /** A JSON body as pointer → leaf, so that a nested difference names its place. */
  private static void leaves(String at, JsonElement e, Map<String, String> out) {
    if (e.isJsonObject()) {
      e.getAsJsonObject().entrySet().forEach(m -> leaves(at + "/" + m.getKey(), m.getValue(), out));
    } else if (e.isJsonArray()) {
      for (int i = 0; i < e.getAsJsonArray().size(); i++) leaves(at + "/" + i, e.getAsJsonArray().get(i), out);
    } else {
      out.put(at, e.toString());
    }
  }

  /** Part → "ours | theirs" for every part that differs; empty when both clients sent the same request. */
  private static Map<String, String> diff(Map<String, String> ours, Map<String, String> theirs) {
    Map<String, String> d = new TreeMap<>();
    TreeMap<String, String> all = new TreeMap<>(ours);
    all.putAll(theirs);
    for (String part : all.keySet()) {
      String a = ours.getOrDefault(part, ABSENT);
      String b = theirs.getOrDefault(part, ABSENT);
      if (!a.equals(b)) d.put(part, a + " | " + b);
    }
    return d;
  }

  @Override
  public void close() {
    server.close();
  }
}
