package dev.specloom.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The table library as scripts get it: LuaJ's {@code insert} and {@code remove}, and our own {@code concat},
 * {@code pack}, {@code unpack} and {@code sort}, which reserve what they allocate against the running script's
 * {@link ScriptBudget} before allocating it and check its deadline as they go.
 */
final class BoundedTables {
  /** A reference in an array plus its share of the varargs or table that carries it. */
  private static final int SLOT_BYTES = 16;
  private static final int MAX_STRING = Integer.MAX_VALUE - 16;

  private BoundedTables() {}

  /** A library table built from LuaJ's {@code table} table {@code lua}. */
  static LuaTable of(LuaTable lua) {
    LuaTable t = new LuaTable();
    t.rawset("insert", lua.rawget("insert"));
    t.rawset("remove", lua.rawget("remove"));
    t.rawset("concat", BoundedStrings.fn(BoundedTables::concat));
    t.rawset("pack", BoundedStrings.fn(BoundedTables::pack));
    t.rawset("unpack", BoundedStrings.fn(BoundedTables::unpack));
    t.rawset("sort", BoundedStrings.fn(BoundedTables::sort));
    return t;
  }

  /** Sums the pieces first, then reserves and copies them into one array. */
  private static Varargs concat(Varargs args) {
    LuaTable t = args.checktable(1);
    LuaString sep = args.optstring(2, LuaValue.EMPTYSTRING);
    int i = args.optint(3, 1);
    int j = args.isnoneornil(4) ? t.length() : args.checkint(4);
    if (i > j) return LuaValue.EMPTYSTRING;
    ScriptBudget budget = ScriptBudget.current();
    long total = (long) sep.m_length * ((long) j - i);
    for (long k = i; k <= j; k++) {
      LuaValue v = t.get((int) k);
      if (!v.isstring()) {
        throw new LuaError("invalid value (at index " + k + ") in table for 'concat'");
      }
      total += v.strvalue().m_length;
      if ((k & 4095) == 0) budget.checkDeadline();
    }
    if (total > MAX_STRING) throw new LuaError("resulting string too large");
    budget.allocate(total, "table.concat");
    byte[] out = new byte[(int) total];
    int at = 0;
    for (long k = i; k <= j; k++) {
      LuaString piece = t.get((int) k).strvalue();
      System.arraycopy(piece.m_bytes, piece.m_offset, out, at, piece.m_length);
      at += piece.m_length;
      if (k < j) {
        System.arraycopy(sep.m_bytes, sep.m_offset, out, at, sep.m_length);
        at += sep.m_length;
      }
      if ((k & 4095) == 0) budget.checkDeadline();
    }
    return LuaString.valueUsing(out);
  }

  private static Varargs pack(Varargs args) {
    int n = args.narg();
    ScriptBudget.current().allocate((long) SLOT_BYTES * n, "table.pack");
    LuaTable t = new LuaTable(n, 1);
    for (int k = 1; k <= n; k++) t.rawset(k, args.arg(k));
    t.rawset("n", LuaValue.valueOf(n));
    return t;
  }

  private static Varargs unpack(Varargs args) {
    LuaTable t = args.checktable(1);
    int i = args.optint(2, 1);
    int j = args.isnoneornil(3) ? t.length() : args.checkint(3);
    if (i > j) return LuaValue.NONE;
    long n = (long) j - i + 1;
    if (n >= Integer.MAX_VALUE) throw new LuaError("too many results to unpack");
    ScriptBudget budget = ScriptBudget.current();
    budget.allocate(SLOT_BYTES * n, "table.unpack");
    LuaValue[] values = new LuaValue[(int) n];
    for (int k = 0; k < n; k++) {
      values[k] = t.get(i + k);
      if ((k & 4095) == 4095) budget.checkDeadline();
    }
    return LuaValue.varargsOf(values);
  }

  /**
   * Heapsort over a copy of {@code t[1..#t]}, written back when sorted: it ends whatever the order function
   * answers (an inconsistent one gives some order, never a loop or a Java error), and it checks the deadline
   * as it compares. An error from the order function leaves the table as it was.
   */
  private static Varargs sort(Varargs args) {
    LuaTable t = args.checktable(1);
    LuaValue order = args.arg(2).isnil() ? LuaValue.NIL : args.arg(2).checkfunction();
    int n = t.length();
    ScriptBudget budget = ScriptBudget.current();
    budget.allocate((long) SLOT_BYTES * n, "table.sort");
    LuaValue[] a = new LuaValue[n];
    for (int k = 0; k < n; k++) a[k] = t.rawget(k + 1);
    Heap heap = new Heap(a, order, budget);
    for (int k = n / 2 - 1; k >= 0; k--) heap.siftDown(k, n);
    for (int end = n - 1; end > 0; end--) {
      heap.swap(0, end);
      heap.siftDown(0, end);
    }
    for (int k = 0; k < n; k++) t.rawset(k + 1, a[k]);
    return LuaValue.NONE;
  }

  private static final class Heap {
    private final LuaValue[] a;
    private final LuaValue order;
    private final ScriptBudget budget;
    private int comparisons;

    Heap(LuaValue[] a, LuaValue order, ScriptBudget budget) {
      this.a = a;
      this.order = order;
      this.budget = budget;
    }

    void siftDown(int root, int end) {
      while (true) {
        int child = 2 * root + 1;
        if (child >= end) return;
        if (child + 1 < end && less(a[child], a[child + 1])) child++;
        if (!less(a[root], a[child])) return;
        swap(root, child);
        root = child;
      }
    }

    void swap(int x, int y) {
      LuaValue v = a[x];
      a[x] = a[y];
      a[y] = v;
    }

    private boolean less(LuaValue x, LuaValue y) {
      if (++comparisons == 1024) {
        budget.checkDeadline();
        comparisons = 0;
      }
      return order.isnil() ? x.lt_b(y) : order.call(x, y).toboolean();
    }
  }
}
