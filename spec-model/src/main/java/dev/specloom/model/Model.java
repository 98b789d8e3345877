package dev.specloom.model;

import java.util.List;
import java.util.Map;

/**
 * A named object shape: a provider resource, an input object, or a function's result. {@code unmodelled}
 * names, by wire name, the fields of the provider's documented answer that the model leaves out, with why.
 */
public record Model(String name, String description, List<Field> fields, Map<String, String> unmodelled) {}
