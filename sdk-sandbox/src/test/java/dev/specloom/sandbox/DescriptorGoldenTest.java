package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.specloom.model.simulator.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The descriptor generated from each spec (what the simulator runs), one test per provider, against a reviewed copy
 * in src/test/resources/golden. After an intended change, regenerate with -Dgolden.update=true and review the diff.
 */
class DescriptorGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TestFactory
  Stream<DynamicTest> eachProvidersDescriptorIsTheReviewedOne() {
    return Stream.of("stripe", "chartmogul", "chargeover").map(provider -> DynamicTest.dynamicTest(provider, () -> {
      String actual = generated(provider);
      Path golden = GOLDEN.resolve(provider + ".sandbox.json");
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, golden.toString());
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachDescriptorLoadsWithEveryTemplateParsed() {
    return Stream.of("stripe", "chartmogul", "chargeover").map(provider -> DynamicTest.dynamicTest(provider,
        () -> assertEquals(List.of(provider), List.of(Simulation.load(provider).descriptor().provider()))));
  }

  private static String generated(String provider) throws IOException {
    try (InputStream in = DescriptorGoldenTest.class.getClassLoader().getResourceAsStream(Descriptor.resource(provider))) {
      assertNotNull(in, provider + ": no descriptor on the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
