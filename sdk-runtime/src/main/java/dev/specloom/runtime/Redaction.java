package dev.specloom.runtime;

import java.util.Map;
import java.util.stream.Collectors;

/** Shows which secrets are set without showing them. */
final class Redaction {
  static final String MASK = "***";

  private Redaction() {}

  static String names(Map<String, String> secrets) {
    return secrets.keySet().stream().map(k -> k + "=" + MASK).collect(Collectors.joining(", ", "{", "}"));
  }
}
