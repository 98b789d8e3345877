package dev.specloom.cli;

import dev.specloom.codegen.emit.Emitters;
import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;

/**
 * {@code specloom generate}: validates every spec, then writes the targets' files that changed, or nothing at all;
 * an up-to-date output is not even read again (see {@link Emitters#update}).
 */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Specloom.Version.class,
    synopsisHeading = "usage: ", customSynopsis = GenerateCommand.SYNOPSIS,
    description = "Generates from specs: Java sources under OUT/java, classpath resources under OUT/resources, the site under OUT/site.")
final class GenerateCommand implements Callable<Integer> {
  static final String SYNOPSIS = "specloom generate (--specs DIR | --spec FILE)... --out DIR [--target TARGET]...";

  @ParentCommand
  private Specloom specloom;

  @CommandLine.Spec // not the spec model's Spec
  private CommandSpec command;

  /**
   * {@code --specs} and {@code --spec} values, each with its option, in the order given, which is the order the
   * specs are generated in (the setters run once per occurrence: the command line allows repeated options).
   */
  private final List<String[]> sources = new ArrayList<>();

  @Option(names = "--specs", paramLabel = "DIR", description = "Every *.yaml and *.yml spec in DIR (repeatable).")
  void specs(String dir) {
    sources.add(new String[] {"--specs", dir});
  }

  @Option(names = "--spec", paramLabel = "FILE", description = "One spec file (repeatable).")
  void spec(String file) {
    sources.add(new String[] {"--spec", file});
  }

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write.")
  private Path out;

  @Option(names = "--target", paramLabel = "TARGET", description = "java (default), lua, docs, tools, openapi, site, sandbox.")
  private List<String> targets = new ArrayList<>();

  @Override
  public Integer call() throws SpecException, IOException {
    List<Path> files = new ArrayList<>();
    for (String[] source : sources) {
      Path path = Path.of(source[1]);
      if (source[0].equals("--spec")) {
        files.add(path);
        continue;
      }
      if (!Files.exists(path)) throw usage("--specs " + source[1] + ": no such file or directory");
      List<Path> found = SpecLoader.files(path);
      if (found.isEmpty()) throw usage("--specs " + source[1] + ": no .yaml or .yml files");
      files.addAll(found);
    }
    if (files.isEmpty()) throw usage("generate needs --specs DIR or --spec FILE");
    if (targets.isEmpty()) targets.add("java");
    for (String t : targets) {
      if (!Emitters.TARGETS.contains(t)) throw usage("unknown target " + t + "; targets: " + Emitters.TARGETS);
    }
    long start = System.nanoTime();
    int written = Emitters.update(files, targets, out, SpecLoader::loadAll);
    specloom.out().printf("specloom: %d spec(s), %d file(s) written to %s in %d ms%n", files.size(), written, out,
        (System.nanoTime() - start) / 1_000_000);
    return 0;
  }

  private ParameterException usage(String problem) {
    return new ParameterException(command.commandLine(), problem);
  }
}
