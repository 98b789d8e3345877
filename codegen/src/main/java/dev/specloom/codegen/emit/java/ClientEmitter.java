package dev.specloom.codegen.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specloom.model.AuthScheme;
import dev.specloom.model.Function;
import dev.specloom.model.HttpBindingIndex;
import dev.specloom.model.Names;
import dev.specloom.model.PaginatedIndex;
import dev.specloom.model.Pagination;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * The client: a builder with one method per credential and setting, one blocking method per function, the
 * same set under {@code async()} returning {@link CompletableFuture}, and auto-paging for list functions.
 */
final class ClientEmitter {
  private static final String RUNTIME = "dev.specloom.runtime";
  private static final ClassName API_CORE = ClassName.get(RUNTIME, "ApiCore");
  private static final ClassName PROVIDER_INFO = ClassName.get(RUNTIME, "ProviderInfo");
  private static final ClassName CLIENT_BUILDER = ClassName.get(RUNTIME, "ClientBuilder");
  private static final ClassName REQUEST_OPTIONS = ClassName.get(RUNTIME, "RequestOptions");
  private static final ClassName PAGES = ClassName.get(RUNTIME, "Pages");
  private static final ClassName CALL = ClassName.get("retrofit2", "Call");

  private final Spec spec;
  private final JavaNames names;
  private final JavaTypes types;
  private final HttpBindingIndex http;
  private final PaginatedIndex pages;

  ClientEmitter(Spec spec, JavaNames names, JavaTypes types, HttpBindingIndex http, PaginatedIndex pages) {
    this.spec = spec;
    this.names = names;
    this.types = types;
    this.http = http;
    this.pages = pages;
  }

  TypeSpec emit() {
    ClassName client = names.client();
    ClassName builder = client.nestedClass("Builder");
    ClassName async = client.nestedClass("Async");
    TypeSpec.Builder type = TypeSpec.classBuilder(client).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(Inline.of("$L client. $L\n", JavaNames.doc(spec.title()), JavaNames.doc(spec.summary())))
        .addJavadoc(Inline.of("\n<pre>{@code\n$T client = $T.builder()$L.build();\n}</pre>\n", client, client, exampleCredentials()))
        .addJavadoc(Inline.of("\n<p>Thread-safe; share one instance. Generated from $L; do not edit.\n",
            JavaNames.doc(java.nio.file.Path.of(spec.sourceFile()).getFileName().toString())))
        .addField(FieldSpec.builder(PROVIDER_INFO, "PROVIDER", Modifier.STATIC, Modifier.FINAL)
            .initializer(providerInfo()).build())
        .addField(API_CORE, "core", Modifier.PRIVATE, Modifier.FINAL)
        .addField(names.service(), "service", Modifier.PRIVATE, Modifier.FINAL)
        .addField(FieldSpec.builder(async, "async", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", async).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(API_CORE, "core")
            .addStatement("this.core = core")
            .addStatement("this.service = core.service($T.class)", names.service()).build())
        .addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder).addStatement("return new $T()", builder).build())
        .addMethod(MethodSpec.methodBuilder("withOptions").addModifiers(Modifier.PUBLIC).returns(client)
            .addParameter(REQUEST_OPTIONS, "options")
            .addJavadoc("This client with retries, timeouts or the idempotency key overridden; connections are shared.\n")
            .addStatement("return new $T(core.withOptions(options))", client).build())
        .addMethod(MethodSpec.methodBuilder("async").addModifiers(Modifier.PUBLIC).returns(async)
            .addJavadoc("The same functions, returning {@link $T}.\n", CompletableFuture.class)
            .addStatement("return async").build());

    TypeSpec.Builder asyncType = TypeSpec.classBuilder(async).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Non-blocking variants; failures complete the future with the same exceptions.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    for (Function fn : spec.functions()) {
      String method = Names.lowerCamel(fn.name());
      ClassName params = names.params(fn.name());
      TypeName result = Raw.is(fn) ? ClassName.get(Object.class) : types.of(fn.returns().type());
      String doc = functionDoc(fn);
      boolean noRequired = fn.params().stream().noneMatch(Param::required);

      if (Raw.is(fn)) {
        type.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC).returns(result)
            .addParameter(params, "params").addJavadoc(Inline.of("$L", doc))
            .addStatement("return core.executeRaw($S, params.method(), params.path(), params.query(), params.headers(), params.body())",
                fn.name()).build());
        asyncType.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result))
            .addParameter(params, "params").addJavadoc(Inline.of("$L", doc))
            .addStatement("return core.executeRawAsync($S, params.method(), params.path(), params.query(), params.headers(), params.body())",
                fn.name())
            .build());
        continue;
      }
      HttpBindingIndex.Binding binding = http.of(fn);
      boolean filters = binding.filtersOnClient();
      boolean emptyOnNotFound = binding.emptyOnNotFound();
      CodeBlock execute = emptyOnNotFound
          ? Inline.of("core.execute($S, $NCall(params), $NWhenNotFound(params))", fn.name(), method, method)
          : Inline.of("core.execute($S, $NCall(params))", fn.name(), method);
      CodeBlock executeAsync = emptyOnNotFound
          ? Inline.of("core.executeAsync($S, $NCall(params), $NWhenNotFound(params))", fn.name(), method, method)
          : Inline.of("core.executeAsync($S, $NCall(params))", fn.name(), method);
      type.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC).returns(result)
          .addParameter(params, "params").addJavadoc(Inline.of("$L", doc))
          .addJavadoc("@throws $T when the provider answers with an error\n", ClassName.get(RUNTIME, "ProviderException"))
          .addJavadoc("@throws $T when no answer arrives in time or the connection fails\n", ClassName.get(RUNTIME, "TransportException"))
          .addJavadoc("@throws $T when the answer's body does not fit the result\n", ClassName.get(RUNTIME, "DecodeException"))
          .addStatement(filters ? Inline.of("return $NKept(params, $L)", method, execute) : Inline.of("return $L", execute))
          .build());
      if (emptyOnNotFound) type.addMethod(whenNotFound(fn, method, params, result));
      if (filters) type.addMethod(kept(fn, method, params, result));
      if (noRequired) {
        type.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC).returns(result)
            .addJavadoc(Inline.of("{@link #$N($T)} with default params.\n", method, params))
            .addStatement(Inline.of("return $N($T.builder().build())", method, params)).build());
      }
      type.addMethod(callMethod(fn, method, params, result));
      asyncType.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result.box()))
          .addParameter(params, "params").addJavadoc(Inline.of("$L", doc))
          .addStatement(filters ? Inline.of("return $L.thenApply(page -> $NKept(params, page))", executeAsync, method)
              : Inline.of("return $L", executeAsync))
          .build());
      pages.of(fn).ifPresent(paged -> paging(type, paged, method, params, result));
    }
    type.addType(asyncType.build());
    type.addType(builder(client, builder));
    return type.build();
  }

  private String exampleCredentials() {
    StringBuilder b = new StringBuilder();
    for (String c : spec.credentials().keySet()) {
      if (spec.auth().get(0).credentials().contains(c)) {
        b.append('.').append(JavaNames.member(c)).append("(System.getenv(\"")
            .append((spec.provider() + "_" + c).toUpperCase(java.util.Locale.ROOT)).append("\"))");
      }
    }
    for (Spec.BaseUrl u : spec.baseUrls()) {
      if (!u.when().isEmpty()) {
        u.when().forEach(w -> b.append('.').append(JavaNames.member(w)).append("(\"mycompany\")"));
        break;
      }
    }
    return b.toString();
  }

  private static String functionDoc(Function fn) {
    StringBuilder d = new StringBuilder(JavaNames.doc(fn.summary())).append('\n');
    if (!fn.description().isEmpty()) d.append("\n<p>").append(JavaNames.doc(fn.description())).append('\n');
    d.append("\n<p>").append(fn.isWrite() ? "Write" : "Read").append(" operation: {@code ")
        .append(fn.http().raw() ? "any method" : fn.http().method() + " " + JavaNames.doc(fn.http().path()))
        .append("}. Lua: {@code ").append(fn.name()).append("}.\n");
    return d.toString();
  }

  /** The empty page a search answers with when its path says 404 (nothing matches); null on other paths. */
  private MethodSpec whenNotFound(Function fn, String method, ClassName params, TypeName result) {
    Pagination pg = pages.of(fn).orElseThrow().pagination();
    MethodSpec.Builder m = MethodSpec.methodBuilder(method + "WhenNotFound").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Supplier.class), result)).addParameter(params, "params")
        .addJavadoc("What a 404 means on each path: an empty page on a search that found nothing, else an error (null).\n");
    CodeBlock.Builder empty = CodeBlock.builder().add(Inline.of("$T.builder().$N($T.of())", result, JavaNames.member(pg.items()), List.class));
    pg.hasMoreField().ifPresent(h -> empty.add(Inline.of(".$N(false)", JavaNames.member(h))));
    for (HttpBindingIndex.Route r : http.of(fn).routes()) {
      if (r.when().isEmpty()) continue;
      String when = JavaNames.member(r.when().get());
      if (r.emptyOnNotFound()) m.addStatement(Inline.of("if (params.$N() != null) return () -> $L.build()", when, empty.build()));
      else m.addStatement(Inline.of("if (params.$N() != null) return null", when));
    }
    return m.addStatement("return null").build();
  }

  /** The page with only the items that match the client-side filters (params declared {@code in: client}). */
  private MethodSpec kept(Function fn, String method, ClassName params, TypeName result) {
    String items = JavaNames.member(pages.of(fn).orElseThrow().items().name());
    CodeBlock.Builder test = CodeBlock.builder();
    for (Param p : fn.params()) {
      if (p.in() != Param.Location.CLIENT) continue;
      if (!test.isEmpty()) test.add("\n    && ");
      test.add(Inline.of("(params.$N() == null || $T.equals(params.$N(), item.$N()))", JavaNames.member(p.name()), Objects.class,
          JavaNames.member(p.name()), JavaNames.member(p.wire())));
    }
    return MethodSpec.methodBuilder(method + "Kept").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(result)
        .addParameter(params, "params").addParameter(result, "page")
        .addJavadoc("Filters the provider does not offer, applied to the page's items after decoding.\n")
        .addStatement("if (page == null) return null")
        .addStatement(Inline.of("return page.toBuilder().$N(page.$N().stream().filter(item -> $L).toList()).build()", items, items, test.build()))
        .build();
  }

  private MethodSpec callMethod(Function fn, String method, ClassName params, TypeName result) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(method + "Call").addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(CALL, result.box())).addParameter(params, "params")
        .addStatement(Inline.of("$T w = core.request($L)", ParamsEmitter.WIRE, fn.takesIdempotencyKey()))
        .addStatement("params.writeTo(w)");
    fn.http().query().forEach((k, v) -> m.addStatement("w.query($S, $S)", k, v));
    HttpBindingIndex.Binding binding = http.of(fn);
    List<HttpBindingIndex.Route> routes = binding.routes();
    // The function's own path is the fallback: every other route is taken first when its param is set.
    for (HttpBindingIndex.Route r : routes.subList(1, routes.size())) {
      m.beginControlFlow(Inline.of("if (params.$N() != null)", JavaNames.member(r.when().orElseThrow())))
          .addStatement(Inline.of("return service.$N($L)", ServiceEmitter.methodName(fn, r), args(binding, r)))
          .endControlFlow();
    }
    return m.addStatement(Inline.of("return service.$N($L)", method, args(binding, routes.get(0)))).build();
  }

  private static CodeBlock args(HttpBindingIndex.Binding binding, HttpBindingIndex.Route route) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (String name : route.placeholders()) b.add(Inline.of("$T.valueOf(params.$N()), ", String.class, JavaNames.member(name)));
    b.add("w.encodedQuery(), w.headers()");
    if (binding.hasBody()) b.add(", w.requestBody()");
    return b.build();
  }

  private void paging(TypeSpec.Builder type, PaginatedIndex.Paged paged, String method, ClassName params, TypeName result) {
    Pagination pg = paged.pagination();
    TypeName item = types.of(paged.itemType());
    String itemsGetter = JavaNames.member(paged.items().name());
    String next = method + "Next";
    type.addMethod(MethodSpec.methodBuilder(method + "AutoPaging").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Iterable.class), item)).addParameter(params, "params")
        .addJavadoc("Every item of every page, fetched one page at a time as the iteration reaches it.\n")
        .addStatement(Inline.of("return $T.iterable(params, this::$N, $T::$N, $T::$N)", PAGES, method, result, itemsGetter,
            names.client(), next)).build());
    type.addMethod(MethodSpec.methodBuilder(method + "Stream").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Stream.class), item)).addParameter(params, "params")
        .addJavadoc(Inline.of("{@link #$NAutoPaging} as a sequential, lazy stream.\n", method))
        .addStatement(Inline.of("return $T.stream(params, this::$N, $T::$N, $T::$N)", PAGES, method, result, itemsGetter,
            names.client(), next)).build());

    MethodSpec.Builder n = MethodSpec.methodBuilder(next).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(params).addParameter(params, "p").addParameter(result, "page")
        .addJavadoc("The params of the page after {@code page}, or null when it was the last.\n");
    String hasMore = pg.hasMoreField().map(JavaNames::member).orElse(null);
    if (hasMore != null) n.addStatement(Inline.of("if (!$T.TRUE.equals(page.$N())) return null", Boolean.class, hasMore));
    switch (pg.style()) {
      case CURSOR_AFTER_LAST -> n.addStatement(Inline.of("return p.toBuilder().$N($T.last(page.$N()).$N()).build()",
          JavaNames.member(pg.cursorParam().orElseThrow()), PAGES, itemsGetter, JavaNames.member(pg.cursorField().orElseThrow())));
      case CURSOR_TOKEN -> n.addStatement(Inline.of("return page.$N() == null ? null : p.toBuilder().$N(page.$N()).build()",
          JavaNames.member(pg.cursorField().orElseThrow()), JavaNames.member(pg.cursorParam().orElseThrow()),
          JavaNames.member(pg.cursorField().orElseThrow())));
      case PAGE -> n.addStatement(Inline.of("return p.toBuilder().$N(p.$N() == null ? 2 : p.$N() + 1).build()",
          JavaNames.member(pg.pageParam().orElseThrow()), JavaNames.member(pg.pageParam().orElseThrow()),
          JavaNames.member(pg.pageParam().orElseThrow())));
      case OFFSET -> {
        String pageParam = JavaNames.member(pg.pageParam().orElseThrow());
        String limit = JavaNames.member(pg.limitParam().orElseThrow());
        // A short page is the last one; with no limit set the provider's page size is unknown.
        n.addStatement(Inline.of("if (p.$N() == null || page.$N().size() < p.$N()) return null", limit, itemsGetter, limit));
        n.addStatement(Inline.of("return p.toBuilder().$N(p.$N() == null ? 2 : p.$N() + 1).build()", pageParam, pageParam, pageParam));
      }
    }
    type.addMethod(n.build());
  }

  private TypeSpec builder(ClassName client, ClassName builder) {
    TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(CLIENT_BUILDER, builder, client))
        .addJavadoc("Credentials, connection settings, timeouts and an optional shared {@code OkHttpClient}.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (Map.Entry<String, String> c : spec.credentials().entrySet()) {
      b.addMethod(MethodSpec.methodBuilder(JavaNames.member(c.getKey())).addModifiers(Modifier.PUBLIC).returns(builder)
          .addParameter(String.class, "value").addJavadoc(Inline.of("$L (secret; never logged or printed)\n", JavaNames.doc(c.getValue())))
          .addStatement("return credential($S, value)", c.getKey()).build());
    }
    for (Map.Entry<String, String> s : spec.settings().entrySet()) {
      b.addMethod(MethodSpec.methodBuilder(JavaNames.member(s.getKey())).addModifiers(Modifier.PUBLIC).returns(builder)
          .addParameter(String.class, "value").addJavadoc(Inline.of("$L\n", JavaNames.doc(s.getValue())))
          .addStatement("return setting($S, value)", s.getKey()).build());
    }
    b.addMethod(MethodSpec.methodBuilder("self").addAnnotation(Override.class).addModifiers(Modifier.PROTECTED)
        .returns(builder).addStatement("return this").build());
    b.addMethod(MethodSpec.methodBuilder("provider").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(PROVIDER_INFO).addStatement("return PROVIDER").build());
    b.addMethod(MethodSpec.methodBuilder("build").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(client).addStatement("return new $T(new $T(PROVIDER, this))", client, API_CORE).build());
    return b.build();
  }

  private CodeBlock providerInfo() {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.builder($S)", PROVIDER_INFO, spec.provider()).indent();
    for (Spec.BaseUrl u : spec.baseUrls()) {
      b.add(Inline.of("\n.baseUrl($S$L)", u.url(), u.when().stream().map(w -> Inline.of(", $S", w).toString())
          .reduce("", String::concat)));
    }
    for (AuthScheme a : spec.auth()) {
      if (a instanceof AuthScheme.Basic basic) b.add("\n.basicAuth($S, $S)", basic.username(), basic.password());
      else if (a instanceof AuthScheme.BasicPair pair) b.add("\n.basicPairAuth($S)", pair.token());
      else b.add("\n.bearerAuth($S)", ((AuthScheme.Bearer) a).token());
    }
    spec.settingPatterns().forEach((k, v) -> b.add("\n.settingPattern($S, $S)", k, v));
    spec.headers().forEach((k, v) -> b.add("\n.header($S, $S)", k, v));
    b.add(Inline.of("\n.encoding($T.Encoding.$L)", PROVIDER_INFO, spec.requestEncoding().name()));
    b.add("\n.jsonAdapters($T.FACTORY)", AdapterEmitter.factory(names, spec));
    spec.idempotencyHeader().ifPresent(h -> b.add("\n.idempotencyHeader($S)", h));
    spec.requestIdHeader().ifPresent(h -> b.add("\n.requestIdHeader($S)", h));
    if (!spec.retryStatuses().isEmpty()) {
      b.add(Inline.of("\n.retryStatuses($L)", spec.retryStatuses().stream().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElseThrow()));
    }
    paths(b, "errorCode", spec.errors().code());
    paths(b, "errorType", spec.errors().type());
    paths(b, "errorMessage", spec.errors().message());
    paths(b, "errorParam", spec.errors().param());
    spec.envelope().ifPresent(e -> b.add("\n.envelope($S, $S, $S, $S)", e.statusPath(), e.okValue(),
        e.codePath().orElse(null), e.messagePath().orElse(null)));
    return b.add("\n.build()").unindent().build();
  }

  private static void paths(CodeBlock.Builder b, String method, List<String> paths) {
    if (paths.isEmpty()) return;
    b.add(Inline.of("\n.$L($L)", method, paths.stream().map(p -> Inline.of("$S", p).toString())
        .reduce((x, y) -> x + ", " + y).orElse("")));
  }
}
