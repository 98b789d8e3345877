package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Which Java runs this suite. The pom's {@code temurin-25} profile runs the whole suite a second time on the
 * Temurin 25 JDK where it is installed; where it is not, this test says so and is reported as skipped.
 */
class SecondJdkTest {
  static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @Test
  void theLuaHostSuiteAlsoRunsOnTemurin25() {
    String version = System.getProperty("java.version");
    if ("temurin-25".equals(System.getProperty("specloom.second.jdk"))) {
      System.out.println("lua host tests: running on Java " + version + " (" + System.getProperty("java.vendor") + ")");
      assertEquals(25, Runtime.version().feature());
      return;
    }
    boolean present = Files.isExecutable(TEMURIN_25);
    System.out.println("lua host tests: running on Java " + version + (present ? "; again on Temurin 25 in the temurin-25 execution"
        : "; not on Temurin 25: " + TEMURIN_25 + " is absent, so the temurin-25 execution is skipped"));
    assumeTrue(present, TEMURIN_25 + " is absent: the Lua host's tests ran on Java " + version + " only");
  }
}
