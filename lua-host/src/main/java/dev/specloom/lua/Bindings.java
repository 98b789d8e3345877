package dev.specloom.lua;

import dev.specloom.lua.bridge.ProviderBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The provider glue on the classpath. Each glue jar lists its bindings in
 * {@code META-INF/services/dev.specloom.lua.bridge.ProviderBinding} (the {@code lua} target generates the entry),
 * so the host never names a provider: whichever glue is present is what scripts see.
 */
public final class Bindings {
  private Bindings() {}

  /**
   * Every binding found through the thread's context class loader, in classpath order (within one glue jar,
   * the order its specs were generated in). Two bindings for one provider are an error, not a silent choice.
   */
  public static List<ProviderBinding> all() {
    Map<String, ProviderBinding> found = new LinkedHashMap<>();
    for (ProviderBinding b : ServiceLoader.load(ProviderBinding.class)) {
      ProviderBinding other = found.putIfAbsent(b.provider(), b);
      if (other != null) {
        throw new IllegalStateException("two Lua bindings for provider '" + b.provider() + "' on the classpath: "
            + other.getClass().getName() + " and " + b.getClass().getName());
      }
    }
    return List.copyOf(found.values());
  }
}
