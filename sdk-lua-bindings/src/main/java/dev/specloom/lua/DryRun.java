package dev.specloom.lua;

import java.io.IOException;
import java.util.Collection;
import java.util.function.UnaryOperator;
import okhttp3.Interceptor;
import okhttp3.Request;
import okio.Buffer;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Dry runs: while a write runs on this thread, the first interceptor stops the request before it leaves and
 * hands it back, so the script sees exactly what would have been sent (credentials are added later in the
 * chain, so they are never captured; any account secret found in the URL, a header or the body is masked all
 * the same).
 */
final class DryRun {
  private static final String MASK = "***";
  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

  static final Interceptor INTERCEPTOR = chain -> {
    if (!ACTIVE.get()) return chain.proceed(chain.request());
    throw new Captured(chain.request());
  };

  private DryRun() {}

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

    LuaTable toLua(Collection<String> secrets) {
      UnaryOperator<String> mask = text -> {
        for (String secret : secrets) {
          if (!secret.isEmpty()) text = text.replace(secret, MASK);
        }
        return text;
      };
      LuaTable t = new LuaTable();
      t.rawset("dry_run", LuaValue.TRUE);
      t.rawset("method", request.method());
      t.rawset("url", mask.apply(request.url().toString()));
      LuaTable headers = new LuaTable();
      request.headers().forEach(h -> headers.rawset(h.getFirst(),
          h.getFirst().equalsIgnoreCase("Authorization") ? MASK : mask.apply(h.getSecond())));
      t.rawset("headers", headers);
      if (request.body() != null) {
        Buffer b = new Buffer();
        try {
          request.body().writeTo(b);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        t.rawset("body", mask.apply(b.readUtf8()));
        if (request.body().contentType() != null) t.rawset("content_type", request.body().contentType().toString());
      }
      return t;
    }
  }
}
