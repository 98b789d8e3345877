package dev.specloom.lua.bridge;

import java.util.List;
import java.util.Map;

/**
 * What a Lua argument may hold, generated from a spec param or model field: its kind, bounds, allowed
 * values (with other spellings accepted for them, and values refused with the one to use instead), default
 * and, for tables, the shape of their elements or fields.
 */
public record ArgSpec(
    String name,
    Kind kind,
    boolean required,
    Double min,
    Double max,
    Integer maxLength,
    List<String> allowed,
    Object defaultValue,
    List<String> requires,
    ArgSpec element,
    List<ArgSpec> fields,
    Map<String, String> valueAliases,
    Map<String, String> refusedValues) {

  /** Lua-visible kinds; DATE and DATETIME are strings with a checked format. */
  public enum Kind { STRING, DATE, DATETIME, INTEGER, NUMBER, BOOLEAN, OBJECT, MAP, LIST, MODEL }

  public static ArgSpec of(String name, Kind kind) {

           return new ArgSpec(name, kind, false, null, null, null, List.of(), null, List.of(), null, List.of(),
        Map.of(), Map.of());
  }

  public ArgSpec asRequired() {
    return new ArgSpec(name, kind, true, min, max, maxLength, allowed, defaultValue, requires,
        element, fields, valueAliases, refusedValues);
  }

  public ArgSpec range(Double lo, Double hi) {
    return new ArgSpec(name, kind, required, lo, hi, maxLength, allowed, defaultValue, requires,
        element, fields, valueAliases, refusedValues);
  }

  public ArgSpec maxLength(int n) {
    return new ArgSpec(name, kind, required, min, max, n, allowed, defaultValue, requires,
        element, fields, valueAliases, refusedValues);
  }

  public ArgSpec allowed(String... values) {
    return new ArgSpec(name, kind, required, min, max, maxLength, List.of(values), defaultValue, requires,
        element, fields, valueAliases, refusedValues);
  }

  public ArgSpec defaultValue(Object v) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, v, requires,
        element, fields, valueAliases, refusedValues);
  }

  public ArgSpec requires(String... names) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, defaultValue, List.of(names),
        element, fields, valueAliases, refusedValues);
  }

  /** Other spellings accepted for allowed values, and values refused with the allowed one to use instead. */
  public ArgSpec values(Map<String, String> aliases, Map<String, String> refused) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, defaultValue, requires, element, fields,
        Map.copyOf(aliases), Map.copyOf(refused));
  }

  /** For LIST and MAP: the spec of each element (its name is ignored). */
  public ArgSpec element(ArgSpec e) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, defaultValue, requires,
        e, fields, valueAliases, refusedValues);
  }

  /** For MODEL: the fields a table may carry. */
  public ArgSpec fields(ArgSpec... f) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, defaultValue, requires,
        element, List.of(f), valueAliases, refusedValues);
  }
}
