package dev.specloom.lua;

import dev.specloom.runtime.DecodeException;
import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.TransportException;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;

/** Error values scripts can catch with pcall: tables with fields and a one-line {@code __tostring}. */
final class LuaErrors {
  private static final LuaTable META = new LuaTable();

  static {
    META.rawset(LuaValue.TOSTRING, new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue self) {
        return self.rawget("line");
      }
    });
    META.rawset(LuaValue.valueOf("__metatable"), LuaValue.valueOf("specloom.error"));
  }

  private LuaErrors() {}

  static LuaError provider(ProviderException e) {
    LuaTable t = table(e.provider(), e.function(), e.status(), e.code(), e.providerMessage());
    put(t, "type", e.type());
    put(t, "param", e.param());
    put(t, "request_id", e.requestId());
    return new LuaError(t);
  }

  static LuaError transport(String provider, String function, TransportException e) {
    LuaTable t = table(provider, function, 0, e.isTimeout() ? "timeout" : "connection_failed",
        e.getCause() == null || e.getCause().getMessage() == null ? e.getMessage() : e.getCause().getMessage());
    return new LuaError(t);
  }

  /** A 2xx answer whose body does not fit the result: status and request id as the provider sent them. */
  static LuaError decode(DecodeException e) {
    LuaTable t = table(e.provider(), e.function(), e.status(), "decode_failed",
        "the answer does not fit the declared result at " + e.path());
    put(t, "path", e.path());
    put(t, "request_id", e.requestId());
    return new LuaError(t);
  }

  private static LuaTable table(String provider, String function, int status, String code, String message) {
    LuaTable t = new LuaTable();
    put(t, "provider", provider);
    put(t, "fn", function);
    t.rawset("status", LuaValue.valueOf(status));
    put(t, "code", code);
    put(t, "message", message);
    t.rawset("line", LuaValue.valueOf(provider + "." + function + ": " + (status == 0 ? "" : status + " ")
        + (code == null ? "" : code + ": ") + message));
    t.setmetatable(META);
    return t;
  }

  private static void put(LuaTable t, String k, String v) {
    if (v != null) t.rawset(k, LuaValue.valueOf(v));
  }

  /** tostring() as Lua's print sees it, honouring {@code __tostring}. */
  static String text(LuaValue v) {
    LuaValue h = v.metatag(LuaValue.TOSTRING);
    if (!h.isnil()) return h.call(v).tojstring();
    return v.tojstring();
  }
}
