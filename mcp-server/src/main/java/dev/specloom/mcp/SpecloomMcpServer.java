package dev.specloom.mcp;

import dev.specloom.lua.Account;
import dev.specloom.lua.IntegrationHost;
import dev.specloom.lua.Limits;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.runtime.SpecloomVersion;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/**
 * The Lua host's functions as an MCP server, on the official MCP Java SDK: one tool per function and account
 * (input schema, title and hints as the codegen {@code tools} target emitted them from the spec), a
 * {@code run_lua} tool, and the docs as resources. It serves whatever provider glue it is given and names
 * none. Build it once; {@link #start} binds it to a transport (stdio, or streamable HTTP via
 * {@link LoopbackHttp}).
 *
 * <pre>{@code
 * SpecloomMcpServer mcp = SpecloomMcpServer.builder().bindings(bindings).accounts(accounts).build();
 * McpSyncServer server = mcp.start(new StdioServerTransportProvider(McpJsonDefaults.getMapper()));
 * }</pre>
 */
public final class SpecloomMcpServer {
  /** Large enough for a page of objects, small enough not to flood a model's context. */
  public static final int DEFAULT_MAX_RESULT_BYTES = 64 * 1024;
  /** How long a write under {@code ask} waits for the user's answer before it is refused. */
  static final Duration ASK_TIMEOUT = Duration.ofMinutes(5);

  private final List<SyncToolSpecification> tools = new ArrayList<>();
  private final List<SyncResourceSpecification> resources;
  private final String instructions;

  private SpecloomMcpServer(Builder b) {
    List<String> credentials = new ArrayList<>();
    for (Account a : b.accounts) credentials.addAll(a.credentials().values());
    Secrets secrets = new Secrets(credentials);
    Approvals approvals = new Approvals(b.allowWrites, secrets::mask);
    IntegrationHost.Builder hb = IntegrationHost.builder().bindings(b.bindings).limits(b.limits).writeApprover(approvals);
    b.accounts.forEach(hb::account);
    IntegrationHost host = hb.build();
    // The functions scripts call, in a host-owned global table: the tools call exactly these.
    Globals globals = new Globals();
    host.install(globals);
    LuaValue integrations = globals.get("app").get("integrations");
    ToolResults results = new ToolResults(b.maxResultBytes, secrets);
    Map<String, ProviderBinding> byProvider = new LinkedHashMap<>();
    for (ProviderBinding binding : b.bindings) byProvider.put(binding.provider(), binding);
    Map<String, String> defaultAccount = new LinkedHashMap<>();
    for (Account a : b.accounts) {
      // As in Lua: the account named "default", else the provider's first, answers app.integrations.<provider>.
      if (a.name().equals("default") || !defaultAccount.containsKey(a.provider())) defaultAccount.put(a.provider(), a.name());
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (Account a : b.accounts) {
      ProviderBinding binding = byProvider.get(a.provider());
      ToolDefinitions defs = ToolDefinitions.of(binding);
      boolean isDefault = a.name().equals(defaultAccount.get(a.provider()));
      for (ToolDefinitions.Definition d : defs.byFunction.values()) {
        LuaValue fn = integrations.get(a.provider()).get(a.name()).get(d.function().name());
        FunctionTool tool = new FunctionTool(d, a.provider(), fn, approvals, results);
        SyncToolSpecification spec = FunctionTool.specification(defs, d, a, isDefault, tool);
        String clash = names.put(spec.tool().name(), a.provider() + "." + a.name() + "." + d.function().name());
        if (clash != null) {
          throw new IllegalArgumentException("tool name " + spec.tool().name() + " would serve both " + clash + " and "
              + names.get(spec.tool().name()) + "; rename the account");
        }
        tools.add(spec);
      }
    }
    String api = "Functions: app.integrations.<provider>.<function>({ ... }) for a provider's default account,"
        + " app.integrations.<provider>.<account>.<function>({ ... }) for a named one. Providers: "
        + String.join(", ", byProvider.keySet()) + ".";
    tools.add(new RunLuaTool(host, approvals, results, b.maxResultBytes).specification(api));
    this.resources = DocResources.of(b.bindings, globals.get("lua_read_doc"));
    this.instructions = instructions(b, defaultAccount);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The tools' names, in the order they are listed: per account its functions, then {@code run_lua}. */
  public List<String> toolNames() {
    return tools.stream().map(t -> t.tool().name()).toList();
  }

  public String instructions() {
    return instructions;
  }

  /** Serves on a single-session transport (stdio). */
  public McpSyncServer start(McpServerTransportProvider transport) {
    return configure(McpServer.sync(transport));
  }

  /** Serves on a streamable-HTTP transport. */
  public McpSyncServer start(McpStreamableServerTransportProvider transport) {
    return configure(McpServer.sync(transport));
  }

  private McpSyncServer configure(McpServer.SyncSpecification<?> spec) {
    return spec.serverInfo("specloom", SpecloomVersion.get())
        .instructions(instructions)
        // The server's own requests are elicitations, answered by a person: give them time (the SDK waits 10 s).
        .requestTimeout(ASK_TIMEOUT)
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
        // The glue validates arguments itself, with messages that name the key and suggest the right one.
        .validateToolInputs(false)
        .jsonSchemaValidator(ArgumentsChecked.INSTANCE)
        .tools(tools)
        .resources(resources)
        .build();
  }

  private static String instructions(Builder b, Map<String, String> defaultAccount) {
    StringBuilder s = new StringBuilder();
    s.append("The integrations' functions as tools, one per function and account: <provider>_<function> for a"
        + " provider's default account (");
    List<String> defaults = new ArrayList<>();
    defaultAccount.forEach((p, a) -> defaults.add(p + ": " + a));
    s.append(String.join(", ", defaults)).append("), <provider>_<function>").append(FunctionTool.ACCOUNT_SEPARATOR)
        .append("<account> for another account. run_lua runs a Lua script that may call many functions at once."
            + " Each function's reference is the resource specloom://docs/integrations.<provider>.<function>.");
    s.append(" Writes follow each account's policy: allow, ask (the user is asked")
        .append(b.allowWrites ? "; --allow-writes lets them through" : " when the client supports elicitation, else refused")
        .append(") or deny.");
    if (b.offlineSandbox) {
      s.append(" OFFLINE SANDBOX: no accounts were configured, so every provider is served by a local simulator with"
          + " seed data; nothing real is called and writes change only the simulator's state.");
    }
    return s.toString();
  }

  /** Providers, accounts and policies; {@link #build()} connects every account. */
  public static final class Builder {
    private final List<ProviderBinding> bindings = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private boolean allowWrites;
    private boolean offlineSandbox;
    private Limits limits = Limits.DEFAULT;
    private int maxResultBytes = DEFAULT_MAX_RESULT_BYTES;

    private Builder() {}

    public Builder bindings(List<ProviderBinding> all) {
      bindings.addAll(all);
      return this;
    }

    public Builder accounts(List<Account> all) {
      accounts.addAll(all);
      return this;
    }

    /** As {@code specloom-lua run --allow-writes}: writes of {@code ask} accounts go through without asking. */
    public Builder allowWrites(boolean allow) {
      allowWrites = allow;
      return this;
    }

    /** Says in the server instructions that the accounts are the offline sandbox's. */
    public Builder offlineSandbox(boolean offline) {
      offlineSandbox = offline;
      return this;
    }

    /** The budgets of every {@code run_lua} script. */
    public Builder limits(Limits l) {
      limits = Objects.requireNonNull(l);
      return this;
    }

    /** Results whose text is longer are cut there, with a note. */
    public Builder maxResultBytes(int bytes) {
      if (bytes < 1024) throw new IllegalArgumentException("the result limit must be at least 1024 bytes");
      maxResultBytes = bytes;
      return this;
    }

    public SpecloomMcpServer build() {
      return new SpecloomMcpServer(this);
    }
  }
}
