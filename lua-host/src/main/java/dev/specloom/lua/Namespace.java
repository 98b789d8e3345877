package dev.specloom.lua;

import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.LuaValues;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.runtime.DecodeException;
import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.Suggest;
import dev.specloom.runtime.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.ThreeArgFunction;

/**
 * Builds {@code app.integrations}: per provider its functions (bound to the default account) under their
 * names and aliases, {@code default}, and one table per named account. Every table is a read-only proxy
 * (empty, reading through {@code __index}, so that even existing keys cannot be reassigned), and an unknown
 * provider, account or function is an error that lists what exists.
 */
final class Namespace {
  static final String DEFAULT = "default";

  private Namespace() {}

  /** The fresh {@code app} table of one script, from the host's {@link Template}. */
  static LuaTable app(IntegrationHost host) {
    Template template = host.namespace;
    LuaTable integrations = new LuaTable();
    for (Provider p : template.providers) integrations.rawset(p.name, p.table());
    LuaTable app = new LuaTable();
    app.rawset(INTEGRATIONS, guard(integrations, "app.integrations", "provider", template.providerNames));
    return guard(app, "app", "field", APP_FIELDS);
  }

  private static final LuaString INTEGRATIONS = LuaString.valueOf("integrations");
  private static final LuaString DEFAULT_KEY = LuaString.valueOf(DEFAULT);
  private static final List<String> APP_FIELDS = List.of("integrations");

  /**
   * What every script's {@code app.integrations} is built from, made once per host: the functions bound to their
   * accounts, their names as Lua strings, and what the error messages list. Bound functions hold nothing of a
   * script (a call finds its budget on its thread), so scripts share them; the tables stay each script's own.
   */
  static final class Template {
    final List<Provider> providers = new ArrayList<>();
    final List<String> providerNames;

    Template(IntegrationHost host) {
      providerNames = List.copyOf(host.bindings.keySet());
      for (ProviderBinding b : host.bindings.values()) providers.add(provider(host, b));
    }
  }

  /** One provider's table: the default account's functions, {@code default}, and one table per named account. */
  private record Provider(LuaString name, String where, List<String> names, Functions defaults, List<Functions> accounts) {
    LuaTable table() {
      LuaTable t = new LuaTable();
      // The provider table answers the default account's functions directly too.
      defaults.setInto(t);
      t.rawset(DEFAULT_KEY, defaults.table());
      for (Functions a : accounts) t.rawset(a.name, a.table());
      return guard(t, where, "function or account", names);
    }
  }

  /** One account's functions under their names and aliases. */
  private record Functions(LuaString name, String where, List<String> names, LuaString[] keys, Bound[] functions) {
    void setInto(LuaTable t) {
      for (int i = 0; i < keys.length; i++) t.rawset(keys[i], functions[i]);
    }

    LuaTable table() {
      LuaTable t = new LuaTable();
      setInto(t);
      return guard(t, where, "function", names);
    }
  }

  private static Provider provider(IntegrationHost host, ProviderBinding b) {
    Map<String, IntegrationHost.Connected> accounts = host.accounts.getOrDefault(b.provider(), Map.of());
    IntegrationHost.Connected fallback = accounts.containsKey(DEFAULT) ? accounts.get(DEFAULT)
        : accounts.values().stream().findFirst().orElse(null);
    Functions defaults = functions(host, b, fallback, DEFAULT);
    List<String> names = new ArrayList<>(names(b));
    names.add(DEFAULT);
    List<Functions> named = new ArrayList<>();
    for (Map.Entry<String, IntegrationHost.Connected> a : accounts.entrySet()) {
      if (!a.getKey().equals(DEFAULT)) named.add(functions(host, b, a.getValue(), a.getKey()));
      if (!names.contains(a.getKey())) names.add(a.getKey());
    }
    return new Provider(LuaString.valueOf(b.provider()), "app.integrations." + b.provider(), List.copyOf(names), defaults,
        List.copyOf(named));
  }

  private static Functions functions(IntegrationHost host, ProviderBinding b, IntegrationHost.Connected account, String name) {
    List<LuaString> keys = new ArrayList<>();
    List<Bound> bound = new ArrayList<>();
    for (FunctionSpec f : b.functions()) {
      Bound fn = new Bound(host, b, f, account);
      keys.add(LuaString.valueOf(f.name()));
      bound.add(fn);
      for (String alias : f.aliases()) {
        keys.add(LuaString.valueOf(alias));
        bound.add(fn);
      }
    }
    return new Functions(LuaString.valueOf(name), "app.integrations." + b.provider() + "." + name, names(b),
        keys.toArray(LuaString[]::new), bound.toArray(Bound[]::new));
  }

  private static List<String> names(ProviderBinding b) {
    return b.functions().stream().map(FunctionSpec::name).toList();
  }

  /**
   * A read-only view of {@code backing}: reads go through {@code __index} (unknown keys raise an error with a
   * suggestion), and every assignment is refused because the view itself holds no keys.
   */
  private static LuaTable guard(LuaTable backing, String where, String what, List<String> known) {
    LuaTable view = new LuaTable();
    LuaTable meta = new LuaTable();
    meta.rawset(LuaValue.INDEX, new TwoArgFunction() {
      @Override
      public LuaValue call(LuaValue self, LuaValue key) {
        LuaValue v = backing.rawget(key);
        if (!v.isnil()) return v;
        String k = LuaValues.keyText(key);
        throw new LuaError(where + ": no " + what + " '" + k + "'" + Suggest.didYouMean(k, known)
            + "; available: " + String.join(", ", known));
      }
    });
    meta.rawset(LuaValue.NEWINDEX, new ThreeArgFunction() {
      @Override
      public LuaValue call(LuaValue self, LuaValue key, LuaValue value) {
        throw new LuaError(where + " is read-only");
      }
    });
    meta.rawset(LuaValue.valueOf("__metatable"), LuaValue.valueOf("protected"));
    view.setmetatable(meta);
    return view;
  }

  /** One function bound to one account: validate, apply the write policy, call, convert. */
  private static final class Bound extends OneArgFunction {
    private final IntegrationHost host;
    private final ProviderBinding binding;
    private final FunctionSpec fn;
    private final IntegrationHost.Connected account;
    private final String qualified;

    Bound(IntegrationHost host, ProviderBinding binding, FunctionSpec fn, IntegrationHost.Connected account) {
      this.host = host;
      this.binding = binding;
      this.fn = fn;
      this.account = account;
      this.qualified = binding.provider() + "." + fn.name();
    }

    /** Converts the arguments, builds the typed params (the one check of their values), then calls. */
    @Override
    public LuaValue call(LuaValue args) {
      Map<String, Object> values = host.validator.validate(qualified, fn, args, ScriptBudget.current()::allocate);
      Object params;
      try {
        params = binding.params(fn.name(), values);
      } catch (IllegalArgumentException e) {
        throw luaError(e);
      }
      if (account == null) {
        throw new LuaError(qualified + ": no " + binding.provider() + " account is configured");
      }
      try {
        // A dry run sends nothing, so the write policy has nothing to guard.
        if (fn.write() && host.dryRun) return capture(params).toLua();
        if (fn.write()) checkPolicy(values, params);
        return binding.call(account.client(), fn.name(), params);
      } catch (ProviderException e) {
        throw LuaErrors.provider(e);
      } catch (TransportException e) {
        throw LuaErrors.transport(binding.provider(), fn.name(), e);
      } catch (DecodeException e) {
        throw LuaErrors.decode(e);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw luaError(e);
      }
    }

    private LuaError luaError(RuntimeException e) {
      return new LuaError(e.getMessage().startsWith(qualified) ? e.getMessage() : qualified + ": " + e.getMessage());
    }

    /** The request the call would send; building it checks everything the SDK checks, and sends nothing. */
    private DryRun.Captured capture(Object params) {
      try {
        DryRun.during(() -> binding.call(account.client(), fn.name(), params));
      } catch (DryRun.Captured c) {
        return c;
      }
      throw new IllegalStateException("the call sent no request");
    }

    /** What the approver is shown: the method and path the call would send, and the script's arguments. */
    private PendingWrite pending(Map<String, Object> values, Object params) {
      okhttp3.Request r = capture(params).request();
      return new PendingWrite(binding.provider(), account.account().name(), fn.name(), r.method(), r.url().encodedPath(), values);
    }

    private void checkPolicy(Map<String, Object> values, Object params) {
      WritePolicy policy = account.account().writes();
      boolean allowed = switch (policy) {
        case ALLOW -> true;
        case DENY -> false;
        case ASK -> host.approver != null ? host.approver.approve(pending(values, params)) : host.allowWritesWithoutApprover;
      };
      if (!allowed) {
        throw new WriteRefusedError(qualified + ": write refused for account '" + account.account().name() + "' (policy "
            + policy.word() + (policy == WritePolicy.ASK && host.approver == null ? "; run with --allow-writes to permit" : "")
            + ")");
      }
    }
  }
}
