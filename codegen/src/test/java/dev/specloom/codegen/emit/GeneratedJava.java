package dev.specloom.codegen.emit;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in process (javax.tools) against what they import, and loads the classes.
 * The Lua glue implements the bridge of sdk-lua-bindings, a module built after this one (it depends on the
 * generator), so the bridge is compiled from its sources once, into target/, and put on the class path.
 */
final class GeneratedJava {
  static final Path BRIDGE_SOURCES = Path.of("../lua-host/src/main/java/dev/specloom/lua/bridge");
  static final Path BRIDGE_CLASSES = Path.of("target/lua-bridge-classes");
  private static boolean bridgeCompiled;
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  /** One class from each library the generated code and the bridge import; their jars are the class path. */
  private static final List<String> LIBRARIES = List.of("dev.specloom.runtime.ApiCore",
      "dev.specloom.model.constraint.ConstraintTable", "retrofit2.Retrofit",
      "okhttp3.OkHttpClient", "okhttp3.logging.HttpLoggingInterceptor", "okio.Buffer", "kotlin.Unit",
      "com.squareup.moshi.Moshi", "org.luaj.vm2.LuaValue", "org.slf4j.Logger");

  private GeneratedJava() {}

  /** Compiles every .java file under {@code sources} into {@code classes}; throws with javac's output on errors. */
  static void compile(Path sources, Path classes) throws IOException {
    compileBridge();
    javac(sources, classes, classPath() + File.pathSeparator + BRIDGE_CLASSES);
  }

  private static synchronized void compileBridge() throws IOException {
    if (bridgeCompiled) return;
    javac(BRIDGE_SOURCES, BRIDGE_CLASSES, classPath());
    bridgeCompiled = true;
  }

  private static void javac(Path sources, Path classes, String classPath) throws IOException {
    List<File> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
    }
    Files.createDirectories(classes);
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager fm = JAVAC.getStandardFileManager(null, null, null)) {
      List<String> options = List.of("-d", classes.toString(), "-classpath", classPath, "-proc:none", "-nowarn",
          "-encoding", "UTF-8");
      boolean ok = JAVAC.getTask(out, fm, null, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
      if (!ok) throw new AssertionError(sources + " does not compile:\n" + out);
    }
  }

  /** Loads and initialises every compiled class (nested ones too), so any static initialiser runs. */
  static List<Class<?>> loadAll(Path classes) throws IOException, ClassNotFoundException {
    List<String> names;
    try (Stream<Path> walk = Files.walk(classes)) {
      names = walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes.relativize(p).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", ""))
          .sorted().toList();
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), BRIDGE_CLASSES.toUri().toURL()},
        GeneratedJava.class.getClassLoader());
    List<Class<?>> out = new ArrayList<>();
    for (String name : names) out.add(Class.forName(name, true, loader));
    return out;
  }

  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String name : LIBRARIES) {
      try {
        URL where = Class.forName(name).getProtectionDomain().getCodeSource().getLocation();
        entries.add(Path.of(where.toURI()).toString());
      } catch (ClassNotFoundException | URISyntaxException e) {
        throw new IllegalStateException("the tests need " + name + " on their class path", e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
