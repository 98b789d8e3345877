package dev.specloom.lua.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code specloom-lua sandbox ...}: the offline sandbox's commands. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    subcommands = SandboxServe.class, synopsisHeading = "usage: ", customSynopsis = SandboxServe.SYNOPSIS,
    description = "The offline sandbox: loopback simulators of every provider, with seed data.")
final class SandboxCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  private CommandSpec spec;

  /** No command: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "sandbox needs a command");
  }
}
