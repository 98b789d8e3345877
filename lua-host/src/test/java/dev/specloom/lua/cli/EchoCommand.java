package dev.specloom.lua.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** A command another module brings, registered by one line in this module's test {@code META-INF/services}. */
@Command(name = "echo", mixinStandardHelpOptions = true, description = "Prints its words.")
public class EchoCommand implements Subcommand, Callable<Integer> {
  @ParentCommand
  private Main main;

  @Parameters(paramLabel = "WORD", arity = "1..*")
  private List<String> words;

  @Override
  public Integer call() {
    main.out().println(String.join(" ", words));
    return 0;
  }
}
