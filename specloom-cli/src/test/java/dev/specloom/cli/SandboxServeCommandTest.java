package dev.specloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specloom sandbox serve --spec FILE}: run as a child process, called with plain HTTP, stopped by a signal. */
class SandboxServeCommandTest {
  static final Path CHARGEOVER = Path.of("../specs/chargeover.yaml");

  @TempDir
  Path dir;

  /** The CLI's main class in a child JVM with this test's classpath; standard error goes to a file. */
  Process start(Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Specloom.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void servesTheSpecsSimulatorToPlainHttpUntilSigterm() throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    Process p = start(stderr, "sandbox", "serve", "--port", "0", "--spec", CHARGEOVER.toString());
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertNotNull(line, () -> "the server ended before printing its URL: " + read(stderr));
      assertTrue(line.matches("chargeover http://127\\.0\\.0\\.1:\\d+/api/v3"), line);
      String baseUrl = line.split(" ")[1];

      String auth = "Basic " + Base64.getEncoder().encodeToString("pub:priv".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> found = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/customer/12")).header("Authorization", auth).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, found.statusCode(), found.body());
      Map<?, ?> envelope = new Moshi.Builder().build().adapter(Map.class).fromJson(found.body());
      assertEquals("OK", envelope.get("status"), found.body());
      assertEquals("Acme Corp", ((Map<?, ?>) envelope.get("response")).get("company"), found.body());

      p.destroy(); // SIGTERM, as Ctrl-C's SIGINT would: the shutdown hook stops the simulators
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server did not stop within 60 s");
      assertEquals(0, p.exitValue(), read(stderr));
      assertTrue(read(stderr).endsWith(SandboxServeCommand.STOPPED + System.lineSeparator()), read(stderr));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aMissingSpecIsAUsageError() throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    Path missing = dir.resolve("missing.yaml");
    Process p = start(stderr, "sandbox", "serve", "--spec", missing.toString());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not end within 60 s");
    assertEquals(2, p.exitValue(), read(stderr));
    assertTrue(read(stderr).startsWith("specloom: --spec " + missing + ": no such file" + System.lineSeparator()
        + "usage: specloom sandbox serve"), read(stderr));
    assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void aBadExpressionIsReportedAtItsPlaceAndNothingIsServed() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    String spec = Files.readString(CHARGEOVER);
    String idLine = "      id: { field: customer_id, style: serial }\n";
    assertTrue(spec.contains(idLine));
    Files.writeString(bad, spec.replace(idLine, idLine + "      defaults: { company: \"${reqest.x}\" }\n"));
    int line = spec.substring(0, spec.indexOf(idLine) + idLine.length()).split("\n").length + 1;
    Path stderr = dir.resolve("stderr.txt");
    Process p = start(stderr, "sandbox", "serve", "--spec", bad.toString());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not end within 60 s");
    assertEquals(1, p.exitValue(), read(stderr));
    assertTrue(Pattern.compile("(?m)^" + Pattern.quote(bad + ":" + line + ":") + "[1-9][0-9]*: .*unknown name 'reqest.x'")
        .matcher(read(stderr)).find(), read(stderr));
    assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void aSpecWithoutASandboxSectionIsAUsageErrorNamingIt() {
    SpecloomCommandTest.Run r = SpecloomCommandTest.run("sandbox", "serve", "--spec", SpecloomCommandTest.FIXTURE.toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith("specloom: --spec " + SpecloomCommandTest.FIXTURE + ": the spec has no sandbox: section"),
        r.err());
    assertEquals("", r.out());
  }

  /** Usage errors exit 2; two specs of one provider are a bad spec set (exit 1), as for {@code validate}. */
  @Test
  void usageErrors() {
    assertEquals(2, SpecloomCommandTest.run("sandbox").status());
    assertEquals(2, SpecloomCommandTest.run("sandbox", "serve").status());
    assertEquals(2, SpecloomCommandTest.run("sandbox", "serve", "--port", "70000", "--spec", CHARGEOVER.toString()).status());
    SpecloomCommandTest.Run twice = SpecloomCommandTest.run("sandbox", "serve", "--spec", CHARGEOVER.toString(), "--spec",
        CHARGEOVER.toString());
    assertEquals(1, twice.status(), twice.err());
    assertTrue(twice.err().contains("provider 'chargeover' is already defined in " + CHARGEOVER), twice.err());
  }
}
