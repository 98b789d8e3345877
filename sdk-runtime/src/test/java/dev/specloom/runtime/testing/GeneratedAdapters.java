package dev.specloom.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.internal.NullSafeJsonAdapter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/** Which adapter a client's Moshi uses for each model class of a generated SDK. */
public final class GeneratedAdapters {
  private static final String REFLECTIVE = "com.squareup.moshi.ClassJsonAdapter";

  private GeneratedAdapters() {}

  /**
   * Asserts that {@code moshi} reads and writes every model class of {@code modelPackage} (the classes on the test
   * class path, besides the adapters themselves) with the model's generated adapter, never Moshi's reflective
   * class adapter; returns the model classes checked.
   */
  public static List<Class<?>> assertNoReflection(Moshi moshi, String modelPackage) throws IOException, ClassNotFoundException {
    List<Class<?>> models = models(modelPackage);
    assertFalse(models.isEmpty(), "no model classes in " + modelPackage);
    for (Class<?> model : models) {
      JsonAdapter<?> adapter = moshi.adapter(model);
      JsonAdapter<?> used = adapter instanceof NullSafeJsonAdapter<?> n ? n.delegate() : adapter;
      assertNotEquals(REFLECTIVE, used.getClass().getName(), model.getName());
      assertEquals(model.getName() + "JsonAdapter", used.getClass().getName(), model.getName());
    }
    return models;
  }

  private static List<Class<?>> models(String modelPackage) throws IOException, ClassNotFoundException {
    ClassLoader loader = GeneratedAdapters.class.getClassLoader();
    List<Class<?>> models = new ArrayList<>();
    Enumeration<URL> dirs = loader.getResources(modelPackage.replace('.', '/'));
    while (dirs.hasMoreElements()) {
      URL url = dirs.nextElement();
      if (!url.getProtocol().equals("file")) continue;
      Path dir;
      try {
        dir = Path.of(url.toURI());
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (!name.endsWith(".class") || name.contains("$") || name.contains("JsonAdapter")) continue;
          models.add(Class.forName(modelPackage + "." + name.substring(0, name.length() - ".class".length()), false, loader));
        }
      }
    }
    return models;
  }
}
