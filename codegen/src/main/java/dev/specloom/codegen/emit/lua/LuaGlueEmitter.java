package dev.specloom.codegen.emit.lua;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.specloom.codegen.emit.GeneratedFile;
import dev.specloom.codegen.emit.InParallel;
import dev.specloom.codegen.emit.java.CodeLiterals;
import dev.specloom.codegen.emit.java.Inline;
import dev.specloom.codegen.emit.java.JavaNames;
import dev.specloom.codegen.emit.java.JavaSdkEmitter;
import dev.specloom.codegen.emit.java.JavaTypes;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.Names;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The Lua glue of one provider: a {@code ProviderBinding} whose functions carry their params classes' constraint
 * tables, whose {@code params} sets the typed params builder from a script's converted arguments (the builder
 * applies defaults and checks, once), whose {@code call} calls the typed client, and whose converters turn typed
 * results into plain tables. Plain generated code: no reflection at call time.
 */
public final class LuaGlueEmitter {
  public static final String PACKAGE = "dev.specloom.lua.glue";
  private static final String BRIDGE = "dev.specloom.lua.bridge";
  private static final ClassName FUNCTION_SPEC = ClassName.get(BRIDGE, "FunctionSpec");
  private static final ClassName BINDING = ClassName.get(BRIDGE, "ProviderBinding");
  private static final ClassName LUA_VALUES = ClassName.get(BRIDGE, "LuaValues");
  private static final ClassName LUA_VALUE = ClassName.get("org.luaj.vm2", "LuaValue");
  private static final ClassName LUA_TABLE = ClassName.get("org.luaj.vm2", "LuaTable");
  private static final ClassName OK_HTTP = ClassName.get("okhttp3", "OkHttpClient");
  private static final TypeName CONFIGURE = ParameterizedTypeName.get(ClassName.get(java.util.function.Consumer.class),
      ParameterizedTypeName.get(ClassName.get("dev.specloom.runtime", "ClientBuilder"),
          WildcardTypeName.subtypeOf(Object.class), WildcardTypeName.subtypeOf(Object.class)));
  private static final TypeName ARGS = ParameterizedTypeName.get(Map.class, String.class, Object.class);
  private static final TypeName STRINGS = ParameterizedTypeName.get(Map.class, String.class, String.class);
  /** Where the Lua host's {@code ServiceLoader} finds the glue: the services file of {@code ProviderBinding}. */
  public static final String SERVICES = "META-INF/services/" + BINDING.canonicalName();

  private final Spec spec;
  private final JavaNames names;
  private final JavaTypes types;
  private final ClassName binding;

  public LuaGlueEmitter(Spec spec) {
    this.spec = spec;
    this.names = new JavaNames(spec);
    this.types = new JavaTypes(names);
    this.binding = bindingClass(spec);
  }

  public static ClassName bindingClass(Spec spec) {
    return ClassName.get(PACKAGE, JavaNames.titleName(spec.title()) + "Binding");
  }

  /** Every provider's binding, and the services entry the host discovers them by. */
  public static List<GeneratedFile> generated(List<Spec> specs) {
    List<GeneratedFile> files = new ArrayList<>(InParallel.map(specs, s -> JavaSdkEmitter.source(new LuaGlueEmitter(s).file())));
    files.add(services(specs));
    return files;
  }

  /**
   * The services entry that lists every spec's binding, one class per line in spec order, so the host discovers
   * the glue at run time and never names a provider.
   */
  private static GeneratedFile services(List<Spec> specs) {
    StringBuilder text = new StringBuilder();
    for (Spec s : specs) text.append(bindingClass(s).canonicalName()).append('\n');
    return GeneratedFile.resource(SERVICES, text.toString());
  }

  public JavaFile file() {
    return JavaFile.builder(PACKAGE, type()).skipJavaLangImports(true).indent("  ").build();
  }

  private TypeSpec type() {
    TypeSpec.Builder t = TypeSpec.classBuilder(binding).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(BINDING)
        .addJavadoc(Inline.of("Lua glue for $L. Generated from the spec; do not edit.\n", JavaNames.doc(spec.title())));
    CodeBlock.Builder functions = CodeBlock.builder().add("$T.of(", List.class).indent();
    for (int i = 0; i < spec.functions().size(); i++) {
      Function f = spec.functions().get(i);
      functions.add(i == 0 ? "\n" : ",\n").add(Inline.of("new $T($S, $T.of($L), $L, $T.CONSTRAINTS)", FUNCTION_SPEC, f.name(), List.class,
          f.aliases().stream().map(a -> Inline.of("$S", a)).collect(CodeBlock.joining(", ")), f.isWrite(), names.params(f.name())));
    }
    functions.unindent().add(")");
    t.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), FUNCTION_SPEC), "FUNCTIONS",
        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(functions.build()).build());
    t.addMethod(MethodSpec.methodBuilder("provider").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return $S", spec.provider()).build());
    t.addMethod(MethodSpec.methodBuilder("functions").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), FUNCTION_SPEC)).addStatement("return FUNCTIONS").build());
    t.addMethod(names("settings", spec.settings().keySet()));
    t.addMethod(names("credentials", spec.credentials().keySet()));
    if (!spec.credentialAliases().isEmpty()) {
      t.addMethod(MethodSpec.methodBuilder("credentialAliases").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(STRINGS).addStatement(Inline.of("return $L", CodeLiterals.stringMap(spec.credentialAliases()))).build());
    }
    t.addMethod(MethodSpec.methodBuilder("connect").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(Object.class).addParameter(STRINGS, "credentials").addParameter(STRINGS, "settings")
        .addParameter(String.class, "baseUrl").addParameter(OK_HTTP, "http").addParameter(CONFIGURE, "configure")
        .addStatement("$T b = $T.builder().httpClient(http)", names.client().nestedClass("Builder"), names.client())
        .addStatement("credentials.forEach(b::credential)")
        .addStatement("settings.forEach(b::setting)")
        .addStatement("if (baseUrl != null) b.baseUrl(baseUrl)")
        .addStatement("configure.accept(b)")
        .addStatement("return b.build()").build());
    t.addMethod(params());
    t.addMethod(call());
    Set<String> inputs = inputModels();
    for (Model m : spec.models().values()) {
      t.addMethod(toLua(m));
      if (inputs.contains(m.name())) t.addMethod(fromLua(m));
    }
    return t.build();
  }

  private static MethodSpec names(String method, Set<String> values) {
    return MethodSpec.methodBuilder(method).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Set.class, String.class))
        .addStatement(Inline.of("return $T.of($L)", Set.class, values.stream().map(v -> Inline.of("$S", v)).collect(CodeBlock.joining(", "))))
        .build();
  }

  /** The typed params from converted arguments: only the keys a script gave are set, so builder defaults stay. */
  private MethodSpec params() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("params").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .returns(Object.class).addParameter(String.class, "function").addParameter(ARGS, "a")
        .beginControlFlow("switch (function)");
    for (Function f : spec.functions()) {
      ClassName builder = names.params(f.name()).nestedClass("Builder");
      m.beginControlFlow("case $S:", f.name()).addStatement("$T b = $T.builder()", builder, names.params(f.name()));
      for (Param p : f.params()) {
        m.addStatement(Inline.of("if (a.containsKey($S)) b.$N($L)", p.name(), JavaNames.member(p.name()),
            fromArg(p.type(), Inline.of("a.get($S)", p.name()))));
      }
      m.addStatement("return b.build()").endControlFlow();
    }
    return m.addStatement("default: throw new $T($S + function)", IllegalArgumentException.class, "no function ")
        .endControlFlow().build();
  }

  private MethodSpec call() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("call").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(LUA_VALUE).addParameter(Object.class, "client").addParameter(String.class, "function")
        .addParameter(Object.class, "params")
        .addStatement("$T c = ($T) client", names.client(), names.client())
        .beginControlFlow("switch (function)");
    for (Function f : spec.functions()) {
      CodeBlock invoke = Inline.of("c.$N(($T) params)", Names.lowerCamel(f.name()), names.params(f.name()));
      m.addStatement(Inline.of("case $S: return $L", f.name(), f.http().raw() ? Inline.of("$T.of($L)", LUA_VALUES, invoke)
          : toLuaExpr(f.returns().type(), invoke)));
    }
    return m.addStatement("default: throw new $T($S + function)", IllegalArgumentException.class, "no function ")
        .endControlFlow().build();
  }

  /** Converts a validated argument (String, Long, Double, Boolean, Map, List) to the params' Java type. */
  private CodeBlock fromArg(TypeRef t, CodeBlock expr) {
    if (t instanceof TypeRef.ModelRef ref) {
      return Inline.of("$L == null ? null : $N(($T) $L)", expr, fromLuaName(ref.name()), ARGS, expr);
    }
    if (t instanceof TypeRef.ListOf l && l.element() instanceof TypeRef.ModelRef ref) {
      return Inline.of("$L == null ? null : (($T<$T>) $L).stream().map($T.class::cast).map($T::$N).toList()", expr,
          List.class, Object.class, expr, Map.class, binding, fromLuaName(ref.name()));
    }
    return Inline.of("($T) $L", types.of(t), expr);
  }

  private CodeBlock toLuaExpr(TypeRef t, CodeBlock expr) {
    if (t instanceof TypeRef.ModelRef ref) return Inline.of("$N($L)", toLuaName(ref.name()), expr);
    if (t instanceof TypeRef.ListOf l && l.element() instanceof TypeRef.ModelRef ref) {
      return Inline.of("$T.list($L, $T::$N)", LUA_VALUES, expr, binding, toLuaName(ref.name()));
    }
    return Inline.of("$T.of($L)", LUA_VALUES, expr);
  }

  private MethodSpec toLua(Model m) {
    MethodSpec.Builder b = MethodSpec.methodBuilder(toLuaName(m.name())).addModifiers(Modifier.STATIC)
        .returns(LUA_VALUE).addParameter(names.model(m.name()), "m")
        .addStatement("if (m == null) return $T.NIL", LUA_VALUE)
        .addStatement("$T t = new $T()", LUA_TABLE, LUA_TABLE);
    for (Field f : m.fields()) {
      CodeBlock get = Inline.of("m.$N()", JavaNames.member(f.name()));
      b.addStatement(Inline.of("$T.put(t, $S, $L)", LUA_VALUES, f.name(), toLuaExpr(f.type(), get)));
    }
    return b.addStatement("return t").build();
  }

  private MethodSpec fromLua(Model m) {
    CodeBlock.Builder build = CodeBlock.builder().add("return $T.builder()", names.model(m.name()));
    for (Field f : m.fields()) {
      if (f.aliasOf().isPresent()) continue;
      build.add(Inline.of("\n    .$N($L)", JavaNames.member(f.name()), fromArg(f.type(), Inline.of("a.get($S)", f.name()))));
    }
    return MethodSpec.methodBuilder(fromLuaName(m.name())).addModifiers(Modifier.STATIC)
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .returns(names.model(m.name())).addParameter(ARGS, "a")
        .addStatement(Inline.of("$L.build()", build.build())).build();
  }

  /** Models that appear in params, directly or nested, and so need a Lua → Java converter. */
  private Set<String> inputModels() {
    Set<String> out = new HashSet<>();
    for (Function f : spec.functions()) {
      for (Param p : f.params()) collect(p.type(), out);
    }
    return out;
  }

  private void collect(TypeRef t, Set<String> out) {
    if (t instanceof TypeRef.ModelRef ref && out.add(ref.name())) {
      for (Field f : spec.models().get(ref.name()).fields()) collect(f.type(), out);
    } else if (t instanceof TypeRef.ListOf l) {
      collect(l.element(), out);
    } else if (t instanceof TypeRef.MapOf m) {
      collect(m.value(), out);
    }
  }

  private static String toLuaName(String model) {
    return Names.lowerCamel(model) + "ToLua";
  }

  private static String fromLuaName(String model) {
    return Names.lowerCamel(model) + "FromLua";
  }
}
