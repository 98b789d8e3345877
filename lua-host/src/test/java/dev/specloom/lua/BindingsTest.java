package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.lua.bridge.ProviderBinding;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host finds glue through {@code META-INF/services}; it names none. */
class BindingsTest {
  @Test
  void findsTheGlueListedOnTheClasspath() {
    assertEquals(java.util.List.of("demo"), Bindings.all().stream().map(ProviderBinding::provider).toList());
  }

  @Test
  void twoBindingsOfOneProviderAreAnErrorNotAChoice(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services/" + ProviderBinding.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, DemoBinding.Again.class.getName() + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader second = new URLClassLoader(new URL[] {dir.toUri().toURL()}, before)) {
      thread.setContextClassLoader(second);
      IllegalStateException e = assertThrows(IllegalStateException.class, Bindings::all);
      assertEquals("two Lua bindings for provider 'demo' on the classpath: dev.specloom.lua.DemoBinding and "
          + "dev.specloom.lua.DemoBinding$Again", e.getMessage());
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
