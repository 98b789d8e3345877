package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The script jail as a hostile script sees it: every known escape fails safely, limits end runaway scripts even
 * inside pcall, and the same host keeps running ordinary scripts afterwards. Credentials are never reachable.
 */
class ScriptJailTest {
  static final AtomicInteger ESCAPES = new AtomicInteger();
  static final String KEY = "sk_test_SandboxSecret_9f3a1c";
  static final String WORK_KEY = "sk_test_SandboxWork_77b2e0";

  WireServer server;
  List<String> printed;

  @BeforeEach
  void start() {
    server = new WireServer();
    printed = Collections.synchronizedList(new ArrayList<>());
  }

  @AfterEach
  void stop() {
    server.close();
    ESCAPES.incrementAndGet();
  }

  @AfterAll
  static void figures() {
    System.out.printf("script jail: %d escape and exhaustion attempts, each failed safely with the host still running%n", ESCAPES.get());
  }

  IntegrationHost host(Limits limits) {
    return IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("stripe", "default", Map.of("api_key", KEY), Map.of(), server.url("/"), WritePolicy.ALLOW))
        .account(new Account("stripe", "work", Map.of("api_key", WORK_KEY), Map.of(), server.url("/"), WritePolicy.DENY))
        .limits(limits).build();
  }

  IntegrationHost host() {
    return host(Limits.DEFAULT);
  }

  ScriptResult run(IntegrationHost host, String lua) {
    return host.run(lua, "sandbox.lua", printed::add);
  }

  /** The host is still healthy: an ordinary script runs and its print reaches the consumer. */
  void assertHostStillWorks(IntegrationHost host) {
    List<String> out = Collections.synchronizedList(new ArrayList<>());
    ScriptResult r = host.run("local t = {} for i = 1, 3 do t[#t + 1] = ('x'):rep(i) end print('alive', table.concat(t, ','))",
        "normal.lua", out::add);
    assertTrue(r.ok(), "normal script after an escape attempt failed: " + r.error());
    assertEquals(List.of("alive\tx,xx,xxx"), out);
  }

  static void assertNotJavaish(String error) {
    assertNotNull(error);
    assertFalse(error.contains("at dev."), error);
    assertFalse(error.contains("Exception"), error);
    assertFalse(error.contains("java."), error);
    assertFalse(error.contains("org.luaj"), error);
    assertFalse(error.contains("internal error"), error);
    assertFalse(error.contains("\tat "), error);
  }

  static void assertNoSecret(String text) {
    if (text == null) return;
    assertFalse(text.contains(KEY), "default key leaked: " + text);
    assertFalse(text.contains(WORK_KEY), "work key leaked: " + text);
    assertFalse(text.contains("SandboxSecret"), "part of the default key leaked: " + text);
    assertFalse(text.contains("SandboxWork"), "part of the work key leaked: " + text);
  }

  static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- removed globals

  @ParameterizedTest
  @ValueSource(strings = {"load", "loadstring", "dofile", "loadfile", "require", "collectgarbage", "io", "os", "package",
      "debug", "luajava", "coroutine", "module"})
  void removedGlobalIsNilAndTheHostKeepsWorking(String name) {
    IntegrationHost host = host();
    ScriptResult r = run(host, "print(type(" + name + "), rawget(_G, '" + name + "') == nil, _G['" + name + "'] == nil)");
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("nil\ttrue\ttrue"), printed);

    // Using it anyway is an ordinary Lua error, not a crash.
    printed.clear();
    ScriptResult use = run(host, name + "('return 1')");
    assertFalse(use.ok());
    assertTrue(use.error().contains("attempt to call nil"), use.error());
    assertNotJavaish(use.error());
    assertHostStillWorks(host);
  }

  @Test
  void loadReturnIoFailsBecauseLoadIsNil() {
    IntegrationHost host = host();
    ScriptResult r = run(host, "local f = load('return io') print('unreachable', f)");
    assertFalse(r.ok());
    assertTrue(r.error().contains("attempt to call nil"), r.error());
    assertNotJavaish(r.error());
    assertEquals(List.of(), printed);
    assertHostStillWorks(host);
  }

  @Test
  void indirectRoutesToTheRemovedLibrariesAreClosed() {
    IntegrationHost host = host();
    ScriptResult r = run(host, """
        print(_G.io, _G.os, _G.debug, _G.package, _G.require, _G.load, _G.luajava, _G.coroutine)
        print(_ENV == nil or _ENV.io == nil, getfenv == nil or getfenv(1).io == nil)
        print(select('#', pcall(string.dump, print)), pcall(string.dump, print))
        """);
    assertTrue(r.ok(), r.error());
    assertEquals("nil\tnil\tnil\tnil\tnil\tnil\tnil\tnil", printed.get(0));
    assertEquals("true\ttrue", printed.get(1));
    assertTrue(printed.get(2).startsWith("2\tfalse\t"), printed.get(2));
    assertHostStillWorks(host);
  }

  @Test
  void stringDumpIsNilBothInTheLibraryAndThroughTheStringMetatable() {
    IntegrationHost host = host();
    ScriptResult r = run(host, "print(type(string.dump), type(('x').dump), rawget(string, 'dump'))");
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("nil\tnil\tnil"), printed);
    assertHostStillWorks(host);
  }

  // ---------------------------------------------------------------- the shared string metatable

  @Test
  void stringMetatableIsProtected() {
    IntegrationHost host = host();
    ScriptResult r = run(host, """
        print(getmetatable(""))
        print(type(getmetatable("")), getmetatable("") == getmetatable("abc"))
        """);
    assertTrue(r.ok(), r.error());
    assertEquals(List.of("protected", "string\ttrue"), printed);

    // getmetatable("").__index indexes the *string* "protected": it must not hand out the library table.
    printed.clear();
    ScriptResult idx = run(host, """
        local ok, v = pcall(function() return getmetatable("").__index end)
        print(ok, type(v))
        """);
    assertTrue(idx.ok(), idx.error());
    String line = printed.get(0);
    // Either an error (ok=false) or nothing (nil); never a table or a function.
    assertTrue(line.startsWith("false\t") || line.equals("true\tnil"), "getmetatable('').__index gave: " + line);
    assertHostStillWorks(host);
  }

  @Test
  void getmetatableDotIndexCannotBeUsedToReachTheStringLibrary() {
    IntegrationHost host = host();
    ScriptResult r = run(host, "local lib = getmetatable('').__index lib.rep = nil");
    assertFalse(r.ok(), "indexing the protected string metatable's __index must not give a writable table");
    assertNotJavaish(r.error());
    printed.clear();
    assertTrue(run(host, "print(('ab'):rep(2), ('x'):upper())").ok());
    assertEquals(List.of("abab\tX"), printed);
  }

  @Test
  void changingTheStringTableInOneScriptDoesNotAffectTheNext() {
    IntegrationHost host = host();
    ScriptResult first = run(host, """
        string.rep = nil
        string.upper = function() return "hijacked" end
        print(string.rep, ("x"):rep(2), ("x"):upper())
        """);
    assertTrue(first.ok(), first.error());
    // The string metatable's __index is a private copy: even this script's own method calls are unaffected.
    assertEquals(List.of("nil\txx\tX"), printed);

    printed.clear();
    ScriptResult second = run(host, "print(('x'):rep(3), string.rep('y', 2), ('x'):upper(), string.upper('z'))");
    assertTrue(second.ok(), second.error());
    assertEquals(List.of("xxx\tyy\tX\tZ"), printed);
  }

  @Test
  void globalsAreFreshForEveryScript() {
    IntegrationHost host = host();
    assertTrue(run(host, "leaked = 'yes' print = nil pairs = nil app = nil").ok());
    ScriptResult second = run(host, "print(leaked, type(pairs), type(app))");
    assertTrue(second.ok(), second.error());
    assertEquals(List.of("nil\tfunction\ttable"), printed);
  }

  // ---------------------------------------------------------------- limits

  @Test
  void infiniteLoopInsidePcallStillEndsTheScript() {
    IntegrationHost host = host(Limits.DEFAULT.withInstructions(1_000_000));
    long t0 = System.nanoTime();
    ScriptResult r = run(host, """
        local ok, err = pcall(function() while true do end end)
        print("pcall swallowed the limit", ok, err)
        while true do end
        """);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertFalse(r.ok());
    assertTrue(r.error().contains("instruction limit"), r.error());
    assertNotJavaish(r.error());
    assertEquals(List.of(), printed, "the script must end at the first loop, pcall must not catch it");
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    assertHostStillWorks(host);
  }

  @Test
  void xpcallCannotCatchTheInstructionLimitEither() {
    IntegrationHost host = host(Limits.DEFAULT.withInstructions(200_000));
    ScriptResult r = run(host, """
        print(xpcall(function() while true do end end, function(e) return "handled: " .. tostring(e) end))
        print("after")
        """);
    assertFalse(r.ok());
    assertTrue(r.error().contains("instruction limit"), r.error());
    assertEquals(List.of(), printed);
    assertHostStillWorks(host);
  }

  @Test
  void doublingStringEndsWithAMemoryOrLimitErrorAndTheHostSurvives() {
    IntegrationHost host = host(Limits.DEFAULT.withAllocatedBytes(64L << 20));
    long t0 = System.nanoTime();
    ScriptResult r = run(host, "s = \"x\" while true do s = s .. s end");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    List<String> out = new ArrayList<>();
    ScriptResult after = host.run("print('alive', ('x'):rep(3))", "after.lua", out::add);
    assertAll(
        () -> assertFalse(r.ok()),
        () -> assertTrue(Pattern.compile("(?i)memory|limit").matcher(String.valueOf(r.error())).find(),
            "expected a memory/limit error, got: " + r.error()),
        () -> assertNotJavaish(r.error()),
        () -> assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took),
        () -> assertTrue(after.ok(), after.error()),
        () -> assertEquals(List.of("alive\txxx"), out));
  }

  @Test
  void oneHugeNativeAllocationIsStoppedByTheMemoryLimit() {
    // 64 MiB budget; a single string.rep asks for 128 MiB in one VM instruction.
    IntegrationHost host = host(Limits.DEFAULT.withAllocatedBytes(64L << 20));
    ScriptResult r = run(host, "local s = string.rep('x', 128 * 1024 * 1024) print(#s)");
    assertAll(
        () -> assertFalse(r.ok(), "a 128 MiB string was allocated under a 64 MiB limit; printed " + printed),
        () -> assertTrue(Pattern.compile("(?i)memory|limit").matcher(String.valueOf(r.error())).find(), String.valueOf(r.error())));
    assertHostStillWorks(host);
  }

  @Test
  void oneHugeRepThroughTheStringMetatableIsStoppedByTheMemoryLimit() {
    // Same as above, but through method syntax, which resolves via the shared string metatable's __index.
    IntegrationHost host = host(Limits.DEFAULT.withAllocatedBytes(64L << 20));
    ScriptResult r = run(host, "local s = ('x'):rep(128 * 1024 * 1024) print(#s)");
    assertAll(
        () -> assertFalse(r.ok(), "a 128 MiB string was allocated under a 64 MiB limit; printed " + printed),
        () -> assertTrue(Pattern.compile("(?i)memory|limit").matcher(String.valueOf(r.error())).find(), String.valueOf(r.error())));
    assertHostStillWorks(host);
  }

  @Test
  void incrementalAllocationIsStoppedByTheMemoryLimit() {
    IntegrationHost host = host(Limits.DEFAULT.withAllocatedBytes(64L << 20));
    ScriptResult r = run(host, "local t = {} local i = 0 while true do i = i + 1 t[i] = ('x'):rep(1000) .. i end");
    assertFalse(r.ok());
    assertTrue(r.error().contains("memory limit"), r.error());
    assertNotJavaish(r.error());
    assertHostStillWorks(host);
  }

  @Test
  void pathologicalPatternEndsWithAWallClockError() throws Exception {
    IntegrationHost host = host(Limits.DEFAULT.withWallClock(Duration.ofSeconds(1)));
    long t0 = System.nanoTime();
    // Eight lazy expansions over 100,000 characters never finish, and run inside one native call (no hook).
    ScriptResult r = host.run("print(string.find(string.rep('a', 100000), '.-.-.-.-.-.-.-.-x'))", "pattern.lua", printed::add);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertFalse(r.ok());
    assertTrue(r.error().contains("wall-clock"), r.error());
    assertNotJavaish(r.error());
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    assertEquals(List.of(), printed);

    // The runaway worker is actually stopped, not left burning a CPU.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (workerAlive("lua-pattern.lua") && System.nanoTime() < deadline) Thread.sleep(50);
    assertFalse(workerAlive("lua-pattern.lua"), "the worker thread of the timed-out script is still running");
    assertHostStillWorks(host);
  }

  @Test
  void pathologicalPatternInsidePcallEndsWithAWallClockError() {
    IntegrationHost host = host(Limits.DEFAULT.withWallClock(Duration.ofSeconds(1)));
    long t0 = System.nanoTime();
    ScriptResult r = run(host, """
        print(pcall(string.find, string.rep('a', 100000), '.-.-.-.-.-.-.-.-x'))
        print("after")
        """);
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertFalse(r.ok());
    assertTrue(r.error().contains("wall-clock"), r.error());
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    assertEquals(List.of(), printed);
    assertHostStillWorks(host);
  }

  @Test
  void longPatternIsAFastCleanFailure() {
    IntegrationHost host = host(Limits.DEFAULT.withWallClock(Duration.ofSeconds(1)));
    long t0 = System.nanoTime();
    ScriptResult r = run(host, "string.find(string.rep('a', 30000), string.rep('a?', 30000) .. string.rep('a', 30000))");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    assertFalse(r.ok());
    assertNotJavaish(r.error());
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    assertHostStillWorks(host);
  }

  static boolean workerAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  @Test
  void deepRecursionFailsWithACleanError() {
    IntegrationHost host = host();
    ScriptResult r = run(host, "local function f() return 1 + f() end f()");
    assertFalse(r.ok());
    assertTrue(r.error().toLowerCase().contains("stack overflow"), r.error());
    assertNotJavaish(r.error());
    assertHostStillWorks(host);
  }

  @Test
  void deepRecursionInsidePcallFailsWithACleanError() {
    IntegrationHost host = host();
    ScriptResult r = run(host, "local function f() return 1 + f() end print(pcall(f)) print('after')");
    // Either pcall reports it or the script ends; both are fine as long as nothing Java-ish escapes.
    if (r.ok()) {
      assertEquals(2, printed.size(), printed.toString());
      assertTrue(printed.get(0).startsWith("false\t"), printed.get(0));
      printed.forEach(ScriptJailTest::assertNotJavaish);
    } else {
      assertNotJavaish(r.error());
    }
    assertHostStillWorks(host);
  }

  // ---------------------------------------------------------------- error values

  @ParameterizedTest
  @ValueSource(strings = {"error({})", "error(nil)", "error()", "error(setmetatable({}, {__tostring = function() return 'custom' end}))",
      "error(42)", "error(true)", "error(print)", "error('plain', 0)", "error(setmetatable({}, {__tostring = function() error('boom') end}))"})
  void anyErrorValueGivesAFailedResultWithoutAJavaTrace(String script) {
    IntegrationHost host = host();
    ScriptResult r = run(host, script);
    assertFalse(r.ok());
    assertNotNull(r.error(), script);
    assertFalse(r.error().isBlank(), script);
    assertNotJavaish(r.error());
    assertHostStillWorks(host);
  }

  @Test
  void errorWithATostringTableUsesIt() {
    ScriptResult r = run(host(), "error(setmetatable({}, {__tostring = function() return 'custom failure' end}))");
    assertFalse(r.ok());
    assertEquals("custom failure", r.error());
  }

  // ---------------------------------------------------------------- app.integrations

  @Test
  void integrationsTablesRefuseNewKeys() {
    IntegrationHost host = host();
    ScriptResult a = run(host, "app.integrations.stripe.x = 1");
    assertFalse(a.ok());
    assertTrue(a.error().contains("app.integrations.stripe is read-only"), a.error());
    ScriptResult b = run(host, "app.integrations.foo = 1");
    assertFalse(b.ok());
    assertTrue(b.error().contains("app.integrations is read-only"), b.error());
    ScriptResult c = run(host, "app.integrations.stripe.work.x = 1");
    assertFalse(c.ok());
    assertTrue(c.error().contains("read-only"), c.error());
    ScriptResult d = run(host, "app.other = 1");
    assertFalse(d.ok());
    assertTrue(d.error().contains("read-only"), d.error());
    ScriptResult e = run(host, "setmetatable(app.integrations, nil)");
    assertFalse(e.ok());
    assertTrue(e.error().contains("protected metatable"), e.error());
    printed.clear();
    assertTrue(run(host, "print(getmetatable(app), getmetatable(app.integrations), getmetatable(app.integrations.stripe))").ok());
    assertEquals(List.of("protected\tprotected\tprotected"), printed);
    assertHostStillWorks(host);
  }

  @Test
  void integrationsTablesRefuseReassigningExistingKeys() {
    // The namespace is documented as read-only; plain assignment to a key that exists must be refused too.
    IntegrationHost host = host();
    ScriptResult a = run(host, "app.integrations.stripe.get_customer = function() return { id = 'fake' } end");
    ScriptResult b = run(host, "app.integrations.stripe = {}");
    ScriptResult c = run(host, "app.integrations = {}");
    assertAll(
        () -> assertFalse(a.ok(), "app.integrations.stripe.get_customer = ... was accepted"),
        () -> assertFalse(b.ok(), "app.integrations.stripe = {} was accepted"),
        () -> assertFalse(c.ok(), "app.integrations = {} was accepted"));
  }

  @Test
  void rawsetOnIntegrationsOnlyAffectsThatScriptAndTheNextScriptStillCallsStripe() {
    IntegrationHost host = host();
    ScriptResult r = run(host, """
        print(pcall(rawset, app.integrations, "stripe", {}))
        print(type(app.integrations.stripe.get_customer))
        """);
    // rawset bypasses metatables by design; what matters is the scope of the change.
    assertTrue(r.ok(), r.error());
    assertTrue(printed.get(0).startsWith("true\t"), printed.get(0));
    assertEquals("nil", printed.get(1));

    server.reply(200, "{\"id\":\"cus_after\"}");
    printed.clear();
    ScriptResult next = run(host, "print(app.integrations.stripe.get_customer({ id = 'cus_after' }).id)");
    assertTrue(next.ok(), next.error());
    assertEquals(List.of("cus_after"), printed);
    WireServer.Sent sent = server.take();
    assertEquals("/v1/customers/cus_after", sent.path());
    assertEquals(basic(KEY), sent.header("Authorization"));
  }

  /** Walks every table reachable from _G (keys, values, unprotected metatables) and reports strings holding the needle. */
  static final String WALK = """
      local needles = { ... }
      local seen, hits, tables, strings, proxies = {}, {}, 0, 0, 0
      local function check(s, path)
        strings = strings + 1
        for _, n in ipairs(needles) do
          if string.find(s, n, 1, true) then hits[#hits + 1] = path end
        end
      end
      local function walk(v, path)
        local t = type(v)
        if t == "string" then check(v, path) return end
        if t == "number" or t == "boolean" or t == "nil" then return end
        if t == "function" then check(tostring(v), path .. "<tostring>") return end
        if t ~= "table" then check(tostring(v), path .. "<" .. t .. ">") return end
        if seen[v] then return end
        seen[v] = true
        tables = tables + 1
        local mt = getmetatable(v)
        if type(mt) == "table" then walk(mt, path .. "<mt>") elseif mt ~= nil then walk(mt, path .. "<__metatable>") end
        for k, val in pairs(v) do
          local ks = type(k) == "string" and k or ("[" .. tostring(k) .. "]")
          walk(k, path .. "<key " .. ks .. ">")
          walk(val, path .. "." .. ks)
        end
        -- Read-only proxies hold no keys of their own; their "unknown key" error lists what they answer.
        local ok, err = pcall(function() return v["\1no such key"] end)
        if not ok then
          check(tostring(err), path .. "<index error>")
          local list = tostring(err):match("available: (.*)$")
          if list then
            proxies = proxies + 1
            for name in list:gmatch("[^,%s]+") do
              local got, val = pcall(function() return v[name] end)
              if got then walk(val, path .. "." .. name) else check(tostring(val), path .. "." .. name .. "<error>") end
            end
          end
        end
      end
      walk(_G, "_G")
      walk(getmetatable(""), "<string mt>")
      walk(string, "string")
      print("tables", tables, "strings", strings, "proxies", proxies)
      for _, h in ipairs(hits) do print("HIT", h) end
      """;

  @Test
  void credentialsAreNotReachableFromGlobals() {
    IntegrationHost host = host();
    String[] needles = {KEY, WORK_KEY, "SandboxSecret", "SandboxWork", "sk_test_"};
    StringBuilder args = new StringBuilder();
    for (String n : needles) args.append(args.length() == 0 ? "" : ", ").append('"').append(n).append('"');
    ScriptResult r = run(host, WALK.replace("local needles = { ... }", "local needles = { " + args + " }"));
    assertTrue(r.ok(), r.error());
    // Our own needle strings live in the walker's locals, not in _G, so any hit is a real leak.
    assertTrue(printed.get(0).startsWith("tables\t"), printed.toString());
    String[] counts = printed.get(0).split("\t");
    int tables = Integer.parseInt(counts[1]);
    int proxies = Integer.parseInt(counts[5]);
    // _G, string, table, math, app and the namespace tables.
    assertTrue(tables >= 5, "the walk should see the library tables and app, saw " + tables);
    // app, app.integrations, and per provider: itself and its default account, plus stripe's work account.
    assertTrue(proxies >= 2 + 2 * Bindings.all().size() + 1, "the walk should enter the namespace, saw " + printed.get(0));
    assertEquals(1, printed.size(), "credential-like strings reachable: " + printed);
  }

  @Test
  void credentialsAreNotReachableAfterRawsetTampering() {
    IntegrationHost host = host();
    String lua = """
        rawset(app.integrations, "stripe", {})
        rawset(app, "integrations", { stripe = app.integrations.stripe })
        """ + WALK.replace("local needles = { ... }",
        "local needles = { \"" + KEY + "\", \"" + WORK_KEY + "\", \"sk_test_\" }");
    ScriptResult r = run(host, lua);
    assertTrue(r.ok(), r.error());
    assertEquals(1, printed.size(), "credential-like strings reachable: " + printed);
  }

  @Test
  void credentialsDoNotAppearInErrorsOrOutput() {
    IntegrationHost host = host();
    server.reply(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}");
    List<ScriptResult> results = new ArrayList<>();
    results.add(run(host, """
        local s = app.integrations.stripe
        print(tostring(s), tostring(s.get_customer), tostring(s.work), tostring(s.default))
        for k, v in pairs(s) do print(k, v) end
        for k, v in pairs(s.work) do print(k, v) end
        print(pcall(function() return s.api_key end))
        print(pcall(function() return s.work.api_key end))
        print(pcall(function() return s.credentials end))
        print(pcall(s.get_customer, { id = "cus_1", api_key = "x" }))
        print(pcall(s.get_customer, { id = "cus_2" }))
        print(lua_read_doc("integrations.stripe"):sub(1, 200))
        """));
    results.add(run(host, "app.integrations.stripe.work.create_customer({ name = 'Acme' })"));
    results.add(run(host, "app.integrations.stripe.get_customer({ id = 'cus_3', api_key = '' })"));
    results.add(run(host, "error(app.integrations.stripe)"));
    results.add(run(host, "error(app.integrations.stripe.work)"));
    for (ScriptResult r : results) assertNoSecret(r.error());
    for (String line : printed) assertNoSecret(line);
    assertTrue(results.get(0).ok(), results.get(0).error());
    assertFalse(results.get(1).ok());
    assertTrue(results.get(1).error().contains("policy deny"), results.get(1).error());
    WireServer.Sent sent = server.take();
    assertEquals(basic(KEY), sent.header("Authorization"));
  }
}
