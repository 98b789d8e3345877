package dev.specloom.lua;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One named set of credentials for a provider, with its write policy and, optionally, its own retry limit and
 * whole-call timeout (null keeps the client's defaults). Credentials stay on the host: they are never copied
 * into a Lua state. {@link #toString()} shows which credentials are set, not their values.
 */
public record Account(String provider, String name, Map<String, String> credentials, Map<String, String> settings,
    String baseUrl, WritePolicy writes, Integer maxRetries, Duration timeout) {

  public Account {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(name, "name");
    credentials = Map.copyOf(credentials);
    settings = Map.copyOf(settings);
    writes = writes == null ? WritePolicy.ASK : writes;
    if (maxRetries != null && maxRetries < 0) throw new IllegalArgumentException(provider + "." + name + ": max_retries must be >= 0");
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException(provider + "." + name + ": timeout must be positive");
    }
  }

  public Account(String provider, String name, Map<String, String> credentials, Map<String, String> settings,
      String baseUrl, WritePolicy writes) {
    this(provider, name, credentials, settings, baseUrl, writes, null, null);
  }

  @Override
  public String toString() {
    return "Account[" + provider + "." + name + ", credentials=" + credentials.keySet() + ", settings=" + settings
        + ", baseUrl=" + baseUrl + ", writes=" + writes.word()
        + (maxRetries == null ? "" : ", maxRetries=" + maxRetries) + (timeout == null ? "" : ", timeout=" + timeout) + "]";
  }
}
