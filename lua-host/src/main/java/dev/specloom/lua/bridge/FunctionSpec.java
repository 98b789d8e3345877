package dev.specloom.lua.bridge;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.model.constraint.ConstraintTable;
import java.util.List;

/**
 * A function as Lua sees it: names, write flag, and the constraint table of its params class, which the bridge
 * reads to convert a script's table (the params builder applies defaults and checks).
 */
public record FunctionSpec(String name, List<String> aliases, boolean write, ConstraintTable constraints) {
  /** The function's params, in the spec's order. */
  public List<Constraint> args() {
    return constraints.params();
  }
}
