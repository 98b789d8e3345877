package dev.specloom.mcp;

import dev.specloom.lua.IntegrationHost;
import dev.specloom.lua.ScriptResult;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run_lua}: one script, many calls, one tool call; the agent-host pattern of the seeds. The script runs
 * exactly as {@code specloom-lua run} runs it: the same host, so the same bindings, accounts, write policy and
 * {@link dev.specloom.lua.Limits}; what it prints is the tool's text. Output past the result limit is counted,
 * not kept, so a script that prints without end costs no memory here.
 */
final class RunLuaTool {
  static final String NAME = "run_lua";
  private static final String CHUNK = "run_lua";

  private final IntegrationHost host;
  private final Approvals approvals;
  private final ToolResults results;
  private final int maxBytes;

  RunLuaTool(IntegrationHost host, Approvals approvals, ToolResults results, int maxBytes) {
    this.host = host;
    this.approvals = approvals;
    this.results = results;
    this.maxBytes = maxBytes;
  }

  SyncToolSpecification specification(String apiSummary) {
    Map<String, Object> schema = Map.of("type", "object", "additionalProperties", false,
        "properties", Map.of("script", Map.of("type", "string",
            "description", "Lua 5.2 source. app.integrations.<provider>[.<account>].<function>({ ... }) calls a function;"
                + " print(...) writes the result text; lua_read_doc(\"integrations.<provider>[.<function>]\") reads the docs.")),
        "required", List.of("script"));
    McpSchema.ToolAnnotations hints = McpSchema.ToolAnnotations.builder().title("Run a Lua script")
        .readOnlyHint(false).destructiveHint(true).idempotentHint(false).openWorldHint(true).build();
    McpSchema.Tool tool = McpSchema.Tool.builder(NAME, schema).title("Run a Lua script")
        .description("Runs a Lua script that may call many functions in one go (loop, filter, join, aggregate) and"
            + " returns what it prints. The same functions, accounts and write policy as the other tools; budgets"
            + " on instructions, time and memory. " + apiSummary)
        .annotations(hints).build();
    return SyncToolSpecification.builder().tool(tool).callHandler(this::call).build();
  }

  CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request) {
    Object script = request.arguments() == null ? null : request.arguments().get("script");
    if (!(script instanceof String source)) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", "invalid_arguments");
      error.put("status", 0);
      error.put("message", "run_lua: expects { script = <Lua source as a string> }");
      error.put("request_id", null);
      return results.error(error, (String) error.get("message"));
    }
    Output out = new Output(maxBytes);
    Approvals.Call call = new Approvals.Call(exchange);
    ScriptResult r = approvals.during(call, () -> host.run(source, CHUNK, out::line));
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("ok", r.ok());
    structured.put("output", out.text());
    String text = out.text();
    if (!r.ok()) {
      String error = r.error() + (call.refusal == null ? "" : " (" + call.refusal + ")");
      structured.put("error", error);
      text = text.isEmpty() ? error : text + "\n" + error;
    }
    return results.text(text, structured, !r.ok(), out.total);
  }

  /** What the script printed, kept up to the result limit and counted beyond it. */
  private static final class Output {
    private final StringBuilder kept = new StringBuilder();
    private final int maxBytes;
    private long keptBytes;
    long total;

    Output(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    synchronized void line(String line) {
      long bytes = line.getBytes(StandardCharsets.UTF_8).length + 1L;
      total += bytes;
      if (keptBytes <= maxBytes) {
        if (kept.length() > 0) kept.append('\n');
        kept.append(line);
        keptBytes += bytes;
      }
    }

    synchronized String text() {
      return kept.toString();
    }
  }
}
