package dev.specloom.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code specloom sandbox ...}: the offline sandbox's commands. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = Specloom.Version.class,
    subcommands = SandboxServeCommand.class, synopsisHeading = "usage: ", customSynopsis = SandboxServeCommand.SYNOPSIS,
    description = "The offline sandbox: loopback simulators of the providers of your specs, with their seed data.")
final class SandboxCommand implements Callable<Integer> {
  @ParentCommand
  Specloom specloom;

  @Spec
  private CommandSpec spec;

  /** No command: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "sandbox needs a command");
  }
}
