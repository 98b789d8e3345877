package dev.specloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.load.MalformedSpecTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** codegen's corpus of malformed specs through {@code specloom generate}: exit 1, the problem at its place, no file. */
class MalformedSpecGenerateTest {
  static final AtomicInteger REJECTED = new AtomicInteger();

  static Stream<Arguments> allCases() {
    return MalformedSpecTest.allCases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void generateWritesNothing(String name, String from, String to, int line, String message, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("demo.yaml");
    Files.writeString(file, MalformedSpecTest.VALID.replace(from, to), StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = Specloom.run(new String[] {"generate", "--spec", file.toString(), "--out", out.toString(), "--target", "java",
        "--target", "lua", "--target", "docs", "--target", "tools", "--target", "openapi"},
        new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    String err = stderr.toString(StandardCharsets.UTF_8);
    assertEquals(1, code, name + ": " + err);
    assertTrue(Pattern.compile("(?m)^" + Pattern.quote(file + ":" + line + ":") + "[1-9][0-9]*: .*" + Pattern.quote(message))
        .matcher(err).find(), name + ": " + err);
    assertTrue(err.endsWith("nothing was generated" + System.lineSeparator()), name + ": " + err);
    assertEquals("", stdout.toString(StandardCharsets.UTF_8), name);
    assertFalse(Files.exists(out), name + ": " + out + " was created");
    REJECTED.incrementAndGet();
  }

  @AfterAll
  static void figures() {
    System.out.printf("malformed specs: %d of %d rejected by generate with file:line:column, no output written%n",
        REJECTED.get(), allCases().count());
  }
}
