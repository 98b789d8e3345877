package dev.specloom.sandbox;

import static dev.specloom.sandbox.Expressions.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decodes what a client sends: JSON bodies, and form bodies and query strings whose bracket keys nest
 * ({@code metadata[tier]=gold} → {@code {metadata:{tier:gold}}}, {@code items[0][price]=x} → a list).
 */
final class WireCodec {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private WireCodec() {}

  static ObjectNode json(byte[] body) throws IOException {
    if (body.length == 0) return JSON.objectNode();
    JsonNode n = MAPPER.readTree(body);
    if (n == null || !n.isObject()) throw new IOException("the body is not a JSON object");
    return (ObjectNode) n;
  }

  /** The pairs of a form body or query string, decoded, in order. */
  static List<String[]> pairs(String encoded) {
    List<String[]> out = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) return out;
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(new String[] {URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)});
    }
    return out;
  }

  /** Nests bracket keys; a repeated plain key keeps its last value. */
  static ObjectNode form(List<String[]> pairs) {
    ObjectNode root = JSON.objectNode();
    for (String[] p : pairs) {
      List<String> path = keyPath(p[0]);
      ObjectNode cur = root;
      for (int i = 0; i < path.size() - 1; i++) {
        JsonNode next = cur.get(path.get(i));
        if (next == null || !next.isObject()) {
          next = JSON.objectNode();
          cur.set(path.get(i), next);
        }
        cur = (ObjectNode) next;
      }
      String last = path.get(path.size() - 1);
      if (last.isEmpty()) last = String.valueOf(cur.size());
      cur.put(last, p[1]);
    }
    return (ObjectNode) lists(root);
  }

  /** Bracket path of a key: {@code items[0][price]} → items, 0, price. */
  static List<String> keyPath(String key) {
    List<String> out = new ArrayList<>();
    int open = key.indexOf('[');
    out.add(open < 0 ? key : key.substring(0, open));
    while (open >= 0) {
      int close = key.indexOf(']', open);
      if (close < 0) break;
      out.add(key.substring(open + 1, close));
      open = key.indexOf('[', close);
    }
    return out;
  }

  /** The dot path a wire name reaches in a nested body: {@code items[0][price]} → items.0.price. */
  static String dotPath(String wire) {
    return String.join(".", keyPath(wire));
  }

  /** Objects whose keys are 0, 1, 2, ... become lists. */
  private static JsonNode lists(JsonNode n) {
    if (!n.isObject()) return n;
    ObjectNode o = (ObjectNode) n;
    boolean indexed = o.size() > 0;
    int i = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); i++) {
      Map.Entry<String, JsonNode> e = it.next();
      e.setValue(lists(e.getValue()));
      if (!e.getKey().equals(String.valueOf(i))) indexed = false;
    }
    if (!indexed) return o;
    ArrayNode a = JSON.arrayNode();
    o.forEach(a::add);
    return a;
  }
}
