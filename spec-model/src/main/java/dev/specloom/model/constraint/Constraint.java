package dev.specloom.model.constraint;

import java.util.List;
import java.util.Map;

/**
 * What one param (or a model field, list element or map value inside it) may hold: its kind, whether it is
 * required, bounds, allowed values (with other spellings accepted for them, and values refused with the one to
 * use instead), its default, the params it needs set with it, whether it fills a path segment, and for tables the
 * shape of their elements or fields. Generated once per function into its params class and read by the params
 * builder (defaults and checks) and by the Lua bridge (conversion of a script's table).
 */
public record Constraint(
    String name,
    Kind kind,
    boolean required,
    Double min,
    Double max,
    Integer maxLength,
    List<String> allowed,
    Object defaultValue,
    List<String> requires,
    Constraint element,
    List<Constraint> fields,
    Map<String, String> valueAliases,
    Map<String, String> refusedValues,
    boolean pathSegment) {

  /** The kinds of value; DATE and DATETIME are strings with a checked format, TIMESTAMP is an INTEGER. */
  public enum Kind { STRING, DATE, DATETIME, INTEGER, NUMBER, BOOLEAN, OBJECT, MAP, LIST, MODEL }

  public static Constraint of(String name, Kind kind) {
    return new Constraint(name, kind, false, null, null, null, List.of(), null, List.of(), null, List.of(),
        Map.of(), Map.of(), false);
  }

  public Constraint asRequired() {
    return new Constraint(name, kind, true, min, max, maxLength, allowed, defaultValue, requires, element, fields,
        valueAliases, refusedValues, pathSegment);
  }

  public Constraint range(Double lo, Double hi) {
    return new Constraint(name, kind, required, lo, hi, maxLength, allowed, defaultValue, requires, element, fields,
        valueAliases, refusedValues, pathSegment);
  }

  public Constraint maxLength(int n) {
    return new Constraint(name, kind, required, min, max, n, allowed, defaultValue, requires, element, fields,
        valueAliases, refusedValues, pathSegment);
  }

  public Constraint allowed(String... values) {
    return new Constraint(name, kind, required, min, max, maxLength, List.of(values), defaultValue, requires, element,
        fields, valueAliases, refusedValues, pathSegment);
  }

  public Constraint defaultValue(Object v) {
    return new Constraint(name, kind, required, min, max, maxLength, allowed, v, requires, element, fields,
        valueAliases, refusedValues, pathSegment);
  }

  public Constraint requires(String... names) {
    return new Constraint(name, kind, required, min, max, maxLength, allowed, defaultValue, List.of(names), element,
        fields, valueAliases, refusedValues, pathSegment);
  }

  /** Other spellings accepted for allowed values, and values refused with the allowed one to use instead. */
  public Constraint values(Map<String, String> aliases, Map<String, String> refused) {
    return new Constraint(name, kind, required, min, max, maxLength, allowed, defaultValue, requires, element, fields,
        Map.copyOf(aliases), Map.copyOf(refused), pathSegment);
  }

  /** For LIST and MAP: the constraint of each element (its name is ignored). */
  public Constraint element(Constraint e) {
    return new Constraint(name, kind, required, min, max, maxLength, allowed, defaultValue, requires, e, fields,
        valueAliases, refusedValues, pathSegment);
  }

  /** For MODEL: the fields a table may carry. */
  public Constraint fields(Constraint... f) {
    return new Constraint(name, kind, required, min, max, maxLength, allowed, defaultValue, requires, element,
        List.of(f), valueAliases, refusedValues, pathSegment);
  }

  /** A path param's value fills one URL path segment, so empty, "." and ".." are refused. */
  public Constraint asPathSegment() {
    return new Constraint(name, kind, required, min, max, maxLength, allowed, defaultValue, requires, element, fields,
        valueAliases, refusedValues, true);
  }
}
