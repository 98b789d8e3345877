package dev.specloom.lua;

import java.util.Map;
import java.util.Objects;

/**
 * One named set of credentials for a provider, with its write policy. Credentials stay on the host: they
 * are never copied into a Lua state. {@link #toString()} shows which credentials are set, not their values.
 */
public record Account(String provider, String name, Map<String, String> credentials, Map<String, String> settings,
    String baseUrl, WritePolicy writes) {

  public Account {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(name, "name");
    credentials = Map.copyOf(credentials);
    settings = Map.copyOf(settings);
    writes = writes == null ? WritePolicy.ASK : writes;
  }

  @Override
  public String toString() {
    return "Account[" + provider + "." + name + ", credentials=" + credentials.keySet() + ", settings=" + settings
        + ", baseUrl=" + baseUrl + ", writes=" + writes.word() + "]";
  }
}
