package dev.specloom.runtime;

import java.util.Locale;
import java.util.Set;

/** Keeps a raw call's path under the API root, and its headers to the ones a caller may choose. */
final class RawPaths {
  /**
   * Headers that frame, route or authenticate the message: the HTTP client and the SDK own them. A caller's
   * {@code Content-Length} on a GET hangs the call, and {@code Host}, {@code Cookie} or {@code Proxy-*} would go
   * out next to the account's credentials.
   */
  private static final Set<String> RESERVED_HEADERS = Set.of("host", "cookie", "cookie2", "connection", "keep-alive",
      "content-length", "transfer-encoding", "te", "trailer", "upgrade", "expect");

  private RawPaths() {}

  /** Returns the path without its leading slash, or throws when it could leave the API root. */
  static String check(String path) {
    if (path == null || path.isBlank()) throw new IllegalArgumentException("path is required");
    if (path.contains("://") || path.startsWith("//") || path.contains("\\")) {
      throw new IllegalArgumentException("path must be relative to the API root, not a URL: " + path);
    }
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.contains("//") || p.contains("?") || p.contains("#") || p.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new IllegalArgumentException("path must be plain segments (query goes in `query`): " + path);
    }
    for (String seg : p.split("/")) {
      String lower = seg.toLowerCase(Locale.ROOT);
      // Servers that read ";" as a segment parameter treat "..;" as "..", and some decode %2e, %2f, %5c or %3b.
      if (seg.equals("..") || seg.equals(".") || seg.contains(";")
          || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%3b")) {
        throw new IllegalArgumentException("path must not step out of the API root: " + path);
      }
    }
    return p;
  }

  /** Refuses a header the caller may not set, naming it. */
  static void checkHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization")) throw new IllegalArgumentException("the Authorization header is set by the SDK");
    if (RESERVED_HEADERS.contains(lower) || lower.startsWith("proxy-")) {
      throw new IllegalArgumentException("the " + name + " header is not allowed (the SDK and the HTTP client set framing, "
          + "routing and credentials)");
    }
  }
}
