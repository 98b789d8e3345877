package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.codegen.emit.java.JavaNames;
import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Names;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import dev.specloom.runtime.testing.WireServer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random specs, drawn from names that are fine and names that used to break the generator (Java keywords,
 * java.lang types, members the generated classes have, names that meet after camel-casing). Every spec that
 * validates must generate Java (SDK and Lua glue) that compiles in process, and its client must send each
 * function's declared method and path, and its params under their wire names, to a loopback server.
 */
class GeneratedSpecPropertyTest {
  static final AtomicInteger TRIED = new AtomicInteger();
  static final AtomicInteger VALID = new AtomicInteger();
  static final AtomicInteger CALLS = new AtomicInteger();

  static final List<String> PROVIDERS = List.of("acme", "shop", "demo2");
  static final List<String> BAD_PROVIDERS = List.of("int", "runtime", "lua");
  static final List<String> TITLES = List.of("Acme", "Acme Billing", "X", "Shop-Co 2");
  static final List<String> BAD_TITLES = List.of("9Lives", "!!");
  static final List<String> MODELS = List.of("Thing", "Item", "Object", "String", "Builder", "Override", "Long",
      "Async", "Params", "Package", "Error", "List", "Map", "AB", "Ab");
  static final List<String> NAMES = List.of("id", "name", "amount", "a_b", "a__b", "class", "new", "builder",
      "to_builder", "hash_code", "to_string", "w", "b", "o", "that", "query", "body", "headers", "get_class", "value",
      "key", "items", "data", "wire", "limit", "async", "with_options", "abstract", "x1");
  static final List<String> SCALARS = List.of("string", "integer", "boolean", "number");
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  record FieldDraft(String name, String type) {}

  record ModelDraft(String name, List<FieldDraft> fields) {}

  /** {@code wire}: a wire name other than the param's, or null; {@code translated}: an enum with a wire value. */
  record ParamDraft(String name, String type, String in, boolean required, String wire, boolean translated) {}

  record FunctionDraft(String name, String method, List<String> segments, List<ParamDraft> params, int returns) {}

  record SpecDraft(String provider, String title, String encoding, List<String> settings, List<ModelDraft> models,
      List<FunctionDraft> functions) {}

  @Provide
  Arbitrary<SpecDraft> specs() {
    Arbitrary<String> snake = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(NAMES)), Tuple.of(16,
        Arbitraries.strings().withChars("abcdefghij_").ofMinLength(1).ofMaxLength(8).filter(s -> Character.isLetter(s.charAt(0)))));
    Arbitrary<ModelDraft> model = Combinators.combine(
        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(MODELS)),
            Tuple.of(3, Arbitraries.strings().withChars("ABCDEFGH").ofMinLength(1).ofMaxLength(5))),
        Combinators.combine(snake, Arbitraries.of("string", "integer", "boolean", "number", "list<string>",
            "map<string>", "model")).as(FieldDraft::new).list().ofMinSize(1).ofMaxSize(4).uniqueElements(FieldDraft::name))
        .as(ModelDraft::new);
    Arbitrary<String> wire = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(null)), Tuple.of(1, snake),
        Tuple.of(1, Arbitraries.of("x[y]", "items[0][price]", "X-Custom", "a.b", "camelCase")));
    Arbitrary<ParamDraft> param = Combinators.combine(snake, Arbitraries.of(SCALARS),
        Arbitraries.of("query", "query", "body", "header"), Arbitraries.of(true, false), wire, Arbitraries.of(true, false))
        .as(ParamDraft::new);
    Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("v1", "things", "a-b", "x.json", "~u", "%20"),
        snake.map(s -> "{" + s + "}"));
    Arbitrary<FunctionDraft> function = Combinators.combine(
        snake, Arbitraries.of(METHODS),
        segment.list().ofMinSize(1).ofMaxSize(4), param.list().ofMaxSize(4).uniqueElements(ParamDraft::name),
        Arbitraries.integers().between(-1, 3)).as(FunctionDraft::new);
    Arbitrary<String> provider = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(PROVIDERS)), Tuple.of(1, Arbitraries.of(BAD_PROVIDERS)));
    Arbitrary<String> title = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(TITLES)), Tuple.of(1, Arbitraries.of(BAD_TITLES)));
    return Combinators.combine(provider, title, Arbitraries.of("json", "form"),
        snake.list().ofMaxSize(2).uniqueElements(), model.list().ofMinSize(1).ofMaxSize(3).uniqueElements(ModelDraft::name),
        function.list().ofMinSize(1).ofMaxSize(3).uniqueElements(FunctionDraft::name)).as(SpecDraft::new);
  }

  @Property(tries = 30)
  void everySpecThatValidatesGeneratesJavaThatCompilesAndCallsTheWire(@ForAll("specs") SpecDraft draft) throws Exception {
    TRIED.incrementAndGet();
    Path dir = Files.createTempDirectory("specloom-property-");
    try {
      Path file = dir.resolve(draft.provider() + ".yaml");
      Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(yaml(draft)),
          StandardCharsets.UTF_8);
      Spec spec;
      try {
        spec = SpecLoader.load(file);
      } catch (SpecException e) {
        assertTrue(e.problems().stream().allMatch(p -> p.line() >= 1 && p.column() >= 1), e.getMessage());
        return;
      }
      VALID.incrementAndGet();
      Emitters.emit(List.of(spec), List.of("java", "lua"), dir.resolve("out"));
      GeneratedJava.compile(dir.resolve("out/java"), dir.resolve("classes"));
      List<Class<?>> classes = GeneratedJava.loadAll(dir.resolve("classes"));
      callEveryFunction(spec, classes);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
  }

  @AfterContainer
  static void figures() {
    System.out.printf("generated specs: %d tried, %d valid (compiled, loaded, %d calls checked on the wire), %d refused "
        + "with file:line:column%n", TRIED.get(), VALID.get(), CALLS.get(), TRIED.get() - VALID.get());
    // About half the drafts validate; a tenth is far below any plausible draw and still means something.
    assertTrue(VALID.get() * 10 >= TRIED.get(), "too few valid specs to mean anything: " + VALID.get() + " of " + TRIED.get());
  }

  /** The spec as a JSON tree (YAML is a superset): one credential, bearer auth, the drafted models and functions. */
  private static Map<String, Object> yaml(SpecDraft d) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("provider", d.provider());
    spec.put("title", d.title());
    spec.put("summary", "Generated.");
    spec.put("base_url", "https://api.example.com");
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String s : d.settings()) settings.put(s, Map.of("description", "A setting."));
    if (!settings.isEmpty()) spec.put("settings", settings);
    spec.put("credentials", Map.of("api_key", Map.of("description", "Key.")));
    spec.put("auth", List.of(Map.of("scheme", "bearer", "token", "{api_key}")));
    spec.put("request_encoding", d.encoding());
    spec.put("errors", Map.of("message", List.of("error.message")));
    Map<String, Object> models = new LinkedHashMap<>();
    for (ModelDraft m : d.models()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (FieldDraft f : m.fields()) {
        fields.put(f.name(), Map.of("type", f.type().equals("model") ? d.models().get(0).name() : f.type()));
      }
      models.put(m.name(), Map.of("fields", fields));
    }
    spec.put("models", models);
    Map<String, Object> functions = new LinkedHashMap<>();
    for (FunctionDraft f : d.functions()) {
      Map<String, Object> params = new LinkedHashMap<>();
      StringBuilder path = new StringBuilder();
      for (String s : f.segments()) {
        path.append('/').append(s);
        if (s.startsWith("{")) {
          String name = s.substring(1, s.length() - 1);
          params.put(name, Map.of("type", "string", "required", true, "description", "Path value."));
        }
      }
      for (ParamDraft p : f.params()) {
        String in = p.in().equals("body") && f.method().equals("GET") ? "query" : p.in();
        Map<String, Object> param = new LinkedHashMap<>(Map.of("type", p.type(), "in", in, "required", p.required(),
            "description", "A param."));
        if (p.wire() != null) param.put("wire", p.wire());
        if (p.translated() && p.type().equals("string")) {
          param.put("enum", List.of(stringSample(p.name()), "other"));
          param.put("wire_values", Map.of(stringSample(p.name()), "sent-" + p.name()));
        }
        params.putIfAbsent(p.name(), param);
      }
      Map<String, Object> fn = new LinkedHashMap<>();
      fn.put("operation", f.method().equals("GET") ? "read" : "write");
      fn.put("summary", "Generated function.");
      fn.put("http", Map.of("method", f.method(), "path", path.toString()));
      if (!params.isEmpty()) fn.put("params", params);
      fn.put("returns", f.returns() < 0 ? Map.of("fields", Map.of("ok", Map.of("type", "boolean")))
          : d.models().get(f.returns() % d.models().size()).name());
      functions.put(f.name(), fn);
    }
    spec.put("functions", functions);
    return spec;
  }

  /** Calls every function with every param set and checks what reached the server. */
  private static void callEveryFunction(Spec spec, List<Class<?>> classes) throws Exception {
    JavaNames names = new JavaNames(spec);
    Class<?> clientType = byName(classes, names.client().canonicalName());
    try (WireServer server = new WireServer()) {
      Object builder = clientType.getMethod("builder").invoke(null);
      Class<?> core = Class.forName("dev.specloom.runtime.ClientBuilder");
      core.getMethod("credential", String.class, String.class).invoke(builder, "api_key", "sk_test");
      core.getMethod("baseUrl", String.class).invoke(builder, server.url("/"));
      core.getMethod("maxRetries", int.class).invoke(builder, 0);
      Object client = core.getMethod("build").invoke(builder);
      for (Function fn : spec.functions()) {
        Class<?> paramsType = byName(classes, names.params(fn.name()).canonicalName());
        Object pb = paramsType.getMethod("builder").invoke(null);
        Map<Param, Object> values = new LinkedHashMap<>();
        for (Param p : fn.params()) {
          Object v = sample(p);
          values.put(p, v);
          pb.getClass().getMethod(JavaNames.member(p.name()), v.getClass() == LinkedHashMap.class ? Map.class
              : v instanceof List ? List.class : v.getClass()).invoke(pb, v);
        }
        Object params = pb.getClass().getMethod("build").invoke(pb);
        server.reply(200, "{}");
        Method call = clientType.getMethod(Names.lowerCamel(fn.name()), paramsType);
        try {
          call.invoke(client, params);
        } catch (InvocationTargetException e) {
          throw new AssertionError(fn.name() + " failed: " + e.getCause(), e.getCause());
        }
        WireServer.Sent sent = server.take();
        String at = spec.provider() + "." + fn.name() + ": ";
        assertEquals(fn.http().method(), sent.method(), at + "method");
        String path = fn.http().path();
        for (Param p : fn.params()) {
          if (p.in() == Param.Location.PATH) path = path.replace("{" + p.name() + "}", (String) values.get(p));
        }
        assertEquals(path, sent.path(), at + "path");
        for (Param p : fn.params()) {
          String v = p.wireValues().getOrDefault(String.valueOf(values.get(p)), String.valueOf(values.get(p)));
          switch (p.in()) {
            case QUERY -> assertEquals(v, sent.queryParams().get(p.wire()), at + "query " + p.wire() + " in " + sent.query());
            case HEADER -> assertEquals(v, sent.header(p.wire()), at + "header " + p.wire());
            case BODY -> assertEquals(v, spec.requestEncoding() == Spec.BodyEncoding.FORM ? sent.form().get(p.wire())
                : jsonAt(sent.body(), p.wire()), at + "body " + p.wire() + " in " + sent.body());
            case PATH -> { }
          }
        }
        CALLS.incrementAndGet();
      }
    }
  }

  private static Object sample(Param p) {
    if (p.type() instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case INTEGER, TIMESTAMP -> 7L;
        case NUMBER -> 2.5d;
        case BOOLEAN -> Boolean.TRUE;
        default -> stringSample(p.name());
      };
    }
    throw new IllegalArgumentException("the generator drafts scalar params only: " + p);
  }

  /** The scalar under a bracketed wire name ({@code items[0][price]}) of a JSON body, as text. */
  private static String jsonAt(String body, String wire) throws IOException {
    JsonNode node = new ObjectMapper().readTree(body);
    for (String seg : wire.split("[\\[\\]]+")) {
      if (seg.isEmpty()) continue;
      node = node.isArray() ? node.path(Integer.parseInt(seg)) : node.path(seg);
    }
    return node.isMissingNode() ? null : node.asText();
  }

  private static String stringSample(String name) {
    return "v-" + name.replace("_", "");
  }

  private static Class<?> byName(List<Class<?>> classes, String name) {
    return classes.stream().filter(c -> c.getCanonicalName() != null && c.getCanonicalName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no class " + name + " among " + classes));
  }
}
