package dev.specloom.codegen.emit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specloom.model.TypeRef;
import java.util.function.Function;

/**
 * Spec types as JSON Schema: the one mapping the OpenAPI document and the tool definitions share. They differ in
 * two choices, given here: whether integers say {@code format: int64}, and what a model reference becomes (a
 * {@code $ref} to a component, or the model's fields inline).
 */
public final class JsonSchemas {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final boolean int64;
  private final Function<String, ObjectNode> model;

  /**
   * @param int64 whether integer types carry {@code format: int64}
   * @param model the schema of a reference to the model of that name
   */
  public JsonSchemas(boolean int64, Function<String, ObjectNode> model) {
    this.int64 = int64;
    this.model = model;
  }

  /** A fresh schema node for {@code t}, for the caller to add descriptions and constraints to. */
  public ObjectNode of(TypeRef t) {
    if (t instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case STRING -> JSON.objectNode().put("type", "string");
        case DATE -> JSON.objectNode().put("type", "string").put("format", "date");
        case DATETIME -> JSON.objectNode().put("type", "string").put("format", "date-time");
        case INTEGER, TIMESTAMP -> int64 ? JSON.objectNode().put("type", "integer").put("format", "int64")
            : JSON.objectNode().put("type", "integer");
        case NUMBER -> JSON.objectNode().put("type", "number");
        case BOOLEAN -> JSON.objectNode().put("type", "boolean");
        case OBJECT -> JSON.objectNode().put("type", "object");
      };
    }
    if (t instanceof TypeRef.ListOf l) {
      ObjectNode n = JSON.objectNode().put("type", "array");
      n.set("items", of(l.element()));
      return n;
    }
    if (t instanceof TypeRef.MapOf m) {
      ObjectNode n = JSON.objectNode().put("type", "object");
      n.set("additionalProperties", of(m.value()));
      return n;
    }
    return model.apply(((TypeRef.ModelRef) t).name());
  }
}
