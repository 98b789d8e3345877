package dev.specloom.mcp;

import static dev.specloom.mcp.McpChild.text;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import dev.specloom.lua.Bindings;
import dev.specloom.lua.IntegrationHost;
import dev.specloom.lua.OfflineAccounts;
import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.OfflineSandbox;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * An MCP client drives every function of every spec through {@code specloom-lua mcp}: per function, its
 * documented example runs once in-process against this test's offline sandbox, recording each function call it
 * makes (function and arguments, as the script passed them); then, from the same sandbox state, an MCP client
 * makes the same calls as tool calls to the server (a child process whose accounts point at that sandbox), and
 * each must return a structured, non-error result. The sandbox's clock is fixed and its state reset, so ids an
 * example creates and then uses come out the same the second time.
 */
class EveryFunctionOverMcpTest {
  static OfflineSandbox sandbox;
  static IntegrationHost host;
  static McpChild mcp;
  @TempDir
  static Path dir;

  /** One function call an example made: provider, function (primary name) and arguments. */
  record Call(String provider, String function, Map<String, Object> args) {}

  @BeforeAll
  static void start() throws Exception {
    List<ProviderBinding> bindings = Bindings.all();
    sandbox = OfflineSandbox.start(bindings.stream().map(ProviderBinding::provider).toList(),
        Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC));
    IntegrationHost.Builder b = IntegrationHost.builder().bindings(bindings);
    OfflineAccounts.of(sandbox, bindings).forEach(b::account);
    host = b.build();
    mcp = McpChild.stdio(List.of("--accounts",
        McpServerTest.accountsFile(dir.resolve("accounts.yaml"), sandbox, Map.of("default", "allow")).toString()), null);
  }

  @AfterAll
  static void stop() throws Exception {
    if (mcp != null) mcp.close();
    sandbox.close();
  }

  @TestFactory
  Stream<DynamicTest> everyFunction() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (ProviderBinding binding : Bindings.all()) {
      Spec spec = SpecLoader.load(Path.of("..", "specs", binding.provider() + ".yaml"));
      ToolDefinitions tools = ToolDefinitions.of(binding);
      for (Function f : spec.functions()) {
        tests.add(DynamicTest.dynamicTest(binding.provider() + "." + f.name(), () -> {
          assertFalse(f.examples().isEmpty(), "no example to take arguments from");
          String lua = f.examples().get(0).lua();
          List<Call> calls = record(binding.provider(), f.name(), lua);
          assertTrue(calls.stream().anyMatch(c -> c.function().equals(f.name()) && c.provider().equals(binding.provider())),
              "the example does not call " + f.name() + ": " + calls);
          sandbox.reset();
          sandbox.prepareFor(binding.provider(), f.name());
          for (Call c : calls) {
            String tool = (c.provider().equals(binding.provider()) ? tools : ToolDefinitions.of(binding(c.provider())))
                .byFunction.get(c.function()).name();
            McpSchema.CallToolResult r = mcp.call(tool, c.args());
            assertFalse(Boolean.TRUE.equals(r.isError()), tool + " " + c.args() + ": " + text(r));
            assertNotNull(r.structuredContent(), tool + ": no structured content");
            assertFalse(text(r).isEmpty(), tool + ": no text");
          }
        }));
      }
    }
    return tests.stream();
  }

  private static ProviderBinding binding(String provider) {
    return Bindings.all().stream().filter(b -> b.provider().equals(provider)).findFirst().orElseThrow();
  }

  /** Runs {@code lua} in-process from the state the sandbox prepares for {@code function}, recording its calls. */
  private static List<Call> record(String provider, String function, String lua) {
    sandbox.reset();
    sandbox.prepareFor(provider, function);
    Globals g = JsePlatform.standardGlobals();
    host.install(g);
    g.set("print", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return NONE;
      }
    });
    List<Call> calls = new ArrayList<>();
    LuaValue app = g.get("app");
    LuaValue integrations = app.get("integrations");
    LuaTable recordingIntegrations = proxy(key -> provider(integrations.get(key), key.tojstring(), calls));
    g.set("app", proxy(key -> key.tojstring().equals("integrations") ? recordingIntegrations : app.get(key)));
    g.load(lua, function).call();
    return calls;
  }

  /** app.integrations.<provider>: functions record their calls; account tables pass through, recording too. */
  private static LuaValue provider(LuaValue real, String provider, List<Call> calls) {
    return proxy(key -> {
      LuaValue v = real.get(key);
      if (v.isfunction()) return recorder(provider, key.tojstring(), v, calls);
      return proxy(fn -> recorder(provider, fn.tojstring(), v.get(fn), calls));
    });
  }

  private static LuaValue recorder(String provider, String name, LuaValue fn, List<Call> calls) {
    String primary = binding(provider).functions().stream().filter(f -> f.name().equals(name) || f.aliases().contains(name))
        .map(FunctionSpec::name).findFirst().orElseThrow();
    return new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue args) {
        Object java = LuaJava.toJava(args);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = java instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        calls.add(new Call(provider, primary, map));
        return fn.call(args);
      }
    };
  }

  private static LuaTable proxy(java.util.function.Function<LuaValue, LuaValue> index) {
    LuaTable t = new LuaTable();
    LuaTable meta = new LuaTable();
    meta.set(LuaValue.INDEX, new TwoArgFunction() {
      @Override
      public LuaValue call(LuaValue self, LuaValue key) {
        return index.apply(key);
      }
    });
    t.setmetatable(meta);
    return t;
  }
}
