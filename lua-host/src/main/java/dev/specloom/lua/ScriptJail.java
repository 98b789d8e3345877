package dev.specloom.lua;

import java.util.Arrays;
import java.util.function.Consumer;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
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
 * {@code string} without {@code dump} and {@code table} in their budgeted forms ({@link BoundedStrings},
 * {@link BoundedTables}), {@code math}, and {@code print} routed to the host. No io, os, package, require,
 * debug, luajava or coroutine. The string metatable every Lua state shares is replaced once by a protected one
 * whose {@code __index} is a private copy of the budgeted string library.
 */
final class ScriptJail {
  private static final String[] REMOVED = {
      "load", "loadstring", "dofile", "loadfile", "require", "collectgarbage", "package", "debug", "module",
      "io", "os", "luajava", "coroutine"};
  /** Java's copy of a printed string as UTF-16, the line built from it, and the output's encoding of it. */
  private static final int PRINT_BYTES_PER_BYTE = 8;

  /** LuaJ's own libraries, whose functions keep no state; each script gets budgeted copies. */
  private static final LuaTable LUAJ_STRING = luajLibrary("string", new StringLib());
  private static final LuaTable LUAJ_TABLE = luajLibrary("table", new TableLib());

  static {
    LuaTable meta = new LuaTable();
    meta.rawset(LuaValue.INDEX, BoundedStrings.of(LUAJ_STRING));
    meta.rawset(LuaValue.valueOf("__metatable"), LuaValue.valueOf("protected"));
    LuaString.s_metatable = meta;
  }

  private ScriptJail() {}

  /** LuaJ's own library table, loaded into scratch globals. */
  private static LuaTable luajLibrary(String name, LuaValue lib) {
    Globals scratch = new Globals();
    scratch.load(new BaseLib());
    scratch.load(new PackageLib());
    scratch.load(lib);
    return (LuaTable) scratch.get(name);
  }

  /** Globals for one script, counting its instructions, time and allocations against {@code budget}. */
  static Globals create(ScriptBudget budget, Consumer<String> print) {
    Globals g = new Globals();
    g.load(new BaseLib());
    g.load(new PackageLib());
    g.load(new JseMathLib());
    g.load(new Hook(budget));
    g.rawset("string", BoundedStrings.of(LUAJ_STRING));
    g.rawset("table", BoundedTables.of(LUAJ_TABLE));
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
    g.rawset("print", new VarArgFunction() {
      @Override
      public Varargs invoke(Varargs args) {
        long bytes = 0;
        for (int i = 1; i <= args.narg(); i++) bytes += args.arg(i).type() == LuaValue.TSTRING ? args.arg(i).rawlen() : 64;
        budget.allocate(PRINT_BYTES_PER_BYTE * bytes, "print");
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
   * The VM's debug hook: counts every instruction against the budget, and before a string concatenation
   * ({@code ..}, which the VM runs itself, no library involved) reserves the bytes it is about to allocate.
   * For that it keeps the code and registers of the running Lua functions. It throws {@link ScriptAbort},
   * which {@code pcall} does not catch.
   */
  private static final class Hook extends DebugLib {
    private final ScriptBudget budget;
    private int[][] code = new int[16][];
    private LuaValue[][] registers = new LuaValue[16][];
    private int depth;

    Hook(ScriptBudget budget) {
      this.budget = budget;
    }

    @Override
    public void onCall(LuaClosure c, Varargs varargs, LuaValue[] stack) {
      push(c.p.code, stack);
    }

    /** pcall and xpcall report themselves too (and return through {@link #onReturn}). */
    @Override
    public void onCall(LuaFunction f) {
      push(null, null);
    }

    private void push(int[] instructions, LuaValue[] stack) {
      if (depth == code.length) {
        code = Arrays.copyOf(code, depth * 2);
        registers = Arrays.copyOf(registers, depth * 2);
      }
      code[depth] = instructions;
      registers[depth] = stack;
      depth++;
    }

    @Override
    public void onReturn() {
      if (depth > 0) {
        depth--;
        code[depth] = null;
        registers[depth] = null;
      }
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
      budget.instruction();
      if (depth == 0 || code[depth - 1] == null) return;
      int i = code[depth - 1][pc];
      if (Lua.GET_OPCODE(i) == Lua.OP_CONCAT) concat(registers[depth - 1], Lua.GETARG_B(i), Lua.GETARG_C(i));
    }

    /** Registers b..c are about to be joined: their lengths (a number's text is short), twice when buffered. */
    private void concat(LuaValue[] stack, int b, int c) {
      long bytes = 0;
      for (int r = b; r <= c; r++) bytes += stack[r].type() == LuaValue.TSTRING ? stack[r].rawlen() : 40;
      if (bytes > Integer.MAX_VALUE - 16) throw new LuaError("string length overflow");
      budget.allocate(c > b + 1 ? 2 * bytes : bytes, "'..'");
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
