package dev.specloom.mcp;

import dev.specloom.lua.Account;
import dev.specloom.lua.WriteRefusedError;
import dev.specloom.lua.bridge.LuaValues;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * One function of one account as an MCP tool. A call goes through the very function a script calls
 * ({@code app.integrations.<provider>.<account>.<function>}), so arguments are validated by the same glue
 * (nothing is sent when one is wrong), and the account's write policy, retries and timeout apply unchanged.
 * Whatever goes wrong comes back as a tool error, never as a protocol error.
 */
final class FunctionTool {
  /** Separates a non-default account's name from the function's tool name. */
  static final String ACCOUNT_SEPARATOR = "__";

  private final ToolDefinitions.Definition definition;
  private final String qualified;
  private final LuaValue function;
  private final Approvals approvals;
  private final ToolResults results;

  FunctionTool(ToolDefinitions.Definition definition, String provider, LuaValue function, Approvals approvals,
      ToolResults results) {
    this.definition = definition;
    this.qualified = provider + "." + definition.function().name();
    this.function = function;
    this.approvals = approvals;
    this.results = results;
  }

  /**
   * The tool name: the emitted one ({@code <provider>_create_thing}) for the provider's default account (the
   * one scripts reach as {@code app.integrations.<provider>}: the account named {@code default}, else the
   * first), and {@code <provider>_create_thing__work} for account {@code work}.
   */
  static String name(ToolDefinitions.Definition d, Account account, boolean isDefault) {
    return isDefault ? d.name() : d.name() + ACCOUNT_SEPARATOR + account.name();
  }

  static SyncToolSpecification specification(ToolDefinitions defs, ToolDefinitions.Definition d, Account account,
      boolean isDefault, FunctionTool tool) {
    String title = defs.providerTitle + ": " + d.function().name().replace('_', ' ')
        + (isDefault ? "" : " (account " + account.name() + ")");
    Map<String, Object> hints = d.annotations();
    McpSchema.ToolAnnotations annotations = McpSchema.ToolAnnotations.builder().title(title)
        .readOnlyHint((Boolean) hints.get("readOnlyHint")).destructiveHint((Boolean) hints.get("destructiveHint"))
        .idempotentHint((Boolean) hints.get("idempotentHint")).openWorldHint((Boolean) hints.get("openWorldHint"))
        .build();
    String description = d.description() + " Account: " + account.name() + " (writes: " + account.writes().word() + ").";
    McpSchema.Tool t = McpSchema.Tool.builder(name(d, account, isDefault), d.inputSchema()).title(title)
        .description(description).annotations(annotations).build();
    return SyncToolSpecification.builder().tool(t).callHandler(tool::call).build();
  }

  CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request) {
    Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
    Approvals.Call call = new Approvals.Call(exchange);
    try {
      LuaValue result = approvals.during(call, () -> function.call(LuaValues.of(args)));
      return results.success(LuaJava.toJava(result));
    } catch (LuaError e) {
      return error(e, call);
    } catch (RuntimeException e) {
      return results.error(error("internal_error", 0, qualified + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), null), qualified + ": internal error: " + e.getMessage());
    }
  }

  private CallToolResult error(LuaError e, Approvals.Call call) {
    LuaValue obj = e.getMessageObject();
    if (obj != null && obj.istable()) {
      // A provider, transport or decoding error: the host's error table, as a script's pcall sees it.
      Map<String, Object> error = error(string(obj, "code"), obj.rawget("status").optint(0), string(obj, "message"),
          string(obj, "request_id"));
      for (String k : new String[] {"type", "param", "path"}) {
        if (!obj.rawget(k).isnil()) error.put(k, obj.rawget(k).tojstring());
      }
      error.put("provider", string(obj, "provider"));
      error.put("function", string(obj, "fn"));
      String line = string(obj, "line");
      return results.error(error, error.get("request_id") == null ? line : line + " (request id " + error.get("request_id") + ")");
    }
    String message = e.getMessage();
    // A write the policy refused; anything else raised before sending is bad input.
    boolean refused = e instanceof WriteRefusedError;
    if (refused && call.refusal != null) message = message + ": " + call.refusal;
    Map<String, Object> error = error(refused ? "write_refused" : "invalid_arguments", 0, message, null);
    error.put("function", qualified);
    return results.error(error, message + (refused ? "" : " (nothing was sent)"));
  }

  private static Map<String, Object> error(String code, int status, String message, String requestId) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("code", code == null ? "error" : code);
    e.put("status", status);
    e.put("message", message);
    e.put("request_id", requestId);
    return e;
  }

  private static String string(LuaValue table, String key) {
    LuaValue v = table.rawget(key);
    return v.isnil() ? null : v.tojstring();
  }
}
