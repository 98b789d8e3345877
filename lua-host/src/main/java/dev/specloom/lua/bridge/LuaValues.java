package dev.specloom.lua.bridge;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Java results to plain Lua values: null is nil (the key is absent), whole numbers stay integers, lists
 * become 1-based sequences, maps and JSON objects become tables.
 */
public final class LuaValues {
  /** Longer than any function, account or argument name. */
  private static final int MAX_NAME_BYTES = 64;

  private LuaValues() {}

  /** Sets {@code t[key]} unless {@code value} is null. */
  public static void put(LuaTable t, String key, Object value) {
    LuaValue v = of(value);
    if (!v.isnil()) t.rawset(key, v);
  }

  public static LuaValue of(Object value) {
    if (value == null) return LuaValue.NIL;
    if (value instanceof LuaValue l) return l;
    if (value instanceof String s) return LuaValue.valueOf(s);
    if (value instanceof Boolean b) return LuaValue.valueOf(b);
    if (value instanceof Integer i) return LuaValue.valueOf(i);
    if (value instanceof Long l) return number(l.doubleValue());
    if (value instanceof Number n) return number(n.doubleValue());
    if (value instanceof Map<?, ?> m) {
      LuaTable t = new LuaTable();
      m.forEach((k, v) -> put(t, String.valueOf(k), v));
      return t;
    }
    if (value instanceof List<?> l) return list(l, LuaValues::of);
    throw new IllegalArgumentException("no Lua form for " + value.getClass().getName());
  }

  public static <T> LuaTable list(List<T> items, Function<T, LuaValue> convert) {
    LuaTable t = new LuaTable(items.size(), 0);
    int i = 1;
    for (T item : items) {
      LuaValue v = convert.apply(item);
      t.rawset(i++, v.isnil() ? LuaValue.FALSE : v);
    }
    return t;
  }

  /**
   * A table key as a message shows it: a string longer than any name is cut short instead of copied whole, so a
   * script's huge key costs neither memory nor a huge message (and is never equal to a name).
   */
  public static String keyText(LuaValue key) {
    if (key.type() == LuaValue.TSTRING && key.rawlen() > MAX_NAME_BYTES) {
      return key.checkstring().substring(0, MAX_NAME_BYTES).tojstring() + "... (" + key.rawlen() + " bytes)";
    }
    return key.tojstring();
  }

  /** Whole numbers in int range become Lua integers, so they print without ".0". */
  private static LuaValue number(double d) {
    if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) return LuaValue.valueOf((int) d);
    return LuaValue.valueOf(d);
  }
}
