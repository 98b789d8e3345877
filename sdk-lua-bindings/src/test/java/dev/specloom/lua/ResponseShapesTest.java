package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.runtime.testing.WireServer;
import dev.specloom.sandbox.Exchange;
import dev.specloom.sandbox.OfflineSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shape suite: every function of every spec has the provider's documented answer as a fixture
 * ({@code specs/responses/<provider>/<function>.json}, written from the provider's reference example), and
 * <ul>
 *   <li>the fixture fits the function's model: the same fields, the same JSON types, recursively, except where the
 *       spec marks a field {@code undocumented} or {@code unmodelled} with its reason;</li>
 *   <li>the fixture, served over HTTP, decodes through the SDK into the Lua table the docs describe, value for value;</li>
 *   <li>the offline simulator's answer to the function's own examples has the fixture's field set and JSON types.</li>
 * </ul>
 * A fixture that is just {@code null} documents a 204 answer with no body.
 */
class ResponseShapesTest {
  static final Path SPECS = Path.of("..", "specs");
  static final ObjectMapper JSON = new ObjectMapper();
  static OfflineSandbox sandbox;
  static IntegrationHost onSandbox;

  @BeforeAll
  static void start() {
    List<ProviderBinding> bindings = Bindings.all();
    sandbox = OfflineSandbox.start(bindings.stream().map(ProviderBinding::provider).toList(),
        Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC));
    IntegrationHost.Builder builder = IntegrationHost.builder().bindings(bindings);
    OfflineAccounts.of(sandbox, bindings).forEach(builder::account);
    onSandbox = builder.build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @TestFactory
  Stream<DynamicNode> everyFunctionAnswersInItsDocumentedShape() throws Exception {
    List<DynamicNode> providers = new ArrayList<>();
    for (ProviderBinding binding : Bindings.all()) {
      Spec spec = SpecLoader.load(SPECS.resolve(binding.provider() + ".yaml"));
      List<DynamicNode> functions = new ArrayList<>();
      for (Function f : spec.functions()) {
        Path fixture = SPECS.resolve("responses").resolve(spec.provider()).resolve(f.name() + ".json");
        functions.add(DynamicContainer.dynamicContainer(f.name(), Stream.of(
            DynamicTest.dynamicTest("links its reference and has its documented answer", () -> {
              assertTrue(f.reference().isPresent(), f.name() + " has no reference: link the provider's documentation");
              assertTrue(Files.exists(fixture), "no documented answer at " + fixture);
            }),
            DynamicTest.dynamicTest("documented answer fits the model", () -> fitsTheModel(spec, f, read(fixture))),
            DynamicTest.dynamicTest("decodes through the SDK into Lua", () -> decodesInLua(spec, binding, f, read(fixture))),
            DynamicTest.dynamicTest("simulator answers in the documented shape", () -> simulatorAgrees(spec, f, read(fixture))))));
      }
      providers.add(DynamicContainer.dynamicContainer(spec.provider(), functions));
    }
    return providers.stream();
  }

  static JsonNode read(Path fixture) throws IOException {
    return JSON.readTree(fixture.toFile());
  }

  static void fitsTheModel(Spec spec, Function f, JsonNode fixture) {
    if (f.http().raw() || fixture.isNull()) return;
    JsonNode result = f.returns().from().map(path -> at(fixture, path)).orElse(fixture);
    assertEquals(List.of(), ResponseShape.fixtureVsModel(spec, f.returns().type(), result));
  }

  static void decodesInLua(Spec spec, ProviderBinding binding, Function f, JsonNode fixture) {
    try (WireServer server = new WireServer()) {
      server.reply(fixture.isNull() ? new MockResponse.Builder().code(204).build()
          : new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(fixture.toString()).build());
      IntegrationHost host = IntegrationHost.builder().bindings(List.of(binding))
          .account(OfflineAccounts.account(binding, "default", server.url("/"), WritePolicy.ALLOW)).build();
      List<String> printed = new ArrayList<>();
      ScriptResult r = host.run(DUMP.replace("CALL", "app.integrations." + spec.provider() + "." + f.name() + "(" + args(f) + ")"),
          f.name(), printed::add);
      assertTrue(r.ok(), r.error());
      assertEquals(1, server.requestCount(), "one request");
      List<String> expected;
      if (fixture.isNull()) {
        expected = List.of("nil");
      } else if (f.http().raw()) {
        expected = ResponseShape.luaLines(spec, TypeRef.parse("object"), fixture);
      } else {
        JsonNode result = f.returns().from().map(path -> at(fixture, path)).orElse(fixture);
        expected = ResponseShape.luaLines(spec, f.returns().type(), result);
      }
      assertEquals(String.join("\n", expected), String.join("\n", printed));
    }
  }

  static void simulatorAgrees(Spec spec, Function f, JsonNode fixture) {
    Exchange answer = simulatorAnswer(spec, f)
        .orElseThrow(() -> new AssertionError("no example or workflow of " + f.name() + " reached it on the simulator with a 2xx answer"));
    if (fixture.isNull()) {
      assertEquals(204, answer.status(), "documented as 204 No Content");
      assertEquals("", answer.answer(), "a 204 has no body");
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(answer.answer());
    } catch (IOException e) {
      throw new AssertionError("the simulator's answer is not JSON: " + answer.answer(), e);
    }
    // A raw call has no model of its own: its answer is the one of the function whose route it took.
    Function.Returns returns = f.http().raw() ? spec.function(answer.function()).orElseThrow().returns() : f.returns();
    assertEquals(List.of(), ResponseShape.answerVsFixture(spec, returns.type(), returns.from(), fixture, body),
        "simulator: " + answer.answer());
  }

  /**
   * The function's first 2xx answer while its examples (or, failing those, the workflows) run from the seed data;
   * for a raw call, the first 2xx answer at all, since the simulator credits it to the function whose route it took.
   */
  static Optional<Exchange> simulatorAnswer(Spec spec, Function f) {
    List<String> scripts = new ArrayList<>(f.examples().stream().map(Function.Example::lua).toList());
    scripts.addAll(spec.workflows().stream().map(Spec.Workflow::lua).toList());
    for (String lua : scripts) {
      sandbox.reset();
      sandbox.prepareFor(spec.provider(), f.name());
      onSandbox.run(lua, f.name(), line -> { });
      Optional<Exchange> hit = sandbox.journal(spec.provider()).stream()
          .filter(e -> (f.http().raw() || f.name().equals(e.function())) && e.status() / 100 == 2).findFirst();
      if (hit.isPresent()) return hit;
    }
    return Optional.empty();
  }

  static JsonNode at(JsonNode root, String dotPath) {
    JsonNode n = root;
    for (String part : dotPath.split("\\.")) n = n.path(part);
    return n;
  }

  /** The smallest valid argument table: each required param with a value of its type and range. */
  static String args(Function f) {
    if (f.http().raw()) return "{ method = \"GET\", path = \"/ping\" }";
    List<String> out = new ArrayList<>();
    for (Param p : f.params()) {
      if (p.required()) out.add(p.name() + " = " + sample(p.type(), p));
    }
    return "{ " + String.join(", ", out) + " }";
  }

  private static String sample(TypeRef t, Param p) {
    if (p != null && !p.allowed().isEmpty()) return "\"" + p.allowed().get(0) + "\"";
    if (t instanceof TypeRef.ListOf l) return "{ " + sample(l.element(), null) + " }";
    if (!(t instanceof TypeRef.Scalar s)) return "{}";
    return switch (s.kind()) {
      case STRING -> "\"x_1\"";
      case INTEGER, TIMESTAMP, NUMBER -> String.valueOf(p != null && p.min().isPresent() ? Math.max(1, p.min().get().longValue()) : 1);
      case BOOLEAN -> "true";
      case DATE -> "\"2025-01-01\"";
      case DATETIME -> "\"2025-01-01T00:00:00Z\"";
      case OBJECT -> "{}";
    };
  }

  /** Prints a value as sorted path=value lines, the form {@link ResponseShape#luaLines} expects. */
  static final String DUMP = """
      local out = {}
      local function dump(at, v)
        if type(v) == "table" then
          local empty = true
          for k, x in pairs(v) do
            empty = false
            dump(type(k) == "number" and (at .. "[" .. k .. "]") or (at .. "." .. k), x)
          end
          if empty then out[#out + 1] = at .. "={}" end
        else
          out[#out + 1] = at .. "=" .. tostring(v)
        end
      end
      local r = CALL
      if r == nil then print("nil") return end
      dump("$", r)
      table.sort(out)
      print(table.concat(out, "\\n"))
      """;
}
