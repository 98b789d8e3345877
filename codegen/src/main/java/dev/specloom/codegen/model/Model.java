package dev.specloom.codegen.model;

import java.util.List;

/** A named object shape: a provider resource, an input object, or a function's result. */
public record Model(String name, String description, List<Field> fields) {}
