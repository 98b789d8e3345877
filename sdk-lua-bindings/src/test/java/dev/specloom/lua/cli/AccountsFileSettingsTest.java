package dev.specloom.lua.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.lua.Account;
import dev.specloom.lua.Bindings;
import dev.specloom.lua.bridge.ProviderBinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts file's per-account retry limit and whole-call timeout. */
class AccountsFileSettingsTest {
  static final Map<String, ProviderBinding> BINDINGS =
      Bindings.all().stream().collect(Collectors.toMap(ProviderBinding::provider, Function.identity()));

  @TempDir
  Path dir;

  List<Account> read(String yaml) throws Exception {
    Path file = dir.resolve("accounts.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return AccountsFile.read(file, BINDINGS, Map.of("RETRIES", "4")::get, provider -> {
      throw new AssertionError("no sandbox account here");
    });
  }

  @Test
  void maxRetriesAndTimeoutSecondsAreReadPerAccount() throws Exception {
    List<Account> accounts = read("""
        stripe:
          default: { api_key: sk_test_a, max_retries: 0, timeout_seconds: 5 }
          work: { api_key: sk_test_b, max_retries: "${RETRIES}" }
          plain: { api_key: sk_test_c }
        """);
    assertEquals(0, accounts.get(0).maxRetries());
    assertEquals(Duration.ofSeconds(5), accounts.get(0).timeout());
    assertEquals(4, accounts.get(1).maxRetries());
    assertNull(accounts.get(1).timeout());
    assertNull(accounts.get(2).maxRetries());
  }

  @Test
  void chargeOverKeysAlsoGoByTheNamesOfTheNewerHost() throws Exception {
    List<Account> accounts = read("""
        chargeover:
          default: { api_username: pub_1, api_password: priv_1, subdomain: acme }
        """);
    assertEquals(Map.of("public_key", "pub_1", "private_key", "priv_1"), accounts.get(0).credentials());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> read("""
        chargeover:
          default: { public_key: pub_1, api_username: pub_2, private_key: k, subdomain: acme }
        """));
    assertTrue(twice.getMessage().endsWith("chargeover.default.api_username: credential 'public_key' is given twice "
        + "(once under another name)"), twice.getMessage());
    assertFalse(twice.getMessage().contains("pub_"), "values are never quoted");
  }

  @Test
  void badValuesAreNamedButNeverQuoted() {
    for (String bad : List.of("max_retries: -1", "max_retries: 11", "max_retries: lots", "timeout_seconds: 0",
        "timeout_seconds: 1.5", "timeout_seconds: 99999")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> read("stripe:\n  default: { api_key: sk_test_a, " + bad + " }\n"), bad);
      String key = bad.substring(0, bad.indexOf(':'));
      String value = bad.substring(bad.indexOf(':') + 2);
      assertTrue(e.getMessage().contains("stripe.default." + key), e.getMessage());
      // Values may come from the environment; longer ones are checked for (short digits also occur in paths).
      if (value.length() > 2) assertFalse(e.getMessage().contains(value), e.getMessage());
    }
  }
}
