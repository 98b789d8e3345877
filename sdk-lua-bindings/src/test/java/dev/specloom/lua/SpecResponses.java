package dev.specloom.lua;

import com.squareup.moshi.Moshi;
import dev.specloom.codegen.model.Field;
import dev.specloom.codegen.model.Function;
import dev.specloom.codegen.model.Model;
import dev.specloom.codegen.model.Spec;
import dev.specloom.codegen.model.TypeRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Plausible JSON answers for a spec's functions, built from its models, for running examples offline. */
final class SpecResponses {
  private final Spec spec;

  SpecResponses(Spec spec) {
    this.spec = spec;
  }

  /** The functions whose method and path template match (several functions may share one route). */
  List<Function> match(String method, String relativePath) {
    List<Function> out = new java.util.ArrayList<>();
    for (Function f : spec.functions()) {
      if (f.http().raw() || !f.http().method().equals(method)) continue;
      if (matches(f.http().path(), relativePath)
          || f.http().routes().stream().anyMatch(r -> matches(r.path(), relativePath))) {
        out.add(f);
      }
    }
    return out;
  }

  static boolean matches(String template, String path) {
    String regex = Pattern.quote(template).replaceAll("\\{[a-z_0-9]+}", "\\\\E[^/]+\\\\Q");
    return path.matches(regex);
  }

  /** One body that satisfies every function sharing the route: their answers merged. */
  String body(List<Function> functions) {
    Map<String, Object> merged = new LinkedHashMap<>();
    Object last = null;
    for (Function f : functions) {
      last = answer(f);
      if (last instanceof Map<?, ?> m) m.forEach((k, v) -> merged.putIfAbsent(String.valueOf(k), v));
    }
    return new Moshi.Builder().build().adapter(Object.class).toJson(merged.isEmpty() ? last : merged);
  }

  private Object answer(Function f) {
    Object value = value("result", f.returns().type(), 0);
    if (f.returns().from().isPresent()) {
      Map<String, Object> wrapped = new LinkedHashMap<>();
      wrapped.put(f.returns().from().get(), value);
      value = wrapped;
    }
    if (spec.envelope().isPresent() && value instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) m;
      body.put(spec.envelope().get().statusPath(), spec.envelope().get().okValue());
    }
    return value;
  }

  private Object value(String name, TypeRef t, int depth) {
    if (t instanceof TypeRef.ModelRef ref) {
      Model m = spec.models().get(ref.name());
      Map<String, Object> out = new LinkedHashMap<>();
      if (depth > 4) return out;
      for (Field f : m.fields()) {
        if (f.aliasOf().isEmpty()) out.put(f.wire(), value(f.name(), f.type(), depth + 1));
      }
      return out;
    }
    if (t instanceof TypeRef.ListOf l) return List.of(value(name, l.element(), depth + 1), value(name, l.element(), depth + 1));
    if (t instanceof TypeRef.MapOf) return Map.of("key", "value");
    return switch (((TypeRef.Scalar) t).kind()) {
      case STRING -> name.contains("email") ? "jane@acme.example" : name + "_1";
      case INTEGER -> 42L;
      case NUMBER -> 42.5;
      case BOOLEAN -> !name.startsWith("has_more");
      case DATE -> "2025-01-31";
      case DATETIME -> "2025-01-31T00:00:00Z";
      case TIMESTAMP -> 1712304000L;
      case OBJECT -> Map.of("key", "value");
    };
  }
}
