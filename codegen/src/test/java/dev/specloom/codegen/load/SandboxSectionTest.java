package dev.specloom.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.codegen.emit.sandbox.SandboxEmitter;
import dev.specloom.model.simulator.Sandbox;
import dev.specloom.model.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec's sandbox section: read into the model, checked with file:line:column, emitted as the descriptor. */
class SandboxSectionTest {
  static final String SANDBOX = """
      sandbox:
        errors:
          not_found: { status: 404, body: { message: "No {resource} '{id}'" } }
        resources:
          thing:
            model: Thing
            id: { field: id, prefix: th_ }
            seed:
              - { id: th_1 }
        functions:
          get_thing: { get: thing }
          list_things: { list: thing, filters: { after: id } }
      """;

  Path write(Path dir, String text) throws Exception {
    Path file = dir.resolve("demo.yaml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void theSectionBecomesTheModelAndTheDescriptor(@TempDir Path dir) throws Exception {
    Spec spec = SpecLoader.load(write(dir, MalformedSpecTest.VALID + SANDBOX));
    Sandbox s = spec.sandbox().orElseThrow();
    Sandbox.Resource thing = s.resources().get("thing");
    assertEquals("Thing", thing.model());
    assertEquals(Sandbox.IdStyle.RANDOM, thing.idStyle());
    assertEquals("th_", thing.idPrefix());
    assertEquals(List.of(Map.of("id", "th_1")), thing.seed());
    assertEquals(Sandbox.Kind.LIST, s.functions().get("list_things").kind());
    assertEquals(Map.of("after", "id"), s.functions().get("list_things").filters());
    assertEquals(404, s.errors().get("not_found").status());

    JsonNode d = new ObjectMapper().readTree(new SandboxEmitter(spec).text());
    assertEquals("", d.path("base_path").asText());
    assertEquals("json", d.path("encoding").asText());
    assertEquals("basic", d.path("auth").path(0).asText());
    assertEquals("th_", d.path("sandbox").path("resources").path("thing").path("id_prefix").asText());
    JsonNode list = d.path("functions").path(1);
    assertEquals("list_things", list.path("name").asText());
    assertEquals("cursor_after_last", list.path("pagination").path("kind").asText());
    assertEquals("list", d.path("sandbox").path("functions").path("list_things").path("kind").asText());
    assertEquals("string", d.path("models").path("Thing").path("id").path("type").asText());
  }

  @Test
  void refusalsStateErrorsAndListOrderReachTheDescriptor(@TempDir Path dir) throws Exception {
    String text = MalformedSpecTest.VALID + SANDBOX
        .replace("  errors:\n", "  errors:\n    gone: { status: 410, body: { message: \"{id} is {status}\" } }\n")
        .replace("      model: Thing\n", "      model: Thing\n      status_field: id\n")
        .replace("    get_thing: { get: thing }", "    get_thing:\n      delete: thing\n      from: [draft]\n      state_error: gone\n"
            + "      refuse:\n        - { if: \"record.id == 'th_1'\", error: not_found }\n"
            + "        - { if: [\"has(request.x)\", \"request.x > 3\"], error: gone }")
        .replace("filters: { after: id } }", "filters: { after: id }, order: { by: id, desc: true }, set: { has_more: false } }");
    Spec spec = SpecLoader.load(write(dir, text));
    Sandbox.Behaviour get = spec.sandbox().orElseThrow().functions().get("get_thing");
    assertEquals(java.util.Optional.of("gone"), get.stateError());
    assertEquals(List.of(new Sandbox.Refusal(List.of("record.id == 'th_1'"), "not_found"),
        new Sandbox.Refusal(List.of("has(request.x)", "request.x > 3"), "gone")), get.refusals());
    JsonNode d = new ObjectMapper().readTree(new SandboxEmitter(spec).text());
    JsonNode b = d.path("sandbox").path("functions").path("get_thing");
    assertEquals("gone", b.path("state_error").asText());
    assertEquals("[{\"conditions\":[\"record.id == 'th_1'\"],\"error\":\"not_found\"},{\"conditions\":[\"has(request.x)\","
        + "\"request.x > 3\"],\"error\":\"gone\"}]", b.path("refusals").toString());
    JsonNode list = d.path("sandbox").path("functions").path("list_things");
    assertEquals("{\"by\":\"id\",\"desc\":true}", list.path("order").toString());
    assertEquals("{\"has_more\":false}", list.path("set").toString());
  }

  @Test
  void aSpecWithoutTheSectionEmitsNoDescriptor(@TempDir Path dir) throws Exception {
    Spec spec = SpecLoader.load(write(dir, MalformedSpecTest.VALID));
    assertEquals(List.of(), new SandboxEmitter(spec).generated());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unknown model", "    model: Thing", "    model: Thang", "unknown model 'Thang' (did you mean 'Thing'?)"),
        Arguments.of("unknown seed field", "      - { id: th_1 }", "      - { id: th_1, nme: x }", "'nme' is not a field of Thing"),
        Arguments.of("seed without id", "      - { id: th_1 }", "      - { }", "a seed record needs its id 'id'"),
        Arguments.of("unknown function", "    get_thing: { get: thing }", "    get_thingy: { get: thing }", "'get_thingy' is not a function (did you mean 'get_thing'?)"),
        Arguments.of("unknown resource", "    get_thing: { get: thing }", "    get_thing: { get: thong }", "unknown resource 'thong'"),
        Arguments.of("two kinds", "    get_thing: { get: thing }", "    get_thing: { get: thing, delete: thing }", "names more than one of"),
        Arguments.of("no kind", "    get_thing: { get: thing }", "    get_thing: { refs: {} }", "needs one of"),
        Arguments.of("filter on an unknown param", "filters: { after: id }", "filters: { before: id }", "'before' is not a param of list_things"),
        Arguments.of("filter on an unknown field", "filters: { after: id }", "filters: { after: ident }", "'ident' is not a field of Thing"),
        Arguments.of("from outside an action or delete", "    get_thing: { get: thing }", "    get_thing: { get: thing, from: [open] }",
            "only an action or a delete has from-statuses"),
        Arguments.of("unknown error kind (reported at the map that holds it)", "  errors:\n    not_found:", "  errors:\n    not_fund:",
            "error 'not_fund' is never raised (did you mean 'not_found'?)"),
        Arguments.of("state_error without from", "    get_thing: { get: thing }", "    get_thing: { get: thing, state_error: not_found }",
            "state_error needs from-statuses to refuse"),
        Arguments.of("unknown state_error", "    get_thing: { get: thing }", "    get_thing: { delete: thing, state_error: gone }",
            "unknown error 'gone'"),
        Arguments.of("refusal on a get", "    get_thing: { get: thing }",
            "    get_thing: { get: thing, refuse: [{ if: \"record.id == 'x'\", error: not_found }] }",
            "only a create, update, action or delete refuses on its record"),
        Arguments.of("refusal with an unknown error", "    get_thing: { get: thing }",
            "    get_thing: { delete: thing, refuse: [{ if: \"record.id == 'x'\", error: nope }] }", "unknown error 'nope'"),
        Arguments.of("refusal without a condition", "    get_thing: { get: thing }",
            "    get_thing: { delete: thing, refuse: [{ error: not_found }] }", "if"),
        Arguments.of("refusal with an empty condition list", "    get_thing: { get: thing }",
            "    get_thing: { delete: thing, refuse: [{ if: [], error: not_found }] }", "if"),
        Arguments.of("order outside a list", "    get_thing: { get: thing }", "    get_thing: { get: thing, order: { by: id } }",
            "only a list has an order"),
        Arguments.of("order by an unknown field", "filters: { after: id } }", "filters: { after: id }, order: { by: made, desc: true } }",
            "'made' is not a field of Thing"),
        Arguments.of("order without by", "filters: { after: id } }", "filters: { after: id }, order: { desc: true } }", "by"),
        Arguments.of("list answer field unknown", "filters: { after: id } }", "filters: { after: id }, set: { objekt: list } }",
            "'objekt' is not a field of ThingList"),
        Arguments.of("bad id style", "id: { field: id, prefix: th_ }", "id: { field: id, style: guid }", "style"),
        Arguments.of("page_number on an unknown param", "filters: { after: id } }", "filters: { after: id }, page_number: pge }",
            "'pge' is not a param of list_things"),
        Arguments.of("page_number outside a list", "    get_thing: { get: thing }", "    get_thing: { get: thing, page_number: after }",
            "only a list has a page number"),
        Arguments.of("unknown name in a default", "      seed:", "      defaults: { id: \"${reqest.x}\" }\n      seed:",
            "unknown name 'reqest.x' in ${reqest.x} (at character 1 of the expression)"),
        Arguments.of("unknown function inside a text", "    get_thing: { get: thing }",
            "    get_thing: { update: thing, set: { id: \"th_${lowr(request.x)}\" } }",
            "unknown function 'lowr' in ${lowr(request.x)}"),
        Arguments.of("unclosed call in an answer", "    get_thing: { get: thing }",
            "    get_thing: { get: thing, answer: { deleted: \"${has(record.id}\" } }", "expected ')' in ${has(record.id}"),
        Arguments.of("trailing text in a refusal", "    get_thing: { get: thing }",
            "    get_thing: { delete: thing, refuse: [{ if: \"record.id == 'x' y\", error: not_found }] }",
            "unexpected 'y' in ${record.id == 'x' y} (at character 18 of the expression)"),
        Arguments.of("unclosed quote in a case", "    get_thing: { get: thing }",
            "    get_thing: { update: thing, cases: [{ when: { \"record.id == 'x\": true }, set: { id: y } }] }",
            "unclosed quote"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectedWithItsPlace(String name, String from, String to, String message, @TempDir Path dir) throws Exception {
    assertTrue(SANDBOX.contains(from), "case does not apply: " + name);
    String text = MalformedSpecTest.VALID + SANDBOX.replace(from, to);
    Path file = write(dir, text);
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(file));
    SpecProblem hit = e.problems().stream().filter(p -> p.toString().contains(message)).findFirst()
        .orElseThrow(() -> new AssertionError(name + ": " + e.getMessage()));
    List<String> lines = text.lines().toList();
    String marker = to.strip().split("\n")[0].strip();
    int expected = lines.indexOf("sandbox:");
    while (!lines.get(expected).contains(marker)) expected++;
    expected++;
    assertEquals(file.toString(), hit.file());
    assertEquals(expected, hit.line(), name + ": " + hit);
  }
}
