package dev.specloom.lua.cli;

import dev.specloom.lua.Bindings;
import dev.specloom.lua.IntegrationHost;
import dev.specloom.lua.ScriptResult;
import dev.specloom.lua.bridge.ProviderBinding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code specloom-lua run [--accounts FILE] [--allow-writes] [--dry-run] SCRIPT.lua|-}: prints what the script
 * prints; on failure prints the Lua error to standard error and exits 1. With no accounts file, every provider
 * runs on the offline sandbox, and one line on standard error says so; so does an account with {@code sandbox: true}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    synopsisHeading = "usage: ", customSynopsis = RunCommand.SYNOPSIS,
    description = "Runs a Lua script with app.integrations.* and lua_read_doc; '-' reads it from standard input.")
final class RunCommand implements Callable<Integer> {
  static final String SYNOPSIS = "specloom-lua run [--accounts FILE] [--allow-writes] [--dry-run] SCRIPT.lua|-";

  @ParentCommand
  private Main main;

  @Option(names = "--accounts", paramLabel = "FILE", description = "YAML accounts file ($${ENV_VAR} interpolated); without it, the offline sandbox.")
  private Path accounts;

  @Option(names = "--allow-writes", description = "Let writes run on accounts whose policy is 'ask'.")
  private boolean allowWrites;

  @Option(names = "--dry-run", description = "Write functions return the request they would send.")
  private boolean dryRun;

  @Parameters(paramLabel = "SCRIPT.lua|-", description = "The script, or - for standard input.")
  private String script;

  @Override
  public Integer call() {
    PrintStream out = main.out();
    PrintStream err = main.err();
    List<ProviderBinding> bindings = Bindings.all();
    try (CliAccounts setup = new CliAccounts(bindings)) {
      try {
        IntegrationHost.Builder host = IntegrationHost.builder().bindings(bindings)
            .allowWritesWithoutApprover(allowWrites).dryRun(dryRun);
        setup.load(accounts, main.env()).forEach(host::account);
        String chunk = script.equals("-") ? "stdin" : Path.of(script).getFileName().toString();
        String source = Utf8.decode(script.equals("-") ? main.stdin().readAllBytes() : Files.readAllBytes(Path.of(script)), chunk);
        if (!setup.onSandbox().isEmpty()) err.println(Main.SANDBOX_NOTICE + setup.onSandbox() + ")");
        ScriptResult r = host.build().run(source, chunk, out::println);
        out.flush();
        if (!r.ok()) {
          err.println(r.error());
          return 1;
        }
        return 0;
      } catch (IOException | RuntimeException e) {
        err.println("specloom-lua: " + setup.masked(e.getMessage()));
        return 1;
      }
    }
  }
}
