package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every limit, one after another on the same host, each followed by an ordinary script that must run
 * normally: the instruction budget, the wall clock (a pathological pattern inside one native call), string
 * doubling, the string, table and nesting caps at the bridge, and a real {@link OutOfMemoryError} (in a
 * child JVM with a small heap, so the test JVM is never short of memory).
 */
class LuaLimitsTest {
  record Hostile(String name, String lua, String error) {}

  static final List<Hostile> HOSTILE = List.of(
      new Hostile("instruction limit", "local ok = pcall(function() while true do end end)", "instruction limit of 2000000 exceeded"),
      new Hostile("wall clock", "print(string.find(string.rep('a', 100000), '.-.-.-.-.-.-.-.-x'))", "wall-clock limit of 1000 ms exceeded"),
      // Each step doubles; the concatenation that would pass the allocation budget is refused before it allocates.
      new Hostile("string doubling", "local s = 'x' while true do s = s .. s end", "memory limit exceeded: '..' needs"),
      new Hostile("string cap at the bridge",
          "app.integrations.stripe.get_customer({ id = string.rep('x', 70000) })", "stripe.get_customer: 'id' is longer than 65536 bytes"),
      new Hostile("table cap at the bridge",
          "local m = {} for i = 1, 1001 do m['k' .. i] = 'v' end app.integrations.stripe.create_customer({ metadata = m })",
          "stripe.create_customer: 'metadata' has more than 1000 entries"),
      new Hostile("list cap at the bridge",
          "local t = {} for i = 1, 1001 do t[i] = i end app.integrations.chartmogul.api_call({ method = 'POST', path = '/x', body = { list = t } })",
          "chartmogul.api_call: 'body.list' has more than 1000 entries"),
      new Hostile("nesting cap at the bridge",
          "local t = {} local c = t for i = 1, 40 do c.n = {} c = c.n end app.integrations.chartmogul.api_call({ method = 'POST', path = '/x', body = t })",
          "nested more than 16 levels deep"));

  static IntegrationHost host(String url, Limits limits) {
    return IntegrationHost.builder().bindings(Bindings.all())
        .account(new Account("stripe", "default", Map.of("api_key", "sk_test_limits"), Map.of(), url, WritePolicy.ALLOW))
        .account(new Account("chartmogul", "default", Map.of("api_key", "cm_limits"), Map.of(), url, WritePolicy.ALLOW))
        .limits(limits).build();
  }

  @Test
  void afterEveryLimitTheSameHostRunsTheNextScriptNormally() {
    try (WireServer server = new WireServer()) {
      IntegrationHost host = host(server.url("/"), Limits.DEFAULT.withInstructions(2_000_000).withWallClock(Duration.ofSeconds(1))
          .withAllocatedBytes(32L << 20).withMaxStringBytes(65536).withMaxTableEntries(1000));
      for (Hostile h : HOSTILE) {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        ScriptResult r = host.run(h.lua(), "hostile.lua", printed::add);
        assertFalse(r.ok(), h.name() + " was not stopped; printed " + printed);
        assertTrue(r.error().contains(h.error()), h.name() + ": " + r.error());
        BadInputPropertyTest.assertNotJavaish(r.error(), h.name());
        assertNormalScriptRuns(host, server, h.name());
      }
      assertEquals(HOSTILE.size(), server.requestCount(), "only the normal scripts sent requests");
      System.out.printf("lua limits: %d hostile scripts stopped (plus OutOfMemoryError in a child JVM), the same host ran a normal script after each%n",
          HOSTILE.size());
    }
  }

  static void assertNormalScriptRuns(IntegrationHost host, WireServer server, String after) {
    server.reply(200, "{\"id\":\"cus_ok\",\"name\":\"Still here\"}");
    List<String> out = Collections.synchronizedList(new ArrayList<>());
    ScriptResult r = host.run("local c = app.integrations.stripe.get_customer({ id = 'cus_ok' }) print(c.id, c.name, ('ab'):rep(2))",
        "normal.lua", out::add);
    assertTrue(r.ok(), "after " + after + ": " + r.error());
    assertEquals(List.of("cus_ok\tStill here\tabab"), out, "after " + after);
  }

  @Test
  void anOutOfMemoryErrorEndsOnlyItsScript() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), OutOfMemory.class.getName())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertEquals(List.of("hostile: false hostile.lua: out of memory", "normal: true [alive]"), out.lines().toList());
  }

  /** Runs in the child JVM: a script that fills the heap with no allocation budget, then an ordinary one. */
  static final class OutOfMemory {
    public static void main(String[] args) throws IOException {
      IntegrationHost host = IntegrationHost.builder().bindings(Bindings.all())
          .limits(Limits.DEFAULT.withAllocatedBytes(Long.MAX_VALUE).withInstructions(Long.MAX_VALUE)).build();
      ScriptResult r = host.run("local t = {} local i = 0 while true do i = i + 1 t[i] = string.rep('x', 65536) .. i end",
          "hostile.lua", line -> { });
      System.out.println("hostile: " + r.ok() + " " + r.error());
      List<String> out = new ArrayList<>();
      ScriptResult after = host.run("print('alive')", "normal.lua", out::add);
      System.out.println("normal: " + after.ok() + " " + out);
    }
  }
}
