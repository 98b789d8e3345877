package dev.specloom.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project version, from a resource the build fills in; read from a resource rather than a jar manifest so
 * it is the same when the classes run from a directory (tests, IDEs) as from a jar or a shaded CLI.
 */
public final class SpecloomVersion {
  private static final String VERSION = load();

  private SpecloomVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SpecloomVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) throw new IllegalStateException("version.properties is missing from the build");
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
