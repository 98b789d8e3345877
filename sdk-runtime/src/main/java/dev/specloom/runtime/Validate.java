package dev.specloom.runtime;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * Checks generated params builders run before anything is sent. Messages name the function and the param,
 * in the spec's names, so Java and Lua callers read the same text.
 */
public final class Validate {
  private Validate() {}

  public static void required(String fn, String param, Object value) {
    if (value == null) throw new IllegalArgumentException(fn + ": '" + param + "' is required");
  }

  public static void range(String fn, String param, Number value, Double min, Double max) {
    if (value == null) return;
    double v = value.doubleValue();
    if (min != null && v < min || max != null && v > max) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be " + bounds(min, max) + ", got " + show(value));
    }
  }

  public static void maxLength(String fn, String param, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be at most " + max + " characters, got " + value.length());
    }
  }

  /**
   * The allowed value a caller meant: another spelling of it (one older docs used) becomes that value; a value
   * the provider has no filter for is refused, naming the value to use instead.
   */
  public static String canonical(String fn, String param, String value, Map<String, String> aliases,
      Map<String, String> refused) {
    if (value == null) return null;
    String instead = refused.get(value);
    if (instead != null) {
      throw new IllegalArgumentException(fn + ": '" + param + "' cannot be '" + value + "'; use '" + instead + "' instead");
    }
    return aliases.getOrDefault(value, value);
  }

  public static void oneOf(String fn, String param, String value, Collection<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be one of " + String.join(", ", allowed)
          + ", got '" + value + "'");
    }
  }

  /**
   * A path parameter fills one segment, percent-encoded, so {@code ../x?y#} stays inside it; empty, "." and
   * ".." are refused because they would still change the route.
   */
  public static void pathSegment(String fn, String param, String value) {
    if (value != null && (value.isEmpty() || value.equals(".") || value.equals(".."))) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be a non-empty path segment other than . and .., got '"
          + value + "'");
    }
  }

  /** ISO 8601 calendar date, YYYY-MM-DD. */
  public static void date(String fn, String param, String value) {
    if (value == null) return;
    try {
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(fn + ": '" + param + "' must be a date like 2025-01-31, got '" + value + "'");
    }
  }

  /** ISO 8601 date-time with offset (2025-01-31T12:00:00Z), or a plain date. */
  public static void dateTime(String fn, String param, String value) {
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

  public static void requires(String fn, String param, Object value, String other, Object otherValue) {
    if (value != null && otherValue == null) {
      throw new IllegalArgumentException(fn + ": '" + param + "' needs '" + other + "' to be set too");
    }
  }

  private static String bounds(Double min, Double max) {
    if (min != null && max != null) return "between " + show(min) + " and " + show(max);
    return min != null ? "at least " + show(min) : "at most " + show(max);
  }

  private static String show(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
