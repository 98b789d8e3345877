package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.JavaFile;
import dev.specloom.codegen.emit.docs.MarkdownEmitter;
import dev.specloom.codegen.emit.java.JavaSdkEmitter;
import dev.specloom.codegen.emit.lua.LuaGlueEmitter;
import dev.specloom.codegen.emit.site.SiteEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generator's output for a small fixture spec, file by file, against golden copies in
 * src/test/resources/golden. After an intended change, regenerate them with -Dgolden.update=true and review
 * the diff.
 */
class GoldenOutputTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/acme");

  @Test
  void fixtureSpecGeneratesTheGoldenFiles() throws Exception {
    Spec spec = SpecLoader.load(Path.of("src/test/resources/fixtures/acme.yaml"));
    TreeMap<String, String> actual = new TreeMap<>();
    List<JavaFile> files = new ArrayList<>(new JavaSdkEmitter(spec).files());
    files.add(new LuaGlueEmitter(spec).file());
    for (JavaFile f : files) actual.put(f.packageName().replace('.', '/') + "/" + f.typeSpec().name() + ".java", f.toString());
    actual.put("acme.md", new MarkdownEmitter(spec).reference());
    actual.put("site/acme.html", new SiteEmitter(List.of(spec)).files().get("acme.html"));

    if (Boolean.getBoolean("golden.update")) write(actual);
    TreeMap<String, String> expected = new TreeMap<>();
    try (var walk = Files.walk(GOLDEN)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        expected.put(GOLDEN.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) assertEquals(expected.get(name), actual.get(name), name);
  }

  private static void write(TreeMap<String, String> files) throws IOException {
    for (var e : files.entrySet()) {
      Path p = GOLDEN.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
