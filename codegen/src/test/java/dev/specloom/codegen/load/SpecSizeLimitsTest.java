package dev.specloom.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs too deep or too large to read are problems at file:line:column, found without reading them whole. */
class SpecSizeLimitsTest {
  @TempDir
  Path dir;

  @Test
  void deepNestingIsAProblemAtItsPositionNotAStackOverflow() throws IOException {
    Path file = dir.resolve("deep.yaml");
    Files.writeString(file, "provider: demo\nx: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n", StandardCharsets.UTF_8);
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(file));
    // The root mapping is level 1, so the 64th "[" (column 4 + 63 = 67) opens the 65th level.
    assertEquals(file + ":2:67: YAML syntax: nested more than 64 levels deep", e.problems().get(0).toString());
  }

  @Test
  void blockNestingCountsToo() throws IOException {
    StringBuilder yaml = new StringBuilder("provider: demo\nx:\n");
    // Line 3 + i opens level i + 2: level 65 is line 66, indented 128.
    for (int i = 0; i < 100; i++) yaml.append("  ".repeat(i + 1)).append("k:\n");
    Path file = dir.resolve("block.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(file));
    assertEquals(file + ":66:129: YAML syntax: nested more than 64 levels deep", e.problems().get(0).toString());
  }

  @Test
  void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.write("provider: demo\nx: \"".getBytes(StandardCharsets.UTF_8));
      f.setLength(20L << 20);
    }
    SpecException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(SpecException.class, () -> SpecLoader.load(file)));
    assertEquals(file + ":1:1: the file is 20971520 bytes; a spec may be at most 2097152 bytes (2 MiB)",
        e.problems().get(0).toString());
  }
}
