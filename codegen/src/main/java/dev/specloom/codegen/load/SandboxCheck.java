package dev.specloom.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.Spec;
import dev.specloom.model.simulator.EngineError;
import dev.specloom.model.simulator.Expression;
import dev.specloom.model.simulator.ExpressionException;
import dev.specloom.model.simulator.Sandbox;
import dev.specloom.model.simulator.Template;
import dev.specloom.runtime.Suggest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** The references of a {@code sandbox:} section: functions, resources, models, fields and params it names. */
final class SandboxCheck {
  /** The error kinds the sandbox engine itself raises. */
  static final List<String> ENGINE_ERRORS = Stream.of(EngineError.values()).map(EngineError::kind).toList();
  private final Spec spec;
  private final Sandbox sandbox;
  private final JsonNode node;
  private final BiConsumer<String, String> report;

  SandboxCheck(Spec spec, Sandbox sandbox, JsonNode node, BiConsumer<String, String> report) {
    this.spec = spec;
    this.sandbox = sandbox;
    this.node = node;
    this.report = report;
  }

  void run() {
    expressions();
    for (Sandbox.Resource r : sandbox.resources().values()) resource("sandbox/resources/" + r.name(), r);
    for (Map.Entry<String, Sandbox.Behaviour> e : sandbox.functions().entrySet()) {
      behaviour("sandbox/functions/" + e.getKey(), e.getKey(), e.getValue());
    }
    List<String> raised = sandbox.functions().values().stream()
        .flatMap(b -> Stream.of(b.stateError().stream(), b.refusals().stream().map(Sandbox.Refusal::error),
            b.empty().map(Sandbox.Empty::error).stream()).flatMap(x -> x))
        .toList();
    for (String kind : sandbox.errors().keySet()) {
      if (!ENGINE_ERRORS.contains(kind) && !raised.contains(kind)) {
        report.accept("sandbox/errors", "error '" + kind + "' is never raised" + Suggest.didYouMean(kind, ENGINE_ERRORS)
            + "; the engine raises " + ENGINE_ERRORS + ", a behaviour's state_error or refuse the others");
      }
    }
    for (Map.Entry<String, Map<String, Map<String, Object>>> g : sandbox.given().entrySet()) {
      String at = "sandbox/given/" + g.getKey();
      if (spec.function(g.getKey()).isEmpty()) report.accept(at, "'" + g.getKey() + "' is not a function" + functionHint(g.getKey()));
      for (String r : g.getValue().keySet()) resourceRef(at + "/" + r, r);
    }
  }

  private void resource(String at, Sandbox.Resource r) {
    Model m = spec.models().get(r.model());
    if (m == null) {
      report.accept(at + "/model", "unknown model '" + r.model() + "'" + Suggest.didYouMean(r.model(), spec.models().keySet()));
      return;
    }
    field(at + "/id/field", m, r.idField());
    boolean usesStatus = sandbox.functions().values().stream()
        .anyMatch(b -> b.resource().equals(r.name()) && !b.from().isEmpty());
    if (usesStatus) field(at + "/status_field", m, r.statusField());
    fields(at + "/defaults", m, r.defaults(), r.hidden());
    for (int i = 0; i < r.seed().size(); i++) {
      Map<String, Object> record = r.seed().get(i);
      fields(at + "/seed/" + i, m, record, r.hidden());
      if (!(record.get(r.idField()) instanceof String || record.get(r.idField()) instanceof Long)) {
        report.accept(at + "/seed/" + i, "a seed record needs its id '" + r.idField() + "'");
      }
    }
  }

  private void behaviour(String at, String name, Sandbox.Behaviour b) {
    Optional<Function> f = spec.function(name);
    if (f.isEmpty()) {
      report.accept(at, "'" + name + "' is not a function" + functionHint(name));
      return;
    }
    JsonNode raw = node.path("functions").path(name);
    long kinds = SandboxReader.KINDS.stream().filter(raw::has).count();
    if (kinds > 1) report.accept(at, "names more than one of " + SandboxReader.KINDS);
    if (b.kind() == Sandbox.Kind.ANSWER && b.answer().isEmpty()) {
      report.accept(at, "needs one of " + SandboxReader.KINDS + ", sum, recurring_revenue or answer");
    }
    Model m = null;
    if (!b.resource().isEmpty()) {
      Sandbox.Resource r = resourceRef(at, b.resource());
      m = r == null ? null : spec.models().get(r.model());
    }
    if (m != null) {
      List<String> hidden = sandbox.resources().get(b.resource()).hidden();
      for (Map.Entry<String, String> e : b.filters().entrySet()) {
        param(at + "/filters/" + e.getKey(), f.get(), e.getKey());
        if (e.getValue().contains("{field}") != e.getValue().contains("{value}")) {
          report.accept(at + "/filters/" + e.getKey(), "a clause pattern names both {field} and {value}");
        } else if (!hidden.contains(e.getValue()) && !e.getValue().contains("{field}")) {
          field(at + "/filters/" + e.getKey(), m, e.getValue());
        }
      }
      b.childList().ifPresent(list -> field(at + "/items", spec.models().get(sandbox.resources().get(b.resource()).model()), list));
      if (b.kind() == Sandbox.Kind.LIST) {
        // A list's set fills the page's own fields (object, url, ...), so its names are the result model's.
        Model page = spec.models().get(f.get().returns().type().spelling());
        if (page != null) fields(at + "/set", page, b.set(), List.of());
      } else if (b.kind() != Sandbox.Kind.ADD) {
        fields(at + "/set", m, b.set(), hidden);
        for (int i = 0; i < b.cases().size(); i++) fields(at + "/cases/" + i + "/set", m, b.cases().get(i).set(), hidden);
      }
      if (!b.from().isEmpty() && b.kind() != Sandbox.Kind.ACTION && b.kind() != Sandbox.Kind.DELETE) {
        report.accept(at + "/from", "only an action or a delete has from-statuses");
      }
      Model model = m;
      b.order().ifPresent(o -> {
        if (b.kind() != Sandbox.Kind.LIST) report.accept(at + "/order", "only a list has an order");
        else if (!hidden.contains(o.by())) field(at + "/order/by", model, o.by());
      });
    }
    b.stateError().ifPresent(e -> {
      errorRef(at + "/state_error", e);
      if (b.from().isEmpty()) report.accept(at + "/state_error", "state_error needs from-statuses to refuse");
    });
    for (int i = 0; i < b.refusals().size(); i++) errorRef(at + "/refuse/" + i + "/error", b.refusals().get(i).error());
    if (!b.refusals().isEmpty() && List.of(Sandbox.Kind.LIST, Sandbox.Kind.GET, Sandbox.Kind.ADD, Sandbox.Kind.AGGREGATE,
        Sandbox.Kind.ANSWER).contains(b.kind())) {
      report.accept(at + "/refuse", "only a create, update, action or delete refuses on its record");
    }
    if (b.kind() == Sandbox.Kind.ADD && b.childList().isEmpty()) report.accept(at, "add needs the list field it adds to");
    b.pageSize().filter(p -> !f.get().http().query().containsKey(p)).ifPresent(p -> param(at + "/page_size", f.get(), p));
    b.pageNumber().ifPresent(p -> {
      if (b.kind() != Sandbox.Kind.LIST) report.accept(at + "/page_number", "only a list has a page number");
      param(at + "/page_number", f.get(), p);
    });
    b.empty().ifPresent(e -> {
      if (b.kind() != Sandbox.Kind.LIST) report.accept(at + "/empty", "only a list answers an error when empty");
      param(at + "/empty/when", f.get(), e.when());
      if (!sandbox.errors().containsKey(e.error())) report.accept(at + "/empty/error", "'" + e.error() + "' is not in sandbox.errors");
    });
    b.within().ifPresent(w -> resourceRef(at + "/within/resource", w.resource()));
    for (Map.Entry<String, String> e : b.refs().entrySet()) resourceRef(at + "/refs/" + e.getKey(), e.getValue());
    for (int i = 0; i < b.sums().size(); i++) resourceRef(at + "/sum/" + i + "/resource", b.sums().get(i).resource());
    b.recurringRevenue().ifPresent(rr -> {
      resourceRef(at + "/recurring_revenue/resource", rr.resource());
      for (String p : List.of(rr.fromParam(), rr.toParam(), rr.intervalParam())) param(at + "/recurring_revenue", f.get(), p);
    });
  }

  /** Every {@code ${...}} template and bare condition parses, so none fails when the simulator runs it. */
  private void expressions() {
    for (Sandbox.Resource r : sandbox.resources().values()) template("sandbox/resources/" + r.name() + "/defaults", r.defaults());
    for (Map.Entry<String, Sandbox.Behaviour> e : sandbox.functions().entrySet()) {
      String at = "sandbox/functions/" + e.getKey();
      Sandbox.Behaviour b = e.getValue();
      template(at + "/set", b.set());
      b.answer().ifPresent(a -> template(at + "/answer", a));
      for (int i = 0; i < b.cases().size(); i++) {
        Sandbox.Case c = b.cases().get(i);
        String in = at + "/cases/" + i;
        c.when().keySet().forEach(w -> condition(in + "/when/" + w, w));
        for (int j = 0; j < c.has().size(); j++) condition(in + "/has/" + j, c.has().get(j));
        template(in + "/set", c.set());
      }
      for (int i = 0; i < b.refusals().size(); i++) {
        List<String> conditions = b.refusals().get(i).conditions();
        boolean one = node.path("functions").path(e.getKey()).path("refuse").path(i).path("if").isTextual();
        for (int j = 0; j < conditions.size(); j++) {
          condition(at + "/refuse/" + i + "/if" + (one ? "" : "/" + j), conditions.get(j));
        }
      }
    }
  }

  private void template(String at, Object value) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> template(at + "/" + k, v));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) template(at + "/" + i, l.get(i));
    } else {
      try {
        Template.of(value);
      } catch (ExpressionException e) {
        badExpression(at, e);
      }
    }
  }

  private void condition(String at, String source) {
    try {
      Expression.parse(source);
    } catch (ExpressionException e) {
      badExpression(at, e);
    }
  }

  private void badExpression(String at, ExpressionException e) {
    report.accept(at, e.getMessage() + " (at character " + (e.offset() + 1) + " of the expression)");
  }

  private void errorRef(String at, String kind) {
    if (!sandbox.errors().containsKey(kind)) {
      report.accept(at, "unknown error '" + kind + "'" + Suggest.didYouMean(kind, sandbox.errors().keySet())
          + "; sandbox.errors declares: " + sandbox.errors().keySet());
    }
  }

  private Sandbox.Resource resourceRef(String at, String name) {
    Sandbox.Resource r = sandbox.resources().get(name);
    if (r == null) {
      report.accept(at, "unknown resource '" + name + "'" + Suggest.didYouMean(name, sandbox.resources().keySet())
          + "; resources: " + sandbox.resources().keySet());
    }
    return r;
  }

  private void param(String at, Function f, String name) {
    if (f.param(name).isEmpty()) {
      report.accept(at, "'" + name + "' is not a param of " + f.name()
          + Suggest.didYouMean(name, f.params().stream().map(p -> p.name()).toList()));
    }
  }

  private void fields(String at, Model m, Map<String, Object> values, List<String> hidden) {
    for (String key : values.keySet()) {
      if (!hidden.contains(key)) field(at + "/" + key, m, key);
    }
  }

  private void field(String at, Model m, String name) {
    if (m.fields().stream().noneMatch(x -> x.name().equals(name))) {
      report.accept(at, "'" + name + "' is not a field of " + m.name()
          + Suggest.didYouMean(name, m.fields().stream().map(Field::name).toList()));
    }
  }

  private String functionHint(String name) {
    return Suggest.didYouMean(name, spec.functions().stream().map(Function::name).toList());
  }
}
