package dev.specloom.codegen.emit;

/**
 * One generated file: its path under the output root ({@code /}-separated) and its text (written as UTF-8). The
 * output root holds Java sources under {@code java/}, classpath resources under {@code resources/} and the docs
 * site under {@code site/}.
 */
public record GeneratedFile(String path, String text) {

  /** A Java source, by its path under a source root. */
  public static GeneratedFile source(String path, String text) {
    return new GeneratedFile("java/" + path, text);
  }

  /** A classpath resource, by its resource name. */
  public static GeneratedFile resource(String name, String text) {
    return new GeneratedFile("resources/" + name, text);
  }

  /** A page or asset of the docs site, by its path in the site. */
  public static GeneratedFile site(String path, String text) {
    return new GeneratedFile("site/" + path, text);
  }
}
