package dev.specloom.lua.bridge;

import dev.specloom.model.constraint.Constraint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Java results to plain Lua values: null is nil (the key is absent), whole numbers stay integers, lists
 * become 1-based sequences, maps and JSON objects become tables.
 */
public final class LuaValues {
  /** Longer than any function, account or argument name. */
  private static final int MAX_NAME_BYTES = 64;
  /** More than the field and param names of every spec together; past it names are converted each time. */
  private static final int MAX_NAMES = 4096;
  /**
   * Field and param names as Lua strings, encoded once: a converted result sets every field under its name, and
   * encoding the name cost as much as converting the value. Only names go here (never data such as map keys).
   */
  private static final Map<String, LuaString> NAMES = new ConcurrentHashMap<>();

  private LuaValues() {}

  /** Sets {@code t[key]} unless {@code value} is null; {@code key} is a field's name. */
  public static void put(LuaTable t, String key, Object value) {
    LuaValue v = of(value);
    if (!v.isnil()) t.rawset(name(key), v);
  }

  /** A field's or param's name as a Lua string. */
  static LuaString name(String name) {
    LuaString s = NAMES.get(name);
    if (s != null) return s;
    s = LuaString.valueOf(name);
    if (name.length() <= MAX_NAME_BYTES && NAMES.size() < MAX_NAMES) NAMES.putIfAbsent(name, s);
    return s;
  }

  public static LuaValue of(Object value) {
    if (value == null) return LuaValue.NIL;
    if (value instanceof LuaValue l) return l;
    if (value instanceof String s) return text(s);
    if (value instanceof Boolean b) return LuaValue.valueOf(b);
    if (value instanceof Integer i) return LuaValue.valueOf(i);
    if (value instanceof Long l) return number(l.doubleValue());
    if (value instanceof Number n) return number(n.doubleValue());
    if (value instanceof Map<?, ?> m) {
      LuaTable t = new LuaTable();
      m.forEach((k, v) -> {
        LuaValue lv = of(v);
        if (!lv.isnil()) t.rawset(text(String.valueOf(k)), lv);
      });
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
   * Whether {@code key} is, byte for byte, the name of one of {@code specs}. A key this does not match may still
   * decode to a name (an overlong UTF-8 form, say); callers then compare {@link #keyText} as well.
   */
  static boolean isName(LuaValue key, List<Constraint> specs) {
    if (key.type() != LuaValue.TSTRING || key.rawlen() > MAX_NAME_BYTES) return false;
    for (Constraint s : specs) {
      if (name(s.name()).raweq(key)) return true;
    }
    return false;
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

  /**
   * {@code s} as a Lua string, the bytes LuaJ's {@code valueOf(String)} makes: most text a provider returns is
   * ASCII, whose bytes are its chars, copied without LuaJ's char array and two passes.
   */
  private static LuaString text(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) return LuaString.valueOf(s);
    }
    return LuaString.valueUsing(s.getBytes(StandardCharsets.US_ASCII), 0, n);
  }

  /** Whole numbers in int range become Lua integers, so they print without ".0". */
  private static LuaValue number(double d) {
    if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) return LuaValue.valueOf((int) d);
    return LuaValue.valueOf(d);
  }
}
