package dev.specloom.lua.cli;

import dev.specloom.lua.Account;
import dev.specloom.lua.OfflineAccounts;
import dev.specloom.lua.bridge.ProviderBinding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The accounts a command of this CLI serves ({@code run}, and commands other modules add, such as {@code mcp}):
 * an accounts file's, or without one every provider's {@code default} account on the offline sandbox. The
 * sandbox starts on first use and stops with this object. It remembers every credential and every value the
 * file took from the environment, so that no setup error can show one ({@link #masked}).
 */
public final class CliAccounts implements AutoCloseable {
  /** As in the runtime's masking of provider errors: no credential is shorter. */
  static final int MIN_MASKED = 8;

  private final List<ProviderBinding> bindings;
  private final LazySandbox sandbox;
  private final Set<String> secrets = new HashSet<>();

  public CliAccounts(List<ProviderBinding> bindings) {
    this.bindings = List.copyOf(bindings);
    this.sandbox = new LazySandbox(this.bindings);
  }

  /** The accounts of {@code file} (values may name {@code env} variables), or the sandbox's when it is null. */
  public List<Account> load(Path file, Function<String, String> env) throws IOException {
    if (file == null) return OfflineAccounts.of(sandbox.get(), bindings);
    Map<String, ProviderBinding> byName = new LinkedHashMap<>();
    for (ProviderBinding b : bindings) byName.put(b.provider(), b);
    List<Account> read = AccountsFile.read(file, byName, name -> {
      String v = env.apply(name);
      if (v != null) secrets.add(v);
      return v;
    }, sandbox::baseUrl);
    for (Account a : read) secrets.addAll(a.credentials().values());
    return read;
  }

  /** The providers the offline sandbox serves; empty when no account uses it. */
  public Set<String> onSandbox() {
    return sandbox.started() ? sandbox.get().providers() : Set.of();
  }

  /**
   * A setup error (the accounts, a client's settings) with every credential and environment value masked: a
   * setting checked by the runtime is quoted there, and it may have come from a variable that holds a key.
   * Values shorter than a credential can be are left, so ordinary words and numbers stay readable.
   */
  public String masked(String message) {
    if (message == null) return null;
    List<String> values = new ArrayList<>(secrets);
    values.sort(Comparator.comparingInt(String::length).reversed());
    for (String v : values) {
      if (v.length() >= MIN_MASKED) message = message.replace(v, "***");
    }
    return message;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
