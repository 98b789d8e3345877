package dev.specloom.lua.cli;

import dev.specloom.lua.Bindings;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.OfflineSandbox;
import dev.specloom.sandbox.ServeUntilStopped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code specloom-lua sandbox serve [--port N] [--provider NAME]...}: the offline simulators as a standalone
 * loopback server for any language's tests, served by {@link ServeUntilStopped} (URL lines, Ctrl-C). With
 * {@code --port N} the providers bind N, N+1, ... in the order listed (default: every provider, in the bindings'
 * order); without it each takes a free port.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    synopsisHeading = "usage: ", customSynopsis = SandboxServe.SYNOPSIS,
    description = "Serves the offline sandbox on loopback until Ctrl-C or SIGTERM; prints '<provider> <base URL>' per provider.")
final class SandboxServe implements Callable<Integer> {
  static final String SYNOPSIS = "specloom-lua sandbox serve [--port N] [--provider NAME]...";
  static final String USAGE = "usage: " + SYNOPSIS;

  private static final String TOOL = "specloom-lua";
  static final String STOPPED = ServeUntilStopped.stoppedLine(TOOL);

  @ParentCommand
  private SandboxCommand group;

  @Spec
  private CommandSpec spec;

  private int firstPort;

  private final List<String> providers = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", description = "Bind the providers to N, N+1, ... (default: free ports).")
  void port(String value) {
    try {
      firstPort = ServeUntilStopped.port(value);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  @Option(names = "--provider", paramLabel = "NAME", description = "A provider to simulate (repeatable; default: all).")
  void provider(String name) {
    List<String> known = known();
    if (!known.contains(name)) throw usage("no simulator for provider '" + name + "'; there are " + known);
    if (providers.contains(name)) throw usage("provider '" + name + "' is listed twice");
    providers.add(name);
  }

  private static List<String> known() {
    return Bindings.all().stream().map(ProviderBinding::provider).toList();
  }

  private ParameterException usage(String problem) {
    return new ParameterException(spec.commandLine(), problem);
  }

  @Override
  public Integer call() {
    List<String> chosen = providers.isEmpty() ? known() : providers;
    return ServeUntilStopped.serve(TOOL, () -> OfflineSandbox.start(chosen, firstPort), group.main.out(), group.main.err());
  }
}
