package dev.specloom.lua.cli;

import dev.specloom.lua.Bindings;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.OfflineSandbox;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code specloom-lua sandbox serve [--port N] [--provider NAME]...}: the offline simulators as a standalone
 * loopback server for any language's tests. Prints one line per provider, {@code <provider> <base URL>}, on
 * standard output, then serves until the process gets SIGINT (Ctrl-C) or SIGTERM, which stop the simulators and
 * end the process with status 0. With {@code --port N} the providers bind N, N+1, ... in the order listed
 * (default: every provider, in the bindings' order); without it each takes a free port.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    synopsisHeading = "usage: ", customSynopsis = SandboxServe.SYNOPSIS,
    description = "Serves the offline sandbox on loopback until Ctrl-C or SIGTERM; prints '<provider> <base URL>' per provider.")
final class SandboxServe implements Callable<Integer> {
  static final String SYNOPSIS = "specloom-lua sandbox serve [--port N] [--provider NAME]...";
  static final String USAGE = "usage: " + SYNOPSIS;

  static final String STOPPED = "specloom-lua: sandbox stopped";

  @ParentCommand
  private SandboxCommand group;

  @Spec
  private CommandSpec spec;

  private int firstPort;

  private final List<String> providers = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", description = "Bind the providers to N, N+1, ... (default: free ports).")
  void port(String value) {
    try {
      firstPort = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      firstPort = -1;
    }
    if (firstPort < 0 || firstPort > 65535) throw usage("--port takes a TCP port (0 to 65535), not '" + value + "'");
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
    return serve(providers.isEmpty() ? known() : providers, group.main.out(), group.main.err());
  }

  /**
   * Starts the simulators, prints their base URLs and serves until a signal ends the process; returns only
   * when the simulators cannot start (1), e.g. a port already taken.
   */
  private int serve(List<String> chosen, PrintStream out, PrintStream err) {
    OfflineSandbox sandbox;
    try {
      sandbox = OfflineSandbox.start(chosen, firstPort);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      err.println("specloom-lua: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      err.println(STOPPED);
      err.flush();
      // A signal would otherwise end the JVM with 128 + its number; a signal is how this command is meant to
      // end, so it ends with 0. halt, because exit from a shutdown hook would wait for the hooks forever.
      Runtime.getRuntime().halt(0);
    }, "specloom-sandbox-shutdown"));
    for (String p : sandbox.providers()) out.println(p + " " + sandbox.baseUrl(p));
    out.flush();
    err.println("specloom-lua: offline sandbox serving on loopback (seed data, state kept until stopped); Ctrl-C stops it");
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sandbox.close();
    return 0;
  }
}
