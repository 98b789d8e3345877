package dev.specloom.cli;

import dev.specloom.codegen.emit.sandbox.SandboxEmitter;
import dev.specloom.codegen.load.SpecException;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Spec;
import dev.specloom.model.simulator.Descriptor;
import dev.specloom.sandbox.OfflineSandbox;
import dev.specloom.sandbox.ServeUntilStopped;
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
 * {@code specloom sandbox serve [--port N] --spec FILE...}: the simulators of the given specs' providers as a
 * standalone loopback server, served by {@link ServeUntilStopped} (one {@code <provider> <base URL>} line each,
 * Ctrl-C or SIGTERM stops them with status 0). Each spec is loaded and checked as {@code specloom validate} does
 * (exit 1 with every problem at its file:line:column; two specs of one provider are such a problem), and its
 * descriptor is built in memory: nothing is written.
 * With {@code --port N} the providers bind N, N+1, ... in the order of the specs; without it each takes a free port.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Specloom.Version.class,
    synopsisHeading = "usage: ", customSynopsis = SandboxServeCommand.SYNOPSIS,
    description = "Serves the simulators of the specs' providers on loopback until Ctrl-C or SIGTERM; prints '<provider> <base URL>' per provider.")
final class SandboxServeCommand implements Callable<Integer> {
  static final String SYNOPSIS = "specloom sandbox serve [--port N] --spec FILE...";

  static final String STOPPED = ServeUntilStopped.stoppedLine("specloom");

  @ParentCommand
  private SandboxCommand group;

  @CommandLine.Spec // not the spec model's Spec
  private CommandSpec command;

  private int firstPort;

  @Option(names = "--port", paramLabel = "N", description = "Bind the providers to N, N+1, ... (default: free ports).")
  void port(String value) {
    try {
      firstPort = ServeUntilStopped.port(value);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  @Option(names = "--spec", paramLabel = "FILE", description = "A spec with a sandbox: section (repeatable).")
  private List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws SpecException {
    if (files.isEmpty()) throw usage("sandbox serve needs --spec FILE");
    for (Path f : files) {
      if (!Files.isRegularFile(f)) throw usage("--spec " + f + ": no such file");
    }
    List<Spec> specs = SpecLoader.loadAll(files);
    List<Descriptor> descriptors = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      if (s.sandbox().isEmpty()) throw usage("--spec " + files.get(i) + ": the spec has no sandbox: section to simulate");
      descriptors.add(new SandboxEmitter(s).descriptor());
    }
    Specloom specloom = group.specloom;
    return ServeUntilStopped.serve("specloom", () -> OfflineSandbox.start(descriptors, firstPort), specloom.out(),
        specloom.err());
  }

  private ParameterException usage(String problem) {
    return new ParameterException(command.commandLine(), problem);
  }
}
