package dev.specloom.mcp;

import dev.specloom.lua.Account;
import dev.specloom.lua.Bindings;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.lua.cli.CliAccounts;
import dev.specloom.lua.cli.Subcommand;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * {@code specloom-lua mcp [--accounts FILE] [--allow-writes] [--http PORT] [--max-result-bytes N]}: the MCP
 * server over stdio (the default: standard output carries only the protocol, everything else goes to standard
 * error) or streamable HTTP on 127.0.0.1. Accounts as for {@code run}; with none, the offline sandbox, and
 * standard error and the server instructions say so. Serves until standard input closes (stdio) or the process
 * is stopped (HTTP).
 */
public final class McpCommand implements Subcommand {
  static final String USAGE = "usage: specloom-lua mcp [--accounts FILE] [--allow-writes] [--http PORT] [--max-result-bytes N]";
  static final String SANDBOX_NOTICE = "specloom-lua mcp: serving the offline sandbox (loopback simulators with seed"
      + " data, writes allowed; nothing real is called: ";

  @Override
  public String name() {
    return "mcp";
  }

  @Override
  public int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err, Function<String, String> env) {
    Path accounts = null;
    boolean allowWrites = false;
    Integer httpPort = null;
    int maxResultBytes = SpecloomMcpServer.DEFAULT_MAX_RESULT_BYTES;
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        switch (a) {
          case "--accounts" -> accounts = Path.of(value(args, ++i, a));
          case "--allow-writes" -> allowWrites = true;
          case "--http" -> httpPort = number(value(args, ++i, a), a, 0, 65535);
          case "--max-result-bytes" -> maxResultBytes = number(value(args, ++i, a), a, 1024, Integer.MAX_VALUE);
          default -> throw new IllegalArgumentException("unexpected argument " + a);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return 2;
    }
    List<ProviderBinding> bindings = Bindings.all();
    try (CliAccounts setup = new CliAccounts(bindings)) {
      try {
        List<Account> read = setup.load(accounts, env);
        if (!setup.onSandbox().isEmpty()) err.println(SANDBOX_NOTICE + setup.onSandbox() + ")");
        SpecloomMcpServer mcp = SpecloomMcpServer.builder().bindings(bindings).accounts(read).allowWrites(allowWrites)
            .offlineSandbox(accounts == null).maxResultBytes(maxResultBytes).build();
        err.println("specloom-lua mcp: " + mcp.toolNames().size() + " tools");
        return httpPort == null ? stdio(mcp, stdin, out) : http(mcp, httpPort, err);
      } catch (IOException | RuntimeException e) {
        err.println("specloom-lua mcp: " + setup.masked(e.getMessage()));
        return 1;
      }
    }
  }

  /** Serves one client on standard input and output until the client closes its end. */
  private static int stdio(SpecloomMcpServer mcp, InputStream stdin, PrintStream out) {
    CountDownLatch closed = new CountDownLatch(1);
    InputStream watched = new FilterInputStream(stdin) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) closed.countDown();
        return n;
      }

      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c < 0) closed.countDown();
        return c;
      }
    };
    // Anything else printed to standard output would corrupt the protocol: it goes to standard error instead.
    PrintStream previous = System.out;
    System.setOut(System.err);
    McpSyncServer server = mcp.start(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), watched, out));
    try {
      closed.await();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      server.closeGracefully();
      System.setOut(previous);
    }
  }

  /** Serves streamable HTTP on loopback until the process is stopped (SIGINT, SIGTERM). */
  private static int http(SpecloomMcpServer mcp, int port, PrintStream err) throws IOException {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    try (LoopbackHttp http = LoopbackHttp.start(mcp, port)) {
      err.println("specloom-lua mcp: streamable HTTP at " + http.url());
      err.flush();
      Thread hook = new Thread(() -> {
        stop.countDown();
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "mcp-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      stop.await();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      stopped.countDown();
    }
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
    return args.get(i);
  }

  private static int number(String text, String option, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max + ", not " + text);
    }
  }
}
