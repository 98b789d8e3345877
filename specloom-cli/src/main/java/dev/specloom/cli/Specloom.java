package dev.specloom.cli;

import dev.specloom.codegen.load.SpecException;
import dev.specloom.runtime.SpecloomVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code specloom} command line: {@code validate} ({@link ValidateCommand}), {@code generate}
 * ({@link GenerateCommand}), {@code sandbox serve} ({@link SandboxServeCommand}), {@code --help}, {@code --version}, {@code help COMMAND}. Exit status 0 on success,
 * 1 when a spec is invalid (nothing is written) or a file cannot be written, 2 on a usage error, which prints the
 * problem and the command's usage to standard error. A new command is one entry in {@code subcommands} below.
 */
@Command(name = "specloom", mixinStandardHelpOptions = true, versionProvider = Specloom.Version.class,
    subcommands = {ValidateCommand.class, GenerateCommand.class, SandboxCommand.class, CommandLine.HelpCommand.class},
    synopsisHeading = "usage: ", customSynopsis = {
        ValidateCommand.SYNOPSIS,
        "       " + GenerateCommand.SYNOPSIS,
        "       " + SandboxServeCommand.SYNOPSIS,
        "       specloom --version"},
    description = "Validates Specloom specs, generates SDKs, Lua glue, docs, OpenAPI and tool definitions from them, and serves their offline sandbox.")
public final class Specloom implements Callable<Integer> {
  /** Wide enough for the synopses on one line each. */
  static final int USAGE_WIDTH = 100;

  private final PrintStream out;
  private final PrintStream err;

  @Spec
  private CommandSpec spec;

  private Specloom(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) System.exit(status);
  }

  /** Runs one command; never exits the JVM, so the Maven build and tests can call it. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    // Repeated options: --spec and --target add up, and a repeated --out takes the last value, as before picocli.
    CommandLine cli = new CommandLine(new Specloom(out, err)).setOverwrittenOptionsAllowed(true)
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF)).setUsageHelpWidth(USAGE_WIDTH)
        .setParameterExceptionHandler((e, a) -> usageError(e, err))
        .setExecutionExceptionHandler((e, command, parsed) -> failure(e, err));
    int status = cli.execute(args);
    out.flush();
    return status;
  }

  /** The problem, then the usage of the command it concerns. */
  private static int usageError(ParameterException e, PrintStream err) {
    Help help = e.getCommandLine().getHelp();
    err.println("specloom: " + e.getMessage());
    err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
    return 2;
  }

  private static int failure(Exception e, PrintStream err) throws Exception {
    if (e instanceof SpecException bad) {
      err.println(bad.getMessage());
      err.println("specloom: " + bad.problems().size() + " problem(s); nothing was generated");
      return 1;
    }
    if (e instanceof IOException) {
      err.println("specloom: " + e.getMessage());
      return 1;
    }
    throw e;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** No command: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "a command is needed");
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"specloom " + SpecloomVersion.get()};
    }
  }
}
