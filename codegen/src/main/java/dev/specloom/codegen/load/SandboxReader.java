package dev.specloom.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specloom.model.simulator.Sandbox;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a schema-valid {@code sandbox:} section into the model; its references are checked by SemanticCheck. */
final class SandboxReader {
  /** The keys that name a behaviour's kind; the schema allows each, SemanticCheck wants exactly one. */
  static final List<String> KINDS = List.of("create", "get", "update", "delete", "list", "action", "add");

  private SandboxReader() {}

  static Sandbox read(JsonNode s) {
    Map<String, Sandbox.Resource> resources = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> r : SpecLoader.entries(s.path("resources"))) {
      JsonNode n = r.getValue();
      JsonNode id = n.path("id");
      List<Map<String, Object>> seed = new ArrayList<>();
      for (JsonNode record : SpecLoader.list(n.path("seed"))) seed.add(object(record));
      resources.put(r.getKey(), new Sandbox.Resource(r.getKey(), n.path("model").asText(),
          SpecLoader.text(id, "field", "id"),
          Sandbox.IdStyle.valueOf(SpecLoader.text(id, "style", "random").toUpperCase(Locale.ROOT)),
          SpecLoader.text(id, "prefix", ""),
          SpecLoader.text(n, "status_field", "status"),
          SpecLoader.strings(n.path("hidden")),
          object(n.path("defaults")), Collections.unmodifiableList(seed)));
    }
    Map<String, Sandbox.Behaviour> functions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : SpecLoader.entries(s.path("functions"))) {
      functions.put(f.getKey(), behaviour(f.getValue()));
    }
    Map<String, Sandbox.ErrorShape> errors = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : SpecLoader.entries(s.path("errors"))) {
      errors.put(e.getKey(), new Sandbox.ErrorShape(e.getValue().path("status").asInt(), value(e.getValue().path("body"))));
    }
    Map<String, Map<String, Map<String, Object>>> given = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> g : SpecLoader.entries(s.path("given"))) {
      Map<String, Map<String, Object>> byResource = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> r : SpecLoader.entries(g.getValue())) byResource.put(r.getKey(), object(r.getValue()));
      given.put(g.getKey(), Collections.unmodifiableMap(byResource));
    }
    return new Sandbox(Collections.unmodifiableMap(resources), Collections.unmodifiableMap(functions),
        Collections.unmodifiableMap(errors), object(s.path("envelope")), Collections.unmodifiableMap(given));
  }

  private static Sandbox.Behaviour behaviour(JsonNode b) {
    Sandbox.Kind kind = Sandbox.Kind.ANSWER;
    String resource = "";
    for (String k : KINDS) {
      if (b.has(k)) {
        kind = Sandbox.Kind.valueOf(k.toUpperCase(Locale.ROOT));
        resource = b.path(k).asText();
        break;
      }
    }
    if (kind == Sandbox.Kind.ANSWER && (b.has("sum") || b.has("recurring_revenue"))) kind = Sandbox.Kind.AGGREGATE;
    List<Sandbox.Case> cases = new ArrayList<>();
    for (JsonNode c : SpecLoader.list(b.path("cases"))) {
      cases.add(new Sandbox.Case(object(c.path("when")), SpecLoader.strings(c.path("has")), object(c.path("set"))));
    }
    List<Sandbox.Sum> sums = new ArrayList<>();
    for (JsonNode x : SpecLoader.list(b.path("sum"))) {
      sums.add(new Sandbox.Sum(x.path("into").asText(), x.path("resource").asText(), object(x.path("where")),
          x.path("amount").asText(), x.path("group_by").asText(), x.path("total").asText()));
    }
    List<Sandbox.Refusal> refusals = new ArrayList<>();
    for (JsonNode x : SpecLoader.list(b.path("refuse"))) {
      JsonNode conditions = x.path("if");
      refusals.add(new Sandbox.Refusal(conditions.isTextual() ? List.of(conditions.asText()) : SpecLoader.strings(conditions),
          x.path("error").asText()));
    }
    JsonNode order = b.path("order");
    JsonNode within = b.path("within");
    JsonNode rr = b.path("recurring_revenue");
    return new Sandbox.Behaviour(kind, resource,
        SpecLoader.text(b, "id_param", "id"),
        SpecLoader.optText(b, "body_root"),
        SpecLoader.stringMap(b.path("filters")),
        SpecLoader.optText(b, "page_size"),
        SpecLoader.optText(b, "page_number"),
        within.isMissingNode() ? Optional.empty() : Optional.of(new Sandbox.Within(within.path("resource").asText(),
            SpecLoader.text(within, "id_param", "id"), within.path("field").asText())),
        SpecLoader.optText(b, "items"),
        SpecLoader.strings(b.path("from")),
        object(b.path("set")),
        Collections.unmodifiableList(cases),
        SpecLoader.stringMap(b.path("refs")),
        b.has("answer") ? Optional.of(value(b.path("answer"))) : Optional.empty(),
        Collections.unmodifiableList(sums),
        rr.isMissingNode() ? Optional.empty() : Optional.of(new Sandbox.RecurringRevenue(
            rr.path("into").asText(), rr.path("resource").asText(), rr.path("items").asText(), object(rr.path("where")),
            rr.path("amount").asText(), rr.path("start").asText(), rr.path("end").asText(), rr.path("owner").asText(),
            rr.path("from_param").asText(), rr.path("to_param").asText(), rr.path("interval_param").asText(),
            revenueFields(rr.path("fields")))),
        b.has("status") ? Optional.of(b.path("status").asInt()) : Optional.empty(),
        b.has("empty") ? Optional.of(new Sandbox.Empty(b.path("empty").path("when").asText(), b.path("empty").path("error").asText()))
            : Optional.empty(),
        SpecLoader.optText(b, "state_error"),
        Collections.unmodifiableList(refusals),
        order.isMissingNode() ? Optional.empty()
            : Optional.of(new Sandbox.ListOrder(order.path("by").asText(), order.path("desc").asBoolean(false))));
  }

  private static Sandbox.RevenueFields revenueFields(JsonNode f) {
    return new Sandbox.RevenueFields(f.path("date").asText(), f.path("monthly").asText(), f.path("yearly").asText(),
        f.path("owners").asText(), f.path("per_owner").asText());
  }

  static Map<String, Object> object(JsonNode n) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : SpecLoader.entries(n)) out.put(e.getKey(), value(e.getValue()));
    return Collections.unmodifiableMap(out);
  }

  static Object value(JsonNode n) {
    if (n.isObject()) return object(n);
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(x -> out.add(value(x)));
      return Collections.unmodifiableList(out);
    }
    if (n.isMissingNode() || n.isNull()) return null;
    if (n.isBoolean()) return n.booleanValue();
    if (n.isIntegralNumber()) return n.longValue();
    if (n.isNumber()) return n.doubleValue();
    return n.asText();
  }
}
