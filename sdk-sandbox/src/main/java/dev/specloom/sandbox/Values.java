package dev.specloom.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's values are plain JSON trees: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, and null for both JSON null and an absent value.
 * These read them the way a request or a record is read: an unset value is empty text and zero.
 */
final class Values {
  private Values() {}

  static boolean isSet(Object v) {
    return v != null;
  }

  /** A value as text: a scalar's own spelling, an object or list as compact JSON, unset as empty. */
  static String text(Object v) {
    if (v == null) return "";
    if (v instanceof Map || v instanceof List) return Json.write(v);
    return v.toString();
  }

  /** The member of an object, or the element of a list at a numeric key; null when there is none. */
  static Object get(Object node, String key) {
    if (node instanceof Map<?, ?> m) return m.get(key);
    if (node instanceof List<?> l && !key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
      int i = Integer.parseInt(key);
      return i < l.size() ? l.get(i) : null;
    }
    return null;
  }

  /** Follows a dot path (object keys, list indexes) from {@code root}; null when any step is missing. */
  static Object at(Object root, String dotPath) {
    return dotPath.isEmpty() ? root : at(root, List.of(dotPath.split("\\.")));
  }

  static Object at(Object root, List<String> steps) {
    Object cur = root;
    for (String step : steps) {
      if (cur == null) return null;
      cur = get(cur, step);
    }
    return cur;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object v) {
    return v instanceof Map ? (Map<String, Object>) v : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object v) {
    return v instanceof List ? (List<Object>) v : null;
  }

  /** A number, or the number a text spells (as a form-encoded value does); 0 for anything else. */
  static long asLong(Object v) {
    if (v instanceof Number n) return n.longValue();
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        try {
          return (long) Double.parseDouble(s.trim());
        } catch (NumberFormatException again) {
          return 0;
        }
      }
    }
    return 0;
  }

  /** Boolean true, a non-zero integer, or the text {@code true}. */
  static boolean asBoolean(Object v) {
    if (v instanceof Boolean b) return b;
    if (v instanceof Long n) return n != 0;
    return v instanceof String s && s.trim().equals("true");
  }

  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double;
  }

  /** A copy whose objects and lists may be changed without touching the original. */
  static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put((String) k, copy(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(copy(x)));
      return out;
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> copyObject(Map<String, ?> m) {
    return (Map<String, Object>) copy(m);
  }
}
