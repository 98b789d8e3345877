package dev.specloom.lua.cli;

import dev.specloom.runtime.SpecloomVersion;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code specloom-lua}: {@code run} (see {@link RunCommand}), {@code sandbox serve} (see {@link SandboxServe}),
 * {@code --help}, {@code --version}, {@code help COMMAND}. Exit status 0 on success, 1 on failure, 2 on a usage
 * error, which prints the problem and the command's usage to standard error. These flags are a public contract.
 * A command of this module is one entry in {@code subcommands} below; a command from another module (the jar that
 * bundles it) is one line in its {@code META-INF/services/dev.specloom.lua.cli.Subcommand}.
 */
@Command(name = "specloom-lua", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    subcommands = {RunCommand.class, SandboxCommand.class, CommandLine.HelpCommand.class},
    synopsisHeading = "usage: ", customSynopsis = {
        RunCommand.SYNOPSIS,
        "       " + SandboxServe.SYNOPSIS,
        "       specloom-lua --version"},
    description = "Runs Lua scripts against app.integrations.* of every provider whose glue is on the classpath.")
public final class Main implements Callable<Integer> {
  static final String SANDBOX_NOTICE = "specloom-lua: running on the offline sandbox (loopback simulators with seed data, writes allowed; nothing real is called: ";

  /** Wide enough for the synopses on one line each. */
  static final int USAGE_WIDTH = 100;

  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;
  private final Function<String, String> env;

  private Main(InputStream stdin, PrintStream out, PrintStream err, Function<String, String> env) {
    this.stdin = stdin;
    this.out = out;
    this.err = err;
    this.env = env;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, System::getenv));
  }

  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Function<String, String> env) {
    CommandLine cli = new CommandLine(new Main(stdin, out, err, env));
    for (Subcommand s : ServiceLoader.load(Subcommand.class)) cli.addSubcommand(s);
    // Set after every command is added, so that they all have it. Repeated options: --provider adds up, and a
    // repeated --accounts or --port takes the last value, as before picocli.
    cli.setOverwrittenOptionsAllowed(true).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF)).setUsageHelpWidth(USAGE_WIDTH)
        .setParameterExceptionHandler((e, a) -> usageError(e, err));
    int status = cli.execute(args);
    out.flush();
    return status;
  }

  /** The problem, then the usage of the command it concerns. */
  private static int usageError(ParameterException e, PrintStream err) {
    Help help = e.getCommandLine().getHelp();
    err.println("specloom-lua: " + e.getMessage());
    err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
    return 2;
  }

  @Spec
  private CommandSpec spec;

  /** No command: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "a command is needed");
  }

  public InputStream stdin() {
    return stdin;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  /** The environment, as the accounts file's {@code ${VAR}} sees it. */
  public Function<String, String> env() {
    return env;
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"specloom-lua " + SpecloomVersion.get()};
    }
  }
}
