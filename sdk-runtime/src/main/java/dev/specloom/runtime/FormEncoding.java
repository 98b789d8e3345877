package dev.specloom.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Bracket notation for nested names ({@code a[b][0]}), encoded the way Rails-style form APIs expect. */
final class FormEncoding {
  private FormEncoding() {}

  /** "items[0][price]" → [items, 0, price]. */
  static List<String> segments(String wire) {
    List<String> out = new ArrayList<>();
    int open = wire.indexOf('[');
    if (open < 0) return List.of(wire);
    out.add(wire.substring(0, open));
    int i = open;
    while (i < wire.length() && wire.charAt(i) == '[') {
      int close = wire.indexOf(']', i);
      if (close < 0) throw new IllegalArgumentException("unbalanced brackets in wire name " + wire);
      out.add(wire.substring(i + 1, close));
      i = close + 1;
    }
    if (i != wire.length()) throw new IllegalArgumentException("bad wire name " + wire);
    return out;
  }

  /** Percent-encodes a key but keeps its brackets literal. */
  static String key(String k) {
    return URLEncoder.encode(k, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]");
  }

  static String value(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
