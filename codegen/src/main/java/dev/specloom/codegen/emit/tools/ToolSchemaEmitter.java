package dev.specloom.codegen.emit.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specloom.codegen.emit.GeneratedFile;
import dev.specloom.codegen.emit.JsonResource;
import dev.specloom.codegen.emit.JsonSchemas;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tool definitions for LLM hosts: one tool per function, named by its full name, with a JSON Schema of its
 * arguments ({@code additionalProperties: false}, required keys, enums, ranges, lengths, non-empty path
 * segments, defaults, date formats, params that need another) and MCP annotations derived from the spec:
 * read-only for reads, destructive for functions the spec marks destructive (deletes and cancels), idempotent
 * for reads, PUT, DELETE and destructive calls (a second delete or cancel changes nothing more). Idempotency keys do not make
 * a create idempotent here: the SDK draws a fresh key per call, so two identical tool calls create two objects.
 */
public final class ToolSchemaEmitter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Spec spec;
  /** The models being expanded, outermost first: a model met again inside itself is not expanded again. */
  private final Set<String> visiting = new HashSet<>();
  private final JsonSchemas schemas = new JsonSchemas(false, this::model);

  public ToolSchemaEmitter(Spec spec) {
    this.spec = spec;
  }

  public static String resource(String provider) {
    return "dev/specloom/" + provider + "/tools/" + provider + ".tools.json";
  }

  /** The tool definitions as a classpath resource. */
  public List<GeneratedFile> generated() {
    return List.of(JsonResource.file(resource(spec.provider()), document()));
  }

  public String text() {
    return JsonResource.text(document());
  }

  public ObjectNode document() {
    ObjectNode doc = JSON.objectNode().put("provider", spec.provider()).put("title", spec.title());
    ArrayNode tools = doc.putArray("tools");
    for (Function f : spec.functions()) tools.add(tool(f));
    return doc;
  }

  private ObjectNode tool(Function f) {
    String name = f.aliases().isEmpty() ? spec.provider() + "_" + f.name() : f.aliases().get(0);
    ObjectNode tool = JSON.objectNode().put("name", name)
        .put("description", f.description().isEmpty() ? f.summary() : f.summary() + " " + f.description());
    ObjectNode input = tool.putObject("inputSchema").put("type", "object").put("additionalProperties", false);
    ObjectNode properties = input.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    ObjectNode dependent = JSON.objectNode();
    for (Param p : f.params()) {
      ObjectNode schema = schemas.of(p.type()).put("description", p.description());
      if (!p.allowed().isEmpty()) p.allowed().forEach(schema.putArray("enum")::add);
      p.min().ifPresent(v -> schema.put("minimum", v));
      p.max().ifPresent(v -> schema.put("maximum", v));
      p.maxLength().ifPresent(v -> schema.put("maxLength", v));
      // An empty path segment would address another resource (DELETE /v1/customers/ instead of one customer).
      if (p.in() == Param.Location.PATH && "string".equals(schema.path("type").asText())) schema.put("minLength", 1);
      // JSON Schema's default is the value assumed when the key is absent: the SDK's, else the provider's.
      p.defaultValue().or(p::serverDefault).ifPresent(v -> schema.set("default", MAPPER.valueToTree(v)));
      p.deprecated().ifPresent(why -> schema.put("deprecated", true).put("description", p.description() + " Deprecated: " + why));
      properties.set(p.name(), schema);
      if (p.required()) required.add(p.name());
      if (!p.requires().isEmpty()) p.requires().forEach(dependent.putArray(p.name())::add);
    }
    if (!required.isEmpty()) input.set("required", required);
    if (!dependent.isEmpty()) input.set("dependentRequired", dependent);
    String method = f.http().method();
    boolean idempotent = !f.isWrite() || method.equals("PUT") || method.equals("DELETE") || f.destructive();
    tool.putObject("annotations").put("title", f.summary()).put("readOnlyHint", !f.isWrite())
        .put("destructiveHint", f.destructive()).put("idempotentHint", idempotent).put("openWorldHint", true);
    return tool;
  }

  /** A model inline, as an object of its fields; a model inside itself is left an open object. */
  private ObjectNode model(String name) {
    ObjectNode n = JSON.objectNode().put("type", "object");
    if (!visiting.add(name)) return n;
    Model model = spec.models().get(name);
    n.put("additionalProperties", false);
    ObjectNode props = n.putObject("properties");
    for (Field f : model.fields()) {
      if (f.aliasOf().isEmpty()) {
        ObjectNode fs = schemas.of(f.type());
        if (!f.description().isEmpty()) fs.put("description", f.description());
        props.set(f.name(), fs);
      }
    }
    visiting.remove(name);
    return n;
  }
}
