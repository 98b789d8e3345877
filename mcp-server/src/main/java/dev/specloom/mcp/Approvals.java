package dev.specloom.mcp;

import dev.specloom.lua.PendingWrite;
import dev.specloom.lua.WriteApprover;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The write policy {@code ask} over MCP: the host asks this approver, which asks the user through the client
 * (MCP elicitation) when the client supports it, and refuses otherwise; {@code --allow-writes} lets every
 * {@code ask} write through, as in {@code specloom-lua run}. The client to ask is the one whose tool call is
 * running: each call sets it for its own thread and the threads it starts (a {@code run_lua} script runs on a
 * thread of its own), so concurrent calls of several clients never ask each other's users.
 */
final class Approvals implements WriteApprover {
  /** The form the user answers: one yes/no field, so every client can render it. */
  static final Map<String, Object> FORM = Map.of("type", "object",
      "properties", Map.of("approve", Map.of("type", "boolean", "title", "Send this write", "default", false)),
      "required", List.of("approve"));

  private final InheritableThreadLocal<Call> current = new InheritableThreadLocal<>();
  private final boolean allowWrites;
  private final Function<String, String> mask;

  /** What one tool call's approvals found: why a write was refused, for the tool error. */
  static final class Call {
    final McpSyncServerExchange exchange;
    String refusal;

    Call(McpSyncServerExchange exchange) {
      this.exchange = exchange;
    }
  }

  Approvals(boolean allowWrites, Function<String, String> mask) {
    this.allowWrites = allowWrites;
    this.mask = mask;
  }

  /** Runs {@code work} as the call of {@code exchange}'s client; {@code call} is what its approvals found. */
  <T> T during(Call call, Supplier<T> work) {
    current.set(call);
    try {
      return work.get();
    } finally {
      current.remove();
    }
  }

  @Override
  public boolean approve(PendingWrite write) {
    if (allowWrites) return true;
    Call call = current.get();
    if (call == null) return false;
    McpSchema.ClientCapabilities caps = call.exchange.getClientCapabilities();
    if (caps == null || caps.elicitation() == null) {
      call.refusal = "this MCP client cannot ask its user (it does not support elicitation); set the account's"
          + " writes to allow, or start the server with --allow-writes";
      return false;
    }
    ElicitResult answer;
    try {
      answer = call.exchange.createElicitation(McpSchema.ElicitFormRequest.builder(mask.apply(question(write)), FORM).build());
    } catch (RuntimeException e) {
      // No answer (the user took too long, the client failed): nothing is sent without one.
      call.refusal = "the user could not be asked: " + mask.apply(String.valueOf(e.getMessage()));
      return false;
    }
    boolean approved = answer.action() == ElicitResult.Action.ACCEPT && answer.content() != null
        && Boolean.TRUE.equals(answer.content().get("approve"));
    if (!approved) call.refusal = "the user did not approve it (" + answer.action().name().toLowerCase(java.util.Locale.ROOT) + ")";
    return approved;
  }

  static String question(PendingWrite w) {
    return "Allow " + w.provider() + "." + w.function() + " on account '" + w.account() + "'? It sends " + w.method()
        + " " + w.path() + " with " + w.arguments();
  }
}
