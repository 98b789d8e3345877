package dev.specloom.maven;

import dev.specloom.codegen.emit.Emitters;
import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Validates the project's Specloom specs and generates from them, like {@code specloom generate}. Any spec
 * problem fails the build with every {@code file:line:column} message and nothing is written. The Java
 * output (SDK and Lua glue) becomes a compile source root; the resources output (Markdown reference, tool
 * definitions, OpenAPI) becomes a resource directory, so both end up in the project's jar. Output that is up to
 * date (same specs, targets and generator, no generated file touched since) is left alone, the roots still added.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  /** Spec files, or directories whose {@code *.yaml} and {@code *.yml} files are all specs. */
  @Parameter(defaultValue = "${project.basedir}/src/main/specloom", required = true)
  private List<File> specs;

  /**
   * What to generate: any of java, lua, docs, tools, openapi, site, sandbox. The generated Java needs
   * {@code dev.specloom:sdk-runtime} on the classpath; the Lua glue also needs the Lua host, {@code dev.specloom:lua-host}.
   */
  @Parameter(defaultValue = "java,docs,tools,openapi", required = true)
  private List<String> targets;

  /** Where to write: Java sources under {@code java/}, classpath resources under {@code resources/}, the site under {@code site/}. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/specloom", required = true)
  private File outputDirectory;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    for (String t : targets) {
      if (!Emitters.TARGETS.contains(t)) {
        throw new MojoExecutionException("unknown target '" + t + "'; targets: " + Emitters.TARGETS);
      }
    }
    List<Path> files = specFiles();
    Path out = outputDirectory.toPath();
    try {
      int written = Emitters.update(files, targets, out, SpecLoader::loadAll);
      getLog().info("specloom: " + files.size() + " spec(s), "
          + (written == 0 ? "up to date: " : written + " file(s) written to ") + out);
    } catch (SpecException e) {
      throw new MojoFailureException(e.problems().size() + " problem(s) in specs; nothing was generated:\n" + e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write generated files to " + out, e);
    }
    Path java = out.resolve("java");
    if (Files.isDirectory(java)) project.addCompileSourceRoot(java.toString());
    Path resources = out.resolve("resources");
    if (Files.isDirectory(resources)) {
      Resource r = new Resource();
      r.setDirectory(resources.toString());
      project.addResource(r);
    }
  }

  private List<Path> specFiles() throws MojoFailureException, MojoExecutionException {
    List<Path> files = new ArrayList<>();
    for (File f : specs) {
      try {
        files.addAll(SpecLoader.files(f.toPath()));
      } catch (IOException e) {
        throw new MojoExecutionException("cannot list specs in " + f, e);
      }
    }
    if (files.isEmpty()) throw new MojoFailureException("no spec files (*.yaml, *.yml) in " + specs);
    return files;
  }
}
