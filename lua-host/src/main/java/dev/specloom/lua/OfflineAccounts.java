package dev.specloom.lua;

import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.OfflineSandbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts that point providers at an {@link OfflineSandbox}: its loopback API root, placeholder credentials
 * and settings (the simulator checks their form, not their value), and writes allowed, since nothing real
 * can change.
 */
public final class OfflineAccounts {
  static final String PLACEHOLDER = "sandbox";

  private OfflineAccounts() {}

  /** The {@code default} account of every binding the sandbox runs. */
  public static List<Account> of(OfflineSandbox sandbox, List<ProviderBinding> bindings) {
    List<Account> out = new ArrayList<>();
    for (ProviderBinding b : bindings) {
      if (sandbox.providers().contains(b.provider())) out.add(account(b, "default", sandbox.baseUrl(b.provider()), WritePolicy.ALLOW));
    }
    return out;
  }

  /** One named account of {@code binding} on the sandbox at {@code baseUrl}. */
  public static Account account(ProviderBinding binding, String name, String baseUrl, WritePolicy writes) {
    Map<String, String> credentials = new LinkedHashMap<>();
    for (String c : binding.credentials()) credentials.put(c, PLACEHOLDER);
    Map<String, String> settings = new LinkedHashMap<>();
    for (String s : binding.settings()) settings.put(s, PLACEHOLDER);
    return new Account(binding.provider(), name, credentials, settings, baseUrl, writes);
  }
}
