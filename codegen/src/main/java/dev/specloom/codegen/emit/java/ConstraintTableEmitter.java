package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The constraint table of one function, as the Java expression generated into its params class: the only place
 * a param's kind, bounds, allowed values, default and dependencies are written into generated code. The params
 * builder and the Lua glue both read it.
 */
final class ConstraintTableEmitter {
  static final ClassName TABLE = ClassName.get("dev.specloom.model.constraint", "ConstraintTable");
  private static final ClassName CONSTRAINT = ClassName.get("dev.specloom.model.constraint", "Constraint");
  private static final ClassName KIND = CONSTRAINT.nestedClass("Kind");

  private final Spec spec;

  ConstraintTableEmitter(Spec spec) {
    this.spec = spec;
  }

  CodeBlock table(Function fn) {
    CodeBlock params = fn.params().stream().map(p -> param(fn, p)).collect(CodeBlock.joining(",\n"));
    return Inline.of("new $T($S, $T.of($>\n$L$<))", TABLE, spec.provider() + "." + fn.name(), List.class, params);
  }

  private CodeBlock param(Function fn, Param p) {
    CodeBlock.Builder b = shape(p.name(), p.type(), new HashSet<>()).toBuilder();
    if (p.required()) b.add(".asRequired()");
    if (p.min().isPresent() || p.max().isPresent()) {
      b.add(Inline.of(".range($L, $L)", p.min().map(v -> v + "d").orElse("null"), p.max().map(v -> v + "d").orElse("null")));
    }
    p.maxLength().ifPresent(n -> b.add(Inline.of(".maxLength($L)", n)));
    if (!p.allowed().isEmpty()) {
      b.add(Inline.of(".allowed($L)", p.allowed().stream().map(v -> Inline.of("$S", v)).collect(CodeBlock.joining(", "))));
    }
    if (!p.valueAliases().isEmpty() || !p.refusedValues().isEmpty()) {
      b.add(Inline.of(".values($L, $L)", CodeLiterals.stringMap(p.valueAliases()), CodeLiterals.stringMap(p.refusedValues())));
    }
    p.defaultValue().ifPresent(d -> b.add(Inline.of(".defaultValue($L)", defaultLiteral(p.type(), d))));
    if (!p.requires().isEmpty()) {
      b.add(Inline.of(".requires($L)", p.requires().stream().map(v -> Inline.of("$S", v)).collect(CodeBlock.joining(", "))));
    }
    if (p.in() == Param.Location.PATH && !Raw.is(fn) && p.type() instanceof TypeRef.Scalar s && s.kind() == TypeRef.Kind.STRING) {
      b.add(".asPathSegment()");
    }
    return b.build();
  }

  /** The default as a literal of the param's Java type, so the builder's field takes it as it is. */
  static CodeBlock defaultLiteral(TypeRef type, Object value) {
    String lit = JavaTypes.literal(type, value);
    return lit != null ? Inline.of("$L", lit) : Inline.of("$S", String.valueOf(value));
  }

  /** Kind and, for tables, the shape of elements or fields; a model met again inside itself is left open. */
  private CodeBlock shape(String name, TypeRef t, Set<String> visiting) {
    if (t instanceof TypeRef.ModelRef ref && !visiting.contains(ref.name())) {
      visiting.add(ref.name());
      Model model = spec.models().get(ref.name());
      List<CodeBlock> fields = new ArrayList<>();
      for (Field f : model.fields()) {
        if (f.aliasOf().isEmpty()) fields.add(shape(f.name(), f.type(), visiting));
      }
      visiting.remove(ref.name());
      return Inline.of("$T.of($S, $T.MODEL).fields($L)", CONSTRAINT, name, KIND, CodeBlock.join(fields, ", "));
    }
    if (t instanceof TypeRef.ListOf l) {
      return Inline.of("$T.of($S, $T.LIST).element($L)", CONSTRAINT, name, KIND, shape("item", l.element(), visiting));
    }
    if (t instanceof TypeRef.MapOf mp) {
      return Inline.of("$T.of($S, $T.MAP).element($L)", CONSTRAINT, name, KIND, shape("value", mp.value(), visiting));
    }
    return Inline.of("$T.of($S, $T.$L)", CONSTRAINT, name, KIND, kind(t));
  }

  private static String kind(TypeRef t) {
    if (!(t instanceof TypeRef.Scalar s)) return "OBJECT";
    return s.kind() == TypeRef.Kind.TIMESTAMP ? "INTEGER" : s.kind().name();
  }
}
