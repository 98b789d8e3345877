package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.EngineError;
import dev.specloom.model.simulator.Expression;
import dev.specloom.model.simulator.Sandbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries out a function's declared behaviour (create, get, update, delete, list, action, add, aggregate or a
 * fixed answer) on the store and builds the answer in the function's result shape. Nothing here knows a
 * provider: every name, status, id style and field comes from the descriptor.
 */
final class Engine {
  private final Simulation sim;
  private final Store store;
  private final Clock clock;

  Engine(Simulation sim, Store store, Clock clock) {
    this.sim = sim;
    this.store = store;
    this.clock = clock;
  }

  /** The answer's body (under wire names); a refusal is a {@link Failure}. */
  Object handle(Descriptor.Operation fn, Call call) {
    Sandbox.Behaviour b = sim.sandbox().functions().get(fn.name());
    if (b == null) throw new Failure(EngineError.NOT_ROUTED, Map.of("function", fn.name()));
    Simulation.Plan plan = sim.plan(fn.name());
    requireParams(fn, call);
    for (Map.Entry<String, String> ref : b.refs().entrySet()) {
      Object id = Values.at(call.request(), ref.getKey());
      String param = fn.params().stream().filter(p -> WireCodec.dotPath(p.wire()).equals(ref.getKey()))
          .map(Descriptor.Param::wire).findFirst().orElse(ref.getKey());
      if (Values.isSet(id)) find(ref.getValue(), Values.text(id), param);
    }
    Sandbox.Resource r = sim.sandbox().resources().get(b.resource());
    Object result = switch (b.kind()) {
      case CREATE -> create(fn, b, plan, r, call);
      case GET -> find(r.name(), id(b, call), b.idParam());
      case UPDATE, ACTION -> update(fn, b, plan, r, call);
      case DELETE -> {
        Map<String, Object> record = find(r.name(), id(b, call), b.idParam());
        Guards.check(fn, b, plan, r, record, scope(call, record));
        store.remove(r.name(), id(b, call));
        yield record;
      }
      case ADD -> add(fn, b, plan, r, call);
      case LIST -> list(fn, b, plan, r, call);
      case AGGREGATE -> Aggregates.apply(fn, b, store, call, answer(plan, call, null));
      case ANSWER -> answer(plan, call, null);
    };
    return envelope(shape(fn, b, plan, call, result));
  }

  private void requireParams(Descriptor.Operation fn, Call call) {
    for (Descriptor.Param p : fn.params()) {
      if (!p.required()) continue;
      boolean present = switch (p.in()) {
        case PATH -> call.pathParams().containsKey(p.name());
        case QUERY -> call.query().stream().anyMatch(q -> q[0].equals(p.wire()));
        case BODY, HEADER, CLIENT -> Values.isSet(Values.at(input(fn, call.body()), WireCodec.dotPath(p.wire())));
      };
      if (!present) throw new Failure(EngineError.MISSING_PARAM, Map.of("param", p.wire(), "function", fn.name()));
    }
  }

  /** The body a write takes its fields from: the first element under the function's body root, if it has one. */
  static Object input(Descriptor.Operation fn, Map<String, Object> body) {
    if (fn.bodyRoot().isEmpty()) return body;
    Object rooted = body.get(fn.bodyRoot().get());
    return rooted instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : rooted;
  }

  private String id(Sandbox.Behaviour b, Call call) {
    String id = call.pathParams().get(b.idParam());
    return id != null ? id : Values.text(Values.get(call.request(), b.idParam()));
  }

  Map<String, Object> find(String resource, String id, String param) {
    Map<String, Object> record = store.get(resource, id);
    if (record == null) throw new Failure(EngineError.NOT_FOUND, Map.of("resource", resource, "id", id, "param", param));
    return record;
  }

  private Map<String, Object> create(Descriptor.Operation fn, Sandbox.Behaviour b, Simulation.Plan plan,
      Sandbox.Resource r, Call call) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put(r.idField(), store.newId(r));
    merge(record, Expressions.eval(sim.defaults(r), scope(call, record)), r);
    merge(record, fields(r, input(fn, call.body())), r);
    for (Map.Entry<String, String> p : call.pathParams().entrySet()) {
      if (isField(r, p.getKey())) record.put(p.getKey(), p.getValue());
    }
    apply(plan, r, call, record);
    Guards.check(fn, b, plan, r, record, scope(call, record));
    store.put(r, record);
    return record;
  }

  private Map<String, Object> update(Descriptor.Operation fn, Sandbox.Behaviour b, Simulation.Plan plan,
      Sandbox.Resource r, Call call) {
    Map<String, Object> record = find(r.name(), id(b, call), b.idParam());
    Guards.check(fn, b, plan, r, record, scope(call, record));
    Map<String, Object> changes = fields(r, input(fn, call.body()));
    changes.remove(r.idField());
    Map<String, Object> next = Values.copyObject(record);
    merge(next, changes, r);
    apply(plan, r, call, next);
    store.put(r, next);
    return next;
  }

  private Object add(Descriptor.Operation fn, Sandbox.Behaviour b, Simulation.Plan plan, Sandbox.Resource r, Call call) {
    Map<String, Object> parent = find(r.name(), id(b, call), b.idParam());
    String list = b.childList().orElseThrow();
    String element = Shapes.elementOf(sim.shapes().fields(r.model()).get(list).type());
    Object decoded = sim.shapes().fromWire(element, input(fn, call.body()), k -> false);
    Map<String, Object> child = Values.object(decoded);
    if (child == null) throw new IllegalArgumentException(fn.name() + ": the body holds no " + element);
    for (String p : call.pathParams().keySet()) child.remove(p);
    Map<String, Object> set = Values.object(Expressions.eval(plan.set(), scope(call, parent)));
    child.putAll(set);
    sim.shapes().coerceFields(element, child);
    List<Object> items = Values.list(parent.get(list));
    if (items == null) {
      items = new ArrayList<>();
      parent.put(list, items);
    }
    items.add(child);
    return child;
  }

  private Object list(Descriptor.Operation fn, Sandbox.Behaviour b, Simulation.Plan plan, Sandbox.Resource r, Call call) {
    List<Map<String, Object>> records = store.all(r.name());
    if (b.within().isPresent()) {
      Sandbox.Within within = b.within().get();
      Map<String, Object> parent = find(within.resource(), call.pathParams().getOrDefault(within.idParam(), ""), within.idParam());
      List<String> ids = new ArrayList<>();
      Object held = parent.get(within.field());
      if (held instanceof List<?> l) l.forEach(x -> ids.add(Values.text(x)));
      records.removeIf(x -> !ids.contains(Values.text(x.get(r.idField()))));
    }
    for (Map.Entry<String, String> f : b.filters().entrySet()) {
      String wanted = filterValue(fn.param(f.getKey()).orElseThrow(), call);
      if (wanted != null) records.removeIf(x -> !ListFilters.keeps(f.getValue(), wanted, x));
    }
    ListFilters.refuseEmpty(fn, b, records, call);
    b.order().ifPresent(o -> Order.sort(records, o));
    Map<String, Object> page = Pages.page(fn, b, r, records, call, this);
    if (!b.set().isEmpty()) page.putAll(Values.object(Expressions.eval(plan.set(), scope(call, null))));
    return page;
  }

  /** A filter param's value in this call: its wire value, or the value its template wraps (where=field:EQUALS:v). */
  private static String filterValue(Descriptor.Param p, Call call) {
    if (p.template().isEmpty()) {
      Object v = Values.at(call.request(), WireCodec.dotPath(p.wire()));
      return Values.isSet(v) ? Values.text(v) : null;
    }
    String[] parts = p.template().get().split("\\{}", -1);
    Pattern clause = Pattern.compile(Pattern.quote(parts[0]) + "(.*)" + Pattern.quote(parts.length > 1 ? parts[1] : ""));
    for (String[] q : call.query()) {
      if (!q[0].equals(p.wire())) continue;
      for (String c : q[1].split(",")) {
        Matcher m = clause.matcher(c);
        if (m.matches()) return m.group(1);
      }
    }
    return null;
  }

  /** Request fields of the resource's model (and its hidden fields), under field names and typed. */
  private Map<String, Object> fields(Sandbox.Resource r, Object wire) {
    Map<String, Object> named = Values.object(sim.shapes().fromWire(r.model(), wire, r.hidden()::contains));
    return named != null ? named : new LinkedHashMap<>();
  }

  private boolean isField(Sandbox.Resource r, String name) {
    return sim.shapes().fields(r.model()).containsKey(name) || r.hidden().contains(name);
  }

  /** Sets fields; a map-typed field merges key by key, as metadata does. */
  private void merge(Map<String, Object> record, Object changes, Sandbox.Resource r) {
    Map<String, Object> changed = Values.object(changes);
    if (changed != null) {
      for (Map.Entry<String, Object> e : changed.entrySet()) {
        Shapes.FieldShape f = sim.shapes().fields(r.model()).get(e.getKey());
        Map<String, Object> old = Values.object(record.get(e.getKey()));
        Map<String, Object> merged = Values.object(e.getValue());
        if (f != null && f.type().startsWith("map<") && old != null && merged != null) {
          old.putAll(Values.copyObject(merged));
        } else {
          record.put(e.getKey(), e.getValue());
        }
      }
    }
    sim.shapes().coerceFields(r.model(), record);
  }

  /** The behaviour's {@code set}, then the first case whose conditions hold. */
  private void apply(Simulation.Plan plan, Sandbox.Resource r, Call call, Map<String, Object> record) {
    merge(record, Expressions.eval(plan.set(), scope(call, record)), r);
    for (Simulation.Case c : plan.cases()) {
      if (holds(c, call, record)) {
        merge(record, Expressions.eval(c.set(), scope(call, record)), r);
        return;
      }
    }
  }

  private boolean holds(Simulation.Case c, Call call, Map<String, Object> record) {
    Expressions.Scope scope = scope(call, record);
    for (Map.Entry<Expression, Object> w : c.when().entrySet()) {
      if (!Values.text(Expressions.value(w.getKey(), scope)).equals(Values.text(w.getValue()))) return false;
    }
    for (Expression h : c.has()) {
      if (!Values.isSet(Expressions.value(h, scope))) return false;
    }
    return true;
  }

  private Object answer(Simulation.Plan plan, Call call, Object record) {
    return plan.answer().isEmpty() ? new LinkedHashMap<String, Object>() : Expressions.eval(plan.answer().get(), scope(call, record));
  }

  /** The result in the function's declared shape, under wire names, at its {@code returns_from} path. */
  private Object shape(Descriptor.Operation fn, Sandbox.Behaviour b, Simulation.Plan plan, Call call, Object result) {
    Object value = plan.answer().isPresent() && b.kind() != Sandbox.Kind.AGGREGATE ? answer(plan, call, result) : result;
    Object wire = sim.shapes().toWire(fn.returns(), value);
    if (fn.returnsFrom().isEmpty()) return wire;
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> cur = out;
    String[] path = fn.returnsFrom().get().split("\\.");
    for (int i = 0; i < path.length - 1; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      cur.put(path[i], next);
      cur = next;
    }
    cur.put(path[path.length - 1], wire);
    return out;
  }

  private Object envelope(Object body) {
    Map<String, Object> out = Values.object(body);
    if (out == null || sim.sandbox().envelope().isEmpty()) return body;
    sim.sandbox().envelope().forEach((k, v) -> {
      if (!Values.isSet(out.get(k))) out.put(k, Values.copy(v));
    });
    return out;
  }

  /** The field of a result model that holds its list of items. */
  String listFieldOf(String model) {
    for (Shapes.FieldShape f : sim.shapes().fields(model).values()) {
      String element = Shapes.elementOf(f.type());
      if (element != null && sim.shapes().isModel(element)) return f.name();
    }
    throw new IllegalStateException(model + " has no list field");
  }

  Expressions.Scope scope(Call call, Object record) {
    long now = clock.instant().getEpochSecond();
    return new Expressions.Scope() {
      public Object request() {
        return call.request();
      }

      public Object record() {
        return record;
      }

      public long now() {
        return now;
      }

      public Object lookup(String resource, String id) {
        return find(resource, id, resource);
      }

      public String uuid(String prefix) {
        return store.uuid(prefix);
      }
    };
  }
}
