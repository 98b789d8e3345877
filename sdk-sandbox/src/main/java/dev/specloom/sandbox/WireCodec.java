package dev.specloom.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes what a client sends: JSON bodies, and form bodies and query strings whose bracket keys nest
 * ({@code metadata[tier]=gold} → {@code {metadata:{tier:gold}}}, {@code items[0][price]=x} → a list).
 */
final class WireCodec {
  private WireCodec() {}

  static Map<String, Object> json(byte[] body) throws IOException {
    if (body.length == 0) return new LinkedHashMap<>();
    Map<String, Object> n = Values.object(Json.read(body));
    if (n == null) throw new IOException("the body is not a JSON object");
    return n;
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
  static Map<String, Object> form(List<String[]> pairs) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (String[] p : pairs) {
      List<String> path = keyPath(p[0]);
      Map<String, Object> cur = root;
      for (int i = 0; i < path.size() - 1; i++) {
        Map<String, Object> next = Values.object(cur.get(path.get(i)));
        if (next == null) {
          next = new LinkedHashMap<>();
          cur.put(path.get(i), next);
        }
        cur = next;
      }
      String last = path.get(path.size() - 1);
      if (last.isEmpty()) last = String.valueOf(cur.size());
      cur.put(last, p[1]);
    }
    lists(root);
    return root;
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

  /** Objects whose keys are 0, 1, 2, ... become lists (the root stays an object). */
  private static Object lists(Object n) {
    Map<String, Object> o = Values.object(n);
    if (o == null) return n;
    boolean indexed = !o.isEmpty();
    int i = 0;
    for (Map.Entry<String, Object> e : o.entrySet()) {
      e.setValue(lists(e.getValue()));
      if (!e.getKey().equals(String.valueOf(i++))) indexed = false;
    }
    return indexed ? new ArrayList<>(o.values()) : o;
  }
}
