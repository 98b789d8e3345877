package dev.specloom.mcp;

import static dev.specloom.mcp.McpChild.error;
import static dev.specloom.mcp.McpChild.structured;
import static dev.specloom.mcp.McpChild.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.lua.Bindings;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.Exchange;
import dev.specloom.sandbox.OfflineSandbox;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code specloom-lua mcp} driven by the MCP Java SDK's client, the server a child process: over stdio without
 * accounts (the offline sandbox), and with an accounts file whose accounts point at this test's own offline
 * sandbox (so its journal shows what was sent), over stdio and over streamable HTTP. Each provider has a
 * {@code default} account with writes {@code ask} and an {@code ops} account with writes {@code allow}.
 */
class McpServerTest {
  static final String SECRET = "mcp-test-secret-7f3a9c";
  static OfflineSandbox sandbox;
  static Path accounts;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws IOException {
    List<ProviderBinding> bindings = Bindings.all();
    sandbox = OfflineSandbox.start(bindings.stream().map(ProviderBinding::provider).toList());
    accounts = accountsFile(dir.resolve("accounts.yaml"), sandbox, Map.of("default", "ask", "ops", "allow"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** An accounts file: per provider the named accounts (name → writes) on {@code sandbox}, every credential SECRET. */
  static Path accountsFile(Path file, OfflineSandbox sandbox, Map<String, String> named) throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (ProviderBinding b : Bindings.all()) {
      yaml.append(b.provider()).append(":\n");
      for (Map.Entry<String, String> a : new java.util.TreeMap<>(named).entrySet()) {
        yaml.append("  ").append(a.getKey()).append(": { base_url: \"").append(sandbox.baseUrl(b.provider()))
            .append("\", writes: ").append(a.getValue());
        for (String c : b.credentials()) yaml.append(", ").append(c).append(": ").append(SECRET);
        for (String s : b.settings()) yaml.append(", ").append(s).append(": sandbox");
        yaml.append(" }\n");
      }
    }
    return Files.writeString(file, yaml);
  }

  /** The tool names the codegen tools target emitted, read from the SDK jars (not from the server). */
  static List<String> emittedToolNames(ProviderBinding b) throws IOException {
    String path = "dev/specloom/" + b.provider() + "/tools/" + b.provider() + ".tools.json";
    try (InputStream in = McpServerTest.class.getClassLoader().getResourceAsStream(path)) {
      Map<String, Object> doc = McpJsonDefaults.getMapper().readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          new TypeRef<Map<String, Object>>() {});
      List<String> names = new ArrayList<>();
      for (Object t : (List<?>) doc.get("tools")) names.add((String) ((Map<?, ?>) t).get("name"));
      assertEquals(b.functions().size(), names.size(), b.provider() + ": one emitted tool per function of the glue");
      return names;
    }
  }

  @Test
  void offlineSandboxOverStdio() throws Exception {
    try (McpChild mcp = McpChild.stdio(List.of("--max-result-bytes", "2048"), null)) {
      Set<String> expected = new TreeSet<>(Set.of(RunLuaTool.NAME));
      int functions = 0;
      for (ProviderBinding b : Bindings.all()) {
        expected.addAll(emittedToolNames(b));
        functions += b.functions().size();
      }
      List<McpSchema.Tool> tools = mcp.tools();
      assertEquals(functions + 1, tools.size());
      assertEquals(expected, new TreeSet<>(tools.stream().map(McpSchema.Tool::name).toList()));
      assertTrue(mcp.client.getServerInstructions().contains("OFFLINE SANDBOX"), mcp.client.getServerInstructions());
      assertTrue(mcp.stderr.stream().anyMatch(l -> l.contains("serving the offline sandbox")), mcp.stderr.toString());

      // The emitter's hints and schema, as served.
      McpSchema.Tool get = tools.stream().filter(t -> t.name().equals("stripe_get_customer")).findFirst().orElseThrow();
      assertEquals(Boolean.TRUE, get.annotations().readOnlyHint());
      assertEquals(List.of("id"), get.inputSchema().get("required"));
      McpSchema.Tool delete = tools.stream().filter(t -> t.name().equals("stripe_delete_customer")).findFirst().orElseThrow();
      assertEquals(Boolean.FALSE, delete.annotations().readOnlyHint());
      assertEquals(Boolean.TRUE, delete.annotations().destructiveHint());
      assertNotNull(delete.title());

      McpSchema.CallToolResult read = mcp.call("stripe_get_customer", Map.of("id", "cus_abc123"));
      assertFalse(read.isError(), text(read));
      assertEquals("cus_abc123", structured(read).get("id"));

      // The docs: one resource per provider and per function, the text lua_read_doc gives.
      int pages = 0;
      for (ProviderBinding b : Bindings.all()) pages += 1 + b.functions().size();
      assertEquals(pages, mcp.resources().size());
      McpSchema.ReadResourceResult doc = mcp.client.readResource(
          new McpSchema.ReadResourceRequest("specloom://docs/integrations.stripe.create_customer"));
      String markdown = ((McpSchema.TextResourceContents) doc.contents().get(0)).text();
      assertTrue(markdown.contains("create_customer"), markdown);

      // The large-output guard: cut at the limit, with a note.
      McpSchema.CallToolResult big = mcp.call(RunLuaTool.NAME, Map.of("script", "for i = 1, 100 do print(string.rep('x', 99)) end"));
      assertFalse(big.isError(), text(big));
      assertTrue(text(big).contains("[truncated: the result is 10000 bytes; the first 2048 are shown"), text(big));
      assertEquals(Boolean.TRUE, structured(big).get("truncated"));
    }
  }

  @Test
  void accountsOverStdio() throws Exception {
    try (McpChild mcp = McpChild.stdio(List.of("--accounts", accounts.toString()), null)) {
      scenario(mcp);
    }
  }

  @Test
  void accountsOverHttp() throws Exception {
    try (McpChild mcp = McpChild.http(List.of("--accounts", accounts.toString()))) {
      scenario(mcp);
    }
  }

  @Test
  void askAsksTheUserWhenTheClientCanElicit() throws Exception {
    List<String> asked = new ArrayList<>();
    try (McpChild mcp = McpChild.stdio(List.of("--accounts", accounts.toString()), request -> {
      asked.add(request.message());
      if (request.message().contains("Broken Co")) throw new IllegalStateException("the dialog crashed");
      boolean yes = request.message().contains("Approved Co");
      return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("approve", yes));
    })) {
      McpSchema.CallToolResult approved = mcp.call("stripe_create_customer", Map.of("name", "Approved Co"));
      assertFalse(approved.isError(), text(approved));
      assertEquals("Approved Co", structured(approved).get("name"));
      long before = sandbox.requests("stripe");
      McpSchema.CallToolResult declined = mcp.call("stripe_create_customer", Map.of("name", "Declined Co"));
      assertTrue(declined.isError());
      assertEquals("write_refused", error(declined).get("code"));
      assertTrue(text(declined).contains("the user did not approve it"), text(declined));
      assertEquals(before, sandbox.requests("stripe"), "a declined write sends nothing");
      McpSchema.CallToolResult unanswered = mcp.call("stripe_create_customer", Map.of("name", "Broken Co"));
      assertTrue(unanswered.isError());
      assertEquals("write_refused", error(unanswered).get("code"));
      assertTrue(text(unanswered).contains("the user could not be asked"), text(unanswered));
      assertEquals(before, sandbox.requests("stripe"), "an unanswered write sends nothing");
      assertEquals(3, asked.size());
      assertTrue(asked.get(0).contains("stripe.create_customer on account 'default'") && asked.get(0).contains("POST /v1/customers"),
          asked.get(0));
    }
  }

  @Test
  void allowWritesLetsAskWritesThrough() throws Exception {
    try (McpChild mcp = McpChild.stdio(List.of("--accounts", accounts.toString(), "--allow-writes"), null)) {
      McpSchema.CallToolResult created = mcp.call("stripe_create_customer", Map.of("name", "Allowed Co"));
      assertFalse(created.isError(), text(created));
      assertEquals("Allowed Co", structured(created).get("name"));
    }
  }

  /** What every transport must do with the ask/allow accounts. */
  static void scenario(McpChild mcp) {
    int functions = Bindings.all().stream().mapToInt(b -> b.functions().size()).sum();
    List<String> names = mcp.tools().stream().map(McpSchema.Tool::name).toList();
    assertEquals(2 * functions + 1, names.size(), "one tool per function and account, and run_lua");
    assertTrue(names.contains("stripe_create_customer") && names.contains("stripe_create_customer__ops"), names.toString());
    assertFalse(mcp.client.getServerInstructions().contains("OFFLINE SANDBOX"));

    // A read.
    long stripe = sandbox.requests("stripe");
    McpSchema.CallToolResult read = mcp.call("stripe_get_customer", Map.of("id", "cus_abc123"));
    assertFalse(read.isError(), text(read));
    assertEquals("cus_abc123", structured(read).get("id"));
    assertTrue(text(read).contains("\"id\":\"cus_abc123\""), text(read));
    Exchange last = last("stripe");
    assertEquals("GET", last.method());
    assertEquals("/v1/customers/cus_abc123", last.target());
    assertEquals(stripe + 1, sandbox.requests("stripe"));

    // A write under ask, from a client that cannot be asked: refused, nothing sent.
    McpSchema.CallToolResult refused = mcp.call("stripe_create_customer", Map.of("name", "Acme MCP"));
    assertTrue(refused.isError());
    assertEquals("write_refused", error(refused).get("code"));
    assertTrue(text(refused).contains("does not support elicitation"), text(refused));
    assertEquals(stripe + 1, sandbox.requests("stripe"));

    // The same write under allow.
    McpSchema.CallToolResult created = mcp.call("stripe_create_customer__ops", Map.of("name", "Acme MCP"));
    assertFalse(created.isError(), text(created));
    assertEquals("Acme MCP", structured(created).get("name"));
    assertEquals("POST", last("stripe").method());
    assertEquals(stripe + 2, sandbox.requests("stripe"));

    // An invalid argument: a tool error that names the key; nothing sent.
    McpSchema.CallToolResult invalid = mcp.call("stripe_create_customer__ops", Map.of("nmae", "Acme"));
    assertTrue(invalid.isError());
    assertEquals("invalid_arguments", error(invalid).get("code"));
    assertTrue(String.valueOf(error(invalid).get("message")).contains("'nmae'"), text(invalid));
    assertTrue(text(invalid).contains("nothing was sent"), text(invalid));
    assertEquals(stripe + 2, sandbox.requests("stripe"));

    // A provider error: code, status, message and request id, as a tool error.
    McpSchema.CallToolResult missing = mcp.call("stripe_get_customer", Map.of("id", "cus_missing"));
    assertTrue(missing.isError());
    Map<String, Object> e = error(missing);
    assertEquals(404, ((Number) e.get("status")).intValue());
    assertNotNull(e.get("code"));
    assertNotNull(e.get("message"));
    assertTrue(e.containsKey("request_id"));
    assertEquals(stripe + 3, sandbox.requests("stripe"));

    // run_lua: three calls in one tool call, through the same accounts and policies.
    long chartmogul = sandbox.requests("chartmogul");
    McpSchema.CallToolResult lua = mcp.call(RunLuaTool.NAME, Map.of("script", """
        local c = app.integrations.stripe.ops.create_customer({ name = "Lua Co" })
        local again = app.integrations.stripe.get_customer({ id = c.id })
        local page = app.integrations.chartmogul.list_customers({})
        print(again.name .. " " .. type(page.entries))
        """));
    assertFalse(lua.isError(), text(lua));
    assertEquals("Lua Co table", text(lua));
    assertEquals(stripe + 5, sandbox.requests("stripe"));
    assertEquals(chartmogul + 1, sandbox.requests("chartmogul"));

    // A write under ask inside run_lua is refused like the tool's, and the script's error says so.
    McpSchema.CallToolResult luaRefused = mcp.call(RunLuaTool.NAME,
        Map.of("script", "app.integrations.stripe.create_customer({ name = 'No' })"));
    assertTrue(luaRefused.isError());
    assertTrue(text(luaRefused).contains("write refused"), text(luaRefused));
    assertEquals(stripe + 5, sandbox.requests("stripe"));

    // Secrets never leave the server, even when a script prints one.
    McpSchema.CallToolResult leak = mcp.call(RunLuaTool.NAME, Map.of("script", "print('key: " + SECRET + "')"));
    assertEquals("key: ***", text(leak));
    assertFalse(mcp.stderr.stream().anyMatch(l -> l.contains(SECRET)), "a secret on standard error");
  }

  private static Exchange last(String provider) {
    List<Exchange> j = sandbox.journal(provider);
    return j.get(j.size() - 1);
  }
}
