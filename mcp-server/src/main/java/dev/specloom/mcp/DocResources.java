package dev.specloom.mcp;

import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.ProviderBinding;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaValue;

/**
 * The generated reference as MCP resources: one per provider and one per function, the very text a script
 * gets from {@code lua_read_doc} (so the two never differ), at {@code specloom://docs/<page>}.
 */
final class DocResources {
  static final String SCHEME = "specloom://docs/";

  private DocResources() {}

  static List<SyncResourceSpecification> of(List<ProviderBinding> bindings, LuaValue readDoc) {
    List<SyncResourceSpecification> out = new ArrayList<>();
    for (ProviderBinding b : bindings) {
      ToolDefinitions defs = ToolDefinitions.of(b);
      String page = "integrations." + b.provider();
      out.add(resource(page, defs.providerTitle + " reference (Lua)", "Every " + defs.providerTitle
          + " function: arguments, results, errors and examples.", readDoc));
      for (FunctionSpec f : b.functions()) {
        out.add(resource(page + "." + f.name(), defs.providerTitle + ": " + f.name().replace('_', ' '),
            defs.byFunction.get(f.name()).description(), readDoc));
      }
    }
    return out;
  }

  private static SyncResourceSpecification resource(String page, String title, String description, LuaValue readDoc) {
    McpSchema.Resource r = McpSchema.Resource.builder().uri(SCHEME + page).name(page).title(title)
        .description(description).mimeType("text/markdown").build();
    return new SyncResourceSpecification(r, (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
        new McpSchema.TextResourceContents(r.uri(), "text/markdown", readDoc.call(LuaValue.valueOf(page)).tojstring()))));
  }
}
