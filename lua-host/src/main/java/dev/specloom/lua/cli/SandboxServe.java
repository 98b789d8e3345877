package dev.specloom.lua.cli;

import dev.specloom.sandbox.OfflineSandbox;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code specloom-lua sandbox serve [--port N] [--provider NAME]...}: the offline simulators as a standalone
 * loopback server for any language's tests. Prints one line per provider, {@code <provider> <base URL>}, on
 * standard output, then serves until the process gets SIGINT (Ctrl-C) or SIGTERM, which stop the simulators and
 * end the process with status 0. With {@code --port N} the providers bind N, N+1, ... in the order listed
 * (default: every provider, in the bindings' order); without it each takes a free port.
 */
final class SandboxServe {
  static final String USAGE = "usage: specloom-lua sandbox serve [--port N] [--provider NAME]...";

  static final String STOPPED = "specloom-lua: sandbox stopped";

  private SandboxServe() {}

  /** What the arguments ask for. */
  record Options(int firstPort, List<String> providers) {}

  /** The options, or null after printing a usage error. {@code args} follows {@code sandbox serve}. */
  static Options parse(List<String> args, List<String> known, PrintStream err) {
    int port = 0;
    List<String> providers = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (!flag.equals("--port") && !flag.equals("--provider")) return usage(err, "unexpected argument " + flag);
      if (++i >= args.size()) return usage(err, flag + " needs a value");
      String value = args.get(i);
      if (flag.equals("--port")) {
        try {
          port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 0 || port > 65535) return usage(err, "--port takes a TCP port (0 to 65535), not '" + value + "'");
      } else if (!known.contains(value)) {
        return usage(err, "no simulator for provider '" + value + "'; there are " + known);
      } else if (providers.contains(value)) {
        return usage(err, "provider '" + value + "' is listed twice");
      } else {
        providers.add(value);
      }
    }
    return new Options(port, providers.isEmpty() ? known : providers);
  }

  private static Options usage(PrintStream err, String problem) {
    err.println("specloom-lua: " + problem + "\n" + USAGE);
    return null;
  }

  /**
   * Starts the simulators, prints their base URLs and serves until a signal ends the process; returns only on
   * a usage error (2) or when the simulators cannot start (1), e.g. a port already taken.
   */
  static int serve(List<String> args, List<String> known, PrintStream out, PrintStream err) {
    Options options = parse(args, known, err);
    if (options == null) return 2;
    OfflineSandbox sandbox;
    try {
      sandbox = OfflineSandbox.start(options.providers(), options.firstPort());
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
