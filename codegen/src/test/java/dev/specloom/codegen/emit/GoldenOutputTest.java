package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's output for a small fixture spec, file by file, against golden copies in
 * src/test/resources/golden: the Java SDK and Lua glue, the Markdown reference and its site page, the OpenAPI
 * document, the tool definitions and the sandbox descriptor. One test per file, so a change shows every file it
 * touched. After an intended change, regenerate them with -Dgolden.update=true and review the diff.
 */
class GoldenOutputTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/acme");
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/acme.yaml");
  /** The fixture has no simulator; this section gives it one, so the descriptor has something to describe. */
  static final String SANDBOX = """
      sandbox:
        errors:
          not_found: { status: 404, body: { error: { code: not_found, message: "No {resource} '{id}'" } } }
        resources:
          widget:
            model: Widget
            id: { field: id, prefix: wid_ }
            seed:
              - { id: wid_1, size_cm: 3 }
        functions:
          list_widgets: { list: widget }
          create_widget: { create: widget }
      """;

  @TestFactory
  Stream<DynamicTest> fixtureSpecGeneratesTheGoldenFiles(@TempDir Path dir) throws Exception {
    Path fixture = dir.resolve("acme.yaml");
    Files.writeString(fixture, Files.readString(FIXTURE, StandardCharsets.UTF_8) + SANDBOX, StandardCharsets.UTF_8);
    Spec spec = SpecLoader.load(fixture);
    TreeMap<String, String> actual = new TreeMap<>();
    for (GeneratedFile f : Emitters.generate(List.of(spec), Emitters.TARGETS)) {
      String name = goldenName(f.path());
      if (name != null) actual.put(name, f.text());
    }

    if (Boolean.getBoolean("golden.update")) write(actual);
    TreeMap<String, String> expected = new TreeMap<>();
    try (var walk = Files.walk(GOLDEN)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        expected.put(GOLDEN.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    TreeSet<String> names = new TreeSet<>(expected.keySet());
    names.addAll(actual.keySet());
    return names.stream().map(name -> dynamicTest(name, () -> {
      assertNotNull(expected.get(name), name + " is generated but has no golden copy");
      assertNotNull(actual.get(name), name + " has a golden copy but is no longer generated");
      assertEquals(expected.get(name), actual.get(name), name);
    }));
  }

  /**
   * Where a generated file's golden copy lives: Java sources by package, the rest by kind. Null for files the
   * goldens leave out: the per-function Markdown pages (sections of the reference), the Lua services entry, the
   * site's index, search index and assets.
   */
  private static String goldenName(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    if (path.startsWith("java/")) return path.substring("java/".length());
    if (path.equals("site/acme.html")) return "site/acme.html";
    if (path.endsWith("/docs/acme.md")) return "acme.md";
    if (file.endsWith(".openapi.json")) return "openapi/" + file;
    if (file.endsWith(".tools.json")) return "tools/" + file;
    if (file.endsWith(".sandbox.json")) return "sandbox/" + file;
    return null;
  }

  private static void write(TreeMap<String, String> files) throws IOException {
    for (var e : files.entrySet()) {
      Path p = GOLDEN.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
