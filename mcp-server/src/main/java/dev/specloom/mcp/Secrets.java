package dev.specloom.mcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last guard before anything leaves the server: every credential value of every account is replaced by
 * {@code ***} in tool results, errors and script output (a provider may echo a key in an error message, a
 * script may print one it was never given but guessed). Values shorter than any credential can be are left,
 * as in the CLI's setup errors, so ordinary words stay readable.
 */
final class Secrets {
  static final int MIN_MASKED = 8;
  private final List<String> values;

  Secrets(Collection<String> credentialValues) {
    List<String> v = new ArrayList<>();
    for (String s : credentialValues) if (s != null && s.length() >= MIN_MASKED && !v.contains(s)) v.add(s);
    v.sort(Comparator.comparingInt(String::length).reversed());
    this.values = List.copyOf(v);
  }

  String mask(String text) {
    if (text == null) return null;
    for (String v : values) if (text.contains(v)) text = text.replace(v, "***");
    return text;
  }

  /** Masks every string (keys too) of a JSON-ready value. */
  Object mask(Object value) {
    if (values.isEmpty()) return value;
    if (value instanceof String s) return mask(s);
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(mask(String.valueOf(k)), mask(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(mask(o));
      return out;
    }
    return value;
  }
}
