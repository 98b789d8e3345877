package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;

/**
 * Our pattern functions against LuaJ's on random subjects and patterns (they must agree on every result, and
 * fail together), Lua 5.2's gmatch on empty matches, and the step budget: a match that would backtrack for
 * minutes ends at the script's deadline on the script's own thread, on any Java version.
 */
class LuaPatternTest {
  static final LuaTable LUAJ = luaj();
  static final LuaTable OURS = BoundedStrings.of(luaj());

  static LuaTable luaj() {
    Globals g = new Globals();
    g.load(new BaseLib());
    g.load(new PackageLib());
    g.load(new StringLib());
    return (LuaTable) g.get("string");
  }

  /** Characters every class agrees on in both (see {@link #classesAreTheCLocalesOfLua52}). */
  static final String SUBJECT_CHARS = "ab()%.-x 1\0";
  static final String[] PATTERN_PARTS = {"a", "b", "x", ".", "%a", "%d", "%s", "%w", "%p", "%A", "%S", "%z", "%%", "%.", "%(",
      "[ab]", "[^a]", "[a-c]", "[%a1]", "[]]", "[^]a]", "*", "+", "-", "?", "(", ")", "()", "%1", "%2", "%b()", "^", "$", " ", "1"};

  /**
   * Seeded, so a failure names its case and repeats. Frontiers ({@code %f}) are left out: LuaJ's succeeds where
   * neither side is in the set; ours follows Lua 5.2 (see {@link #frontiersFollowLua52}).
   */
  @Test
  void findMatchAndGsubAgreeWithLuaJ() {
    Random random = new Random(20261201);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder subject = new StringBuilder();
      for (int k = random.nextInt(13); k > 0; k--) subject.append(SUBJECT_CHARS.charAt(random.nextInt(SUBJECT_CHARS.length())));
      StringBuilder pattern = new StringBuilder();
      for (int k = random.nextInt(7); k > 0; k--) pattern.append(PATTERN_PARTS[random.nextInt(PATTERN_PARTS.length)]);
      int init = random.nextInt(29) - 14;
      // A back reference to a position capture: LuaJ matches it and moves back two characters; Lua 5.2 fails it.
      if (pattern.indexOf("()") >= 0 && pattern.toString().matches(".*%[12].*")) continue;
      LuaValue s = LuaValue.valueOf(subject.toString());
      LuaValue p = LuaValue.valueOf(pattern.toString());
      LuaValue i = LuaValue.valueOf(init);
      String where = "(" + show(subject.toString()) + ", " + show(pattern.toString()) + ", init " + init + ")";
      same("find", LuaValue.varargsOf(s, p, i), where);
      same("find", LuaValue.varargsOf(new LuaValue[] {s, p, i, LuaValue.TRUE}), where);
      same("match", LuaValue.varargsOf(s, p, i), where);
      same("gsub", LuaValue.varargsOf(s, p, LuaValue.valueOf("<%0|%1>")), where);
      same("gsub", LuaValue.varargsOf(new LuaValue[] {s, p, LuaValue.valueOf("%%"), LuaValue.valueOf(2)}), where);
    }
  }

  private static void same(String fn, Varargs args, String call) {
    String luaj = outcome(LUAJ, fn, args);
    String ours = outcome(OURS, fn, args);
    String where = fn + call;
    assertFalse(ours.startsWith("crash"), where + ": " + ours);
    // LuaJ indexes past the end of an empty pattern or subject in places; Lua 5.2 (and ours) answer normally.
    if (luaj.startsWith("crash")) return;
    if (luaj.startsWith("error") || ours.startsWith("error")) {
      assertEquals(luaj.startsWith("error"), ours.startsWith("error"), where + ": LuaJ " + luaj + ", ours " + ours);
    } else {
      assertEquals(luaj, ours, where);
    }
  }

  private static String outcome(LuaTable lib, String fn, Varargs args) {
    try {
      Varargs r = lib.get(fn).invoke(args);
      List<String> values = new ArrayList<>();
      for (int k = 1; k <= r.narg(); k++) values.add(r.arg(k).typename() + ":" + r.arg(k).tojstring());
      return values.toString();
    } catch (LuaError e) {
      return "error " + e.getMessage();
    } catch (RuntimeException e) {
      return "crash " + e;
    }
  }

  private static String show(String s) {
    return "\"" + s.replace("\0", "\\0") + "\"";
  }

  @Test
  void gmatchMovesPastEmptyMatchesAndTriesTheEnd() {
    assertEquals(List.of("", "", "", ""), gmatch("abc", "x*"));
    assertEquals(List.of("ab", "", "cd", ""), gmatch("ab cd", "%a*"));
    assertEquals(List.of("k=v", "a=b"), gmatch("k=v, a=b", "%w+=%w+"));
    assertEquals(List.of("^a"), gmatch("a^a", "^a"), "gmatch does not anchor: '^' is a plain character there");
  }

  private static List<String> gmatch(String s, String p) {
    LuaValue it = OURS.get("gmatch").call(LuaValue.valueOf(s), LuaValue.valueOf(p));
    List<String> out = new ArrayList<>();
    for (LuaValue v = it.call(); !v.isnil(); v = it.call()) out.add(v.tojstring());
    return out;
  }

  /**
   * Lua 5.2 classes in the C locale, where LuaJ asks Java: its {@code %p} stops at '@', its {@code %s} lacks
   * '\v', it has no {@code %g}, and it counts Latin-1 bytes as letters, which splits UTF-8 text mid-character.
   */
  @Test
  void classesAreTheCLocalesOfLua52() {
    assertEquals("[]^_`{|}~", OURS.get("gsub").invoke(LuaValue.varargsOf(LuaValue.valueOf("a[]^_`{|}~1"), LuaValue.valueOf("[^%p]"),
        LuaValue.valueOf(""))).arg1().tojstring());
    assertEquals(1, OURS.get("find").call(LuaValue.valueOf("\u000b"), LuaValue.valueOf("%s")).toint());
    assertEquals("ab", OURS.get("match").call(LuaValue.valueOf(" ab "), LuaValue.valueOf("%g+")).tojstring());
    assertEquals("caf", OURS.get("match").call(LuaValue.valueOf("café"), LuaValue.valueOf("%a+")).tojstring());
  }

  @Test
  void frontiersFollowLua52() {
    Varargs r = OURS.get("gsub").invoke(LuaValue.varargsOf(LuaValue.valueOf("THE (quick) fox"), LuaValue.valueOf("%f[%a]%a+"),
        LuaValue.valueOf("W")));
    assertEquals("W (W) W", r.arg1().tojstring());
    assertEquals(3, r.arg(2).toint());
    assertEquals(LuaValue.NIL, OURS.get("find").call(LuaValue.valueOf("-%-"), LuaValue.valueOf("%f[a]")));
  }

  @Test
  void patternErrorsReadLikeLua() {
    assertEquals("malformed pattern (ends with '%')", error("find", "abc", "a%"));
    assertEquals("malformed pattern (missing ']')", error("find", "abc", "[a"));
    assertEquals("invalid capture index", error("match", "abc", "(a)%2"));
    assertEquals("invalid pattern capture", error("match", "abc", "a)"));
    assertEquals("unfinished capture", error("match", "abc", "(a"));
    assertEquals("missing '[' after '%f' in pattern", error("find", "abc", "%fa"));
    assertEquals("pattern too complex", error("find", "a".repeat(300), "a?".repeat(300)));
  }

  private static String error(String fn, String s, String p) {
    try {
      OURS.get(fn).call(LuaValue.valueOf(s), LuaValue.valueOf(p));
      return "no error";
    } catch (LuaError e) {
      return e.getMessage();
    }
  }

  @Test
  void aMatchThatWouldRunForMinutesEndsAtTheDeadlineOnItsOwnThread() throws Exception {
    IntegrationHost host = IntegrationHost.builder().limits(Limits.DEFAULT.withWallClock(Duration.ofSeconds(2))).build();
    for (String call : List.of("string.find(s, '.-.-.-.-.-.-.-.-x')", "s:match('(.-)(.-)(.-)(.-)(.-)x')",
        "s:gsub('.-.-.-.-.-.-x', 'y')", "for w in s:gmatch('.-.-.-.-.-.-x') do end",
        "string.find(s:rep(10), s:rep(5) .. 'x', 1, true)")) {
      String name = "runaway-" + Integer.toHexString(call.hashCode()) + ".lua";
      long t0 = System.nanoTime();
      ScriptResult r = host.run("local s = string.rep('a', 100000) " + call, name, line -> { });
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertFalse(r.ok(), call);
      assertEquals(name + ": wall-clock limit of 2000 ms exceeded", r.error(), call);
      assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, call + " took " + took);
      // The script's own thread noticed the deadline and ended; nothing was stopped from outside.
      long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (ScriptJailTest.workerAlive("lua-" + name) && System.nanoTime() < until) Thread.sleep(20);
      assertFalse(ScriptJailTest.workerAlive("lua-" + name), call + ": the script's thread is still running");
    }
    List<String> out = new ArrayList<>();
    assertTrue(host.run("print(('key=value'):match('(%w+)=(%w+)'))", "after.lua", out::add).ok());
    assertEquals(List.of("key\tvalue"), out);
  }
}
