package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specloom.model.Function;
import dev.specloom.model.HttpBindingIndex;
import dev.specloom.model.Names;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The Retrofit interface: one method per function and per alternative route. Every method takes its path
 * values, the pre-encoded query and the headers; methods that send a body take a ready {@code RequestBody}.
 */
final class ServiceEmitter {
  private static final String RETROFIT = "retrofit2.http";
  private static final ClassName CALL = ClassName.get("retrofit2", "Call");
  private static final ClassName REQUEST_BODY = ClassName.get("okhttp3", "RequestBody");
  private static final ClassName RESULT_PATH = ClassName.get("dev.specloom.runtime", "ResultPath");
  private static final TypeName STRING_MAP = ParameterizedTypeName.get(Map.class, String.class, String.class);

  private final JavaNames names;
  private final JavaTypes types;
  private final HttpBindingIndex http;

  ServiceEmitter(JavaNames names, JavaTypes types, HttpBindingIndex http) {
    this.names = names;
    this.types = types;
    this.http = http;
  }

  TypeSpec emit(List<Function> functions) {
    TypeSpec.Builder service = TypeSpec.interfaceBuilder(names.service())
        .addJavadoc("Retrofit view of the provider's HTTP API. Generated from the spec; do not edit.\n");
    for (Function fn : functions) {
      if (Raw.is(fn)) continue;
      for (HttpBindingIndex.Route r : http.of(fn).routes()) service.addMethod(method(fn, r));
    }
    return service.build();
  }

  /** The Java method of a route: the function's own, or its route method. */
  static String methodName(Function fn, HttpBindingIndex.Route r) {
    return r.when().map(w -> JavaNames.routeMethod(fn.name(), w)).orElseGet(() -> Names.lowerCamel(fn.name()));
  }

  private MethodSpec method(Function fn, HttpBindingIndex.Route route) {
    String relative = route.path().substring(1);
    boolean body = http.of(fn).hasBody();
    AnnotationSpec http = fn.http().method().equals("DELETE") && body
        ? AnnotationSpec.builder(ClassName.get(RETROFIT, "HTTP")).addMember("method", "$S", "DELETE")
            .addMember("path", "$S", relative).addMember("hasBody", "true").build()
        : AnnotationSpec.builder(ClassName.get(RETROFIT, fn.http().method())).addMember("value", "$S", relative).build();
    MethodSpec.Builder m = MethodSpec.methodBuilder(methodName(fn, route)).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addAnnotation(http)
        .returns(ParameterizedTypeName.get(CALL, types.of(fn.returns().type()).box()));
    fn.returns().from().ifPresent(from -> m.addAnnotation(
        AnnotationSpec.builder(RESULT_PATH).addMember("value", "$S", from).build()));
    for (String p : route.placeholders()) {
      m.addParameter(ParameterSpec.builder(String.class, JavaNames.member(p))
          .addAnnotation(AnnotationSpec.builder(ClassName.get(RETROFIT, "Path")).addMember("value", "$S", p).build())
          .build());
    }
    m.addParameter(ParameterSpec.builder(STRING_MAP, "query")
        .addAnnotation(AnnotationSpec.builder(ClassName.get(RETROFIT, "QueryMap")).addMember("encoded", "true").build())
        .build());
    m.addParameter(ParameterSpec.builder(STRING_MAP, "headers")
        .addAnnotation(ClassName.get(RETROFIT, "HeaderMap")).build());
    if (body) {
      m.addParameter(ParameterSpec.builder(REQUEST_BODY, "body").addAnnotation(ClassName.get(RETROFIT, "Body")).build());
    }
    return m.build();
  }
}
