package dev.specloom.lua.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project version, from a resource the build fills in; read from a resource rather than the jar manifest
 * so it is the same when the classes run from a directory (tests, IDEs) as from the jar.
 */
final class Version {
  private Version() {}

  static String get() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) throw new IllegalStateException("version.properties is missing from the build");
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
