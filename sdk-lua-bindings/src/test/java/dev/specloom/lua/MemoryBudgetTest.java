package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Scripts built to get past the allocation budget (default 512 MiB), each in turn on one host in a child JVM
 * with {@code -Xmx1g}: shared references converted for a call, string doubling, and library functions asked
 * for more than the budget. Each must fail with "memory limit exceeded" while the process's peak RSS stays
 * below the budget plus 256 MiB, and an ordinary script must then run normally on the same host.
 */
class MemoryBudgetTest {
  static final long BUDGET_MIB = Limits.DEFAULT.allocatedBytes() >> 20;
  static final long RSS_CEILING_KIB = (BUDGET_MIB + 256) << 10;

  /** Name and script; every script is within the string, table and instruction limits, only memory is hostile. */
  static final Map<String, String> CORPUS = new LinkedHashMap<>();

  static {
    CORPUS.put("10,000 keys sharing one 1 MiB string",
        "local s = string.rep('x', 1024 * 1024) local m = {} for i = 1, 10000 do m['k' .. i] = s end "
            + "app.integrations.chartmogul.api_call({ method = 'POST', path = '/x', body = m })");
    CORPUS.put("three levels of 10,000-item lists sharing one child",
        "local l1 = {} for i = 1, 10000 do l1[i] = 'abcdefgh' end local l2 = {} for i = 1, 10000 do l2[i] = l1 end "
            + "local l3 = {} for i = 1, 10000 do l3[i] = l2 end "
            + "app.integrations.chartmogul.api_call({ method = 'POST', path = '/x', body = { data = l3 } })");
    CORPUS.put("s = s .. s", "local s = 'x' while true do s = s .. s end");
    CORPUS.put("string.rep x4", "local t = {} for i = 1, 4 do t[i] = string.rep('x', 400 * 1024 * 1024) end");
    CORPUS.put("table.concat", "local s = string.rep('x', 1024 * 1024) local t = {} for i = 1, 1500 do t[i] = s end "
        + "local c = table.concat(t)");
    CORPUS.put("string.format", "local s = string.rep('x', 300 * 1024 * 1024) local f = string.format('%s%s%s', s, s, s)");
    CORPUS.put("gsub", "local s = string.rep('x', 1024 * 1024) local g = s:gsub('x', string.rep('y', 1000))");
    CORPUS.put("table.unpack({}, 1, 1e8)", "local n = select('#', table.unpack({}, 1, 1e8))");
    CORPUS.put("string.byte of 100 MiB", "local s = string.rep('x', 100 * 1024 * 1024) local n = select('#', s:byte(1, -1))");
    CORPUS.put("print of 300 MiB", "local s = string.rep('x', 300 * 1024 * 1024) print(s, s)");
  }

  @Test
  void everyHostileScriptEndsWithTheMemoryErrorUnderTheRssCeilingAndTheHostServesAfterwards() throws Exception {
    Path log = Files.createTempFile("memory-budget", ".txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path"), Corpus.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = p.waitFor(300, TimeUnit.SECONDS);
    if (!finished) p.destroyForcibly();
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertTrue(finished, "child JVM did not finish: " + out);
    System.out.println("memory budget corpus on Java " + System.getProperty("java.version") + " (child -Xmx1g, budget "
        + BUDGET_MIB + " MiB, ceiling " + (RSS_CEILING_KIB >> 10) + " MiB):");
    List<String[]> rows = new ArrayList<>();
    for (String line : out.lines().toList()) {
      if (line.startsWith("hostile\t")) {
        String[] f = line.split("\t", 6);
        rows.add(f);
        System.out.printf("  %-52s peak RSS %5d MiB  %s%n", f[1], Long.parseLong(f[3]) >> 10, f[5]);
      }
    }
    assertEquals(0, p.exitValue(), out);
    assertEquals(CORPUS.size(), rows.size(), out);
    for (String[] f : rows) {
      String name = f[1];
      assertEquals("false", f[2], name + " was not stopped: " + out);
      assertTrue(f[5].contains("memory limit exceeded"), name + ": " + f[5]);
      BadInputPropertyTest.assertNotJavaish(f[5], name);
      assertTrue(Long.parseLong(f[3]) < RSS_CEILING_KIB, name + ": peak RSS " + (Long.parseLong(f[3]) >> 10) + " MiB");
      assertEquals("true [cus_ok]", f[4], name + ": the next ordinary script on the same host");
    }
  }

  /**
   * Runs in the child JVM: each hostile script with the default limits, then an ordinary call on the same
   * host. Prints {@code hostile<TAB>name<TAB>ok<TAB>peak RSS KiB<TAB>normal result<TAB>error} per script; the
   * peak is reset (clear_refs) before each script where the kernel allows it.
   */
  static final class Corpus {
    public static void main(String[] args) throws IOException {
      try (WireServer server = new WireServer()) {
        IntegrationHost host = LuaLimitsTest.host(server.url("/"), Limits.DEFAULT);
        for (Map.Entry<String, String> e : CORPUS.entrySet()) {
          System.gc();
          resetPeak();
          ScriptResult r = host.run(e.getValue(), "hostile.lua", line -> { });
          long peak = peakKib();
          server.reply(200, "{\"id\":\"cus_ok\"}");
          List<String> printed = Collections.synchronizedList(new ArrayList<>());
          ScriptResult normal = host.run("print(app.integrations.stripe.get_customer({ id = 'cus_ok' }).id)", "normal.lua", printed::add);
          String error = String.valueOf(r.error()).replace('\n', ' ').replace('\t', ' ');
          System.out.println("hostile\t" + e.getKey() + "\t" + r.ok() + "\t" + peak + "\t" + normal.ok() + " " + printed
              + (normal.ok() ? "" : " " + normal.error()) + "\t" + (error.length() > 200 ? error.substring(0, 200) : error));
        }
      }
      System.exit(0);
    }

    private static void resetPeak() {
      try {
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      } catch (IOException | RuntimeException e) {
        // Without it each figure is the peak since the JVM started: still an upper bound.
      }
    }

    private static long peakKib() throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
      }
      throw new IllegalStateException("no VmHWM in /proc/self/status");
    }
  }
}
