package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.codegen.model.Function;
import dev.specloom.codegen.model.Spec;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.lua.glue.Bindings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Lua example and workflow of every spec (and so of the rendered docs) runs unchanged against a
 * loopback server that answers from the spec's models, and calls the function it documents. What each one
 * sends and prints is compared with a reviewed transcript in src/test/resources/transcripts (regenerate with
 * -Dgolden.update=true after an intended change and review the diff).
 */
class SpecExamplesTest {
  static final Map<String, Spec> SPECS = new HashMap<>();
  static final Map<String, MockWebServer> SERVERS = new HashMap<>();
  static final List<String> CALLS = new CopyOnWriteArrayList<>();
  static final List<String> WIRE = new CopyOnWriteArrayList<>();
  static final Map<String, java.util.TreeMap<String, String>> TRANSCRIPTS = new java.util.concurrent.ConcurrentHashMap<>();
  static final Path TRANSCRIPT_DIR = Path.of("src/test/resources/transcripts");
  static IntegrationHost host;

  @BeforeAll
  static void start() throws Exception {
    IntegrationHost.Builder b = IntegrationHost.builder().bindings(Bindings.all());
    for (ProviderBinding binding : Bindings.all()) {
      Spec spec = SpecLoader.load(Path.of("..", "specs", binding.provider() + ".yaml"));
      SPECS.put(binding.provider(), spec);
      SpecResponses responses = new SpecResponses(spec);
      MockWebServer server = new MockWebServer();
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          String path = r.getUrl().encodedPath().substring("/api".length());
          List<Function> matched = responses.match(r.getMethod(), path);
          if (matched.isEmpty()) return new MockResponse.Builder().code(404).body("{}").build();
          matched.forEach(f -> CALLS.add(spec.provider() + "." + f.name()));
          WIRE.add("> " + r.getMethod() + " " + r.getUrl().encodedPath() + (r.getUrl().encodedQuery() == null ? "" : "?" + r.getUrl().encodedQuery())
              + (r.getBody() == null || r.getBody().size() == 0 ? "" : "\n  " + r.getBody().utf8()));
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
              .body(responses.body(matched)).build();
        }
      });
      server.setServerSocketFactory(dev.specloom.runtime.testing.NoDelaySockets.FACTORY);
      server.start();
      SERVERS.put(binding.provider(), server);
      Map<String, String> credentials = new HashMap<>();
      for (String c : binding.credentials()) credentials.put(c, "test_" + c);
      Map<String, String> settings = new HashMap<>();
      for (String s : binding.settings()) settings.put(s, "example");
      b.account(new Account(binding.provider(), "default", credentials, settings,
          server.url("/api/").toString(), WritePolicy.ALLOW));
    }
    host = b.build();
  }

  @AfterAll
  static void stop() throws Exception {
    SERVERS.values().forEach(MockWebServer::close);
    for (var t : TRANSCRIPTS.entrySet()) {
      StringBuilder text = new StringBuilder();
      t.getValue().forEach((name, body) -> text.append("## ").append(name).append('\n').append(body));
      Path file = TRANSCRIPT_DIR.resolve(t.getKey() + ".txt");
      if (Boolean.getBoolean("golden.update")) {
        java.nio.file.Files.createDirectories(TRANSCRIPT_DIR);
        java.nio.file.Files.writeString(file, text);
      }
      assertEquals(java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "(no transcript)", text.toString(),
          "transcript of " + t.getKey() + " examples changed");
    }
  }

  static Stream<Arguments> examples() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (ProviderBinding binding : Bindings.all()) {
      Spec spec = SpecLoader.load(Path.of("..", "specs", binding.provider() + ".yaml"));
      for (Function f : spec.functions()) {
        for (int i = 0; i < f.examples().size(); i++) {
          out.add(Arguments.of(spec.provider() + "." + f.name() + "#" + (i + 1), f.examples().get(i).lua()));
        }
      }
      for (Spec.Workflow w : spec.workflows()) out.add(Arguments.of(spec.provider() + ".workflow: " + w.title(), w.lua()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleRunsAndCallsItsFunction(String name, String lua) {
    CALLS.clear();
    WIRE.clear();
    List<String> printed = new ArrayList<>();
    ScriptResult r = host.run(lua, name, printed::add);
    assertTrue(r.ok(), name + " failed: " + r.error());
    String provider = name.substring(0, name.indexOf('.'));
    StringBuilder transcript = new StringBuilder();
    WIRE.forEach(w -> transcript.append(w).append('\n'));
    printed.forEach(p -> transcript.append("| ").append(p).append('\n'));
    TRANSCRIPTS.computeIfAbsent(provider, k -> new java.util.TreeMap<>()).put(name, transcript.toString());
    if (name.contains(".workflow: ")) {
      assertFalse(CALLS.isEmpty(), name + " called nothing");
      return;
    }
    String fn = name.substring(0, name.indexOf('#'));
    boolean raw = SPECS.get(provider).function(fn.substring(fn.indexOf('.') + 1)).map(f -> f.http().raw()).orElse(false);
    if (!raw) assertTrue(CALLS.contains(fn), name + " did not call " + fn + "; calls: " + CALLS);
    if (lua.contains("print(")) {
      assertFalse(printed.isEmpty(), name + " printed nothing");
      for (String line : printed) assertFalse(line.contains("table: 0x") || line.contains("nil"), name + " printed " + line);
    }
    assertEquals(List.of(), printed.stream().filter(l -> l.contains("test_")).toList(), "a credential was printed");
  }
}
