package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.codegen.load.SpecProblem;
import dev.specloom.model.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Spec text as an attacker would write it: each payload of the corpus goes into every text field of a spec at
 * once (summary, descriptions, docs, examples, titles, enum values, wire names, headers, URLs, templates...).
 * A field that refuses the payload must say so with a file:line:column problem; then the payload is taken out
 * of that field only and the rest is generated. The generated SDK and Lua glue must compile, and initialising
 * every class must run nothing the spec wrote: each payload, if it ever became code, sets a system property
 * or throws.
 */
class InjectionTest {
  static final String MARK = "specloom.injected";
  static final AtomicInteger ATTEMPTS = new AtomicInteger();
  static final AtomicInteger GENERATED = new AtomicInteger();
  static final AtomicInteger REFUSED = new AtomicInteger();

  /** A valid spec with every kind of text field; each string value in it receives the payload. */
  static final String BASE = """
      provider: demo
      title: Demo
      summary: Demo provider.
      docs:
        - { title: Setup, markdown: Setup text. }
      base_url:
        - { when: [subdomain], url: "https://{subdomain}.demo.example/api" }
        - { url: "https://api.demo.example/v1" }
      settings:
        subdomain: { description: The subdomain., example: acme, pattern: "^[a-z]+$" }
      credentials:
        api_key: { description: The key., example: sk_test_123 }
      auth:
        - { scheme: bearer, token: "{api_key}", description: Bearer key. }
      headers:
        X-Version: "2024-01-01"
      request_encoding: json
      idempotency: { header: Idempotency-Key }
      request_id_header: Request-Id
      errors:
        message: [error.message]
      envelope: { status_path: status, ok_value: OK }
      models:
        Thing:
          description: A thing.
          unmodelled: { metadata: Not decoded. }
          fields:
            id: { type: string, description: The id., example: th_1, undocumented: Sent by the live API. }
            size: { type: integer, wire: size-cm, description: The size. }
            label: { alias_of: id, description: Same as id. }
        ThingList:
          description: Things.
          fields:
            things: { type: list<Thing>, wire: data, description: The things. }
            has_more: { type: boolean, description: More pages. }
      functions:
        get_thing:
          operation: read
          reference: https://docs.demo.example/things/get
          group: Things
          summary: Get one thing.
          description: Fetches one thing by id.
          http: { method: GET, path: "/things/{id}" }
          params:
            id: { type: string, required: true, description: The id. }
            expand: { type: string, wire: "expand[]", description: Expand. }
          returns: Thing
          examples:
            - title: Get one
              lua: local t = app.integrations.demo.get_thing({ id = "th_1" })
              returns: a thing
        list_things:
          operation: read
          summary: List things.
          http: { method: GET, path: /things }
          params:
            limit: { type: integer, default: 10, min: 1, max: 100, description: Page size. }
            after: { type: string, description: Cursor. }
            color:
              type: string
              enum: [red, blue]
              wire_values: { red: r }
              value_aliases: { Red: red }
              refused_values: { green: red }
              default: red
              description: Color.
            q: { type: string, template: "name:{}", description: Query. }
            sort: { type: string, server_default: created, deprecated: Use order., description: Sort. }
            trace: { type: string, in: header, wire: X-Trace, description: Trace id. }
          pagination: { style: cursor_after_last, items: things, cursor_param: after, cursor_field: id, has_more_field: has_more }
          returns: ThingList
        create_thing:
          operation: write
          summary: Create a thing.
          http: { method: POST, path: /things }
          params:
            name: { type: string, required: true, wire: "thing[name]", description: The name. }
            meta: { type: map<string>, description: Metadata. }
          returns: { fields: { id: { type: string, description: New id. } } }
      workflows:
        - title: Get and list
          lua: local t = app.integrations.demo.get_thing({ id = "th_1" })
      """;

  /**
   * Where a payload goes: a path into the spec, and how the field's own content is kept around it (a
   * template needs its {}, an example must still call the namespace, a title must still start with a letter).
   */
  record Field(String path, String before, String after) {
    static Field of(String path) {
      return new Field(path, "", "");
    }

    /** The path as problems spell it; a key's problems are reported at its map. */
    String dotted() {
      return (path.endsWith("/~") ? path.substring(0, path.length() - 2) : path).replace('/', '.');
    }
  }

  /** A path ending in "~" names the only key of a map: the payload becomes that key. */
  static final List<Field> FIELDS = List.of(
      Field.of("models/Thing/unmodelled/~"), Field.of("models/Thing/unmodelled/metadata"),
      Field.of("models/Thing/fields/id/undocumented"), new Field("functions/get_thing/reference", "https://docs.demo.example/", ""),
      new Field("functions/list_things/params/color/value_aliases/~", "alias ", ""),
      new Field("functions/list_things/params/color/refused_values/~", "refused ", ""),
      Field.of("headers/~"),
      Field.of("summary"), new Field("title", "Demo ", ""), Field.of("docs/0/title"), Field.of("docs/0/markdown"),
      new Field("base_url/0/url", "https://{subdomain}.demo.example/", ""),
      new Field("base_url/1/url", "https://api.demo.example/", ""),
      Field.of("settings/subdomain/description"), Field.of("settings/subdomain/example"),
      Field.of("settings/subdomain/pattern"), Field.of("credentials/api_key/description"),
      Field.of("credentials/api_key/example"), new Field("auth/0/token", "{api_key}", ""),
      Field.of("auth/0/description"), Field.of("headers/X-Version"), Field.of("idempotency/header"),
      Field.of("request_id_header"), Field.of("errors/message/0"), Field.of("envelope/status_path"),
      Field.of("envelope/ok_value"), Field.of("models/Thing/description"), Field.of("models/Thing/fields/id/description"),
      Field.of("models/Thing/fields/id/example"), Field.of("models/Thing/fields/size/wire"),
      Field.of("models/Thing/fields/label/description"), Field.of("models/ThingList/fields/things/wire"),
      Field.of("functions/get_thing/group"), Field.of("functions/get_thing/summary"),
      Field.of("functions/get_thing/description"), new Field("functions/get_thing/http/path", "/things/{id}/", ""),
      Field.of("functions/get_thing/params/id/description"), Field.of("functions/get_thing/params/expand/wire"),
      Field.of("functions/get_thing/examples/0/title"),
      new Field("functions/get_thing/examples/0/lua", "app.integrations.demo.get_thing({}) -- ", ""),
      Field.of("functions/get_thing/examples/0/returns"), Field.of("functions/list_things/params/color/enum/1"),
      Field.of("functions/list_things/params/color/wire_values/red"), new Field("functions/list_things/params/q/template", "", "{}"),
      Field.of("functions/list_things/params/sort/server_default"), Field.of("functions/list_things/params/sort/deprecated"),
      Field.of("functions/list_things/params/sort/description"), Field.of("functions/list_things/params/trace/wire"),
      Field.of("functions/create_thing/params/name/wire"), Field.of("functions/create_thing/params/meta/description"),
      Field.of("functions/create_thing/returns/fields/id/description"), Field.of("workflows/0/title"),
      new Field("workflows/0/lua", "app.integrations.demo.get_thing({}) -- ", ""));

  /** Fields whose text only reaches comments, string literals or annotation values: they must accept anything. */
  static final Set<String> FREE_TEXT = Set.of("models/Thing/unmodelled/metadata", "models/Thing/fields/id/undocumented",
      "functions/list_things/params/color/value_aliases/~", "functions/list_things/params/color/refused_values/~","summary", "docs/0/title", "docs/0/markdown",
      "settings/subdomain/description", "settings/subdomain/example", "credentials/api_key/description",
      "credentials/api_key/example", "auth/0/description", "headers/X-Version", "envelope/ok_value",
      "models/Thing/description", "models/Thing/fields/id/description", "models/Thing/fields/label/description",
      "functions/get_thing/group", "functions/get_thing/summary", "functions/get_thing/description",
      "functions/get_thing/params/id/description", "functions/get_thing/examples/0/title",
      "functions/get_thing/examples/0/lua", "functions/get_thing/examples/0/returns",
      "functions/list_things/params/color/enum/1", "functions/list_things/params/color/wire_values/red",
      "functions/list_things/params/sort/server_default", "functions/list_things/params/sort/deprecated",
      "functions/list_things/params/sort/description", "functions/create_thing/params/meta/description",
      "functions/create_thing/returns/fields/id/description", "workflows/0/title", "workflows/0/lua");

  /** Payloads. A backslash here is one backslash in the spec (javac never sees these literals' escapes). */
  static Stream<String> payloads() {
    String set = "System.setProperty(\"" + MARK + "\", \"1\");";
    return Stream.of(
        "*/ static { " + set + " } /*",
        "\\u002a/ static { " + set + " } /\\u002a",
        "\\u002A\\u002F static { " + set + " } \\u002F\\u002A",
        "\\uuu002a/ static { " + set + " } /\\uu002a",
        "\\\\u002a/ static { " + set + " } /\\\\u002a",
        "*\\u002f static { if (true) throw new Error(\"injected\"); } /\\u002a",
        "x\n*/ static { " + set + " } /*\n",
        "x\r*/ static { " + set + " } /*",
        "\\u000a*/ static { " + set + " } /*",
        "\\u000d// */ static { " + set + " } /*",
        "\"); static { " + set + " } //",
        "\\u0022); static { " + set + " } //",
        "\" + System.setProperty(\"" + MARK + "\", \"1\") + \"",
        "\\u0022 + System.setProperty(\\u0022" + MARK + "\\u0022, \\u00221\\u0022) + \\u0022",
        "*/ } class Evil { static { " + set + " } } /*",
        "$L $S $N $T $$ $1L $",
        "{@code } @throws Error </pre> <script> */ @Deprecated",
        "\u0085\u000b\u000c */ static { " + set + " } /*");
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void noSpecTextBecomesCode(String payload, @TempDir Path dir) throws Exception {
    Map<String, Object> spec = parse(BASE);
    for (Field f : FIELDS) put(spec, f.path(), f.before() + payload + f.after());
    for (Field f : FIELDS) assertTrue(holds(spec, f.path(), f.before() + payload + f.after()), "the payload is not in " + f.path());
    ATTEMPTS.addAndGet(FIELDS.size());

    Set<String> refused = new LinkedHashSet<>();
    Path file = dir.resolve("demo.yaml");
    Spec loaded = null;
    while (loaded == null) {
      Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec),
          StandardCharsets.UTF_8);
      try {
        loaded = SpecLoader.load(file);
      } catch (SpecException e) {
        int before = refused.size();
        for (SpecProblem p : e.problems()) {
          assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
          Field f = FIELDS.stream().filter(x -> p.path().equals(x.dotted()) || p.path().startsWith(x.dotted() + "."))
              .findFirst()
              .orElseThrow(() -> new AssertionError("a problem that is no field's: " + p));
          if (refused.add(f.path())) restore(spec, f.path());
        }
        if (refused.size() == before) fail("the same problems again: " + e.getMessage());
      }
    }
    for (String f : refused) assertTrue(!FREE_TEXT.contains(f), f + " refused free text " + payload);
    REFUSED.addAndGet(refused.size());
    GENERATED.addAndGet(FIELDS.size() - refused.size());

    Path out = dir.resolve("out");
    Emitters.emit(List.of(loaded), Emitters.TARGETS, out);
    GeneratedJava.compile(out.resolve("java"), dir.resolve("classes"));
    System.clearProperty(MARK);
    List<Class<?>> classes = GeneratedJava.loadAll(dir.resolve("classes"));
    assertTrue(classes.stream().anyMatch(c -> c.getName().equals("dev.specloom.demo.ListThingsParams")), classes.toString());
    assertNull(System.getProperty(MARK), "a payload ran: " + payload);
  }

  @AfterAll
  static void figures() {
    System.out.printf("injection: %d attempts (%d payloads x %d fields); %d generated and compiled, %d refused by "
        + "validate (file:line:column)%n", ATTEMPTS.get(), payloads().count(), FIELDS.size(),
        GENERATED.get(), REFUSED.get());
  }

  /** Whether the field at {@code path} holds {@code text} (for a key, whether the map has that key). */
  @SuppressWarnings("unchecked")
  private static boolean holds(Map<String, Object> spec, String path, String text) {
    if (!path.endsWith("/~")) return text.equals(get(spec, path));
    return ((Map<String, Object>) get(spec, path.substring(0, path.length() - 2))).containsKey(text);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String yaml) {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  @SuppressWarnings("unchecked")
  private static Object get(Object node, String path) {
    for (String key : path.split("/")) {
      node = node instanceof List<?> l ? l.get(Integer.parseInt(key)) : ((Map<String, Object>) node).get(key);
    }
    return node;
  }

  /** Puts the field's original text back (for a key, the original map). */
  private static void restore(Map<String, Object> spec, String path) {
    String field = path.endsWith("/~") ? path.substring(0, path.length() - 2) : path;
    put(spec, field, get(parse(BASE), field));
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String path, Object value) {
    int cut = path.lastIndexOf('/');
    Object parent = cut < 0 ? root : get(root, path.substring(0, cut));
    String key = path.substring(cut + 1);
    if (key.equals("~")) {
      Map<String, Object> map = (Map<String, Object>) parent;
      Object only = map.values().iterator().next();
      map.clear();
      map.put((String) value, only);
    } else if (parent instanceof List<?> l) {
      ((List<Object>) l).set(Integer.parseInt(key), value);
    } else {
      ((Map<String, Object>) parent).put(key, value);
    }
  }
}
