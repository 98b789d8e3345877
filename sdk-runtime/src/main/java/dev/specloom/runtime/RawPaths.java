package dev.specloom.runtime;

/** Keeps a raw call's path under the API root. */
final class RawPaths {
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
      if (seg.equals("..") || seg.equals(".") || seg.toLowerCase().contains("%2e") || seg.toLowerCase().contains("%2f")) {
        throw new IllegalArgumentException("path must not step out of the API root: " + path);
      }
    }
    return p;
  }
}
