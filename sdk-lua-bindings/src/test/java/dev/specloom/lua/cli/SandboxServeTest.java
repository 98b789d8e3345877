package dev.specloom.lua.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specloom-lua sandbox serve}: run as a child process, called with plain HTTP, stopped by a signal. */
class SandboxServeTest {
  @TempDir
  Path dir;

  /** The served simulators: the child process and the base URLs it printed, in the order printed. */
  record Served(Process process, Map<String, String> urls, Path stderr) {}

  /** Starts the CLI's main class in a child JVM with this test's classpath, and reads the lines it prints. */
  Served serve(int expectedProviders, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sandbox", "serve"));
    command.addAll(List.of(options));
    Path stderr = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    Map<String, String> urls = new LinkedHashMap<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    while (urls.size() < expectedProviders) {
      String line = out.readLine();
      assertNotNull(line, () -> "the server ended before printing every URL: " + read(stderr));
      String[] parts = line.split(" ");
      assertEquals(2, parts.length, line);
      urls.put(parts[0], parts[1]);
    }
    return new Served(p, urls, stderr);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** SIGTERM (what Process.destroy sends), as Ctrl-C's SIGINT would: the shutdown hook stops the simulators. */
  static void stopAndExpectCleanExit(Served s) throws InterruptedException {
    s.process().destroy();
    try {
      assertTrue(s.process().waitFor(30, TimeUnit.SECONDS), "the server did not stop within 30 s");
      assertEquals(0, s.process().exitValue(), read(s.stderr()));
      assertTrue(read(s.stderr()).endsWith(SandboxServe.STOPPED + System.lineSeparator()), read(s.stderr()));
    } finally {
      s.process().destroyForcibly();
    }
  }

  static HttpResponse<String> get(String url, String basicUser) throws IOException, InterruptedException {
    String auth = "Basic " + Base64.getEncoder().encodeToString((basicUser + ":").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesEveryProviderAndAnswersPlainHttpUntilStopped() throws Exception {
    Served s = serve(3);
    try {
      assertEquals(List.of("stripe", "chartmogul", "chargeover"), List.copyOf(s.urls().keySet()));
      // Each provider's API root as its SDK takes it: Stripe's paths carry their own /v1.
      assertTrue(s.urls().get("stripe").matches("http://127\\.0\\.0\\.1:\\d+"), s.urls().get("stripe"));
      assertTrue(s.urls().get("chartmogul").matches("http://127\\.0\\.0\\.1:\\d+/v1"), s.urls().get("chartmogul"));
      assertTrue(s.urls().get("chargeover").matches("http://127\\.0\\.0\\.1:\\d+/api/v3"), s.urls().get("chargeover"));

      HttpResponse<String> found = get(s.urls().get("stripe") + "/v1/customers/cus_abc123", "sk_test_any");
      assertEquals(200, found.statusCode(), found.body());
      JsonNode customer = new ObjectMapper().readTree(found.body());
      assertEquals("cus_abc123", customer.get("id").asText());
      assertEquals("customer", customer.get("object").asText());

      HttpResponse<String> unauthenticated = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(s.urls().get("stripe") + "/v1/customers/cus_abc123")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(401, unauthenticated.statusCode(), unauthenticated.body());
    } finally {
      stopAndExpectCleanExit(s);
    }
  }

  @Test
  void aPortAndAProviderChooseWhatIsServedWhere() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Served s = serve(1, "--port", Integer.toString(port), "--provider", "stripe");
    try {
      assertEquals(Map.of("stripe", "http://127.0.0.1:" + port), s.urls());
      assertEquals(200, get(s.urls().get("stripe") + "/v1/customers/cus_abc123", "sk_test_any").statusCode());
    } finally {
      stopAndExpectCleanExit(s);
    }
  }

  record Run(int code, String out, String err) {}

  static Run inProcess(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, new ByteArrayInputStream(new byte[0]), o, e, name -> null);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void wrongArgumentsAreUsageErrorsAndNothingStarts() {
    Run unknown = inProcess("sandbox", "serve", "--provider", "paypal");
    assertEquals(2, unknown.code());
    assertEquals("", unknown.out());
    assertTrue(unknown.err().startsWith("specloom-lua: no simulator for provider 'paypal'; there are [stripe, chartmogul, chargeover]\n"
        + SandboxServe.USAGE), unknown.err());

    for (String bad : new String[] {"-1", "65536", "http"}) {
      Run r = inProcess("sandbox", "serve", "--port", bad);
      assertEquals(2, r.code(), bad);
      assertTrue(r.err().startsWith("specloom-lua: --port takes a TCP port (0 to 65535), not '" + bad + "'\n"), r.err());
    }
    assertEquals(2, inProcess("sandbox", "serve", "--provider", "stripe", "--provider", "stripe").code());
    assertEquals(2, inProcess("sandbox", "serve", "--port").code());
    assertEquals(2, inProcess("sandbox", "serve", "stripe").code());
  }

  @Test
  void aPortInUseIsReportedAndExitsOne() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r = inProcess("sandbox", "serve", "--port", Integer.toString(taken.getLocalPort()), "--provider", "stripe");
      assertEquals(1, r.code());
      assertEquals("", r.out());
      assertTrue(r.err().startsWith("specloom-lua: cannot start the sandbox: "), r.err());
    }
  }
}
