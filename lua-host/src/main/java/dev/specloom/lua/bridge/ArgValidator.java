package dev.specloom.lua.bridge;

import dev.specloom.model.constraint.Constraint;
import dev.specloom.runtime.Suggest;
import dev.specloom.runtime.Validate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Converts a Lua argument table to Java values following a function's constraint table: what only a Lua table
 * can get wrong (unknown keys, wrong types, fractions or unrepresentable integers, sizes, nesting) is a
 * {@link LuaError} naming the function and the key. The values themselves (required keys, ranges, allowed values,
 * formats, dependencies, defaults) are the params builder's to check, once, when {@link ProviderBinding#params}
 * builds the call; only a format inside a table (a model field or an element), which no builder checks, is checked
 * here. Strings, tables and nesting are capped so a script cannot push unbounded data across the bridge, and every
 * string and entry converted is reserved against the script's allocation budget first: a table that holds one
 * string under many keys, or one list under many lists, is converted (and paid for) once per reference.
 */
public final class ArgValidator {
  private final int maxStringBytes;
  private final int maxTableEntries;
  private static final int MAX_DEPTH = 16;
  /** 2^53: beyond it a Lua number (a double) no longer holds every integer. */
  private static final double MAX_EXACT_INTEGER = 9.007199254740992E15;
  /** Decoding a Lua string to a Java one: a char[] of its length, then the String. */
  private static final int DECODE_BYTES_PER_BYTE = 4;
  /** A converted entry: its collection slot, boxing, and the key path kept for error messages. */
  private static final int ENTRY_BYTES = 64;
  /** What the call then builds from the converted strings (typed params, the encoded body, its buffers). */
  private static final int REQUEST_BYTES_PER_BYTE = 8;
  /** More than every spec's functions together; past it a function's descriptions are built per call. */
  private static final int MAX_FUNCTIONS = 4096;
  private final Map<String, Whats> whats = new ConcurrentHashMap<>();

  public ArgValidator(int maxStringBytes, int maxTableEntries) {
    this.maxStringBytes = maxStringBytes;
    this.maxTableEntries = maxTableEntries;
  }

  /** Converts {@code args} outside a budgeted script (tools, tests): nothing is reserved. */
  public Map<String, Object> validate(String qualified, FunctionSpec fn, LuaValue args) {
    return validate(qualified, fn, args, Allocations.UNLIMITED);
  }

  /** Converts {@code args}, reserving what it allocates (and what the call will build) with {@code allocations}. */
  public Map<String, Object> validate(String qualified, FunctionSpec fn, LuaValue args, Allocations allocations) {
    if (args.isnil()) args = new LuaTable();
    if (!args.istable()) throw error(qualified, "expects one table argument, got " + args.typename());
    try {
      Meter m = new Meter(allocations, whats(qualified));
      Map<String, Object> out = fields(qualified, "", fn.args(), (LuaTable) args, 0, m);
      m.allocations.reserve(REQUEST_BYTES_PER_BYTE * m.stringBytes + ENTRY_BYTES * m.entries, m.whats.request);
      return out;
    } catch (IllegalArgumentException e) {
      // Validate's messages (a format inside a table) already start with the function name.
      throw new LuaError(e.getMessage());
    }
  }

  /** The descriptions of one function's reservations, built once per function instead of on every call. */
  private record Whats(String converting, String request) {}

  private Whats whats(String fn) {
    Whats w = whats.get(fn);
    if (w != null) return w;
    w = new Whats("converting the arguments of " + fn, "the request of " + fn);
    if (whats.size() < MAX_FUNCTIONS) whats.putIfAbsent(fn, w);
    return w;
  }

  /** What one call's conversion has reserved so far. */
  private static final class Meter {
    final Allocations allocations;
    final Whats whats;
    long stringBytes;
    long entries;

    Meter(Allocations allocations, Whats whats) {
      this.allocations = allocations;
      this.whats = whats;
    }

    void entry() {
      entries++;
      allocations.reserve(ENTRY_BYTES, whats.converting);
    }

    void string(long bytes) {
      stringBytes += bytes;
      allocations.reserve(DECODE_BYTES_PER_BYTE * bytes + ENTRY_BYTES, whats.converting);
    }
  }

  private Map<String, Object> fields(String fn, String prefix, List<Constraint> specs, LuaTable table, int depth, Meter m) {
    int count = 0;
    LuaValue k = LuaValue.NIL;
    while (true) {
      Varargs n = table.next(k);
      if ((k = n.arg1()).isnil()) break;
      if (++count > maxTableEntries) throw error(fn, "table '" + prefix + "' has more than " + maxTableEntries + " entries");
      if (!k.isstring() || k.isnumber()) {
        throw error(fn, (prefix.isEmpty() ? "arguments" : "'" + prefix + "'") + " must be a table with named keys, got key " + k.tojstring());
      }
      if (!LuaValues.isName(k, specs)) {
        // The decoded key decides, as it always has; only a key no name matches byte for byte gets here.
        Map<String, Constraint> byName = new LinkedHashMap<>();
        for (Constraint s : specs) byName.put(s.name(), s);
        String name = LuaValues.keyText(k);
        if (!byName.containsKey(name)) {
          throw error(fn, "unknown key '" + prefix + name + "'" + Suggest.didYouMean(name, byName.keySet())
              + (byName.isEmpty() ? "; it takes no arguments" : "; valid keys: " + String.join(", ", byName.keySet())));
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Constraint s : specs) {
      LuaValue v = table.rawget(LuaValues.name(s.name()));
      if (!v.isnil()) out.put(s.name(), convert(fn, prefix + s.name(), s, v, depth, m));
    }
    return out;
  }

  private Object convert(String fn, String key, Constraint s, LuaValue v, int depth, Meter m) {
    if (depth > MAX_DEPTH) throw error(fn, "'" + key + "' is nested more than " + MAX_DEPTH + " levels deep");
    switch (s.kind()) {
      case STRING, DATE, DATETIME -> {
        String str = string(fn, key, v, m);
        // A param's format is its builder's to check; nothing else checks a field's or an element's.
        if (depth > 0) Validate.format(fn, key, s.kind(), str);
        return str;
      }
      case INTEGER -> {
        if (v.type() != LuaValue.TNUMBER) throw mistyped(fn, key, "an integer", v);
        double d = v.todouble();
        if (Double.isNaN(d) || !Double.isInfinite(d) && d != Math.rint(d)) {
          throw error(fn, "'" + key + "' must be an integer, got " + v.tojstring());
        }
        if (Double.isInfinite(d) || Math.abs(d) > MAX_EXACT_INTEGER) {
          // A whole number all the same: what is wrong is its size.
          throw error(fn, "'" + key + "' is out of range (" + bounds(s) + "), got " + v.tojstring());
        }
        return (long) d;
      }
      case NUMBER -> {
        if (v.type() != LuaValue.TNUMBER) throw mistyped(fn, key, "a number", v);
        return v.todouble();
      }
      case BOOLEAN -> {
        if (v.type() != LuaValue.TBOOLEAN) throw mistyped(fn, key, "a boolean", v);
        return v.toboolean();
      }
      case MAP -> {
        LuaTable t = table(fn, key, v);
        Map<String, Object> out = new LinkedHashMap<>();
        LuaValue k = LuaValue.NIL;
        int count = 0;
        while (true) {
          Varargs n = t.next(k);
          if ((k = n.arg1()).isnil()) break;
          if (++count > maxTableEntries) throw error(fn, "'" + key + "' has more than " + maxTableEntries + " entries");
          if (k.type() != LuaValue.TSTRING) throw error(fn, "'" + key + "' keys must be strings, got " + k.typename());
          m.entry();
          String path = key + "." + LuaValues.keyText(k);
          out.put(string(fn, path, k, m), convert(fn, path, s.element(), n.arg(2), depth + 1, m));
        }
        return out;
      }
      case LIST -> {
        LuaTable t = table(fn, key, v);
        int len = t.length();
        if (len > maxTableEntries) throw error(fn, "'" + key + "' has more than " + maxTableEntries + " items");
        if (countEntries(t) != len) throw error(fn, "'" + key + "' must be a list (a sequence 1..n with no other keys)");
        List<Object> out = new ArrayList<>(len);
        for (int i = 1; i <= len; i++) {
          m.entry();
          out.add(convert(fn, key + "[" + i + "]", s.element(), t.rawget(i), depth + 1, m));
        }
        return out;
      }
      case MODEL -> {
        return fields(fn, key + ".", s.fields(), table(fn, key, v), depth + 1, m);
      }
      case OBJECT -> {
        return json(fn, key, v, depth, m);
      }
    }
    throw new IllegalStateException(s.kind().name());
  }

  /** Any Lua value as a JSON-like tree: sequences become lists, other tables maps. */
  private Object json(String fn, String key, LuaValue v, int depth, Meter m) {
    if (depth > MAX_DEPTH) throw error(fn, "'" + key + "' is nested more than " + MAX_DEPTH + " levels deep");
    switch (v.type()) {
      case LuaValue.TSTRING:
        return string(fn, key, v, m);
      case LuaValue.TNUMBER:
        return v.todouble() == Math.rint(v.todouble()) && Math.abs(v.todouble()) < 9e15 ? (Object) (long) v.todouble() : (Object) v.todouble();
      case LuaValue.TBOOLEAN:
        return v.toboolean();
      case LuaValue.TTABLE: {
        LuaTable t = (LuaTable) v;
        int entries = countEntries(t);
        if (entries > maxTableEntries) throw error(fn, "'" + key + "' has more than " + maxTableEntries + " entries");
        int len = t.length();
        if (len > 0 && len == entries) {
          List<Object> list = new ArrayList<>(len);
          for (int i = 1; i <= len; i++) {
            m.entry();
            list.add(json(fn, key + "[" + i + "]", t.rawget(i), depth + 1, m));
          }
          return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        LuaValue k = LuaValue.NIL;
        while (true) {
          Varargs n = t.next(k);
          if ((k = n.arg1()).isnil()) break;
          m.entry();
          String path = key + "." + LuaValues.keyText(k);
          map.put(k.type() == LuaValue.TSTRING ? string(fn, path, k, m) : k.tojstring(), json(fn, path, n.arg(2), depth + 1, m));
        }
        return map;
      }
      default:
        throw error(fn, "'" + key + "' cannot hold a " + v.typename());
    }
  }

  /** The bounds an integer argument must keep, as a message says them. */
  private static String bounds(Constraint s) {
    if (s.min() != null || s.max() != null) return Validate.bounds(s.min(), s.max());
    return "integers are exact only up to 2^53";
  }

  private String string(String fn, String key, LuaValue v, Meter m) {
    if (v.type() != LuaValue.TSTRING) throw mistyped(fn, key, "a string", v);
    if (v.rawlen() > maxStringBytes) throw error(fn, "'" + key + "' is longer than " + maxStringBytes + " bytes");
    m.string(v.rawlen());
    return v.tojstring();
  }

  private LuaTable table(String fn, String key, LuaValue v) {
    if (!v.istable()) throw mistyped(fn, key, "a table", v);
    return (LuaTable) v;
  }

  private int countEntries(LuaTable t) {
    int count = 0;
    LuaValue k = LuaValue.NIL;
    while (true) {
      Varargs n = t.next(k);
      if ((k = n.arg1()).isnil()) return count;
      if (++count > maxTableEntries) return count;
    }
  }

  private static LuaError mistyped(String fn, String key, String expected, LuaValue got) {
    return error(fn, "'" + key + "' must be " + expected + ", got " + got.typename());
  }

  static LuaError error(String fn, String message) {
    return new LuaError(fn + ": " + message);
  }
}
