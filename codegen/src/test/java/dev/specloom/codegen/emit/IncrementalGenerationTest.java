package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generating again writes only what changed: nothing at all (the specs not even read) when neither the specs, the
 * targets nor the generated files changed, and only one spec's files when that spec changed.
 */
class IncrementalGenerationTest {
  /** A time no generated file has, so a file written again shows. */
  static final FileTime OLD = FileTime.fromMillis(946_684_800_000L);

  @TempDir Path dir;
  Path out;
  List<Path> specs = new ArrayList<>();
  int reads;

  @BeforeEach
  void copySpecs() throws IOException {
    out = dir.resolve("out");
    for (String provider : List.of("stripe", "chartmogul", "chargeover")) {
      specs.add(Files.copy(Path.of("../specs/" + provider + ".yaml"), dir.resolve(provider + ".yaml")));
    }
  }

  int generate(List<String> targets) throws SpecException, IOException {
    return Emitters.update(specs, targets, out, files -> {
      reads++;
      return SpecLoader.loadAll(files);
    });
  }

  @Test
  void upToDateOutputIsNeitherReadNorWritten() throws Exception {
    assertTrue(generate(Emitters.TARGETS) > 0);
    age();
    Map<String, String> first = tree();

    assertEquals(0, generate(Emitters.TARGETS), "files whose bytes are already there are not written again");
    assertEquals(2, reads, "touched files make the stamp stale, so the specs were read");
    assertEquals(first, tree());
    assertEquals(0, generate(Emitters.TARGETS));
    assertEquals(2, reads, "up to date: the specs were not even read");
    assertEquals(first, tree(), "and no file was written");

    Files.setLastModifiedTime(specs.get(0), OLD);
    assertEquals(0, generate(Emitters.TARGETS));
    assertEquals(2, reads, "a touched spec with the same bytes is not read either");
    assertEquals(first, tree());
  }

  @Test
  void changingOneSpecRewritesOnlyItsOwnFiles() throws Exception {
    generate(Emitters.TARGETS);
    age();
    Map<String, String> before = tree();
    Path chargeover = specs.get(2);
    String yaml = Files.readString(chargeover, StandardCharsets.UTF_8);
    String summary = "List customers from ChargeOver.";
    assertTrue(yaml.contains(summary));
    Files.writeString(chargeover, yaml.replace(summary, "List every customer from ChargeOver."), StandardCharsets.UTF_8);

    assertTrue(generate(Emitters.TARGETS) > 0);
    Map<String, String> after = tree();
    List<String> changed = before.keySet().stream().filter(f -> !before.get(f).equals(after.get(f))).toList();
    assertFalse(changed.isEmpty());
    for (String f : changed) assertTrue(f.contains("chargeover") || f.startsWith("site/"), f + " was rewritten");
    for (String f : before.keySet()) {
      if (f.contains("stripe") || f.contains("chartmogul")) assertEquals(before.get(f), after.get(f), f);
    }
    assertNotEquals(before.get("java/dev/specloom/chargeover/ChargeOverClient.java"),
        after.get("java/dev/specloom/chargeover/ChargeOverClient.java"));
  }

  @Test
  void otherTargetsOrATouchedOutputGenerateAgain() throws Exception {
    generate(List.of("java"));
    generate(List.of("java", "docs"));
    assertEquals(2, reads, "another target list");
    assertTrue(Files.isDirectory(out.resolve("resources")));

    Path client = out.resolve("java/dev/specloom/stripe/StripeClient.java");
    String text = Files.readString(client, StandardCharsets.UTF_8);
    Files.writeString(client, "edited by hand", StandardCharsets.UTF_8);
    assertEquals(1, generate(List.of("java", "docs")));
    assertEquals(text, Files.readString(client, StandardCharsets.UTF_8));

    Files.delete(client);
    assertEquals(1, generate(List.of("java", "docs")));
    assertTrue(Files.isRegularFile(client));
    assertEquals(4, reads);
  }

  @Test
  void aBadSpecWritesNothingAndLeavesTheOutputStale() throws Exception {
    generate(List.of("java"));
    Map<String, String> before = tree();
    Files.writeString(specs.get(0), "provider: [", StandardCharsets.UTF_8);
    assertThrows(SpecException.class, () -> generate(List.of("java")));
    assertEquals(before, tree());
  }

  /** Sets every generated file's modification time to {@link #OLD}. */
  private void age() throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        if (!p.getFileName().toString().equals(OutputStamp.NAME)) Files.setLastModifiedTime(p, OLD);
      }
    }
  }

  /** Every generated file's text and modification time, by path under the output root (the stamp left out). */
  private Map<String, String> tree() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = out.relativize(p).toString().replace('\\', '/');
        if (name.equals(OutputStamp.NAME)) continue;
        files.put(name, Files.getLastModifiedTime(p).toMillis() + " " + Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
