package dev.specloom.lua.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * A command another module adds to {@code specloom-lua} (the MCP server's {@code mcp}), found with
 * {@link java.util.ServiceLoader} through {@code META-INF/services/dev.specloom.lua.cli.Subcommand}, so the CLI
 * needs no compile-time dependency on what builds on the host.
 */
public interface Subcommand {
  /** The first word of the command line that selects this command. */
  String name();

  /** Runs the command with the words after its name; the exit code follows {@link Main}'s (2: usage error). */
  int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err, Function<String, String> env);
}
