package dev.specloom.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Bracket notation for nested names ({@code a[b][0]}), encoded the way Rails-style form APIs expect. */
final class FormEncoding {
  private FormEncoding() {}

  /** Percent-encodes a key but keeps its brackets literal. */
  static String key(String k) {
    return URLEncoder.encode(k, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]");
  }

  static String value(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
