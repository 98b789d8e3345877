package dev.specloom.lua.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The README's concurrency example runs: 100 scripts for 4 tenants at once, every one succeeding. */
class TenantHostsTest {
  @Test
  void hundredAgentScriptsForFourTenantsAtOnce() throws Exception {
    TenantHosts.Figures f = TenantHosts.run(4, 100);
    System.out.println(f);
    assertEquals(0, f.failed(), f.toString());
    assertEquals(100, f.scripts());
    assertTrue(f.scriptsPerSecond() > 0 && f.peakHeapBytes() > 0, f.toString());
  }
}
