package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specloom.codegen.emit.openapi.OpenApiEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.codegen.model.Placeholders;
import dev.specloom.codegen.model.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each provider's OpenAPI document: every function is an operation, references resolve, placeholders are declared. */
class OpenApiTest {
  @ParameterizedTest
  @ValueSource(strings = {"stripe", "chartmogul", "chargeover"})
  void everyFunctionIsDescribed(String provider) throws Exception {
    Spec spec = SpecLoader.load(Path.of("../specs/" + provider + ".yaml"));
    JsonNode doc = new OpenApiEmitter(spec).document();
    assertEquals("3.0.3", doc.path("openapi").asText());
    List<String> described = new ArrayList<>();
    doc.path("x-specloom-raw-functions").forEach(n -> described.add(n.asText()));
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      JsonNode o = op.getValue();
      if (!o.path("operationId").asText().contains("_via_")) described.add(o.path("operationId").asText());
      o.path("x-specloom-functions").forEach(n -> described.add(n.asText()));
      assertTrue(o.path("x-specloom-operation").asText().matches("read|write"), o.toString());
      for (String placeholder : Placeholders.in(path.getKey())) {
        boolean declared = false;
        for (JsonNode p : o.path("parameters")) declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(placeholder);
        assertTrue(declared, path.getKey() + " " + op.getKey() + " declares {" + placeholder + "}");
      }
    }));
    assertEquals(spec.functions().stream().map(f -> f.name()).sorted().toList(), described.stream().sorted().toList());
    String text = doc.toString();
    int at = 0;
    while ((at = text.indexOf("#/components/schemas/", at)) >= 0) {
      String name = text.substring(at + 21, text.indexOf('"', at));
      assertTrue(doc.path("components").path("schemas").has(name), "unresolved $ref " + name);
      at++;
    }
  }
}
