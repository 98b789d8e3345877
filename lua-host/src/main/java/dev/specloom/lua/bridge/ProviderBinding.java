package dev.specloom.lua.bridge;

import dev.specloom.runtime.ClientBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.luaj.vm2.LuaValue;

/**
 * The generated glue of one provider: its functions, how to build its typed client for an account, how to build
 * a function's typed params from converted arguments, and how to call it and turn the typed result into Lua tables.
 */
public interface ProviderBinding {
  String provider();

  List<FunctionSpec> functions();

  /** Names of the non-secret connection settings (the other account keys are credentials). */
  java.util.Set<String> settings();

  /** Names of the secret credentials. */
  java.util.Set<String> credentials();

  /** Other names an accounts file may give a credential, each mapped to the credential's own name. */
  default Map<String, String> credentialAliases() {
    return Map.of();
  }

  /**
   * Builds the typed client; credentials and settings are passed by their spec names, and {@code configure}
   * sets what every client builder shares (retries, timeouts, HTTP log) before it is built.
   */
  Object connect(Map<String, String> credentials, Map<String, String> settings, String baseUrl, OkHttpClient http,
      Consumer<ClientBuilder<?, ?>> configure);

  /**
   * The typed params of {@code function} (its primary name) from arguments converted by {@link ArgValidator}: the
   * params builder applies the defaults and checks the values against the function's constraint table.
   *
   * @throws IllegalArgumentException naming the function and the param when a value breaks a constraint
   */
  Object params(String function, Map<String, Object> args);

  /** Calls {@code function} with params built by {@link #params}. */
  LuaValue call(Object client, String function, Object params);
}
