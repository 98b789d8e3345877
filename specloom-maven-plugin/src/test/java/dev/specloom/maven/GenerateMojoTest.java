package dev.specloom.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.emit.Emitters;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal in-process, configured the way Maven injects parameters; the builds of whole projects that use it
 * are the invoker runs of src/it.
 */
class GenerateMojoTest {
  static final Path FIXTURE = Path.of("../codegen/src/test/resources/fixtures/acme.yaml");

  final MavenProject project = new MavenProject(new Model());
  final List<String> logged = new ArrayList<>();

  GenerateMojo mojo(List<File> specs, List<String> targets, Path out) throws Exception {
    GenerateMojo m = new GenerateMojo();
    set(m, "specs", specs);
    set(m, "targets", targets);
    set(m, "outputDirectory", out.toFile());
    set(m, "project", project);
    m.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        logged.add(content.toString());
      }
    });
    return m;
  }

  @Test
  void generatesAndRegistersTheSourceAndResourceRoots(@TempDir Path dir) throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.copy(FIXTURE, specs.resolve("acme.yaml"));
    Path out = dir.resolve("out");
    mojo(List.of(specs.toFile()), List.of("java", "docs"), out).execute();
    assertTrue(Files.isRegularFile(out.resolve("java/dev/specloom/acme/AcmeBillingClient.java")));
    assertTrue(Files.isRegularFile(out.resolve("resources/dev/specloom/acme/docs/acme.md")));
    assertEquals(List.of(out.resolve("java").toString()), project.getCompileSourceRoots());
    assertEquals(List.of(out.resolve("resources").toString()), project.getResources().stream().map(r -> r.getDirectory()).toList());
    assertEquals(List.of("specloom: 1 spec(s), 24 file(s) written to " + out), logged);
  }

  @Test
  void upToDateOutputIsLeftAloneAndTheRootsAreStillAdded(@TempDir Path dir) throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.copy(FIXTURE, specs.resolve("acme.yaml"));
    Path out = dir.resolve("out");
    mojo(List.of(specs.toFile()), List.of("java", "docs"), out).execute();
    Path client = out.resolve("java/dev/specloom/acme/AcmeBillingClient.java");
    FileTime old = FileTime.fromMillis(946_684_800_000L);
    Files.setLastModifiedTime(client, old);
    mojo(List.of(specs.toFile()), List.of("java", "docs"), out).execute(); // the stamp now holds the new time

    MavenProject next = new MavenProject(new Model());
    GenerateMojo again = mojo(List.of(specs.toFile()), List.of("java", "docs"), out);
    set(again, "project", next);
    again.execute();

    assertEquals(old, Files.getLastModifiedTime(client), "nothing written");
    assertEquals(List.of("specloom: 1 spec(s), 24 file(s) written to " + out, "specloom: 1 spec(s), up to date: " + out,
        "specloom: 1 spec(s), up to date: " + out), logged);
    assertEquals(List.of(out.resolve("java").toString()), next.getCompileSourceRoots());
    assertEquals(List.of(out.resolve("resources").toString()), next.getResources().stream().map(r -> r.getDirectory()).toList());
  }

  @Test
  void anUnknownTargetIsAConfigurationErrorBeforeAnythingIsRead(@TempDir Path dir) throws Exception {
    MojoExecutionException e = assertThrows(MojoExecutionException.class,
        () -> mojo(List.of(FIXTURE.toFile()), List.of("java", "pyhton"), dir.resolve("out")).execute());
    assertEquals("unknown target 'pyhton'; targets: " + Emitters.TARGETS, e.getMessage());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aDirectoryWithoutSpecsFailsTheBuild(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectories(dir.resolve("specs"));
    MojoFailureException e = assertThrows(MojoFailureException.class,
        () -> mojo(List.of(empty.toFile()), List.of("java"), dir.resolve("out")).execute());
    assertEquals("no spec files (*.yaml, *.yml) in [" + empty + "]", e.getMessage());
    assertTrue(project.getCompileSourceRoots().isEmpty());
  }

  static void set(Object target, String field, Object value) throws Exception {
    var f = GenerateMojo.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(target, value);
  }
}
