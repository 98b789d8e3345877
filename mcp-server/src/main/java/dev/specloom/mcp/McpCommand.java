package dev.specloom.mcp;

import dev.specloom.lua.Account;
import dev.specloom.lua.Bindings;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.lua.cli.CliAccounts;
import dev.specloom.lua.cli.Main;
import dev.specloom.lua.cli.Subcommand;
import dev.specloom.runtime.SpecloomVersion;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code specloom-lua mcp [--accounts FILE] [--allow-writes] [--http PORT] [--max-result-bytes N]}: the MCP
 * server over stdio (the default: standard output carries only the protocol, everything else goes to standard
 * error) or streamable HTTP on 127.0.0.1. Accounts as for {@code run}; with none, the offline sandbox, and
 * standard error and the server instructions say so. Serves until standard input closes (stdio) or the process
 * is stopped (HTTP).
 */
@Command(name = "mcp", mixinStandardHelpOptions = true, versionProvider = McpCommand.Version.class,
    synopsisHeading = "usage: ", customSynopsis = McpCommand.SYNOPSIS,
    description = "Serves every function of every provider whose glue is on the classpath as MCP tools, with run_lua"
        + " and the docs as resources; over standard input and output, or streamable HTTP on 127.0.0.1.")
public final class McpCommand implements Subcommand, Callable<Integer> {
  static final String SYNOPSIS = "specloom-lua mcp [--accounts FILE] [--allow-writes] [--http PORT] [--max-result-bytes N]";
  static final String SANDBOX_NOTICE = "specloom-lua mcp: serving the offline sandbox (loopback simulators with seed"
      + " data, writes allowed; nothing real is called: ";

  @ParentCommand
  private Main main;

  @Option(names = "--accounts", paramLabel = "FILE", description = "YAML accounts file ($${ENV_VAR} interpolated), as for run; without it, the offline sandbox.")
  private Path accounts;

  @Option(names = "--allow-writes", description = "Let writes run on accounts whose policy is 'ask' without asking.")
  private boolean allowWrites;

  @Option(names = "--http", paramLabel = "PORT", description = "Serve streamable HTTP at http://127.0.0.1:PORT/mcp (0: a free port) instead of standard input and output.")
  private Integer httpPort;

  @Option(names = "--max-result-bytes", paramLabel = "N", description = "Cut a result's text at N bytes, with a note (default ${DEFAULT-VALUE}, at least 1024).")
  private int maxResultBytes = SpecloomMcpServer.DEFAULT_MAX_RESULT_BYTES;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
      throw new ParameterException(spec.commandLine(), "--http must be a port from 0 to 65535, not " + httpPort);
    }
    if (maxResultBytes < 1024) {
      throw new ParameterException(spec.commandLine(), "--max-result-bytes must be at least 1024, not " + maxResultBytes);
    }
    PrintStream err = main.err();
    List<ProviderBinding> bindings = Bindings.all();
    try (CliAccounts setup = new CliAccounts(bindings)) {
      try {
        List<Account> read = setup.load(accounts, main.env());
        if (!setup.onSandbox().isEmpty()) err.println(SANDBOX_NOTICE + setup.onSandbox() + ")");
        SpecloomMcpServer mcp = SpecloomMcpServer.builder().bindings(bindings).accounts(read).allowWrites(allowWrites)
            .offlineSandbox(accounts == null).maxResultBytes(maxResultBytes).build();
        err.println("specloom-lua mcp: " + mcp.toolNames().size() + " tools");
        return httpPort == null ? stdio(mcp, main.stdin(), main.out()) : http(mcp, httpPort, err);
      } catch (IOException | RuntimeException e) {
        err.println("specloom-lua mcp: " + setup.masked(e.getMessage()));
        return 1;
      }
    }
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"specloom-lua " + SpecloomVersion.get()};
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
}
