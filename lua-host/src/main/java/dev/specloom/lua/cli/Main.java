package dev.specloom.lua.cli;

import dev.specloom.lua.Bindings;
import dev.specloom.lua.IntegrationHost;
import dev.specloom.lua.ScriptResult;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.runtime.SpecloomVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code java -jar specloom-lua.jar run [--accounts FILE] [--allow-writes] [--dry-run] SCRIPT.lua|-},
 * {@code sandbox serve [--port N] [--provider NAME]...} (see {@link SandboxServe}) and {@code --version}.
 * Prints what the script prints; on failure prints the Lua error to standard error and exits 1 (2 for a
 * usage error). These flags are a public contract. With no accounts file, every provider runs on the offline
 * sandbox, and one line on standard error says so; so does an account with {@code sandbox: true}.
 */
public final class Main {
  static final String USAGE = """
      usage: specloom-lua run [--accounts FILE] [--allow-writes] [--dry-run] SCRIPT.lua|-
             specloom-lua sandbox serve [--port N] [--provider NAME]...
             specloom-lua --version""";

  static final String SANDBOX_NOTICE = "specloom-lua: running on the offline sandbox (loopback simulators with seed data, writes allowed; nothing real is called: ";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, System::getenv));
  }

  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Function<String, String> env) {
    if (args.length == 1 && args[0].equals("--version")) {
      out.println("specloom-lua " + SpecloomVersion.get());
      return 0;
    }
    for (Subcommand command : java.util.ServiceLoader.load(Subcommand.class)) {
      if (args.length >= 1 && args[0].equals(command.name())) {
        return command.run(List.of(args).subList(1, args.length), stdin, out, err, env);
      }
    }
    if (args.length >= 2 && args[0].equals("sandbox") && args[1].equals("serve")) {
      List<String> providers = Bindings.all().stream().map(ProviderBinding::provider).toList();
      return SandboxServe.serve(List.of(args).subList(2, args.length), providers, out, err);
    }
    if (args.length < 2 || !args[0].equals("run")) {
      err.println(USAGE);
      return 2;
    }
    Path accounts = null;
    boolean allowWrites = false;
    boolean dryRun = false;
    String script = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--accounts" -> {
          if (++i >= args.length) {
            err.println("--accounts needs a file\n" + USAGE);
            return 2;
          }
          accounts = Path.of(args[i]);
        }
        case "--allow-writes" -> allowWrites = true;
        case "--dry-run" -> dryRun = true;
        default -> {
          if (script != null || args[i].startsWith("--")) {
            err.println("unexpected argument " + args[i] + "\n" + USAGE);
            return 2;
          }
          script = args[i];
        }
      }
    }
    if (script == null) {
      err.println(USAGE);
      return 2;
    }
    List<ProviderBinding> bindings = Bindings.all();
    try (CliAccounts setup = new CliAccounts(bindings)) {
      try {
        IntegrationHost.Builder host = IntegrationHost.builder().bindings(bindings)
            .allowWritesWithoutApprover(allowWrites).dryRun(dryRun);
        setup.load(accounts, env).forEach(host::account);
        String chunk = script.equals("-") ? "stdin" : Path.of(script).getFileName().toString();
        String source = Utf8.decode(script.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(script)), chunk);
        if (!setup.onSandbox().isEmpty()) err.println(SANDBOX_NOTICE + setup.onSandbox() + ")");
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
