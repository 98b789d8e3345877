package dev.specloom.lua;

import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okio.Buffer;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Captures the request a write would send, without sending it: for dry runs, and for the approver of an
 * {@code ask} account. While a capture runs on this thread, the first interceptor stops the request before it
 * leaves and hands it back. Credentials are added later in the chain, so a captured request holds only what
 * the script itself passed: nothing in it is masked by value (masking a value the script typed that happens to
 * equal a secret would confirm the guess, and would rewrite ordinary words that equal a placeholder).
 */
final class DryRun {
  private static final String MASK = "***";
  /** Headers that carry credentials; the SDK adds them after the capture point, so this is belt and braces. */
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");
  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  static final Interceptor INTERCEPTOR = chain -> {
    if (!ACTIVE.get()) return chain.proceed(chain.request());
    throw new Captured(chain.request());
  };

  private DryRun() {}

  /** Runs {@code call} with capturing on; a request it makes ends it with {@link Captured}. */
  static <T> T during(java.util.function.Supplier<T> call) {
    ACTIVE.set(true);
    try {
      return call.get();
    } finally {
      ACTIVE.set(false);
    }
  }

  /** The request a write would have sent. */
  static final class Captured extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Request request;

    Captured(Request request) {
      super("dry run", null, false, false);
      this.request = request;
    }

    Request request() {
      return request;
    }

    LuaTable toLua() {
      LuaTable t = new LuaTable();
      t.rawset("dry_run", LuaValue.TRUE);
      t.rawset("method", request.method());
      t.rawset("url", request.url().toString());
      LuaTable headers = new LuaTable();
      request.headers().forEach(h -> headers.rawset(h.getFirst(),
          CREDENTIAL_HEADERS.contains(h.getFirst().toLowerCase(java.util.Locale.ROOT)) ? MASK : h.getSecond()));
      t.rawset("headers", headers);
      if (request.body() != null) {
        Buffer b = new Buffer();
        try {
          request.body().writeTo(b);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        t.rawset("body", b.readUtf8());
        if (request.body().contentType() != null) t.rawset("content_type", request.body().contentType().toString());
      }
      return t;
    }
  }
}
