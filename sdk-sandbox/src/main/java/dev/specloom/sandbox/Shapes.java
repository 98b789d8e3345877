package dev.specloom.sandbox;

import static dev.specloom.sandbox.Expressions.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The spec's models as the sandbox needs them: records are kept under field names and travel under wire
 * names ({@code customer_since} ↔ {@code customer-since}); values decoded from a form body arrive as text and
 * are coerced to the field's type.
 */
final class Shapes {
  /** model → field name → {wire, type}. */
  private final Map<String, Map<String, FieldShape>> models = new LinkedHashMap<>();

  record FieldShape(String name, String wire, String type) {}

  Shapes(JsonNode descriptorModels) {
    for (Iterator<Map.Entry<String, JsonNode>> it = descriptorModels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      Map<String, FieldShape> fields = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> f = m.getValue().fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> e = f.next();
        fields.put(e.getKey(), new FieldShape(e.getKey(), e.getValue().path("wire").asText(), e.getValue().path("type").asText()));
      }
      models.put(m.getKey(), fields);
    }
  }

  Map<String, FieldShape> fields(String model) {
    return models.getOrDefault(model, Map.of());
  }

  boolean isModel(String type) {
    return models.containsKey(type);
  }

  /** The element type of {@code list<T>}, or null. */
  static String elementOf(String type) {
    return type.startsWith("list<") ? type.substring(5, type.length() - 1) : null;
  }

  /** A value of {@code type} under field names, as it travels: every model field under its wire name. */
  JsonNode toWire(String type, JsonNode value) {
    if (!Expressions.isSet(value)) return JSON.nullNode();
    String element = elementOf(type);
    if (element != null) {
      ArrayNode out = JSON.arrayNode();
      if (value.isArray()) value.forEach(v -> out.add(toWire(element, v)));
      return out;
    }
    if (type.startsWith("map<")) return value;
    if (!isModel(type)) return coerce(type, value);
    if (!value.isObject()) return value;
    ObjectNode out = JSON.objectNode();
    for (FieldShape f : fields(type).values()) out.set(f.wire(), toWire(f.type(), value.path(f.name())));
    return out;
  }

  /**
   * A decoded request value of {@code type} under field names, coerced to the field types. Keys that are no
   * field of the model are kept as they are when {@code keep} says so, and dropped otherwise.
   */
  JsonNode fromWire(String type, JsonNode value, Predicate<String> keep) {
    if (!Expressions.isSet(value)) return value;
    String element = elementOf(type);
    if (element != null) {
      ArrayNode out = JSON.arrayNode();
      if (value.isArray()) value.forEach(v -> out.add(fromWire(element, v, k -> true)));
      return out;
    }
    if (type.startsWith("map<")) return value;
    if (!isModel(type)) return coerce(type, value);
    if (!value.isObject()) return value;
    Map<String, FieldShape> byWire = new LinkedHashMap<>();
    fields(type).values().forEach(f -> byWire.put(f.wire(), f));
    ObjectNode out = JSON.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      FieldShape f = byWire.get(e.getKey());
      if (f != null) out.set(f.name(), fromWire(f.type(), e.getValue(), k -> true));
      else if (keep.test(e.getKey())) out.set(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Coerces the fields of a record-shaped value (already under field names) to their types. */
  ObjectNode coerceFields(String model, ObjectNode record) {
    for (FieldShape f : fields(model).values()) {
      JsonNode v = record.get(f.name());
      if (Expressions.isSet(v)) record.set(f.name(), isModel(f.type()) ? coerceFields(f.type(), v) : coerce(f.type(), v));
    }
    return record;
  }

  private JsonNode coerceFields(String model, JsonNode v) {
    return v.isObject() ? coerceFields(model, (ObjectNode) v.deepCopy()) : v;
  }

  static JsonNode coerce(String type, JsonNode v) {
    if (!v.isTextual()) {
      if (type.equals("integer") && v.isNumber()) return JSON.numberNode(v.asLong());
      return v;
    }
    String t = v.textValue();
    try {
      return switch (type) {
        case "integer", "timestamp" -> JSON.numberNode(Long.parseLong(t));
        case "number" -> JSON.numberNode(Double.parseDouble(t));
        case "boolean" -> t.equals("true") || t.equals("false") ? JSON.booleanNode(Boolean.parseBoolean(t)) : v;
        default -> v;
      };
    } catch (NumberFormatException e) {
      return v;
    }
  }
}
