package dev.specloom.sandbox;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The {@code sandbox serve} commands of both command-line tools ({@code specloom}, {@code specloom-lua}): start the
 * simulators, print one line per provider, {@code <provider> <base URL>}, on standard output, then serve until the
 * process gets SIGINT (Ctrl-C) or SIGTERM, which stop the simulators and end the process with status 0.
 */
public final class ServeUntilStopped {
  private ServeUntilStopped() {}

  /** A {@code --port} value: a TCP port, 0 for free ports; otherwise the usage problem to report. */
  public static int port(String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) throw new IllegalArgumentException("--port takes a TCP port (0 to 65535), not '" + value + "'");
    return port;
  }

  /** The last line on standard error once a signal has stopped the simulators. */
  public static String stoppedLine(String tool) {
    return tool + ": sandbox stopped";
  }

  /**
   * Starts the simulators, prints their base URLs and serves until a signal ends the process; returns only when the
   * simulators cannot start (1, with the reason on {@code err} after {@code tool: }), e.g. a port already taken.
   */
  public static int serve(String tool, Supplier<OfflineSandbox> start, PrintStream out, PrintStream err) {
    OfflineSandbox sandbox;
    try {
      sandbox = start.get();
    } catch (UncheckedIOException | IllegalArgumentException e) {
      err.println(tool + ": " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      err.println(stoppedLine(tool));
      err.flush();
      // A signal would otherwise end the JVM with 128 + its number; a signal is how this command is meant to
      // end, so it ends with 0. halt, because exit from a shutdown hook would wait for the hooks forever.
      Runtime.getRuntime().halt(0);
    }, "specloom-sandbox-shutdown"));
    for (String p : sandbox.providers()) out.println(p + " " + sandbox.baseUrl(p));
    out.flush();
    err.println(tool + ": offline sandbox serving on loopback (seed data, state kept until stopped); Ctrl-C stops it");
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sandbox.close();
    return 0;
  }
}
