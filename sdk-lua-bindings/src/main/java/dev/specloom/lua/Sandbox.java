package dev.specloom.lua;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Fresh globals for one script, from an allow-list: base functions without loaders or the collector,
 * {@code string} without {@code dump}, {@code table}, {@code math}, and {@code print} routed to the host.
 * No io, os, package, require, debug, luajava or coroutine. The string metatable every Lua state shares is
 * replaced once by a protected one whose {@code __index} is a private copy of the string library.
 */
final class Sandbox {
  private static final String[] REMOVED = {
      "load", "loadstring", "dofile", "loadfile", "require", "collectgarbage", "package", "debug", "module",
      "io", "os", "luajava", "coroutine"};

  static {
    Globals scratch = new Globals();
    scratch.load(new BaseLib());
    scratch.load(new PackageLib());
    LuaTable string = new LuaTable();
    new StringLib().call(LuaValue.valueOf("string"), scratch);
    LuaTable lib = (LuaTable) scratch.get("string");
    for (LuaValue k = lib.next(LuaValue.NIL).arg1(); !k.isnil(); k = lib.next(k).arg1()) {
      if (!k.tojstring().equals("dump")) string.rawset(k, lib.rawget(k));
    }
    // ("x"):rep(n) reaches rep through this shared table, so it is bounded here too.
    string.rawset("rep", new BoundedRep(string.get("rep")));
    LuaTable meta = new LuaTable();
    meta.rawset(LuaValue.INDEX, string);
    meta.rawset(LuaValue.valueOf("__metatable"), LuaValue.valueOf("protected"));
    LuaString.s_metatable = meta;
  }

  private Sandbox() {}

  /** Globals for one script, counting its instructions and allocations against {@code limits}. */
  static Globals create(Limits limits, Consumer<String> print) {
    Globals g = new Globals();
    g.load(new BaseLib());
    g.load(new PackageLib());
    g.load(new TableLib());
    g.load(new StringLib());
    g.load(new JseMathLib());
    g.load(new Budget(limits));
    LoadState.install(g);
    LuaC.install(g);
    for (String name : REMOVED) g.rawset(name, LuaValue.NIL);
    // With an error function set, the VM hands error messages to it instead of appending a traceback.
    g.running.errorfunc = new OneArgFunction() {
      @Override
      public LuaValue call(LuaValue message) {
        return message;
      }
    };
    LuaValue string = g.get("string");
    string.rawset("dump", LuaValue.NIL);
    string.rawset("rep", new BoundedRep(string.get("rep")));
    BoundedRep.BUDGET.set(limits.allocatedBytes());
    g.rawset("print", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= args.narg(); i++) {
          if (i > 1) line.append('\t');
          line.append(LuaErrors.text(args.arg(i)));
        }
        print.accept(line.toString());
        return LuaValue.NONE;
      }
    });
    return g;
  }

  /**
   * Counts instructions from the VM's debug hook and checks the wall clock and the thread's allocations
   * every 16 of them (doubling a string needs only a few instructions per step). It throws an {@link Error},
   * which {@code pcall} does not catch.
   */
  private static final class Budget extends DebugLib {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Limits limits;
    private long count;
    private long deadline;
    private long allocationStart = -1;

    Budget(Limits limits) {
      this.limits = limits;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
      if (allocationStart < 0) {
        allocationStart = THREADS.getCurrentThreadAllocatedBytes();
        deadline = System.nanoTime() + limits.wallClock().toNanos();
      }
      if (++count > limits.instructions()) {
        throw new ScriptAbort("instruction limit of " + limits.instructions() + " exceeded");
      }
      if ((count & 15) == 0) {
        if (System.nanoTime() > deadline) throw new ScriptAbort("wall-clock limit of " + limits.wallClock().toMillis() + " ms exceeded");
        if (THREADS.getCurrentThreadAllocatedBytes() - allocationStart > limits.allocatedBytes()) {
          throw new ScriptAbort("memory limit of " + (limits.allocatedBytes() >> 20) + " MiB allocated exceeded");
        }
      }
    }
  }

  /**
   * string.rep that refuses, before allocating, a result larger than the running script's whole allocation
   * budget. Each script runs on its own thread, which carries its budget.
   */
  private static final class BoundedRep extends VarArgFunction {
    static final ThreadLocal<Long> BUDGET = ThreadLocal.withInitial(() -> Long.MAX_VALUE);
    private final LuaValue rep;

    BoundedRep(LuaValue rep) {
      this.rep = rep;
    }

    @Override
    public Varargs invoke(Varargs args) {
      long size = (long) args.checkstring(1).rawlen() * Math.max(0, args.checkint(2))
          + (long) args.optstring(3, LuaValue.EMPTYSTRING).rawlen() * Math.max(0, args.checkint(2) - 1);
      long budget = BUDGET.get();
      if (size > budget) throw new ScriptAbort("memory limit of " + (budget >> 20) + " MiB allocated exceeded by string.rep");
      return rep.invoke(args);
    }
  }

  /** Ends a script from inside the VM; an Error so that Lua's pcall cannot swallow it. */
  static final class ScriptAbort extends Error {
    private static final long serialVersionUID = 1L;

    ScriptAbort(String message) {
      super(message, null, false, false);
    }
  }
}
