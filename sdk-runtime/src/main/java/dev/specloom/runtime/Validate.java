package dev.specloom.runtime;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.model.constraint.ConstraintTable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Applies a function's {@link ConstraintTable} when its params are built: the one place a param is checked,
 * whether the values come from Java or from a Lua script. Messages name the function and the param, in the
 * spec's names, so Java and Lua callers read the same text.
 */
public final class Validate {
  private Validate() {}

  /**
   * Checks {@code values}, given in the table's param order: per param, required, range, length, allowed values,
   * path segment, date format, then the params it needs set with it.
   */
  public static void check(ConstraintTable table, Object... values) {
    String fn = table.function();
    List<Constraint> params = table.params();
    for (int i = 0; i < params.size(); i++) {
      Constraint c = params.get(i);
      Object v = values[i];
      String name = c.name();
      if (c.required()) required(fn, name, v);
      if (c.min() != null || c.max() != null) range(fn, name, (Number) v, c.min(), c.max());
      if (c.maxLength() != null) maxLength(fn, name, (String) v, c.maxLength());
      if (!c.allowed().isEmpty()) oneOf(fn, name, (String) v, c.allowed());
      if (c.pathSegment()) pathSegment(fn, name, (String) v);
      format(fn, name, c.kind(), v);
      for (String other : c.requires()) requires(fn, name, v, other, values[params.indexOf(table.param(other))]);
    }
  }

  /**
   * The allowed value a caller meant: another spelling of it (one older docs used) becomes that value; a value
   * the provider has no filter for is refused, naming the value to use instead.
   */
  public static String canonical(ConstraintTable table, String param, String value) {
    Constraint c = table.param(param);
    return canonical(table.function(), param, value, c.valueAliases(), c.refusedValues());
  }

  /** The format a DATE or DATETIME value must have; other kinds have none. */
  public static void format(String fn, String param, Constraint.Kind kind, Object value) {
    if (kind == Constraint.Kind.DATE) date(fn, param, (String) value);
    if (kind == Constraint.Kind.DATETIME) dateTime(fn, param, (String) value);
  }

  static String canonical(String fn, String param, String value, Map<String, String> aliases, Map<String, String> refused) {
    if (value == null) return null;
    String instead = refused.get(value);
    if (instead != null) {
      throw new IllegalArgumentException(fn + ": '" + param + "' cannot be '" + value + "'; use '" + instead + "' instead");
    }
    return aliases.getOrDefault(value, value);
  }

  static void required(String fn, String param, Object value) {
    if (value == null) throw new IllegalArgumentException(fn + ": '" + param + "' is required");
  }

  static void range(String fn, String param, Number value, Double min, Double max) {
    if (value == null) return;
    double v = value.doubleValue();
    if (min != null && v < min || max != null && v > max) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be " + bounds(min, max) + ", got " + show(value));
    }
  }

  static void maxLength(String fn, String param, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be at most " + max + " characters, got " + value.length());
    }
  }

  static void oneOf(String fn, String param, String value, Collection<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be one of " + String.join(", ", allowed)
          + ", got '" + value + "'");
    }
  }

  /**
   * A path parameter fills one segment, percent-encoded, so {@code ../x?y#} stays inside it; empty, "." and
   * ".." are refused because they would still change the route.
   */
  static void pathSegment(String fn, String param, String value) {
    if (value != null && (value.isEmpty() || value.equals(".") || value.equals(".."))) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be a non-empty path segment other than . and .., got '"
          + value + "'");
    }
  }

  /** ISO 8601 calendar date, YYYY-MM-DD. */
  static void date(String fn, String param, String value) {
    if (value == null) return;
    try {
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be a date like 2025-01-31, got '" + value + "'");
    }
  }

  /** ISO 8601 date-time with offset (2025-01-31T12:00:00Z), or a plain date. */
  static void dateTime(String fn, String param, String value) {
    if (value == null) return;
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      try {
        LocalDate.parse(value);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(fn + ": '" + param + "' must be a date-time like 2025-01-31T12:00:00Z, got '" + value + "'");
      }
    }
  }

  static void requires(String fn, String param, Object value, String other, Object otherValue) {
    if (value != null && otherValue == null) {
      throw new IllegalArgumentException(fn + ": '" + param + "' needs '" + other + "' to be set too");
    }
  }

  /** How a message writes a range: "between 1 and 100", "at least 1", "at most 100". */
  public static String bounds(Double min, Double max) {
    if (min != null && max != null) return "between " + show(min) + " and " + show(max);
    return min != null ? "at least " + show(min) : "at most " + show(max);
  }

  private static String show(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
