package dev.specloom.lua.cli;

import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.sandbox.OfflineSandbox;
import java.util.List;

/** The CLI's offline sandbox, started on first use (no accounts file, or an account with sandbox: true). */
final class LazySandbox implements AutoCloseable {
  private final List<ProviderBinding> bindings;
  private OfflineSandbox sandbox;

  LazySandbox(List<ProviderBinding> bindings) {
    this.bindings = bindings;
  }

  OfflineSandbox get() {
    if (sandbox == null) sandbox = OfflineSandbox.start(bindings.stream().map(ProviderBinding::provider).toList());
    return sandbox;
  }

  boolean started() {
    return sandbox != null;
  }

  String baseUrl(String provider) {
    return get().baseUrl(provider);
  }

  @Override
  public void close() {
    if (sandbox != null) sandbox.close();
  }
}
