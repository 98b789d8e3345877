package dev.specloom.lua;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A write waiting for the host's approval: the provider, account and function, and the request it would send
 * (HTTP method and path as sent, API root included, e.g. {@code DELETE /v1/customers/cus_1}), with the script's
 * arguments as validated. The arguments are a read-only copy: approving cannot change what is sent.
 */
public record PendingWrite(String provider, String account, String function, String method, String path,
    Map<String, Object> arguments) {

  public PendingWrite {
    arguments = frozen(arguments);
  }

  @SuppressWarnings("unchecked")
  private static <T> T frozen(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), frozen(v)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object v : l) copy.add(frozen(v));
      return (T) Collections.unmodifiableList(copy);
    }
    return value;
  }
}
