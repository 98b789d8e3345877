package dev.specloom.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed specs (each case breaks one rule): each is rejected with the problem at its file:line:column.
 * Public with its corpus: specloom-cli runs the same corpus through {@code specloom generate}.
 */
public class MalformedSpecTest {
  /** A valid spec; each case replaces one line of it (or appends) to break one rule. */
  public static final String VALID = """
      provider: demo
      title: Demo
      summary: Demo provider.
      base_url: https://api.demo.example
      credentials:
        api_key: { description: Key. }
      auth:
        - scheme: basic
          username: "{api_key}"
          password: ""
      request_encoding: json
      errors:
        message: [message]
      models:
        Thing:
          fields:
            id: { type: string }
        ThingList:
          fields:
            things: { type: list<Thing> }
            has_more: { type: boolean }
      functions:
        get_thing:
          aliases: [demo_get_thing]
          operation: read
          summary: Get one.
          http: { method: GET, path: "/things/{id}" }
          params:
            id: { type: string, required: true, description: Id. }
          returns: Thing
        list_things:
          operation: read
          summary: List.
          http: { method: GET, path: /things }
          params:
            limit: { type: integer, default: 10, min: 1, max: 100, description: Size. }
            after: { type: string, description: Cursor. }
          pagination: { style: cursor_after_last, items: things, cursor_param: after, cursor_field: id }
          returns: ThingList
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("yaml syntax", "    returns: Thing", "    returns: [Thing", 31, "YAML syntax"),
        Arguments.of("duplicate key", "  api_key: { description: Key. }", "  api_key: { description: Key. }\n  api_key: { description: Again. }", 7, "duplicate key 'api_key'"),
        Arguments.of("unknown property", "    operation: read\n    summary: Get one.", "    operaton: read\n    summary: Get one.", 25, "operaton"),
        Arguments.of("bad operation", "    operation: read\n    summary: Get one.", "    operation: fetch\n    summary: Get one.", 25, "operation"),
        Arguments.of("bad type spelling", "      id: { type: string }", "      id: { type: lst<Thing> }", 17, "fields.id.type"),
        Arguments.of("unknown model", "    returns: Thing", "    returns: Thingy", 30, "unknown model 'Thingy' (did you mean 'Thing'?)"),
        Arguments.of("placeholder without param", "    http: { method: GET, path: \"/things/{id}\" }", "    http: { method: GET, path: \"/things/{thing_id}\" }", 27, "placeholder {thing_id} has no param"),
        Arguments.of("default out of range", "      limit: { type: integer, default: 10, min: 1, max: 100, description: Size. }", "      limit: { type: integer, default: 500, min: 1, max: 100, description: Size. }", 36, "default 500 is outside [1, 100]"),
        Arguments.of("duplicate alias", "  list_things:\n", "  list_things:\n    aliases: [demo_get_thing]\n", 32, "duplicate function name or alias 'demo_get_thing' (already used by get_thing)"),
        Arguments.of("unknown credential", "    username: \"{api_key}\"", "    username: \"{apikey}\"", 8, "{apikey} names no credential"),
        Arguments.of("min above max", "min: 1, max: 100", "min: 200, max: 100", 36, "min 200 is greater than max 100"),
        Arguments.of("enum on integer", "      after: { type: string, description: Cursor. }", "      after: { type: integer, enum: [a], description: Cursor. }", 37, "enum needs type string"),
        Arguments.of("pagination items not a list", "items: things,", "items: has_more,", 38, "'has_more' is not a list field of ThingList"),
        Arguments.of("body on GET", "      after: { type: string, description: Cursor. }", "      after: { type: string, in: body, description: Cursor. }", 37, "GET requests have no body"),
        Arguments.of("missing section", "request_encoding: json\n", "", 1, "request_encoding"),
        Arguments.of("reserved name", "  list_things:\n", "  list_things:\n    aliases: [default]\n", 32, "'default' is reserved"),
        Arguments.of("unknown setting in base_url", "base_url: https://api.demo.example", "base_url: https://{tenant}.demo.example", 4, "{tenant} names no setting"),
        Arguments.of("bad provider name", "provider: demo", "provider: Demo-Co", 1, "provider"),
        Arguments.of("bad base url", "base_url: https://api.demo.example", "base_url: ftp://api.demo.example", 4, "base_url"),
        Arguments.of("bad encoding", "request_encoding: json", "request_encoding: xml", 11, "request_encoding"),
        Arguments.of("basic without password", "    password: \"\"\n", "", 8, "password"),
        Arguments.of("bad http method", "http: { method: GET, path: /things }", "http: { method: FETCH, path: /things }", 34, "method"),
        Arguments.of("relative path", "http: { method: GET, path: /things }", "http: { method: GET, path: things }", 34, "path"),
        Arguments.of("path param not required", "      id: { type: string, required: true, description: Id. }", "      id: { type: string, description: Id. }", 29, "path params must be required"),
        Arguments.of("path param nobody names", "      after: { type: string, description: Cursor. }", "      after: { type: string, in: path, description: Cursor. }", 37, "no path names {after}"),
        Arguments.of("default of the wrong type", "default: 10, min: 1", "default: ten, min: 1", 36, "default ten is not a integer"),
        Arguments.of("requires unknown param", "      after: { type: string, description: Cursor. }", "      after: { type: string, requires: [before], description: Cursor. }", 37, "'before' is not a param"),
        Arguments.of("alias of unknown field", "      id: { type: string }", "      id: { type: string }\n      ident: { alias_of: identifier }", 18, "'identifier' is not a field of Thing"),
        Arguments.of("two fields one key", "      id: { type: string }", "      id: { type: string }\n      key: { type: string, wire: id }", 18, "two fields read the JSON key 'id'"),
        Arguments.of("pagination cursor param missing", "cursor_param: after,", "cursor_param: next,", 38, "'next' is not a param of list_things"),
        Arguments.of("param without description", "      after: { type: string, description: Cursor. }", "      after: { type: string }", 37, "description"),
        Arguments.of("example outside the namespace", "    returns: ThingList", "    returns: ThingList\n    examples:\n      - lua: print(1)", 41, "does not call app.integrations.demo"),
        Arguments.of("route on unknown param", "  list_things:\n    operation: read\n    summary: List.\n    http: { method: GET, path: /things }", "  list_things:\n    operation: read\n    summary: List.\n    http: { method: GET, path: /things, routes: [{ when: query, path: /things/search }] }", 34, "'query' is not a param"),
        Arguments.of("reference not https", "    summary: Get one.", "    summary: Get one.\n    reference: http://docs.demo.example/things", 27, "reference"),
        Arguments.of("unmodelled field that is modelled", "  Thing:\n    fields:", "  Thing:\n    unmodelled: { id: Not needed. }\n    fields:", 16, "'id' is a field of Thing, so it is modelled"),
        Arguments.of("undocumented without a reason", "      id: { type: string }", "      id: { type: string, undocumented: \"\" }", 17, "undocumented"));
  }

  /** Specs the schema and the checks above let through, whose generated Java used to crash generate or not compile. */
  static Stream<Arguments> ungeneratable() {
    String param = "      after: { type: string, description: Cursor. }";
    String field = "      id: { type: string }";
    return Stream.of(
        Arguments.of("function named class", "  get_thing:\n", "  class:\n", 23, "'class' gives the Java method name 'class', a Java keyword"),
        Arguments.of("function named new", "  get_thing:\n", "  new:\n", 23, "'new' gives the Java method name 'new', a Java keyword"),
        Arguments.of("function named abstract", "  list_things:\n", "  abstract:\n", 31, "'abstract' gives the Java method name 'abstract', a Java keyword"),
        Arguments.of("two functions, one Java method", "  list_things:\n", "  get__thing:\n", 31, "'get__thing' and 'get_thing' give the same Java method name 'getThing'"),
        Arguments.of("title starting with a digit", "title: Demo", "title: 9Lives", 2, "('9LivesClient'), which must start with a letter"),
        Arguments.of("model named Object", "models:\n", "models:\n  Object:\n    fields:\n      name: { type: string }\n", 15, "would hide java.lang.Object"),
        Arguments.of("model named String", "models:\n", "models:\n  String:\n    fields:\n      name: { type: string }\n", 15, "would hide java.lang.String"),
        Arguments.of("model named Override", "models:\n", "models:\n  Override:\n    fields:\n      name: { type: string }\n", 15, "would hide java.lang.Override"),
        Arguments.of("model named Builder", "models:\n", "models:\n  Builder:\n    fields:\n      name: { type: string }\n", 15, "every generated class has a nested Builder"),
        Arguments.of("provider int", "provider: demo", "provider: int", 1, "'int' is a Java keyword; the package dev.specloom.int would not compile"),
        Arguments.of("provider naming a Specloom package", "provider: demo", "provider: runtime", 1, "names a package of Specloom itself"),
        Arguments.of("params a_b and a__b", param, param + "\n      a_b: { type: string, description: A. }\n      a__b: { type: string, description: B. }", 39, "params 'a_b' and 'a__b' give the same Java name 'aB'"),
        Arguments.of("param builder", param, param + "\n      builder: { type: string, description: X. }", 38, "a param may not be named 'builder'"),
        Arguments.of("param to_builder", param, param + "\n      to_builder: { type: string, description: X. }", 38, "a param may not be named 'to_builder'"),
        Arguments.of("param hash_code", param, param + "\n      hash_code: { type: string, description: X. }", 38, "a param may not be named 'hash_code'"),
        Arguments.of("param to_string", param, param + "\n      to_string: { type: string, description: X. }", 38, "a param may not be named 'to_string'"),
        Arguments.of("field builder", field, field + "\n      builder: { type: string }", 18, "a field may not be named 'builder'"),
        Arguments.of("field to_builder", field, field + "\n      to_builder: { type: string }", 18, "a field may not be named 'to_builder'"),
        Arguments.of("field hash_code", field, field + "\n      hash_code: { type: string }", 18, "a field may not be named 'hash_code'"),
        Arguments.of("field to_string", field, field + "\n      to_string: { type: string }", 18, "a field may not be named 'to_string'"),
        Arguments.of("path with query and fragment", "path: \"/things/{id}\"", "path: \"/v1/w/{id}/../{id}?x=1#f\"", 27, "a path may not carry a query or fragment"),
        Arguments.of("path with a dot segment", "path: \"/things/{id}\"", "path: \"/v1/w/{id}/../x\"", 27, "may not have '.' or '..' segments"),
        Arguments.of("placeholder twice", "path: \"/things/{id}\"", "path: \"/things/{id}/{id}\"", 27, "placeholder {id} appears twice"),
        Arguments.of("placeholder not snake_case", "path: \"/things/{id}\"", "path: \"/things/{id}/{sh-op}\"", 27, "'{sh-op}' is not a placeholder"),
        Arguments.of("300-character function name", "  list_things:\n", "  " + "l".repeat(300) + ":\n", 31, "name of 300 characters; at most 64 are allowed"),
        Arguments.of("line separator in text", "summary: Demo provider.", "summary: \"Demo\\u2028provider.\"", 3, "contains the line separator U+2028"),
        Arguments.of("setting pattern that is no regex", "credentials:\n", "settings:\n  region: { description: Region., pattern: \"[a-\" }\ncredentials:\n", 6, "not a regular expression"),
        Arguments.of("wire names nesting into a value", param, param + "\n      items: { type: string, description: I. }\n      price: { type: string, wire: \"items[0][price]\", description: P. }", 39, "need one key to hold both a value and an object"),
        Arguments.of("wire names nesting a list and an object", param, param + "\n      first: { type: string, wire: \"a[0]\", description: I. }\n      second: { type: string, wire: \"a[b]\", description: P. }", 39, "need one key to hold both a list and an object"),
        Arguments.of("a wire name whose bracket is left open", param, param + "\n      price: { type: string, wire: \"items[0][price\", description: P. }", 38, "unbalanced brackets in wire name items[0][price"),
        Arguments.of("credential shadowing a builder method", "  api_key: { description: Key. }", "  api_key: { description: Key. }\n  base_url: { description: Url. }", 7, "gives the client builder method 'baseUrl', which it already has"));
  }

  public static Stream<Arguments> allCases() {
    return Stream.concat(cases(), ungeneratable());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void rejectedWithItsPlace(String name, String from, String to, int line, String message, @TempDir Path dir) throws IOException {
    assertTrue(VALID.contains(from), "case does not apply: " + name);
    Path file = dir.resolve("demo.yaml");
    Files.writeString(file, VALID.replace(from, to), StandardCharsets.UTF_8);
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(file));
    SpecProblem first = e.problems().get(0);
    assertTrue(e.problems().stream().anyMatch(p -> p.toString().contains(message)), name + ": " + e.getMessage());
    SpecProblem hit = e.problems().stream().filter(p -> p.toString().contains(message)).findFirst().orElse(first);
    assertEquals(file.toString(), hit.file());
    assertEquals(line, hit.line(), name + ": " + hit);
    assertTrue(hit.column() >= 1, name);
  }

  @Test
  void validBaseSpecLoads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("demo.yaml");
    Files.writeString(file, VALID, StandardCharsets.UTF_8);
    assertEquals(2, SpecLoader.load(file).functions().size());
  }

  @Test
  void twoSpecsForOneProviderAreRejected(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, VALID, StandardCharsets.UTF_8);
    Files.writeString(b, VALID, StandardCharsets.UTF_8);
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.loadAll(List.of(a, b)));
    assertEquals(b + ":1:1: provider: provider 'demo' is already defined in " + a, e.problems().get(0).toString());
  }

  @Test
  void everyProblemOfEveryFileIsReportedInOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("demo.yaml");
    Files.writeString(file, VALID.replace("returns: Thing\n", "returns: Nope\n").replace("{id}", "{x}"), StandardCharsets.UTF_8);
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(file));
    assertTrue(e.problems().size() >= 2, e.getMessage());
    assertEquals(e.problems().stream().sorted().toList(), e.problems());
  }
}
