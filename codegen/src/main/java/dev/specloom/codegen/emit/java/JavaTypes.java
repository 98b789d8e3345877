package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.specloom.model.TypeRef;
import java.util.List;
import java.util.Map;

/**
 * The one mapping of spec types to Java types, for the SDK and the Lua glue: integers are Long (cents overflow
 * int), dates stay ISO strings, free-form objects are {@code Map<String, Object>}.
 */
public final class JavaTypes {
  private static final ClassName STRING = ClassName.get(String.class);

  private final JavaNames names;

  public JavaTypes(JavaNames names) {
    this.names = names;
  }

  public TypeName of(TypeRef t) {
    if (t instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case STRING, DATE, DATETIME -> STRING;
        case INTEGER, TIMESTAMP -> ClassName.get(Long.class);
        case NUMBER -> ClassName.get(Double.class);
        case BOOLEAN -> ClassName.get(Boolean.class);
        case OBJECT -> ParameterizedTypeName.get(ClassName.get(Map.class), STRING, ClassName.get(Object.class));
      };
    }
    if (t instanceof TypeRef.ModelRef m) return names.model(m.name());
    if (t instanceof TypeRef.ListOf l) return ParameterizedTypeName.get(ClassName.get(List.class), of(l.element()));
    return ParameterizedTypeName.get(ClassName.get(Map.class), STRING, of(((TypeRef.MapOf) t).value()));
  }

  static boolean isList(TypeRef t) {
    return t instanceof TypeRef.ListOf;
  }

  static boolean isMap(TypeRef t) {
    return t instanceof TypeRef.MapOf || t instanceof TypeRef.Scalar s && s.kind() == TypeRef.Kind.OBJECT;
  }

  /** A Java literal for a spec default of type {@code t}. */
  static String literal(TypeRef t, Object value) {
    if (t instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case INTEGER, TIMESTAMP -> ((Number) value).longValue() + "L";
        case NUMBER -> ((Number) value).doubleValue() + "d";
        case BOOLEAN -> String.valueOf(value);
        default -> null;
      };
    }
    return null;
  }
}
