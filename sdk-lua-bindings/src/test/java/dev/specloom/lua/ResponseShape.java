package dev.specloom.lua;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specloom.model.Field;
import dev.specloom.model.Model;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares JSON answers with a spec's models: a documented answer (a fixture) with the model that decodes it,
 * and the offline simulator's answer with the documented one. Field sets and JSON types are compared recursively;
 * a field the model marks {@code undocumented}, or lists as {@code unmodelled}, is the spec's reasoned exception.
 * Outside the model (the envelope around a result read from a path) the two answers must match key for key.
 */
final class ResponseShape {
  private final Spec spec;
  private final List<String> problems = new ArrayList<>();

  private ResponseShape(Spec spec) {
    this.spec = spec;
  }

  /** Where the documented answer and the model disagree, one line each; empty when they fit. */
  static List<String> fixtureVsModel(Spec spec, TypeRef type, JsonNode fixture) {
    ResponseShape s = new ResponseShape(spec);
    s.fits("$", type, fixture);
    return s.problems;
  }

  /** Where the simulator's answer and the documented one disagree; {@code from} is where the model applies. */
  static List<String> answerVsFixture(Spec spec, TypeRef type, Optional<String> from, JsonNode fixture, JsonNode answer) {
    ResponseShape s = new ResponseShape(spec);
    s.alike("$", from.map(f -> List.of(f.split("\\."))).orElse(List.of()), type, fixture, answer);
    return s.problems;
  }

  /**
   * What a Lua script's dump of the decoded result prints for this fixture: one sorted {@code path=value} line
   * per leaf, under the model's field names (aliases included), lists 1-based, empty tables as {@code {}}.
   */
  static List<String> luaLines(Spec spec, TypeRef type, JsonNode fixture) {
    TreeSet<String> lines = new TreeSet<>();
    new ResponseShape(spec).lua("$", type, fixture, lines);
    return List.copyOf(lines);
  }

  /** A number as LuaJ's {@code tostring} prints it: whole numbers without a fraction, others as a float. */
  static String number(double n) {
    return n == (long) n ? Long.toString((long) n) : Float.toString((float) n);
  }

  private void fits(String at, TypeRef t, JsonNode v) {
    if (v == null || v.isNull()) return;
    if (t instanceof TypeRef.ModelRef ref) {
      Model m = spec.models().get(ref.name());
      if (!v.isObject()) {
        problems.add(at + ": documented " + kind(v) + ", model " + m.name() + " is an object");
        return;
      }
      for (Field f : m.fields()) {
        if (f.aliasOf().isPresent()) continue;
        JsonNode x = v.get(f.wire());
        if (x == null) {
          if (f.undocumented().isEmpty()) problems.add(at + "." + f.wire() + ": in model " + m.name() + ", not in the documented answer");
        } else if (x.isNull()) {
          if (!f.nullable()) problems.add(at + "." + f.wire() + ": documented null, but " + m.name() + "." + f.name() + " is not nullable");
        } else {
          fits(at + "." + f.wire(), f.type(), x);
        }
      }
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (wireField(m, key) == null && !m.unmodelled().containsKey(key)) {
          problems.add(at + "." + key + ": documented, but neither in model " + m.name() + " nor listed as unmodelled");
        }
      }
    } else if (t instanceof TypeRef.ListOf l) {
      if (!v.isArray()) problems.add(at + ": documented " + kind(v) + ", model has a list");
      else for (int i = 0; i < v.size(); i++) fits(at + "[" + i + "]", l.element(), v.get(i));
    } else if (t instanceof TypeRef.MapOf mp) {
      if (!v.isObject()) problems.add(at + ": documented " + kind(v) + ", model has a map");
      else v.fields().forEachRemaining(e -> fits(at + "." + e.getKey(), mp.value(), e.getValue()));
    } else if (t instanceof TypeRef.Scalar s && !scalarFits(s.kind(), v)) {
      problems.add(at + ": documented " + kind(v) + ", model has " + s.kind().name().toLowerCase(Locale.ROOT));
    }
  }

  private static boolean scalarFits(TypeRef.Kind k, JsonNode v) {
    return switch (k) {
      case STRING, DATE, DATETIME -> v.isTextual();
      case INTEGER, TIMESTAMP -> v.isIntegralNumber();
      case NUMBER -> v.isNumber();
      case BOOLEAN -> v.isBoolean();
      case OBJECT -> true;
    };
  }

  /** Walks both answers; {@code path} leads (through the envelope) to where {@code t} applies. */
  private void alike(String at, List<String> path, TypeRef t, JsonNode fixture, JsonNode answer) {
    if (!path.isEmpty()) {
      if (!fixture.isObject() || !answer.isObject()) {
        sameKind(at, fixture, answer);
        return;
      }
      TreeSet<String> keys = keys(fixture, answer);
      for (String k : keys) {
        JsonNode f = fixture.get(k);
        JsonNode a = answer.get(k);
        if (f == null) problems.add(at + "." + k + ": the simulator sends it, the documented answer has no such field");
        else if (a == null) problems.add(at + "." + k + ": documented, the simulator leaves it out");
        else if (k.equals(path.get(0))) alike(at + "." + k, path.subList(1, path.size()), t, f, a);
        else free(at + "." + k, f, a);
      }
      return;
    }
    if (fixture.isNull() || answer.isNull()) return;
    if (t instanceof TypeRef.ModelRef ref) {
      Model m = spec.models().get(ref.name());
      if (!sameKind(at, fixture, answer) || !fixture.isObject()) return;
      for (String k : keys(fixture, answer)) {
        JsonNode f = fixture.get(k);
        JsonNode a = answer.get(k);
        Field field = wireField(m, k);
        if (a == null) {
          if (!m.unmodelled().containsKey(k)) problems.add(at + "." + k + ": documented, the simulator leaves it out");
        } else if (f == null) {
          if (field == null || field.undocumented().isEmpty()) {
            problems.add(at + "." + k + ": the simulator sends it, the documented answer has no such field");
          }
        } else if (field == null) {
          sameKind(at + "." + k, f, a);
        } else if (!f.isNull() && !a.isNull()) {
          alike(at + "." + k, List.of(), field.type(), f, a);
        } else if (!field.nullable()) {
          problems.add(at + "." + k + ": null in one answer, but " + m.name() + "." + field.name() + " is not nullable");
        }
      }
    } else if (t instanceof TypeRef.ListOf l) {
      if (!sameKind(at, fixture, answer) || !fixture.isArray() || fixture.isEmpty()) return;
      for (int i = 0; i < answer.size(); i++) alike(at + "[" + i + "]", List.of(), l.element(), fixture.get(0), answer.get(i));
    } else if (t instanceof TypeRef.MapOf mp) {
      if (!sameKind(at, fixture, answer) || !fixture.isObject() || fixture.isEmpty()) return;
      JsonNode sample = fixture.elements().next();
      answer.fields().forEachRemaining(e -> alike(at + "." + e.getKey(), List.of(), mp.value(), sample, e.getValue()));
    } else {
      sameKind(at, fixture, answer);
    }
  }

  /** Outside any model (an envelope), answers match key for key and type for type. */
  private void free(String at, JsonNode fixture, JsonNode answer) {
    if (fixture.isNull() || answer.isNull() || !sameKind(at, fixture, answer)) return;
    if (fixture.isObject()) {
      for (String k : keys(fixture, answer)) {
        if (fixture.get(k) == null) problems.add(at + "." + k + ": the simulator sends it, the documented answer has no such field");
        else if (answer.get(k) == null) problems.add(at + "." + k + ": documented, the simulator leaves it out");
        else free(at + "." + k, fixture.get(k), answer.get(k));
      }
    } else if (fixture.isArray() && !fixture.isEmpty()) {
      for (int i = 0; i < answer.size(); i++) free(at + "[" + i + "]", fixture.get(0), answer.get(i));
    }
  }

  private boolean sameKind(String at, JsonNode fixture, JsonNode answer) {
    if (fixture.isNull() || answer.isNull()) return true;
    String f = kind(fixture);
    String a = kind(answer);
    // 1500 and 1500.0 are both JSON numbers; whether a field takes fractions is the model's check, not this one.
    if (f.equals(a) || fixture.isNumber() && answer.isNumber()) return true;
    problems.add(at + ": documented " + f + ", the simulator sends " + a);
    return false;
  }

  private void lua(String at, TypeRef t, JsonNode v, TreeSet<String> out) {
    if (v == null || v.isNull()) return;
    int before = out.size();
    if (t instanceof TypeRef.ModelRef ref) {
      Model m = spec.models().get(ref.name());
      for (Field f : m.fields()) {
        Field source = f.aliasOf().map(a -> m.fields().stream().filter(o -> o.name().equals(a)).findFirst().orElseThrow()).orElse(f);
        lua(at + "." + f.name(), source.type(), v.get(source.wire()), out);
      }
    } else if (t instanceof TypeRef.ListOf l) {
      for (int i = 0; i < v.size(); i++) lua(at + "[" + (i + 1) + "]", l.element(), v.get(i), out);
    } else if (t instanceof TypeRef.MapOf mp) {
      v.fields().forEachRemaining(e -> lua(at + "." + e.getKey(), mp.value(), e.getValue(), out));
    } else if (v.isObject()) {
      v.fields().forEachRemaining(e -> lua(at + "." + e.getKey(), t, e.getValue(), out));
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) lua(at + "[" + (i + 1) + "]", t, v.get(i), out);
    } else {
      out.add(at + "=" + (v.isNumber() ? number(v.asDouble()) : v.asText()));
      return;
    }
    if (out.size() == before) out.add(at + "={}");
  }

  private static Field wireField(Model m, String wire) {
    return m.fields().stream().filter(f -> f.aliasOf().isEmpty() && f.wire().equals(wire)).findFirst().orElse(null);
  }

  private static TreeSet<String> keys(JsonNode a, JsonNode b) {
    TreeSet<String> keys = new TreeSet<>();
    a.fieldNames().forEachRemaining(keys::add);
    b.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) return "string";
    if (v.isIntegralNumber()) return "integer";
    if (v.isNumber()) return "number";
    if (v.isBoolean()) return "boolean";
    if (v.isArray()) return "array";
    if (v.isObject()) return "object";
    return "null";
  }
}
