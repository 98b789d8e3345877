package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specloom.model.Field;
import dev.specloom.model.Model;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * A model: fields under their JSON keys (package-private, for the model's generated JSON adapter, see
 * {@link AdapterEmitter}), record-style accessors (lists and maps never null), a builder for callers that send
 * models, and value equality. Alias fields become accessors only.
 */
final class ModelEmitter {
  private static final ClassName JSON = ClassName.get("com.squareup.moshi", "Json");

  private final JavaNames names;
  private final JavaTypes types;
  private final AdapterEmitter adapters;

  ModelEmitter(JavaNames names, JavaTypes types, AdapterEmitter adapters) {
    this.names = names;
    this.types = types;
    this.adapters = adapters;
  }

  TypeSpec emit(Model model) {
    ClassName self = names.model(model.name());
    ClassName builder = self.nestedClass("Builder");
    List<Field> stored = model.fields().stream().filter(f -> f.aliasOf().isEmpty()).toList();

    TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    if (!model.description().isEmpty()) type.addJavadoc(Inline.of("$L\n", JavaNames.doc(model.description())));
    type.addJavadoc("\n<p>Generated from the spec; do not edit.\n");

    MethodSpec.Builder fromBuilder = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "b");
    TypeSpec.Builder builderType = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    MethodSpec.Builder toBuilder = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
        .returns(builder).addStatement("$T b = new $T()", builder, builder);

    for (Field f : stored) {
      String member = JavaNames.member(f.name());
      TypeName t = types.of(f.type());
      type.addField(FieldSpec.builder(t, member)
          .addAnnotation(AnnotationSpec.builder(JSON).addMember("name", "$S", f.wire()).build()).build());
      fromBuilder.addStatement(Inline.of("this.$N = b.$N", member, member));
      toBuilder.addStatement(Inline.of("b.$N = $N", member, member));
      type.addMethod(accessor(f, member, t, member));
      builderType.addField(t, member, Modifier.PRIVATE);
      MethodSpec.Builder setter = MethodSpec.methodBuilder(member).addModifiers(Modifier.PUBLIC)
          .addParameter(t, member).returns(builder)
          .addStatement(Inline.of("this.$N = $N", member, member)).addStatement("return this");
      if (!f.description().isEmpty()) setter.addJavadoc(Inline.of("$L\n", JavaNames.doc(f.description())));
      builderType.addMethod(setter.build());
    }
    for (Field f : model.fields()) {
      if (f.aliasOf().isEmpty()) continue;
      Field target = stored.stream().filter(s -> s.name().equals(f.aliasOf().get())).findFirst().orElseThrow();
      type.addMethod(accessor(f, JavaNames.member(f.name()), types.of(target.type()), JavaNames.member(target.name())));
    }
    builderType.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(self)
        .addStatement("return new $T(this)", self).build());

    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("For {@link $T}.\n", adapters.adapter(model.name())).build());
    type.addMethod(fromBuilder.build());
    type.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder).addStatement("return new $T()", builder).build());
    type.addMethod(toBuilder.addStatement("return b").build());
    ValueMethods.add(type, self, stored.stream().map(f -> JavaNames.member(f.name())).toList());
    type.addType(builderType.build());
    return type.build();
  }

  private MethodSpec accessor(Field f, String name, TypeName t, String field) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(t);
    String doc = f.description().isEmpty() ? "" : JavaNames.doc(f.description());
    if (f.aliasOf().isPresent()) doc = (doc.isEmpty() ? "" : doc + " ") + "Same value as {@link #" + field + "()}.";
    if (!doc.isEmpty()) m.addJavadoc(Inline.of("$L\n", doc));
    if (JavaTypes.isList(f.type())) {
      m.addStatement(Inline.of("return $N == null ? $T.of() : $N", field, List.class, field));
    } else if (JavaTypes.isMap(f.type())) {
      m.addStatement(Inline.of("return $N == null ? $T.of() : $N", field, java.util.Map.class, field));
    } else {
      m.addStatement(Inline.of("return $N", field));
    }
    return m.build();
  }

  /** equals, hashCode and toString over the given fields. */
  static final class ValueMethods {
    private ValueMethods() {}

    static void add(TypeSpec.Builder type, ClassName self, List<String> fields) {
      MethodSpec.Builder equals = MethodSpec.methodBuilder("equals").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(boolean.class).addParameter(Object.class, "o")
          .addStatement("if (this == o) return true")
          .addStatement("if (!(o instanceof $T)) return false", self);
      if (fields.isEmpty()) {
        equals.addStatement("return true");
      } else {
        equals.addStatement("$T that = ($T) o", self, self);
        CodeBlock.Builder cmp = CodeBlock.builder();
        for (int i = 0; i < fields.size(); i++) {
          cmp.add(i == 0 ? "" : "\n    && ").add(Inline.of("$T.equals($N, that.$N)", Objects.class, fields.get(i), fields.get(i)));
        }
        equals.addStatement(Inline.of("return $L", cmp.build()));
      }
      type.addMethod(equals.build());
      type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(int.class)
          .addStatement(Inline.of("return $T.hash($L)", Objects.class, String.join(", ", fields))).build());
      CodeBlock.Builder str = CodeBlock.builder().add("$S", self.simpleName() + "{");
      for (int i = 0; i < fields.size(); i++) {
        str.add(Inline.of(" + $S + $N", (i == 0 ? "" : ", ") + fields.get(i) + "=", fields.get(i)));
      }
      type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(String.class)
          .addStatement(Inline.of("return $L + $S", str.build(), "}")).build());
    }
  }
}
