package dev.specloom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specloom.codegen.emit.openapi.OpenApiEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Pagination;
import dev.specloom.model.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSpecTest {
  @TempDir
  Path dir;

  @Test
  void passesTheLoaderWithTheAskedNumberOfFunctionsAndStripesShape() throws Exception {
    Spec spec = SpecLoader.load(SyntheticSpec.write(dir, 250));

    assertEquals(250, spec.functions().size());
    assertEquals(2 + 2 * 50, spec.models().size());
    Function list = spec.function("list_resource_49").orElseThrow();
    assertEquals("GET", list.http().method());
    assertEquals("/v1/resources_49", list.http().path());
    Pagination p = list.pagination().orElseThrow();
    assertEquals(Pagination.Style.CURSOR_AFTER_LAST, p.style());
    assertEquals("resources", p.items());
    Function create = spec.function("create_resource_0").orElseThrow();
    assertEquals(7, create.params().size());
    assertEquals("address[city]", create.param("address_city").orElseThrow().wire());
    assertTrue(create.isWrite());
    assertTrue(spec.function("delete_resource_7").orElseThrow().destructive());
  }

  @Test
  void itsOpenApiDocumentHasOneOperationPerFunction() throws Exception {
    ObjectNode doc = new OpenApiEmitter(SpecLoader.load(SyntheticSpec.write(dir, 1000))).document();

    assertEquals(1000, OpenApiGeneratorBench.operations(doc));
  }

  @Test
  void sizesComeInWholeResources() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticSpec.write(dir, 252));
    assertEquals("functions must be a multiple of 5", e.getMessage());
  }
}
