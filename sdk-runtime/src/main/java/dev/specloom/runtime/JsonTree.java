package dev.specloom.runtime;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads values out of a decoded JSON tree (Maps, Lists, Strings, Doubles, Booleans) by dot path. */
final class JsonTree {
  private JsonTree() {}

  static Object at(Object root, String dotPath) {
    Object cur = root;
    for (String part : dotPath.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) return null;
      cur = m.get(part);
    }
    return cur;
  }

  /** The first non-null value among the paths, as text; objects and lists are flattened into one line. */
  static String first(Object root, List<String> paths) {
    for (String p : paths) {
      Object v = at(root, p);
      if (v != null) return text(v);
    }
    return null;
  }

  static String text(Object v) {
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue())).collect(Collectors.joining("; "));
    }
    if (v instanceof List<?> l) return l.stream().map(JsonTree::text).collect(Collectors.joining("; "));
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return String.valueOf(d.longValue());
    return String.valueOf(v);
  }
}
