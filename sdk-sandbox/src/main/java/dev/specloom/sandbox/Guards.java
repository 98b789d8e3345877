package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.EngineError;
import dev.specloom.model.simulator.Expression;
import dev.specloom.model.simulator.Sandbox;
import java.util.Map;

/**
 * The refusals a behaviour declares before it changes a record: {@code from} (the statuses the record may be
 * in, else the behaviour's {@code state_error}, by default {@code unexpected_state}) and {@code refuse} (guards
 * tried in order; the first whose conditions all hold answers with its error kind).
 */
final class Guards {
  private Guards() {}

  static void check(Descriptor.Operation fn, Sandbox.Behaviour b, Simulation.Plan plan, Sandbox.Resource r,
      Map<String, Object> record, Expressions.Scope scope) {
    String id = Values.text(record.get(r.idField()));
    String status = Values.text(record.get(r.statusField()));
    if (!b.from().isEmpty() && !b.from().contains(status)) {
      throw new Failure(b.stateError().orElse(EngineError.UNEXPECTED_STATE.kind()), Map.of("resource", r.name(), "id", id,
          "status", status, "allowed", String.join(", ", b.from()), "function", fn.name()));
    }
    for (int i = 0; i < plan.refusals().size(); i++) {
      boolean all = true;
      for (Expression condition : plan.refusals().get(i)) all &= Expressions.holds(condition, scope);
      if (all) {
        throw new Failure(b.refusals().get(i).error(), Map.of("resource", r.name(), "id", id, "status", status,
            "function", fn.name()));
      }
    }
  }
}
