package dev.specloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.emit.site.SiteEmitter;
import dev.specloom.codegen.load.SpecLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecloomCommandTest {
  static final Path FIXTURE = Path.of("../codegen/src/test/resources/fixtures/acme.yaml");

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Specloom.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void versionPrintsTheProjectVersion() {
    Run r = run("--version");
    assertEquals(0, r.status(), r.err());
    // The build fills the version in; an unfilled ${project.version} or a missing resource fails here.
    assertTrue(r.out().matches("specloom \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), r.out());
    assertEquals("", r.err());
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
    assertEquals("dev.specloom.lua.glue.AcmeBillingBinding\n",
        Files.readString(out.resolve("resources/META-INF/services/dev.specloom.lua.bridge.ProviderBinding")));
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
  void validateAllThreeSpecs() {
    Run r = run("validate", "../specs/stripe.yaml", "../specs/chartmogul.yaml", "../specs/chargeover.yaml");
    assertEquals(0, r.status(), r.err());
    assertEquals("../specs/stripe.yaml: ok (26 functions)\n../specs/chartmogul.yaml: ok (31 functions)\n"
        + "../specs/chargeover.yaml: ok (7 functions)\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void validateReportsEveryProblemWithItsPositionAndExitsOne(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(FIXTURE).replace("returns: Widget\n", "returns: Gadget\n"));
    Run r = run("validate", FIXTURE.toString(), bad.toString(), dir.resolve("missing.yaml").toString());
    assertEquals(1, r.status());
    assertEquals("", r.out(), "no 'ok' line when any spec is bad");
    assertTrue(r.err().matches("(?s).*" + java.util.regex.Pattern.quote(bad.toString()) + ":\\d+:\\d+: .*unknown model 'Gadget'.*"), r.err());
    assertTrue(r.err().contains(dir.resolve("missing.yaml") + ":1:1: cannot read"), r.err());
  }

  @Test
  void generateFromASpecsDirectory(@TempDir Path out) throws Exception {
    Run r = run("generate", "--specs", "../specs", "--out", out.toString(), "--target", "java", "--target", "docs",
        "--target", "lua");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("specloom: 3 spec(s), "), r.out());
    for (String file : List.of("java/dev/specloom/stripe/StripeClient.java", "java/dev/specloom/chartmogul/ChartMogulClient.java",
        "java/dev/specloom/chargeover/ChargeOverClient.java", "java/dev/specloom/lua/glue/StripeBinding.java",
        "resources/META-INF/services/dev.specloom.lua.bridge.ProviderBinding", "resources/dev/specloom/stripe/docs/stripe.md")) {
      assertTrue(Files.exists(out.resolve(file)), file);
    }
  }

  @Test
  void aBadSpecInTheDirectoryWritesNothing(@TempDir Path dir) throws Exception {
    Path specs = Files.createDirectory(dir.resolve("specs"));
    for (String name : List.of("stripe.yaml", "chartmogul.yaml", "chargeover.yaml")) {
      Files.copy(Path.of("../specs", name), specs.resolve(name));
    }
    Files.writeString(specs.resolve("chargeover.yaml"),
        Files.readString(specs.resolve("chargeover.yaml")).replace("path: \"/invoice/{id}\"", "path: \"/invoice/{invoice}\""));
    Path out = dir.resolve("out");
    Run r = run("generate", "--specs", specs.toString(), "--out", out.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains(specs.resolve("chargeover.yaml") + ":"), r.err());
    assertTrue(r.err().endsWith("nothing was generated\n"), r.err());
    assertFalse(Files.exists(out), "nothing written for the good specs either");
  }

  @Test
  void aSpecsDirectoryThatIsMissingOrEmptyIsAUsageError(@TempDir Path dir) {
    Run missing = run("generate", "--specs", dir.resolve("nope").toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().startsWith("specloom: --specs " + dir.resolve("nope") + ": no such file or directory"), missing.err());
    Run empty = run("generate", "--specs", dir.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, empty.status());
    assertTrue(empty.err().startsWith("specloom: --specs " + dir + ": no .yaml or .yml files"), empty.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void generateWritesTheSiteTheEmitterMakes(@TempDir Path out) throws Exception {
    Map<String, String> site = new SiteEmitter(SpecLoader.loadAll(List.of(Path.of("../specs/chargeover.yaml"),
        Path.of("../specs/chartmogul.yaml"), Path.of("../specs/stripe.yaml")))).files();
    Run r = run("generate", "--specs", "../specs", "--out", out.toString(), "--target", "site");
    assertEquals(0, r.status(), r.err());
    for (String file : site.keySet()) assertEquals(site.get(file), Files.readString(out.resolve("site").resolve(file)), file);
  }

  @Test
  void usageErrors() {
    assertEquals(2, run().status());
    assertEquals(2, run("frobnicate").status());
    assertEquals(2, run("generate", "--spec", FIXTURE.toString()).status());
    assertEquals(2, run("generate", "--spec", FIXTURE.toString(), "--out", "x", "--target", "cobol").status());
  }
}
