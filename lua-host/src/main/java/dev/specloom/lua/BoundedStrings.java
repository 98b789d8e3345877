package dev.specloom.lua;

import java.util.Arrays;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The string library as scripts get it: LuaJ's functions, except that everything that can allocate much or run
 * long counts against the running script's {@link ScriptBudget} first. {@code find}, {@code match},
 * {@code gmatch}, {@code gsub} and {@code rep} are our own ({@link LuaPattern} counts matching steps and checks
 * the deadline; {@code gsub} and {@code rep} reserve their output before allocating it); {@code format},
 * {@code byte}, {@code char}, {@code lower}, {@code upper} and {@code reverse} reserve an upper bound of their
 * output, then run LuaJ's. {@code dump} is left out.
 */
final class BoundedStrings {
  private static final int MAX_STRING = Integer.MAX_VALUE - 16;
  /** rep copies at most this much between two deadline checks. */
  private static final int COPY_ROUND = 1 << 20;

  private BoundedStrings() {}

  /** A library table built from LuaJ's {@code string} table {@code lua}. */
  static LuaTable of(LuaTable lua) {
    LuaTable t = new LuaTable();
    for (LuaValue k = lua.next(LuaValue.NIL).arg1(); !k.isnil(); k = lua.next(k).arg1()) {
      if (!k.tojstring().equals("dump")) t.rawset(k, lua.rawget(k));
    }
    t.rawset("find", fn(args -> find(args, true)));
    t.rawset("match", fn(args -> find(args, false)));
    t.rawset("gmatch", fn(BoundedStrings::gmatch));
    t.rawset("gsub", fn(BoundedStrings::gsub));
    t.rawset("rep", fn(BoundedStrings::rep));
    t.rawset("format", reserving(lua.rawget("format"), "string.format", BoundedStrings::formatBound));
    t.rawset("byte", reserving(lua.rawget("byte"), "string.byte", BoundedStrings::byteBound));
    t.rawset("char", reserving(lua.rawget("char"), "string.char", args -> args.narg()));
    for (String name : new String[] {"lower", "upper", "reverse"}) {
      t.rawset(name, reserving(lua.rawget(name), "string." + name, args -> args.checkstring(1).m_length));
    }
    return t;
  }

  interface Body {
    Varargs invoke(Varargs args);
  }

  interface Bound {
    long bytes(Varargs args);
  }

  static VarArgFunction fn(Body body) {
    return new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        return body.invoke(args);
      }
    };
  }

  /** LuaJ's {@code lib} after reserving {@code bound} bytes for what it will allocate. */
  private static VarArgFunction reserving(LuaValue lib, String what, Bound bound) {
    return fn(args -> {
      ScriptBudget.current().allocate(bound.bytes(args), what);
      return lib.invoke(args);
    });
  }

  // ---------------------------------------------------------------- find, match, gmatch, gsub

  /** {@code string.find} and {@code string.match}; {@code init} is clamped into the string as LuaJ does. */
  private static Varargs find(Varargs args, boolean find) {
    LuaString s = args.checkstring(1);
    LuaString pattern = args.checkstring(2);
    int init = args.optint(3, 1);
    init = init > 0 ? Math.min(init - 1, s.m_length) : init < 0 ? Math.max(0, s.m_length + init) : 0;
    ScriptBudget budget = ScriptBudget.current();
    if (find && (args.arg(4).toboolean() || !LuaPattern.hasSpecials(pattern))) {
      int at = LuaPattern.plainFind(s, pattern, init, budget);
      return at < 0 ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(at + pattern.m_length));
    }
    LuaPattern m = new LuaPattern(s, pattern, budget);
    boolean anchored = m.anchored();
    int from = anchored ? 1 : 0;
    for (int at = init; at <= s.m_length; at++) {
      int end = m.matchAt(at, from);
      if (end >= 0) {
        if (find) return LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(end), captures(m, at, end, false));
        return captures(m, at, end, true);
      }
      if (anchored) break;
    }
    return LuaValue.NIL;
  }

  /** The captures of the last match; with none, the whole match if {@code wholeIfNone}. */
  private static Varargs captures(LuaPattern m, int start, int end, boolean wholeIfNone) {
    int n = m.captureCount() == 0 && wholeIfNone ? 1 : m.captureCount();
    LuaValue[] values = new LuaValue[n];
    for (int i = 0; i < n; i++) values[i] = m.capture(i, start, end);
    return LuaValue.varargsOf(values);
  }

  /**
   * {@code string.gmatch} as Lua 5.2 defines it: matches from every position including the end of the string,
   * moving one character on after an empty match (LuaJ's own loops forever on an empty match).
   */
  private static Varargs gmatch(Varargs args) {
    LuaString s = args.checkstring(1);
    LuaString pattern = args.checkstring(2);
    return new VarArgFunction() {
      private int next;

      @Override
      public Varargs invoke(Varargs ignored) {
        LuaPattern m = new LuaPattern(s, pattern, ScriptBudget.current());
        for (int at = next; at <= s.m_length; at++) {
          int end = m.matchAt(at, 0);
          if (end >= 0) {
            next = end == at ? end + 1 : end;
            return captures(m, at, end, true);
          }
        }
        next = s.m_length + 1;
        return LuaValue.NIL;
      }
    };
  }

  private static Varargs gsub(Varargs args) {
    LuaString s = args.checkstring(1);
    LuaString pattern = args.checkstring(2);
    LuaValue repl = args.arg(3);
    int max = args.optint(4, s.m_length + 1);
    ScriptBudget budget = ScriptBudget.current();
    LuaPattern m = new LuaPattern(s, pattern, budget);
    boolean anchored = m.anchored();
    int from = anchored ? 1 : 0;
    Sink out = new Sink(budget, Math.min(s.m_length, 1 << 16));
    int at = 0;
    int count = 0;
    while (count < max) {
      int end = m.matchAt(at, from);
      if (end >= 0) {
        count++;
        replace(out, m, s, at, end, repl);
      }
      if (end >= 0 && end > at) {
        at = end;
      } else if (at < s.m_length) {
        out.append(s.m_bytes, s.m_offset + at, 1);
        at++;
      } else {
        break;
      }
      if (anchored) break;
    }
    out.append(s.m_bytes, s.m_offset + at, s.m_length - at);
    return LuaValue.varargsOf(out.string(), LuaValue.valueOf(count));
  }

  /** Appends the replacement of the match from {@code start} to {@code end}, as LuaJ's gsub does. */
  private static void replace(Sink out, LuaPattern m, LuaString s, int start, int end, LuaValue repl) {
    LuaValue value;
    switch (repl.type()) {
      case LuaValue.TSTRING, LuaValue.TNUMBER -> {
        LuaString r = repl.strvalue();
        for (int i = 0; i < r.m_length; i++) {
          byte c = r.m_bytes[r.m_offset + i];
          if (c != '%' || i + 1 >= r.m_length) {
            out.append(r.m_bytes, r.m_offset + i, 1);
            continue;
          }
          byte d = r.m_bytes[r.m_offset + ++i];
          if (d < '0' || d > '9') {
            out.append(r.m_bytes, r.m_offset + i, 1);
          } else if (d == '0') {
            out.append(s.m_bytes, s.m_offset + start, end - start);
          } else {
            LuaString capture = m.capture(d - '1', start, end).strvalue();
            out.append(capture.m_bytes, capture.m_offset, capture.m_length);
          }
        }
        return;
      }
      case LuaValue.TFUNCTION -> value = repl.invoke(captures(m, start, end, true)).arg1();
      case LuaValue.TTABLE -> value = repl.get(m.capture(0, start, end));
      default -> throw new LuaError("bad argument: string/function/table expected");
    }
    if (!value.toboolean()) {
      out.append(s.m_bytes, s.m_offset + start, end - start);
    } else if (!value.isstring()) {
      throw new LuaError("invalid replacement value (a " + value.typename() + ")");
    } else {
      LuaString r = value.strvalue();
      out.append(r.m_bytes, r.m_offset, r.m_length);
    }
  }

  /** A byte buffer that reserves each growth against the budget before allocating it. */
  private static final class Sink {
    private final ScriptBudget budget;
    private byte[] bytes;
    private int length;

    Sink(ScriptBudget budget, int capacity) {
      this.budget = budget;
      budget.allocate(capacity + 16L, "string.gsub");
      this.bytes = new byte[capacity + 16];
    }

    void append(byte[] from, int offset, int n) {
      if (n > bytes.length - length) grow((long) length + n);
      System.arraycopy(from, offset, bytes, length, n);
      length += n;
    }

    private void grow(long needed) {
      if (needed > MAX_STRING) throw new LuaError("resulting string too large");
      int capacity = (int) Math.min(MAX_STRING, Math.max(needed, 2L * bytes.length));
      budget.allocate(capacity, "string.gsub");
      bytes = Arrays.copyOf(bytes, capacity);
    }

    LuaString string() {
      return LuaString.valueUsing(bytes, 0, length);
    }
  }

  // ---------------------------------------------------------------- rep and the reserved bounds

  private static Varargs rep(Varargs args) {
    LuaString s = args.checkstring(1);
    int n = args.checkint(2);
    LuaString sep = args.optstring(3, LuaValue.EMPTYSTRING);
    if (n <= 0) return LuaValue.EMPTYSTRING;
    long total = (long) s.m_length * n + (long) sep.m_length * (n - 1);
    if (total > MAX_STRING) throw new LuaError("resulting string too large");
    if (total == 0) return LuaValue.EMPTYSTRING;
    ScriptBudget budget = ScriptBudget.current();
    budget.allocate(total, "string.rep");
    byte[] out = new byte[(int) total];
    // One copy of "s sep", then the filled prefix doubles until the whole is written.
    System.arraycopy(s.m_bytes, s.m_offset, out, 0, s.m_length);
    int filled = s.m_length;
    if (n > 1) {
      System.arraycopy(sep.m_bytes, sep.m_offset, out, filled, sep.m_length);
      filled += sep.m_length;
    }
    while (filled < total) {
      int chunk = (int) Math.min(Math.min(filled, total - filled), COPY_ROUND);
      System.arraycopy(out, 0, out, filled, chunk);
      filled += chunk;
      budget.checkDeadline();
    }
    return LuaString.valueUsing(out);
  }

  /**
   * At most what {@code string.format} can produce: the format's own text, each {@code %s} argument (four times
   * over for {@code %q}, whose escapes are up to four bytes), and a generous 512 bytes per other conversion
   * (widths and precisions are at most two digits). Doubled for the growing buffer it is built in.
   */
  private static long formatBound(Varargs args) {
    LuaString f = args.checkstring(1);
    long bytes = f.m_length;
    int arg = 2;
    for (int i = 0; i < f.m_length; i++) {
      if (f.m_bytes[f.m_offset + i] != '%') continue;
      int j = i + 1;
      while (j < f.m_length && "-+ #0123456789.".indexOf(f.m_bytes[f.m_offset + j]) >= 0) j++;
      if (j >= f.m_length) break;
      byte conversion = f.m_bytes[f.m_offset + j];
      i = j;
      if (conversion == '%') continue;
      LuaValue v = args.arg(arg++);
      long length = v.type() == LuaValue.TSTRING ? v.rawlen() : 64;
      bytes += conversion == 's' ? length + 100 : conversion == 'q' ? 4 * length + 2 : 512;
    }
    return 2 * bytes;
  }

  /** A LuaValue per byte asked for (a reference each, plus the varargs that carry them). */
  private static long byteBound(Varargs args) {
    int len = args.checkstring(1).m_length;
    int i = position(args.optint(2, 1), len);
    int j = position(args.optint(3, i), len);
    i = Math.max(i, 1);
    j = Math.min(j, len);
    return i > j ? 0 : 16L * (j - i + 1);
  }

  /** A position counted from the end when negative, as string functions read them. */
  private static int position(int pos, int len) {
    if (pos >= 0) return pos;
    return -pos > len ? 0 : len + pos + 1;
  }
}
