package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specloom.model.Function;
import dev.specloom.model.Names;
import dev.specloom.model.PaginatedIndex;
import dev.specloom.model.Pagination;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import java.util.LinkedHashMap;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * One immutable params class per function, holding the function's constraint table ({@code CONSTRAINTS}). Its
 * builder takes the defaults from the table and, in {@code build()}, checks the values against it (required keys,
 * ranges, lengths, allowed values, path segments, date formats, dependencies); {@code writeTo} puts each value on
 * the wire under its wire name.
 */
final class ParamsEmitter {
  static final ClassName VALIDATE = ClassName.get("dev.specloom.runtime", "Validate");
  static final ClassName WIRE = ClassName.get("dev.specloom.runtime", "WireRequest");

  private final JavaNames names;
  private final JavaTypes types;
  private final PaginatedIndex pages;
  private final ConstraintTableEmitter constraints;

  ParamsEmitter(Spec spec, JavaNames names, JavaTypes types, PaginatedIndex pages) {
    this.names = names;
    this.types = types;
    this.pages = pages;
    this.constraints = new ConstraintTableEmitter(spec);
  }

  TypeSpec emit(Function fn) {
    ClassName self = names.params(fn.name());
    ClassName builder = self.nestedClass("Builder");
    TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Inline.of("Params of {@link $T#$L}: $L\n", names.client(), Names.lowerCamel(fn.name()),
            JavaNames.doc(fn.summary())))
        .addJavadoc("\n<p>Generated from the spec; do not edit.\n")
        .addField(FieldSpec.builder(ConstraintTableEmitter.TABLE, "CONSTRAINTS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("What each param may hold: read by the builder (defaults, checks) and by the Lua glue.\n")
            .initializer(constraints.table(fn)).build());
    TypeSpec.Builder builderType = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(builder, "b");
    MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
        .addJavadoc("A builder holding these values, to derive other params (the next page, say).\n")
        .returns(builder).addStatement("$T b = new $T()", builder, builder);
    MethodSpec.Builder build = MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
        .addJavadoc("@throws IllegalArgumentException naming the param when a value is missing or out of bounds\n");

    for (Param p : fn.params()) {
      String m = JavaNames.member(p.name());
      TypeName t = types.of(p.type());
      type.addField(FieldSpec.builder(t, m, Modifier.PRIVATE, Modifier.FINAL).build());
      ctor.addStatement(Inline.of("this.$N = $L", m, copy(p, "b." + m)));
      toBuilder.addStatement(Inline.of("b.$N = $N", m, m));
      type.addMethod(MethodSpec.methodBuilder(m).addModifiers(Modifier.PUBLIC).returns(t)
          .addJavadoc(Inline.of("$L\n", JavaNames.doc(p.description()))).addStatement(Inline.of("return $N", m)).build());

      FieldSpec.Builder bf = FieldSpec.builder(t, m, Modifier.PRIVATE);
      if (p.defaultValue().isPresent()) bf.initializer("CONSTRAINTS.defaultOf($S, $T.class)", p.name(), t);
      builderType.addField(bf.build());
      builderType.addMethod(MethodSpec.methodBuilder(m).addModifiers(Modifier.PUBLIC).returns(builder)
          .addParameter(t, m).addJavadoc(Inline.of("$L\n", paramDoc(p)))
          .addStatement(Inline.of("this.$N = $L", m, canonical(p, m))).addStatement("return this").build());
      if (p.type() instanceof TypeRef.MapOf map) {
        TypeName value = types.of(map.value());
        builderType.addMethod(MethodSpec.methodBuilder("put" + Names.upperCamel(p.name()))
            .addModifiers(Modifier.PUBLIC).returns(builder)
            .addParameter(String.class, "key").addParameter(value, "value")
            .addJavadoc(Inline.of("Adds one entry to {@code $L}.\n", p.name()))
            .addStatement(Inline.of("if (this.$N == null) this.$N = new $T<>()", m, m, LinkedHashMap.class))
            .addStatement(Inline.of("this.$N.put(key, value)", m)).addStatement("return this").build());
      }
    }
    if (!fn.params().isEmpty()) {
      build.addStatement(Inline.of("$T.check(CONSTRAINTS, $L)", VALIDATE,
          fn.params().stream().map(p -> Inline.of("$N", JavaNames.member(p.name()))).collect(CodeBlock.joining(", "))));
    }
    build.addStatement("return new $T(this)", self);
    builderType.addMethod(build.build());

    type.addMethod(ctor.build());
    type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder).addStatement("return new $T()", builder).build());
    List<Param> required = fn.params().stream().filter(Param::required).toList();
    if (!required.isEmpty()) type.addMethod(of(self, required));
    type.addMethod(toBuilder.addStatement("return b").build());
    type.addMethod(writeTo(fn));
    ModelEmitter.ValueMethods.add(type, self, fn.params().stream().map(p -> JavaNames.member(p.name())).toList());
    type.addType(builderType.build());
    return type.build();
  }

  private MethodSpec of(ClassName self, List<Param> required) {
    MethodSpec.Builder of = MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self).addJavadoc("Params with the required values set and everything else left at its default.\n");
    CodeBlock.Builder chain = CodeBlock.builder().add("return builder()");
    for (Param p : required) {
      String m = JavaNames.member(p.name());
      of.addParameter(types.of(p.type()), m);
      chain.add(Inline.of(".$N($N)", m, m));
    }
    return of.addStatement(Inline.of("$L.build()", chain.build())).build();
  }

  /** The value as set, or, for an enum with other spellings or refused values, the allowed value it stands for. */
  private static CodeBlock canonical(Param p, String m) {
    if (p.valueAliases().isEmpty() && p.refusedValues().isEmpty()) return Inline.of("$N", m);
    return Inline.of("$T.canonical(CONSTRAINTS, $S, $N)", VALIDATE, p.name(), m);
  }

  private static CodeBlock copy(Param p, String expr) {
    if (p.type() instanceof TypeRef.MapOf || p.type() instanceof TypeRef.Scalar s && s.kind() == TypeRef.Kind.OBJECT) {
      return Inline.of("$L == null ? null : $T.unmodifiableMap(new $T<>($L))", expr, java.util.Collections.class,
          LinkedHashMap.class, expr);
    }
    if (p.type() instanceof TypeRef.ListOf) return Inline.of("$L == null ? null : $T.copyOf($L)", expr, List.class, expr);
    return Inline.of("$L", expr);
  }

  static String paramDoc(Param p) {
    StringBuilder b = new StringBuilder(JavaNames.doc(p.description()));
    if (p.required()) b.append(" Required.");
    p.defaultValue().ifPresent(d -> b.append(" Default: ").append(JavaNames.doc(String.valueOf(d))).append('.'));
    p.serverDefault().ifPresent(d -> b.append(" The provider assumes ").append(JavaNames.doc(String.valueOf(d))).append(" when omitted."));
    if (p.min().isPresent() || p.max().isPresent()) {
      b.append(" Range: ").append(p.min().map(ParamsEmitter::num).orElse("")).append("..")
          .append(p.max().map(ParamsEmitter::num).orElse("")).append('.');
    }
    if (!p.allowed().isEmpty()) b.append(" One of: ").append(JavaNames.doc(String.join(", ", p.allowed()))).append('.');
    p.valueAliases().forEach((v, meant) -> b.append(" \"").append(JavaNames.doc(v)).append("\" means ")
        .append(JavaNames.doc(meant)).append('.'));
    p.deprecated().ifPresent(d -> b.append(" <b>Deprecated:</b> ").append(JavaNames.doc(d)));
    return b.toString();
  }

  private MethodSpec writeTo(Function fn) {
    MethodSpec.Builder w = MethodSpec.methodBuilder("writeTo").addParameter(WIRE, "w")
        .addJavadoc("Puts every non-path value on the wire under its wire name.\n");
    fn.http().bodyRoot().ifPresent(root -> w.addStatement("w.bodyRoot($S)", root));
    for (Param p : fn.params()) {
      String m = JavaNames.member(p.name());
      if (!p.wireValues().isEmpty()) {
        CodeBlock entries = p.wireValues().entrySet().stream().map(e -> Inline.of("$S, $S", e.getKey(), e.getValue()))
            .collect(CodeBlock.joining(", "));
        w.addStatement(Inline.of("$T $NWire = $N == null ? null : $T.<$T, $T>of($L).getOrDefault($N, $N)", String.class, m, m,
            java.util.Map.class, String.class, String.class, entries, m, m));
        m = m + "Wire";
      }
      if (pages.sendsAsOffset(fn, p)) {
        Pagination pg = pages.of(fn).orElseThrow().pagination();
        String limit = JavaNames.member(pg.limitParam().orElseThrow());
        w.beginControlFlow(Inline.of("if ($N != null && $N != null)", m, limit))
            .addStatement(Inline.of("w.query($S, ($N - 1) * $N)", pg.offsetWire().orElseThrow(), m, limit))
            .endControlFlow();
        continue;
      }
      switch (p.in()) {
        case PATH, CLIENT -> { }
        case QUERY -> {
          if (p.template().isPresent()) w.addStatement(Inline.of("w.queryTemplate($S, $S, $N)", p.wire(), p.template().get(), m));
          else w.addStatement(Inline.of("w.query($S, $N)", p.wire(), m));
        }
        case BODY -> w.addStatement(Inline.of("w.body($S, $N)", p.wire(), m));
        case HEADER -> w.addStatement(Inline.of("w.header($S, $N)", p.wire(), m));
      }
    }
    return w.build();
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
