package dev.specloom.codegen.emit.site;

import dev.specloom.codegen.emit.java.JavaNames;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.Names;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java tab of a function: the call of its first Lua example made with the typed client and its params
 * builder, with the names the Java emitter gives them ({@link JavaNames}). The snippet assumes a client in a
 * variable named after the provider, as the page's Java set-up shows.
 */
record JavaExample(String code, String resultType, String paramsClass, String clientClass, String method) {

  static JavaExample of(Spec spec, Function f, Map<String, Object> args) {
    JavaNames names = new JavaNames(spec);
    String method = Names.lowerCamel(f.name());
    String params = names.params(f.name()).simpleName();
    String result = f.http().raw() ? "Object" : type(f.returns().type());
    String variable = f.http().raw() ? "result" : variable(f.returns().type());
    StringBuilder call = new StringBuilder(result).append(' ').append(variable).append(" = ")
        .append(clientVariable(spec)).append('.').append(method).append('(');
    if (f.params().isEmpty()) {
      call.append(")");
    } else {
      call.append(params).append(".builder()");
      for (Map.Entry<String, Object> a : args.entrySet()) {
        Param p = f.param(a.getKey()).orElseThrow(() -> new IllegalArgumentException(
            spec.provider() + "." + f.name() + ": the first example passes " + a.getKey() + ", which is no param"));
        setter(spec, call, p, a.getValue());
      }
      call.append("\n    .build())");
    }
    call.append(";\n");
    return new JavaExample(call.toString(), result, names.params(f.name()).canonicalName(),
        names.client().canonicalName(), method);
  }

  /** The variable the page's set-up puts the client in: the provider's name. */
  static String clientVariable(Spec spec) {
    return JavaNames.member(spec.provider());
  }

  /** The page's Java set-up: a client from credentials in environment variables. */
  static String setup(Spec spec) {
    JavaNames names = new JavaNames(spec);
    StringBuilder b = new StringBuilder(names.client().simpleName()).append(' ').append(clientVariable(spec))
        .append(" = ").append(names.client().simpleName()).append(".builder()");
    for (String c : CurlExample.authCredentials(spec)) {
      b.append("\n    .").append(JavaNames.member(c)).append("(System.getenv(\"").append(CurlExample.envName(spec, c)).append("\"))");
    }
    for (String setting : CurlExample.shownBaseUrl(spec).when()) {
      b.append("\n    .").append(JavaNames.member(setting)).append("(\"").append(CurlExample.settingExample()).append("\")");
    }
    return b.append("\n    .build();\n").toString();
  }

  private static void setter(Spec spec, StringBuilder call, Param p, Object value) {
    String m = JavaNames.member(p.name());
    if (p.type() instanceof TypeRef.MapOf map && value instanceof Map<?, ?> entries) {
      for (Map.Entry<?, ?> e : entries.entrySet()) {
        call.append("\n    .put").append(Names.upperCamel(p.name())).append('(').append(string(String.valueOf(e.getKey())))
            .append(", ").append(literal(spec, map.value(), e.getValue())).append(')');
      }
      return;
    }
    call.append("\n    .").append(m).append('(').append(literal(spec, p.type(), value)).append(')');
  }

  private static String literal(Spec spec, TypeRef t, Object v) {
    if (t instanceof TypeRef.ListOf l && v instanceof List<?> items) {
      return "List.of(" + String.join(", ", items.stream().map(i -> literal(spec, l.element(), i)).toList()) + ")";
    }
    if (t instanceof TypeRef.MapOf m && v instanceof Map<?, ?> entries) return map(spec, entries, m.value());
    if (t instanceof TypeRef.ModelRef ref && v instanceof Map<?, ?> fields) {
      Model model = spec.models().get(ref.name());
      StringBuilder b = new StringBuilder(ref.name()).append(".builder()");
      for (Map.Entry<?, ?> e : fields.entrySet()) {
        Field field = model.fields().stream().filter(f -> f.name().equals(e.getKey())).findFirst().orElseThrow(() ->
            new IllegalArgumentException(ref.name() + " has no field " + e.getKey()));
        b.append('.').append(JavaNames.member(field.name())).append('(').append(literal(spec, field.type(), e.getValue())).append(')');
      }
      return b.append(".build()").toString();
    }
    if (t instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case INTEGER, TIMESTAMP -> ((Number) v).longValue() + "L";
        case NUMBER -> String.valueOf(((Number) v).doubleValue());
        case BOOLEAN -> String.valueOf(v);
        case OBJECT -> v instanceof Map<?, ?> entries ? map(spec, entries, null) : untyped(v);
        default -> string(String.valueOf(v));
      };
    }
    throw new IllegalArgumentException("no Java literal for a " + t + " param");
  }

  /** {@code Map.of(...)}; values of an object param keep the type they have in Lua. */
  private static String map(Spec spec, Map<?, ?> entries, TypeRef value) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<?, ?> e : entries.entrySet()) {
      parts.add(string(String.valueOf(e.getKey())));
      parts.add(value == null ? untyped(e.getValue()) : literal(spec, value, e.getValue()));
    }
    return "Map.of(" + String.join(", ", parts) + ")";
  }

  private static String untyped(Object v) {
    if (v instanceof Map<?, ?> m) return map(null, m, null);
    if (v instanceof List<?> l) return "List.of(" + String.join(", ", l.stream().map(JavaExample::untyped).toList()) + ")";
    if (v instanceof Long n) return n + "L";
    if (v instanceof String s) return string(s);
    return String.valueOf(v);
  }

  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }

  /** The result's Java type as the client method declares it. */
  static String type(TypeRef t) {
    if (t instanceof TypeRef.ModelRef m) return m.name();
    if (t instanceof TypeRef.ListOf l) return "List<" + type(l.element()) + ">";
    if (t instanceof TypeRef.MapOf m) return "Map<String, " + type(m.value()) + ">";
    return switch (((TypeRef.Scalar) t).kind()) {
      case STRING, DATE, DATETIME -> "String";
      case INTEGER, TIMESTAMP -> "Long";
      case NUMBER -> "Double";
      case BOOLEAN -> "Boolean";
      case OBJECT -> "Map<String, Object>";
    };
  }

  private static String variable(TypeRef t) {
    if (!(t instanceof TypeRef.ModelRef m)) return "result";
    return JavaNames.member(Character.toLowerCase(m.name().charAt(0)) + m.name().substring(1));
  }
}
