package dev.specloom.model.constraint;

import java.util.List;

/**
 * The constraints of one function's params, in the spec's order: the one table its params builder and the Lua
 * bridge both read. {@code function} is the name errors start with ({@code acme.list_widgets}).
 */
public record ConstraintTable(String function, List<Constraint> params) {
  public ConstraintTable {
    params = List.copyOf(params);
  }

  /** The param named {@code name}; an unknown name is a bug in generated code. */
  public Constraint param(String name) {
    for (Constraint c : params) {
      if (c.name().equals(name)) return c;
    }
    throw new IllegalArgumentException(function + " has no param '" + name + "'");
  }

  /** The default of param {@code name} as the builder's field type, or null when it has none. */
  public <T> T defaultOf(String name, Class<T> type) {
    return type.cast(param(name).defaultValue());
  }
}
