package dev.specloom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The refusals a behaviour declares before it changes a record: {@code from} (the statuses the record may be
 * in, else the behaviour's {@code state_error}, by default {@code unexpected_state}) and {@code refuse} (guards
 * tried in order; the first whose conditions all hold answers with its error kind).
 */
final class Guards {
  private Guards() {}

  static void check(Descriptor.Fn fn, JsonNode b, Descriptor.Resource r, ObjectNode record, Expressions.Scope scope) {
    String id = Expressions.text(record.path(r.idField()));
    String status = Expressions.text(record.path(r.statusField()));
    if (b.path("from").size() > 0) {
      List<String> allowed = new ArrayList<>();
      b.path("from").forEach(s -> allowed.add(s.asText()));
      if (!allowed.contains(status)) {
        throw new Failure(b.path("state_error").asText("unexpected_state"), Map.of("resource", r.name(), "id", id,
            "status", status, "allowed", String.join(", ", allowed), "function", fn.name()));
      }
    }
    for (JsonNode guard : b.path("refuse")) {
      boolean all = true;
      for (JsonNode condition : guard.path("if")) all &= Expressions.holds(condition.asText(), scope);
      if (all) {
        throw new Failure(guard.path("error").asText(), Map.of("resource", r.name(), "id", id, "status", status,
            "function", fn.name()));
      }
    }
  }
}
