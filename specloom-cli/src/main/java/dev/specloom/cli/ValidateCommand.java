package dev.specloom.cli;

import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code specloom validate SPEC...}: one {@code ok} line per spec, or every problem with its position. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Specloom.Version.class,
    synopsisHeading = "usage: ", customSynopsis = ValidateCommand.SYNOPSIS,
    description = "Validates specs; prints '<file>: ok (N functions)' per spec, or every problem as file:line:column.")
final class ValidateCommand implements Callable<Integer> {
  static final String SYNOPSIS = "specloom validate SPEC...";

  @ParentCommand
  private Specloom specloom;

  @Parameters(paramLabel = "SPEC", arity = "1..*", description = "Spec files (YAML).")
  private List<Path> files;

  @Override
  public Integer call() throws SpecException {
    List<Spec> specs = SpecLoader.loadAll(files);
    for (Spec s : specs) specloom.out().println(s.sourceFile() + ": ok (" + s.functions().size() + " functions)");
    return 0;
  }
}
