package dev.specloom.lua;

import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.model.constraint.ConstraintTable;
import dev.specloom.runtime.ClientBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Glue as another spec's {@code lua} target would generate it, written by hand so that the host's tests need no
 * provider: one function, {@code demo.greet}, that answers without a network. Listed in this module's test
 * {@code META-INF/services}, the way generated glue is.
 */
public class DemoBinding implements ProviderBinding {
  @Override
  public String provider() {
    return "demo";
  }

  @Override
  public List<FunctionSpec> functions() {
    return List.of(new FunctionSpec("greet", List.of(), false, new ConstraintTable("greet", List.of())));
  }

  @Override
  public Set<String> settings() {
    return Set.of();
  }

  @Override
  public Set<String> credentials() {
    return Set.of("token");
  }

  @Override
  public Object connect(Map<String, String> credentials, Map<String, String> settings, String baseUrl, OkHttpClient http,
      Consumer<ClientBuilder<?, ?>> configure) {
    return "client of " + credentials.keySet();
  }

  @Override
  public Object params(String function, Map<String, Object> args) {
    return args;
  }

  @Override
  public LuaValue call(Object client, String function, Object params) {
    LuaTable t = new LuaTable();
    t.set("said", "hello from " + client);
    return t;
  }

  /** A second binding of the same provider, as a second glue jar for it would bring. */
  public static class Again extends DemoBinding {}
}
