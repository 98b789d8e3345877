package dev.specloom.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Lua results to JSON-ready Java values: a table whose keys are exactly 1..n is a list, any other table an
 * object (an empty table, which Lua cannot tell from an empty list, becomes an empty object); whole numbers
 * are integers. Functions and other Lua-only values are not results and are shown by their type name.
 */
final class LuaJava {
  /** 2^53: beyond it a double no longer holds every integer, so it stays a double. */
  private static final double MAX_EXACT_INTEGER = 9.007199254740992E15;

  private LuaJava() {}

  static Object toJava(LuaValue v) {
    return switch (v.type()) {
      case LuaValue.TNIL, LuaValue.TNONE -> null;
      case LuaValue.TBOOLEAN -> v.toboolean();
      case LuaValue.TNUMBER -> number(v);
      case LuaValue.TSTRING -> v.tojstring();
      case LuaValue.TTABLE -> table((LuaTable) v);
      default -> v.typename();
    };
  }

  private static Object number(LuaValue v) {
    if (v.isinttype()) return v.toint();
    double d = v.todouble();
    if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_INTEGER) return (long) d;
    return d;
  }

  private static Object table(LuaTable t) {
    int n = t.rawlen();
    int keys = 0;
    LuaValue k = LuaValue.NIL;
    while (true) {
      Varargs next = t.next(k);
      if ((k = next.arg1()).isnil()) break;
      keys++;
    }
    if (n > 0 && keys == n) {
      List<Object> list = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) list.add(toJava(t.rawget(i)));
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    k = LuaValue.NIL;
    while (true) {
      Varargs next = t.next(k);
      if ((k = next.arg1()).isnil()) break;
      map.put(k.tojstring(), toJava(next.arg(2)));
    }
    return map;
  }
}
