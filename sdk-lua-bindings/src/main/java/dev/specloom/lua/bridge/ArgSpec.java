package dev.specloom.lua.bridge;

import java.util.List;

/**
 * What a Lua argument may hold, generated from a spec param or model field: its kind, bounds, allowed
 * values, default and, for tables, the shape of their elements or fields.
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
    List<ArgSpec> fields) {

  /** Lua-visible kinds; DATE and DATETIME are strings with a checked format. */
  public enum Kind { STRING, DATE, DATETIME, INTEGER, NUMBER, BOOLEAN, OBJECT, MAP, LIST, MODEL }

  public static ArgSpec of(String name, Kind kind) {
    return new ArgSpec(name, kind, false, null, null, null, List.of(), null, List.of(), null, List.of());
  }

  public ArgSpec asRequired() {
    return new ArgSpec(name, kind, true, min, max, maxLength, allowed, defaultValue, requires, element, fields);
  }

  public ArgSpec range(Double lo, Double hi) {
    return new ArgSpec(name, kind, required, lo, hi, maxLength, allowed, defaultValue, requires, element, fields);
  }

  public ArgSpec maxLength(int n) {
    return new ArgSpec(name, kind, required, min, max, n, allowed, defaultValue, requires, element, fields);
  }

  public ArgSpec allowed(String... values) {
    return new ArgSpec(name, kind, required, min, max, maxLength, List.of(values), defaultValue, requires, element, fields);
  }

  public ArgSpec defaultValue(Object v) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, v, requires, element, fields);
  }

  public ArgSpec requires(String... names) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, defaultValue, List.of(names), element, fields);
  }

  /** For LIST and MAP: the spec of each element (its name is ignored). */
  public ArgSpec element(ArgSpec e) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, defaultValue, requires, e, fields);
  }

  /** For MODEL: the fields a table may carry. */
  public ArgSpec fields(ArgSpec... f) {
    return new ArgSpec(name, kind, required, min, max, maxLength, allowed, defaultValue, requires, element, List.of(f));
  }
}
