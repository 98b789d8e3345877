package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate writes nothing at all unless every emitter finished: emitters write to a staging directory first. */
class StagedOutputTest {
  static final Path PACKAGE = Path.of("java/dev/specloom/demo");

  @Test
  void anEmitterThatThrowsMidwayLeavesTheOutputAsItWas(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    write(out.resolve(PACKAGE).resolve("Old.java"), "old");
    write(out.resolve("resources/demo.md"), "reference");
    Map<String, String> before = tree(out);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> StagedOutput.write(out, List.of(PACKAGE), stage -> {
      for (int i = 0; i < 10; i++) write(stage.resolve(PACKAGE).resolve("F" + i + ".java"), "new " + i);
      write(stage.resolve("resources/demo.md"), "half-written");
      throw new IllegalStateException("emitter failed after 11 files");
    }));

    assertEquals("emitter failed after 11 files", e.getMessage());
    assertEquals(before, tree(out));
    assertEquals(List.of(out), list(dir), "the staging directory is gone");
  }

  @Test
  void aFailureWritesNoOutputDirectoryAtAll(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    assertThrows(IOException.class, () -> StagedOutput.write(out, List.of(), stage -> {
      write(stage.resolve("java/A.java"), "a");
      throw new IOException("disk full");
    }));
    assertFalse(Files.exists(out));
    assertEquals(List.of(), list(dir));
  }

  @Test
  void successReplacesOwnedDirectoriesAndKeepsEverythingElse(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    write(out.resolve(PACKAGE).resolve("Removed.java"), "stale");
    write(out.resolve("java/dev/specloom/other/Kept.java"), "other provider");
    write(out.resolve("resources/demo.md"), "old reference");

    int files = StagedOutput.write(out, List.of(PACKAGE), stage -> {
      write(stage.resolve(PACKAGE).resolve("Client.java"), "client");
      write(stage.resolve("resources/demo.md"), "new reference");
    });

    assertEquals(2, files);
    assertEquals(Map.of("java/dev/specloom/demo/Client.java", "client", "java/dev/specloom/other/Kept.java",
        "other provider", "resources/demo.md", "new reference"), tree(out));
    assertEquals(List.of(out), list(dir));
  }

  private static int write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return 1;
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
