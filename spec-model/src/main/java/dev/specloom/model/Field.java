package dev.specloom.model;

import java.util.Optional;

/**
 * A model field. {@code wire} is the JSON key; {@code aliasOf} names another field whose value this one
 * repeats under a second name (and then {@code type} is that field's type). {@code undocumented} says why the
 * field is kept although the provider's documented answer lacks it.
 */
public record Field(String name, String wire, TypeRef type, boolean nullable, String description,
    Optional<String> aliasOf, Optional<String> undocumented) {}
