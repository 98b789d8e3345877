package dev.specloom.mcp;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.ProviderBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool definitions the codegen {@code tools} target emitted for one provider (the resource
 * {@code dev/specloom/<provider>/tools/<provider>.tools.json} that travels in each SDK jar): per function its
 * tool name, description, JSON Schema of the arguments and MCP annotations. The server serves these as they
 * are, so a schema is written once, by the emitter, from the spec.
 */
final class ToolDefinitions {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** One function's emitted definition; {@code annotations} holds the emitter's hints. */
  record Definition(FunctionSpec function, String name, String description, Map<String, Object> inputSchema,
      Map<String, Object> annotations) {}

  final String providerTitle;
  /** By function name, in the spec's order. */
  final Map<String, Definition> byFunction;

  private ToolDefinitions(String providerTitle, Map<String, Definition> byFunction) {
    this.providerTitle = providerTitle;
    this.byFunction = byFunction;
  }

  static String resource(String provider) {
    return "dev/specloom/" + provider + "/tools/" + provider + ".tools.json";
  }

  /** Reads the definitions of {@code binding}; every function of its glue must have one (same spec, same build). */
  @SuppressWarnings("unchecked")
  static ToolDefinitions of(ProviderBinding binding) {
    String path = resource(binding.provider());
    Map<String, Object> doc;
    try (InputStream in = binding.getClass().getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing generated tool definitions " + path);
      doc = (Map<String, Object>) JSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
    Map<String, Definition> out = new LinkedHashMap<>();
    for (Object o : (List<Object>) doc.get("tools")) {
      Map<String, Object> tool = (Map<String, Object>) o;
      String name = (String) tool.get("name");
      FunctionSpec fn = binding.functions().stream()
          .filter(f -> name.equals(binding.provider() + "_" + f.name()) || f.aliases().contains(name))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(path + ": tool " + name + " names no function of the glue"));
      out.put(fn.name(), new Definition(fn, name, (String) tool.get("description"),
          (Map<String, Object>) tool.get("inputSchema"), (Map<String, Object>) tool.get("annotations")));
    }
    for (FunctionSpec f : binding.functions()) {
      if (!out.containsKey(f.name())) throw new IllegalStateException(path + ": no tool for " + binding.provider() + "." + f.name());
    }
    return new ToolDefinitions((String) doc.get("title"), out);
  }
}
