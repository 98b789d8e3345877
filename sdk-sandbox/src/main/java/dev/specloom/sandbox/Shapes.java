package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  Shapes(Map<String, Map<String, Descriptor.Field>> descriptorModels) {
    descriptorModels.forEach((model, fields) -> {
      Map<String, FieldShape> shapes = new LinkedHashMap<>();
      fields.forEach((name, f) -> shapes.put(name, new FieldShape(name, f.wire(), f.type())));
      models.put(model, shapes);
    });
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
  Object toWire(String type, Object value) {
    if (!Values.isSet(value)) return null;
    String element = elementOf(type);
    if (element != null) {
      List<Object> out = new ArrayList<>();
      if (value instanceof List<?> l) l.forEach(v -> out.add(toWire(element, v)));
      return out;
    }
    if (type.startsWith("map<")) return value;
    if (!isModel(type)) return coerce(type, value);
    if (!(value instanceof Map<?, ?> m)) return value;
    Map<String, Object> out = new LinkedHashMap<>();
    for (FieldShape f : fields(type).values()) out.put(f.wire(), toWire(f.type(), m.get(f.name())));
    return out;
  }

  /**
   * A decoded request value of {@code type} under field names, coerced to the field types. Keys that are no
   * field of the model are kept as they are when {@code keep} says so, and dropped otherwise.
   */
  Object fromWire(String type, Object value, Predicate<String> keep) {
    if (!Values.isSet(value)) return value;
    String element = elementOf(type);
    if (element != null) {
      List<Object> out = new ArrayList<>();
      if (value instanceof List<?> l) l.forEach(v -> out.add(fromWire(element, v, k -> true)));
      return out;
    }
    if (type.startsWith("map<")) return value;
    if (!isModel(type)) return coerce(type, value);
    if (!(value instanceof Map<?, ?> m)) return value;
    Map<String, FieldShape> byWire = new LinkedHashMap<>();
    fields(type).values().forEach(f -> byWire.put(f.wire(), f));
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      FieldShape f = byWire.get((String) k);
      if (f != null) out.put(f.name(), fromWire(f.type(), v, x -> true));
      else if (keep.test((String) k)) out.put((String) k, v);
    });
    return out;
  }

  /** Coerces the fields of a record-shaped value (already under field names) to their types. */
  Map<String, Object> coerceFields(String model, Map<String, Object> record) {
    for (FieldShape f : fields(model).values()) {
      Object v = record.get(f.name());
      if (Values.isSet(v)) record.put(f.name(), isModel(f.type()) ? coerceNested(f.type(), v) : coerce(f.type(), v));
    }
    return record;
  }

  private Object coerceNested(String model, Object v) {
    return v instanceof Map<?, ?> m ? coerceFields(model, Values.copyObject(Values.object(m))) : v;
  }

  static Object coerce(String type, Object v) {
    if (!(v instanceof String t)) {
      if (type.equals("integer") && v instanceof Number n) return n.longValue();
      return v;
    }
    try {
      return switch (type) {
        case "integer", "timestamp" -> (Object) Long.parseLong(t);
        case "number" -> (Object) Double.parseDouble(t);
        case "boolean" -> t.equals("true") || t.equals("false") ? (Object) Boolean.parseBoolean(t) : v;
        default -> v;
      };
    } catch (NumberFormatException e) {
      return v;
    }
  }
}
