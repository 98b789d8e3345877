package dev.specloom.lua;

import dev.specloom.lua.bridge.ArgValidator;
import dev.specloom.lua.bridge.ProviderBinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * Runs agent scripts against {@code app.integrations.*}. Built once per host, it owns one typed client per
 * account (sharing one OkHttp pool), and gives every script fresh globals in the script jail ({@link ScriptJail}), so
 * many scripts can run at once. Credentials stay in this object; scripts only ever see function tables. The
 * example's {@code pets} glue is any spec's, found on the classpath by {@link Bindings#all()}.
 *
 * <pre>{@code
 * IntegrationHost host = IntegrationHost.builder()
 *     .bindings(Bindings.all())
 *     .account(new Account("pets", "work", Map.of("api_key", key), Map.of(), null, WritePolicy.ALLOW))
 *     .build();
 * ScriptResult r = host.run("print(app.integrations.pets.work.get_pet({ id = 'pet_1' }).name)", "agent", System.out::println);
 * }</pre>
 */
public final class IntegrationHost {
  final Map<String, ProviderBinding> bindings;
  final Map<String, Map<String, Connected>> accounts;
  final WriteApprover approver;
  final boolean allowWritesWithoutApprover;
  final boolean dryRun;
  final Limits limits;
  final ArgValidator validator;
  final Docs docs;
  /** What every script's {@code app.integrations} is built from; last, once the accounts are connected. */
  final Namespace.Template namespace;
  /** How long after its deadline a script's thread gets to notice it before {@link #run} gives up waiting. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  /** An account with its typed client. */
  record Connected(Account account, Object client) {}

  private IntegrationHost(Builder b) {
    this.bindings = new LinkedHashMap<>();
    for (ProviderBinding binding : b.bindings) bindings.put(binding.provider(), binding);
    this.approver = b.approver;
    this.allowWritesWithoutApprover = b.allowWritesWithoutApprover;
    this.dryRun = b.dryRun;
    this.limits = b.limits;
    this.validator = new ArgValidator(limits.maxStringBytes(), limits.maxTableEntries());
    this.docs = new Docs(bindings);
    OkHttpClient http = b.http == null ? new OkHttpClient() : b.http;
    // Captures the request of a dry run, or of a write shown to the approver; passes everything else through.
    http = http.newBuilder().addInterceptor(DryRun.INTERCEPTOR).build();
    this.accounts = new LinkedHashMap<>();
    for (Account a : b.accounts) {
      ProviderBinding binding = bindings.get(a.provider());
      if (binding == null) {
        throw new IllegalArgumentException("unknown provider '" + a.provider() + "'"
            + dev.specloom.runtime.Suggest.didYouMean(a.provider(), bindings.keySet()) + "; providers: " + bindings.keySet());
      }
      for (dev.specloom.lua.bridge.FunctionSpec f : binding.functions()) {
        if (f.name().equals(a.name()) || f.aliases().contains(a.name())) {
          // app.integrations.<provider>.<name> would be the account's table, hiding the function.
          throw new IllegalArgumentException("account " + a.provider() + "." + a.name() + ": '" + a.name()
              + "' is the name of a " + a.provider() + " function; give the account another name");
        }
      }
      Object client = binding.connect(a.credentials(), a.settings(), a.baseUrl(), http, c -> {
        if (a.maxRetries() != null) c.maxRetries(a.maxRetries());
        if (a.timeout() != null) c.callTimeout(a.timeout());
        c.logHttp(b.httpLog);
      });
      Map<String, Connected> named = accounts.computeIfAbsent(a.provider(), k -> new LinkedHashMap<>());
      if (named.put(a.name(), new Connected(a, client)) != null) {
        throw new IllegalArgumentException("account " + a.provider() + "." + a.name() + " is defined twice");
      }
    }
    this.namespace = new Namespace.Template(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Puts {@code app.integrations} and {@code lua_read_doc} into a host's own globals (no script jail). */
  public void install(Globals globals) {
    globals.set("app", Namespace.app(this));
    globals.set("lua_read_doc", new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue page) {
        return LuaValue.valueOf(docs.read(page.checkjstring()));
      }
    });
  }

  /**
   * Runs one script in fresh jailed globals (see ScriptJail), on its own thread, within the {@link Limits}. Output of
   * {@code print} goes to {@code out}. The host stays usable whatever the script does.
   *
   * <p>The script's thread ends itself when a budget runs out: the VM hook, every long library function and
   * the bridge check the deadline as they work. Should the thread still be busy a grace period after the
   * deadline (a call blocked on the network, say), this returns the wall-clock failure anyway and interrupts
   * the thread, which then stops at its next check; no thread is ever stopped from outside.
   */
  public ScriptResult run(String script, String chunkName, Consumer<String> out) {
    Objects.requireNonNull(script, "script");
    CompletableFuture<ScriptResult> result = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        result.complete(runHere(script, chunkName, out));
      } catch (Throwable t) {
        result.complete(ScriptResult.failure(chunkName + ": internal error: " + t));
      }
    }, "lua-" + chunkName);
    worker.setDaemon(true);
    worker.start();
    try {
      return result.get(limits.wallClock().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      worker.interrupt();
      return ScriptResult.failure(chunkName + ": wall-clock limit of " + limits.wallClock().toMillis() + " ms exceeded");
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      return ScriptResult.failure(chunkName + ": interrupted");
    } catch (ExecutionException e) {
      return ScriptResult.failure(chunkName + ": " + e.getCause());
    }
  }

  private ScriptResult runHere(String script, String chunkName, Consumer<String> out) {
    try {
      Globals g = ScriptJail.create(ScriptBudget.start(limits), out);
      install(g);
      Compile.load(g, script, chunkName).call();
      return ScriptResult.success();
    } catch (LuaError e) {
      return ScriptResult.failure(message(e));
    } catch (ScriptJail.ScriptAbort e) {
      return ScriptResult.failure(chunkName + ": " + e.getMessage());
    } catch (StackOverflowError e) {
      return ScriptResult.failure(chunkName + ": stack overflow");
    } catch (OutOfMemoryError e) {
      return ScriptResult.failure(chunkName + ": out of memory");
    } catch (RuntimeException e) {
      return ScriptResult.failure(chunkName + ": internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } finally {
      ScriptBudget.finish();
    }
  }

  /** One readable line for an uncaught Lua error; tables with __tostring speak for themselves. */
  static String message(LuaError e) {
    LuaValue obj = e.getMessageObject();
    if (obj != null && obj.istable()) {
      try {
        return LuaErrors.text(obj);
      } catch (LuaError | ScriptJail.ScriptAbort failedToString) {
        return "error object whose __tostring failed";
      }
    }
    String m = e.getMessage();
    int trace = m == null ? -1 : m.indexOf("\nstack traceback:");
    return trace < 0 ? m : m.substring(0, trace);
  }

  /** Accounts, policies, limits and bindings; {@link #build()} connects every account's client. */
  public static final class Builder {
    private final List<ProviderBinding> bindings = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private WriteApprover approver;
    private boolean allowWritesWithoutApprover;
    private boolean dryRun;
    private Limits limits = Limits.DEFAULT;
    private OkHttpClient http;
    private HttpLoggingInterceptor.Level httpLog = HttpLoggingInterceptor.Level.NONE;

    private Builder() {}

    public Builder bindings(List<ProviderBinding> all) {
      bindings.addAll(all);
      return this;
    }

    public Builder account(Account a) {
      accounts.add(Objects.requireNonNull(a));
      return this;
    }

    /** Decides writes of accounts whose policy is {@code ask}. */
    public Builder writeApprover(WriteApprover a) {
      approver = a;
      return this;
    }

    /** With no approver set, {@code ask} denies unless this is true (the CLI's --allow-writes). */
    public Builder allowWritesWithoutApprover(boolean allow) {
      allowWritesWithoutApprover = allow;
      return this;
    }

    /** Writes return the request they would send instead of sending it. */
    public Builder dryRun(boolean on) {
      dryRun = on;
      return this;
    }

    public Builder limits(Limits l) {
      limits = Objects.requireNonNull(l);
      return this;
    }

    /** Shares a connection pool and dispatcher with the rest of the host. */
    public Builder httpClient(OkHttpClient client) {
      http = client;
      return this;
    }

    /** Logs every request of every account to SLF4J, credentials masked (see {@code ClientBuilder.logHttp}). */
    public Builder logHttp(HttpLoggingInterceptor.Level level) {
      httpLog = Objects.requireNonNull(level);
      return this;
    }

    public IntegrationHost build() {
      return new IntegrationHost(this);
    }
  }
}
