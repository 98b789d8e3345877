package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.Exchange;
import dev.specloom.sandbox.OfflineSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Doc tests: every Lua example and workflow of every spec (and so of the rendered docs) runs unchanged through
 * the real Lua host against the offline sandbox, from the seed data (plus the state the spec's
 * {@code sandbox.given} declares for a function's examples), and must succeed and call the function it
 * documents. What each sends, gets and prints is compared with a reviewed transcript in
 * src/test/resources/transcripts (regenerate with -Dgolden.update=true after an intended change and review
 * the diff), one example at a time; the sandbox's clock is fixed so ids and timestamps repeat.
 */
class SpecExamplesTest {
  static final Map<String, Spec> SPECS = new HashMap<>();
  static final Map<String, TreeMap<String, String>> TRANSCRIPTS = new ConcurrentHashMap<>();
  static final Map<String, Map<String, String>> GOLDEN = new ConcurrentHashMap<>();
  static final Path TRANSCRIPT_DIR = Path.of("src/test/resources/transcripts");
  static OfflineSandbox sandbox;
  static IntegrationHost host;

  @BeforeAll
  static void start() throws Exception {
    List<ProviderBinding> bindings = Bindings.all();
    for (ProviderBinding b : bindings) SPECS.put(b.provider(), SpecLoader.load(Path.of("..", "specs", b.provider() + ".yaml")));
    sandbox = OfflineSandbox.start(bindings.stream().map(ProviderBinding::provider).toList(),
        Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC));
    IntegrationHost.Builder builder = IntegrationHost.builder().bindings(bindings);
    OfflineAccounts.of(sandbox, bindings).forEach(builder::account);
    host = builder.build();
  }

  /** With -Dgolden.update=true, writes the transcripts of the examples that ran; the comparison is per example. */
  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
    if (!Boolean.getBoolean("golden.update")) return;
    Files.createDirectories(TRANSCRIPT_DIR);
    for (var t : TRANSCRIPTS.entrySet()) {
      StringBuilder text = new StringBuilder();
      t.getValue().forEach((name, body) -> text.append("## ").append(name).append('\n').append(body));
      Files.writeString(TRANSCRIPT_DIR.resolve(t.getKey() + ".txt"), text);
    }
  }

  /** The reviewed transcript of a provider's examples, by example name ({@code ## name} starts a section). */
  static Map<String, String> golden(String provider) {
    return GOLDEN.computeIfAbsent(provider, p -> {
      Map<String, String> out = new TreeMap<>();
      Path file = TRANSCRIPT_DIR.resolve(p + ".txt");
      if (!Files.exists(file)) return out;
      String name = null;
      StringBuilder body = new StringBuilder();
      try {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith("## ")) {
            if (name != null) out.put(name, body.toString());
            name = line.substring(3);
            body.setLength(0);
          } else {
            body.append(line).append('\n');
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (name != null) out.put(name, body.toString());
      return out;
    });
  }

  static Stream<String> providers() {
    return Bindings.all().stream().map(ProviderBinding::provider);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void transcriptHoldsNoExampleThatIsGone(String provider) throws Exception {
    assumeFalse(Boolean.getBoolean("golden.update"));
    List<String> names = examples().map(a -> (String) a.get()[0]).filter(n -> n.startsWith(provider + ".")).sorted().toList();
    assertEquals(names, List.copyOf(golden(provider).keySet()), "sections of transcripts/" + provider + ".txt");
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
  void exampleRunsOnTheSandbox(String name, String lua) {
    String provider = name.substring(0, name.indexOf('.'));
    boolean workflow = name.contains(".workflow: ");
    String fn = workflow ? null : name.substring(provider.length() + 1, name.indexOf('#'));
    sandbox.reset();
    if (fn != null) sandbox.prepareFor(provider, fn);
    List<String> printed = new ArrayList<>();
    ScriptResult r = host.run(lua, name, printed::add);
    assertTrue(r.ok(), name + " failed: " + r.error());
    List<Exchange> exchanges = sandbox.journal(provider);
    StringBuilder transcript = new StringBuilder();
    for (Exchange e : exchanges) {
      transcript.append("> ").append(e.method()).append(' ').append(e.target()).append('\n');
      if (!e.body().isEmpty()) transcript.append("  ").append(e.body()).append('\n');
      transcript.append("< ").append(e.status()).append(' ').append(e.function()).append('\n');
      assertTrue(e.status() >= 200 && e.status() < 300, name + ": " + e); // 204 for a delete
    }
    printed.forEach(p -> transcript.append("| ").append(p).append('\n'));
    TRANSCRIPTS.computeIfAbsent(provider, k -> new TreeMap<>()).put(name, transcript.toString());
    if (!Boolean.getBoolean("golden.update")) {
      assertEquals(golden(provider).getOrDefault(name, "(no transcript)"), transcript.toString(), "transcript of " + name + " changed");
    }
    assertFalse(exchanges.isEmpty(), name + " called nothing");
    boolean raw = fn != null && SPECS.get(provider).function(fn).map(f -> f.http().raw()).orElse(false);
    if (fn != null && !raw) {
      // Two functions may share a route (ChargeOver's get_current_user is GET /customer?limit=1): either counts.
      Function.Http http = SPECS.get(provider).function(fn).orElseThrow().http();
      assertTrue(exchanges.stream().map(e -> SPECS.get(provider).function(String.valueOf(e.function())))
          .anyMatch(f -> f.isPresent() && f.get().http().method().equals(http.method()) && f.get().http().path().equals(http.path())),
          name + " did not call " + fn + ": " + exchanges);
    }
    if (lua.contains("print(")) {
      assertFalse(printed.isEmpty(), name + " printed nothing");
      for (String line : printed) assertFalse(line.contains("table: 0x") || line.contains("nil"), name + " printed " + line);
    }
    assertEquals(List.of(), printed.stream().filter(l -> l.contains(OfflineAccounts.PLACEHOLDER + ":")).toList(),
        "a credential was printed");
  }
}
