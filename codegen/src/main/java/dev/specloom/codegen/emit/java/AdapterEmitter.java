package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.specloom.model.Field;
import dev.specloom.model.Model;
import dev.specloom.model.Spec;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A Moshi {@code JsonAdapter} per model, and the SDK's {@code JsonAdapter.Factory} of them that the client registers,
 * so no model is read or written by reflection. Each adapter does what Moshi's reflective class adapter did for the
 * same class, field by field: every field through the adapter Moshi gives for its declared type (so scalars, lists,
 * maps, nested models and free-form objects decode, and fail with the same message and JSON path, as before), JSON
 * null stores null, an absent key leaves the field null, unknown keys are skipped, a repeated key keeps the last
 * value, and encoding writes the fields in the order of their JSON names (the reflective adapter's order).
 */
final class AdapterEmitter {
  private static final String MOSHI_PACKAGE = "com.squareup.moshi";
  private static final ClassName MOSHI = ClassName.get(MOSHI_PACKAGE, "Moshi");
  private static final ClassName JSON_ADAPTER = ClassName.get(MOSHI_PACKAGE, "JsonAdapter");
  private static final ClassName JSON_READER = ClassName.get(MOSHI_PACKAGE, "JsonReader");
  private static final ClassName JSON_WRITER = ClassName.get(MOSHI_PACKAGE, "JsonWriter");
  private static final ClassName TYPES = ClassName.get(MOSHI_PACKAGE, "Types");

  private final JavaNames names;
  private final JavaTypes types;

  AdapterEmitter(JavaNames names, JavaTypes types) {
    this.names = names;
    this.types = types;
  }

  /** The adapter class of a model: {@code <Model>JsonAdapter}, beside the model. */
  ClassName adapter(String model) {
    return ClassName.get(names.modelPackage(), model + "JsonAdapter");
  }

  /** The SDK's factory: {@code <Title>JsonAdapters}, in the model package. */
  static ClassName factory(JavaNames names, Spec spec) {
    return ClassName.get(names.modelPackage(), JavaNames.titleName(spec.title()) + "JsonAdapters");
  }

  TypeSpec emit(Model model) {
    ClassName self = names.model(model.name());
    ClassName adapter = adapter(model.name());
    List<Field> stored = model.fields().stream().filter(f -> f.aliasOf().isEmpty()).toList();

    TypeSpec.Builder type = TypeSpec.classBuilder(adapter).addModifiers(Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(JSON_ADAPTER, self))
        .addJavadoc("Reads and writes {@link $T} without reflection. Generated from the spec; do not edit.\n", self);
    CodeBlock.Builder options = CodeBlock.builder().add("$T.Options.of(", JSON_READER);
    for (int i = 0; i < stored.size(); i++) options.add(i == 0 ? "$S" : ", $S", stored.get(i).wire());
    type.addField(FieldSpec.builder(JSON_READER.nestedClass("Options"), "NAMES",
        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(options.add(")").build()).build());

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(MOSHI, "moshi");
    MethodSpec.Builder fromJson = MethodSpec.methodBuilder("fromJson").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(self).addParameter(JSON_READER, "reader").addException(IOException.class)
        .addStatement("$T model = new $T()", self, self)
        .addStatement("reader.beginObject()")
        .beginControlFlow("while (reader.hasNext())")
        .beginControlFlow("switch (reader.selectName(NAMES))");
    for (int i = 0; i < stored.size(); i++) {
      Field f = stored.get(i);
      String member = JavaNames.member(f.name());
      TypeName t = types.of(f.type());
      String field = member + "Adapter";
      type.addField(ParameterizedTypeName.get(JSON_ADAPTER, t), field, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement(Inline.of("this.$N = moshi.adapter($L)", field, reflectType(t)));
      fromJson.addStatement(Inline.of("case $L -> model.$N = this.$N.fromJson(reader)", i, member, field));
    }
    fromJson.beginControlFlow("default ->")
        .addStatement("reader.skipName()")
        .addStatement("reader.skipValue()")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .addStatement("reader.endObject()")
        .addStatement("return model");

    MethodSpec.Builder toJson = MethodSpec.methodBuilder("toJson").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(JSON_WRITER, "writer").addParameter(self, "model")
        .addException(IOException.class)
        .addStatement("writer.beginObject()");
    for (Field f : stored.stream().sorted(Comparator.comparing(Field::wire)).toList()) {
      String member = JavaNames.member(f.name());
      toJson.addStatement("writer.name($S)", f.wire())
          .addStatement(Inline.of("this.$N.toJson(writer, model.$N)", member + "Adapter", member));
    }
    toJson.addStatement("writer.endObject()");

    return type.addMethod(constructor.build()).addMethod(fromJson.build()).addMethod(toJson.build())
        .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(String.class).addStatement("return $S", "GeneratedJsonAdapter(" + self.simpleName() + ")").build())
        .build();
  }

  /** The factory the client adds to its Moshi: each model's adapter, null-safe, for the unqualified model type. */
  TypeSpec factory(Spec spec) {
    ClassName factory = factory(names, spec);
    ClassName factoryType = JSON_ADAPTER.nestedClass("Factory");
    MethodSpec.Builder create = MethodSpec.methodBuilder("create").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(JSON_ADAPTER, WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(Type.class, "type")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Set.class),
            WildcardTypeName.subtypeOf(Annotation.class)), "annotations")
        .addParameter(MOSHI, "moshi")
        .addStatement("if (!annotations.isEmpty()) return null");
    for (Model m : spec.models().values()) {
      create.addStatement("if (type == $T.class) return new $T(moshi).nullSafe()", names.model(m.name()), adapter(m.name()));
    }
    return TypeSpec.classBuilder(factory).addModifiers(Modifier.PUBLIC, Modifier.FINAL).addSuperinterface(factoryType)
        .addJavadoc(Inline.of("The generated JSON adapters of every $L model. Generated from the spec; do not edit.\n",
            JavaNames.doc(spec.title())))
        .addField(FieldSpec.builder(factoryType, "FACTORY", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", factory).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(create.addStatement("return null").build())
        .build();
  }

  /** A {@link Type} expression for a Java type: a class literal, or {@code Types.newParameterizedType(...)}. */
  private static CodeBlock reflectType(TypeName t) {
    if (t instanceof ParameterizedTypeName p) {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.newParameterizedType($T.class", TYPES, p.rawType());
      for (TypeName arg : p.typeArguments()) b.add(Inline.of(", $L", reflectType(arg)));
      return b.add(")").build();
    }
    return Inline.of("$T.class", t);
  }
}
