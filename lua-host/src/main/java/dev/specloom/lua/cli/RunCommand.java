package dev.specloom.lua.cli;

import dev.specloom.lua.Account;
import dev.specloom.lua.Bindings;
import dev.specloom.lua.IntegrationHost;
import dev.specloom.lua.OfflineAccounts;
import dev.specloom.lua.ScriptResult;
import dev.specloom.lua.bridge.ProviderBinding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

  /** As in the runtime's masking of provider errors: no credential is shorter. */
  private static final int MIN_MASKED = 8;

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
    // Every value the accounts file took from the environment, so that no setup error can show one.
    Set<String> fromEnvironment = new HashSet<>();
    Function<String, String> recordingEnv = name -> {
      String v = main.env().apply(name);
      if (v != null) fromEnvironment.add(v);
      return v;
    };
    List<Account> read = new ArrayList<>();
    try (LazySandbox sandbox = new LazySandbox(bindings)) {
      IntegrationHost.Builder host = IntegrationHost.builder().bindings(bindings)
          .allowWritesWithoutApprover(allowWrites).dryRun(dryRun);
      if (accounts != null) {
        Map<String, ProviderBinding> byName = new LinkedHashMap<>();
        for (ProviderBinding b : bindings) byName.put(b.provider(), b);
        read.addAll(AccountsFile.read(accounts, byName, recordingEnv, sandbox::baseUrl));
        read.forEach(host::account);
      } else {
        for (Account a : OfflineAccounts.of(sandbox.get(), bindings)) host.account(a);
      }
      String chunk = script.equals("-") ? "stdin" : Path.of(script).getFileName().toString();
      String source = Utf8.decode(script.equals("-") ? main.stdin().readAllBytes() : Files.readAllBytes(Path.of(script)), chunk);
      if (sandbox.started()) err.println(Main.SANDBOX_NOTICE + sandbox.get().providers() + ")");
      ScriptResult r = host.build().run(source, chunk, out::println);
      out.flush();
      if (!r.ok()) {
        err.println(r.error());
        return 1;
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("specloom-lua: " + masked(e.getMessage(), read, fromEnvironment));
      return 1;
    }
  }

  /**
   * A setup error (the accounts, a client's settings) with every credential and environment value masked: a
   * setting checked by the runtime is quoted there, and it may have come from a variable that holds a key.
   * Values shorter than a credential can be are left, so ordinary words and numbers stay readable.
   */
  private static String masked(String message, List<Account> accounts, Set<String> fromEnvironment) {
    if (message == null) return null;
    List<String> values = new ArrayList<>(fromEnvironment);
    for (Account a : accounts) values.addAll(a.credentials().values());
    values.sort(Comparator.comparingInt(String::length).reversed());
    for (String v : values) {
      if (v.length() >= MIN_MASKED) message = message.replace(v, "***");
    }
    return message;
  }
}
