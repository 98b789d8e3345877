package dev.specloom.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.codegen.emit.Emitters;
import dev.specloom.model.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/writing-a-spec.md cannot rot: its complete example loads and generates every target, each YAML snippet
 * is an excerpt of that example, and its validation transcript is what the loader reports.
 */
class WritingASpecGuideTest {
  static final Path GUIDE = Path.of("../docs/writing-a-spec.md");
  static final Pattern FENCE = Pattern.compile("(?:<!-- ([a-z-]+) -->\\n)?```([a-z]*)\\n(.*?)\\n```", Pattern.DOTALL);

  record Block(String marker, String lang, String text) {}

  static List<Block> blocks() throws Exception {
    Matcher m = FENCE.matcher(Files.readString(GUIDE));
    List<Block> out = new ArrayList<>();
    while (m.find()) out.add(new Block(m.group(1), m.group(2), m.group(3)));
    return out;
  }

  static Block marked(String marker) throws Exception {
    return blocks().stream().filter(b -> marker.equals(b.marker())).findFirst()
        .orElseThrow(() -> new AssertionError("no block marked " + marker + " in " + GUIDE));
  }

  @Test
  void theCompleteExampleLoadsAndGeneratesEveryTarget(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tally.yaml");
    Files.writeString(file, marked("complete-spec").text() + "\n");
    Spec spec = SpecLoader.load(file);
    assertEquals("tally", spec.provider());
    assertEquals(List.of("list_customers", "delete_customer", "create_invoice", "list_invoices"),
        spec.functions().stream().map(f -> f.name()).toList());
    Path out = dir.resolve("out");
    Emitters.emit(List.of(spec), Emitters.TARGETS, out);
    for (String generated : List.of("java/dev/specloom/tally/TallyClient.java", "java/dev/specloom/lua/glue/TallyBinding.java",
        "resources/dev/specloom/tally/docs/tally.md", "resources/dev/specloom/tally/tools/tally.tools.json",
        "resources/dev/specloom/tally/openapi/tally.openapi.json")) {
      assertTrue(Files.isRegularFile(out.resolve(generated)), generated);
    }
  }

  @Test
  void everyYamlSnippetIsAnExcerptOfTheCompleteExample() throws Exception {
    String complete = marked("complete-spec").text();
    List<Block> snippets = blocks().stream().filter(b -> b.lang().equals("yaml") && b.marker() == null).toList();
    assertTrue(snippets.size() >= 8, "snippets: " + snippets.size());
    for (Block b : snippets) assertTrue(complete.contains(b.text()), "not in the complete example:\n" + b.text());
  }

  /** Every key the schema knows (top level, models, fields, functions, http, params, pagination) is explained. */
  @Test
  void theGuideNamesEveryKeyOfTheFormat() throws Exception {
    String guide = Files.readString(GUIDE);
    JsonNode schema = new ObjectMapper().readTree(Path.of("../specs/spec.schema.json").toFile());
    List<JsonNode> objects = List.of(schema, schema.at("/$defs/model"), schema.at("/$defs/field"), schema.at("/$defs/param"),
        schema.at("/$defs/function"), schema.at("/$defs/function/properties/http"), schema.at("/$defs/function/properties/pagination"));
    List<String> missing = new ArrayList<>();
    for (JsonNode o : objects) {
      o.path("properties").fieldNames().forEachRemaining(k -> {
        if (!guide.contains("`" + k + "`")) missing.add(k);
      });
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theValidationTranscriptIsWhatTheLoaderReports() throws Exception {
    String broken = marked("complete-spec").text()
        .replace("    returns: CustomerPage\n", "    returns: CustomerPages\n")
        .replace("limit: { type: integer, default: 10,", "limit: { type: integer, default: 500,")
        .replace("path: \"/v1/customers/{id}\" }", "path: \"/v1/customers/{customer_id}\" }");
    List<SpecProblem> problems = new ArrayList<>();
    SpecLoader.parse("tally.yaml", broken, problems);
    String expected = "$ java -jar specloom-cli/target/specloom.jar validate tally.yaml\n" + new SpecException(problems).getMessage()
        + "\nspecloom: " + problems.size() + " problem(s); nothing was generated";
    assertEquals(expected, marked("validate-output").text());
  }
}
