package dev.specloom.model;

import java.util.List;
import java.util.Optional;

/**
 * A function parameter as agents and Java callers name it, and where and how it travels on the wire.
 * {@code defaultValue} is applied and sent by the SDK; {@code serverDefault} is only documented;
 * {@code wireValues} translates an allowed value into what the provider expects; {@code valueAliases} are other
 * spellings accepted for allowed values, and {@code refusedValues} values refused with the allowed one to use.
 */
public record Param(
    String name,
    TypeRef type,
    String description,
    boolean required,
    Location in,
    String wire,
    Optional<String> template,
    Optional<Object> defaultValue,
    Optional<Object> serverDefault,
    Optional<Double> min,
    Optional<Double> max,
    Optional<Integer> maxLength,
    List<String> allowed,
    List<String> requires,
    Optional<String> deprecated,
    java.util.Map<String, String> wireValues,
    java.util.Map<String, String> valueAliases,
    java.util.Map<String, String> refusedValues) {

  /** CLIENT: never sent; the SDK keeps the page's items whose field {@code wire} equals the value. */
  public enum Location { PATH, QUERY, BODY, HEADER, CLIENT }
}
