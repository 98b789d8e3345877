package dev.specloom.codegen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecloomCommandTest {
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/acme.yaml");

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Specloom.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void validateReportsOk() {
    Run r = run("validate", FIXTURE.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(FIXTURE + ": ok (5 functions)\n", r.out());
  }

  @Test
  void generateWritesJavaDocsAndLua(@TempDir Path out) throws Exception {
    Run r = run("generate", "--spec", FIXTURE.toString(), "--out", out.toString(), "--target", "java", "--target", "docs", "--target", "lua");
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.exists(out.resolve("java/dev/specloom/acme/AcmeBillingClient.java")));
    assertTrue(Files.exists(out.resolve("java/dev/specloom/lua/glue/AcmeBillingBinding.java")));
    assertTrue(Files.exists(out.resolve("java/dev/specloom/lua/glue/Bindings.java")));
    assertTrue(Files.exists(out.resolve("resources/dev/specloom/acme/docs/acme.md")));
    assertTrue(Files.exists(out.resolve("resources/dev/specloom/acme/docs/list_widgets.md")));
  }

  @Test
  void anInvalidSpecWritesNothingAndExitsNonZero(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(FIXTURE).replace("returns: Widget\n", "returns: Gadget\n"));
    Path out = dir.resolve("out");
    Run r = run("generate", "--spec", FIXTURE.toString(), "--spec", bad.toString(), "--out", out.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains(bad + ":"), r.err());
    assertTrue(r.err().contains("unknown model 'Gadget'"), r.err());
    assertTrue(r.err().contains("nothing was generated"), r.err());
    assertFalse(Files.exists(out), "no output for any spec when one is bad");
  }

  @Test
  void usageErrors() {
    assertEquals(2, run().status());
    assertEquals(2, run("frobnicate").status());
    assertEquals(2, run("generate", "--spec", FIXTURE.toString()).status());
    assertEquals(2, run("generate", "--spec", FIXTURE.toString(), "--out", "x", "--target", "cobol").status());
  }
}
