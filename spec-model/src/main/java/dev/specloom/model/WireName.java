package dev.specloom.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A param's wire name with its bracket nesting parsed once: {@code items[0][price]} is the path
 * {@code items → 0 → price}, where {@code 0} indexes a list and {@code price} names an object's key.
 */
public record WireName(String wire, List<String> segments) {
  private static final Pattern OBJECT_PROPERTY = Pattern.compile("([^\\[\\]]+)\\[([A-Za-z_][A-Za-z0-9_]*)]");

  public static WireName parse(String wire) {
    return new WireName(wire, Arrays.stream(wire.split("[\\[\\]]+")).filter(s -> !s.isEmpty()).toList());
  }

  /** Whether a segment indexes a list ({@code 0}) rather than naming an object's key. */
  public static boolean isIndex(String segment) {
    return segment.chars().allMatch(Character::isDigit);
  }

  /**
   * {@code a[b]}, one level of object nesting with a named key: the key {@code b} of object {@code a}. Deeper or
   * indexed names ({@code items[0][price]}) are empty: they stay flat field names where a format cannot nest them.
   */
  public Optional<Property> objectProperty() {
    Matcher m = OBJECT_PROPERTY.matcher(wire);
    return m.matches() ? Optional.of(new Property(m.group(1), m.group(2))) : Optional.empty();
  }

  /** Key {@code key} of object {@code object}. */
  public record Property(String object, String key) {}
}
