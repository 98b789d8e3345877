package dev.specloom.sandbox;

import static dev.specloom.sandbox.Expressions.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
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
  private final Descriptor d;
  private final Store store;
  private final Clock clock;

  Engine(Descriptor d, Store store, Clock clock) {
    this.d = d;
    this.store = store;
    this.clock = clock;
  }

  /** The answer's body (under wire names); a refusal is a {@link Failure}. */
  JsonNode handle(Descriptor.Fn fn, Call call) {
    JsonNode b = fn.behaviour();
    if (b == null) throw new Failure("not_routed", Map.of("function", fn.name()));
    requireParams(fn, call);
    for (Iterator<Map.Entry<String, JsonNode>> it = b.path("refs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> ref = it.next();
      JsonNode id = Expressions.at(call.request(), ref.getKey());
      String param = fn.params().stream().filter(p -> WireCodec.dotPath(p.wire()).equals(ref.getKey()))
          .map(Descriptor.Param::wire).findFirst().orElse(ref.getKey());
      if (Expressions.isSet(id)) find(ref.getValue().asText(), Expressions.text(id), param);
    }
    String kind = b.path("kind").asText();
    Descriptor.Resource r = d.resources().get(b.path("resource").asText());
    JsonNode result = switch (kind) {
      case "create" -> create(fn, b, r, call);
      case "get" -> find(r.name(), id(b, call), b.path("id_param").asText());
      case "update", "action" -> update(fn, b, r, call);
      case "delete" -> {
        ObjectNode record = find(r.name(), id(b, call), b.path("id_param").asText());
        Guards.check(fn, b, r, record, scope(call, record));
        store.remove(r.name(), id(b, call));
        yield record;
      }
      case "add" -> add(fn, b, r, call);
      case "list" -> list(fn, b, r, call);
      case "aggregate" -> Aggregates.apply(fn, b, store, call, answerTemplate(b, call, null));
      default -> answerTemplate(b, call, null);
    };
    return envelope(fn, shape(fn, b, call, result, kind));
  }

  private void requireParams(Descriptor.Fn fn, Call call) {
    for (Descriptor.Param p : fn.params()) {
      if (!p.required()) continue;
      boolean present = switch (p.in()) {
        case "path" -> call.pathParams().containsKey(p.name());
        case "query" -> call.query().stream().anyMatch(q -> q[0].equals(p.wire()));
        default -> Expressions.isSet(Expressions.at(input(fn, call.body()), WireCodec.dotPath(p.wire())));
      };
      if (!present) throw new Failure("missing_param", Map.of("param", p.wire(), "function", fn.name()));
    }
  }

  /** The body a write takes its fields from: the first element under the function's body root, if it has one. */
  static JsonNode input(Descriptor.Fn fn, JsonNode body) {
    if (fn.bodyRoot() == null) return body;
    JsonNode rooted = body.path(fn.bodyRoot());
    return rooted.isArray() ? rooted.path(0) : rooted;
  }

  private String id(JsonNode b, Call call) {
    String param = b.path("id_param").asText();
    String id = call.pathParams().get(param);
    return id != null ? id : Expressions.text(call.request().path(param));
  }

  ObjectNode find(String resource, String id, String param) {
    ObjectNode record = store.get(resource, id);
    if (record == null) throw new Failure("not_found", Map.of("resource", resource, "id", id, "param", param));
    return record;
  }

  private ObjectNode create(Descriptor.Fn fn, JsonNode b, Descriptor.Resource r, Call call) {
    ObjectNode record = JSON.objectNode();
    record.set(r.idField(), store.newId(r));
    merge(record, Expressions.eval(r.defaults(), scope(call, record)), r);
    merge(record, fields(r, input(fn, call.body())), r);
    for (Map.Entry<String, String> p : call.pathParams().entrySet()) {
      if (isField(r, p.getKey())) record.put(p.getKey(), p.getValue());
    }
    apply(b, r, call, record);
    Guards.check(fn, b, r, record, scope(call, record));
    store.put(r, record);
    return record;
  }

  private ObjectNode update(Descriptor.Fn fn, JsonNode b, Descriptor.Resource r, Call call) {
    String id = id(b, call);
    ObjectNode record = find(r.name(), id, b.path("id_param").asText());
    Guards.check(fn, b, r, record, scope(call, record));
    ObjectNode changes = fields(r, input(fn, call.body()));
    changes.remove(r.idField());
    ObjectNode next = record.deepCopy();
    merge(next, changes, r);
    apply(b, r, call, next);
    store.put(r, next);
    return next;
  }

  private JsonNode add(Descriptor.Fn fn, JsonNode b, Descriptor.Resource r, Call call) {
    ObjectNode parent = find(r.name(), id(b, call), b.path("id_param").asText());
    String list = b.path("items").asText();
    String element = Shapes.elementOf(d.shapes().fields(r.model()).get(list).type());
    ObjectNode child = (ObjectNode) d.shapes().fromWire(element, input(fn, call.body()), k -> false);
    for (Map.Entry<String, String> p : call.pathParams().entrySet()) child.remove(p.getKey());
    child.setAll((ObjectNode) Expressions.eval(b.path("set"), scope(call, parent)));
    d.shapes().coerceFields(element, child);
    JsonNode items = parent.get(list);
    if (items == null || !items.isArray()) items = parent.putArray(list);
    ((ArrayNode) items).add(child);
    return child;
  }

  private JsonNode list(Descriptor.Fn fn, JsonNode b, Descriptor.Resource r, Call call) {
    List<ObjectNode> records = store.all(r.name());
    JsonNode within = b.path("within");
    if (!within.isMissingNode()) {
      String parentParam = within.path("id_param").asText();
      ObjectNode parent = find(within.path("resource").asText(), call.pathParams().getOrDefault(parentParam, ""), parentParam);
      List<String> ids = new ArrayList<>();
      parent.path(within.path("field").asText()).forEach(x -> ids.add(x.asText()));
      records.removeIf(x -> !ids.contains(x.path(r.idField()).asText()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = b.path("filters").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String wanted = filterValue(fn.param(f.getKey()), call);
      if (wanted != null) records.removeIf(x -> !ListFilters.keeps(f.getValue().asText(), wanted, x));
    }
    ListFilters.refuseEmpty(fn, b, records, call);
    Order.sort(records, b.path("order"));
    ObjectNode page = Pages.page(fn, b, r, records, call, this);
    if (b.path("set").isObject()) page.setAll((ObjectNode) Expressions.eval(b.path("set"), scope(call, null)));
    return page;
  }

  /** A filter param's value in this call: its wire value, or the value its template wraps (where=field:EQUALS:v). */
  private static String filterValue(Descriptor.Param p, Call call) {
    if (p.template() == null) {
      JsonNode v = Expressions.at(call.request(), WireCodec.dotPath(p.wire()));
      return Expressions.isSet(v) ? Expressions.text(v) : null;
    }
    String[] parts = p.template().split("\\{}", -1);
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
  private ObjectNode fields(Descriptor.Resource r, JsonNode wire) {
    JsonNode named = d.shapes().fromWire(r.model(), wire, r.hidden()::contains);
    return named.isObject() ? (ObjectNode) named : JSON.objectNode();
  }

  private boolean isField(Descriptor.Resource r, String name) {
    return d.shapes().fields(r.model()).containsKey(name) || r.hidden().contains(name);
  }

  /** Sets fields; a map-typed field merges key by key, as metadata does. */
  private void merge(ObjectNode record, JsonNode changes, Descriptor.Resource r) {
    for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Shapes.FieldShape f = d.shapes().fields(r.model()).get(e.getKey());
      JsonNode old = record.get(e.getKey());
      if (f != null && f.type().startsWith("map<") && old != null && old.isObject() && e.getValue().isObject()) {
        ((ObjectNode) old).setAll((ObjectNode) e.getValue().deepCopy());
      } else {
        record.set(e.getKey(), e.getValue());
      }
    }
    d.shapes().coerceFields(r.model(), record);
  }

  /** The behaviour's {@code set}, then the first case whose conditions hold. */
  private void apply(JsonNode b, Descriptor.Resource r, Call call, ObjectNode record) {
    merge(record, Expressions.eval(b.path("set"), scope(call, record)), r);
    for (JsonNode c : b.path("cases")) {
      if (holds(c, call, record)) {
        merge(record, Expressions.eval(c.path("set"), scope(call, record)), r);
        return;
      }
    }
  }

  private boolean holds(JsonNode c, Call call, ObjectNode record) {
    Expressions.Scope scope = scope(call, record);
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("when").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> w = it.next();
      if (!Expressions.text(Expressions.expression(w.getKey(), scope)).equals(Expressions.text(w.getValue()))) return false;
    }
    for (JsonNode h : c.path("has")) {
      if (!Expressions.isSet(Expressions.expression(h.asText(), scope))) return false;
    }
    return true;
  }

  private JsonNode answerTemplate(JsonNode b, Call call, JsonNode record) {
    JsonNode answer = b.get("answer");
    return answer == null ? JSON.objectNode() : Expressions.eval(answer, scope(call, record));
  }

  /** The result in the function's declared shape, under wire names, at its {@code returns_from} path. */
  private JsonNode shape(Descriptor.Fn fn, JsonNode b, Call call, JsonNode result, String kind) {
    JsonNode value = b.has("answer") && !kind.equals("aggregate") ? answerTemplate(b, call, result) : result;
    JsonNode wire = d.shapes().toWire(fn.returns(), value);
    if (fn.returnsFrom() == null) return wire;
    ObjectNode out = JSON.objectNode();
    ObjectNode cur = out;
    String[] path = fn.returnsFrom().split("\\.");
    for (int i = 0; i < path.length - 1; i++) cur = cur.putObject(path[i]);
    cur.set(path[path.length - 1], wire);
    return out;
  }

  private JsonNode envelope(Descriptor.Fn fn, JsonNode body) {
    if (!body.isObject() || d.envelope().size() == 0) return body;
    ObjectNode out = (ObjectNode) body;
    for (Iterator<Map.Entry<String, JsonNode>> it = d.envelope().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!Expressions.isSet(out.get(e.getKey()))) out.set(e.getKey(), e.getValue().deepCopy());
    }
    return out;
  }

  /** The field of a result model that holds its list of items. */
  String listFieldOf(String model) {
    for (Shapes.FieldShape f : d.shapes().fields(model).values()) {
      String element = Shapes.elementOf(f.type());
      if (element != null && d.shapes().isModel(element)) return f.name();
    }
    throw new IllegalStateException(model + " has no list field");
  }

  Expressions.Scope scope(Call call, JsonNode record) {
    long now = clock.instant().getEpochSecond();
    return new Expressions.Scope() {
      public JsonNode request() {
        return call.request();
      }

      public JsonNode record() {
        return record == null ? MissingNode.getInstance() : record;
      }

      public long now() {
        return now;
      }

      public JsonNode lookup(String resource, String id) {
        return find(resource, id, resource);
      }

      public String uuid(String prefix) {
        return store.uuid(prefix);
      }
    };
  }
}
