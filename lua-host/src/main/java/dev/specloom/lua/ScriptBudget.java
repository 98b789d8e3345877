package dev.specloom.lua;

import java.lang.management.ManagementFactory;

/**
 * What one running script has spent of its {@link Limits}: VM instructions, time and allocation. The allocation budget counts every byte the script's thread allocates, live or already
 * garbage, as the JVM reports it per thread; native code (library functions, the bridge's conversions) asks
 * {@link #allocate} before it allocates, so nothing is allocated past the budget. Exhausting any budget throws
 * {@link ScriptJail.ScriptAbort}, which {@code pcall} cannot catch; the checks are cooperative, no thread is
 * ever stopped from outside.
 *
 * <p>A script runs on its own thread, which carries its budget ({@link #current}); code running outside a
 * script (a host's own globals) sees {@link #UNLIMITED}.
 */
final class ScriptBudget {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final ThreadLocal<ScriptBudget> CURRENT = new ThreadLocal<>();
  static final ScriptBudget UNLIMITED = new ScriptBudget(null);

  private final Limits limits;
  private final long deadline;
  private final long allocationStart;
  private long instructions;

  private ScriptBudget(Limits limits) {
    this.limits = limits;
    this.deadline = limits == null ? Long.MAX_VALUE : System.nanoTime() + limits.wallClock().toNanos();
    this.allocationStart = limits == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
  }

  /** Starts the budget of a script about to run on this thread. */
  static ScriptBudget start(Limits limits) {
    ScriptBudget b = new ScriptBudget(limits);
    CURRENT.set(b);
    return b;
  }

  /** Ends the budget of the script that ran on this thread. */
  static void finish() {
    CURRENT.remove();
  }

  static ScriptBudget current() {
    ScriptBudget b = CURRENT.get();
    return b == null ? UNLIMITED : b;
  }

  /** One VM instruction; every 16th also checks the clock and the allocation counter. */
  void instruction() {
    if (limits == null) return;
    if (++instructions > limits.instructions()) {
      throw new ScriptJail.ScriptAbort("instruction limit of " + limits.instructions() + " exceeded");
    }
    if ((instructions & 15) == 0) {
      checkDeadline();
      if (allocated() > limits.allocatedBytes()) {
        throw new ScriptJail.ScriptAbort("memory limit exceeded: the script allocated more than " + mib(limits.allocatedBytes()));
      }
    }
  }

  void checkDeadline() {
    if (limits != null && System.nanoTime() - deadline > 0) {
      throw new ScriptJail.ScriptAbort("wall-clock limit of " + limits.wallClock().toMillis() + " ms exceeded");
    }
  }

  /**
   * Asked before {@code what} allocates {@code bytes}: ends the script when that would take its allocations past
   * the budget. Also checks the deadline, so long native work that allocates as it goes stops in time.
   */
  void allocate(long bytes, String what) {
    if (limits == null) return;
    checkDeadline();
    long used = allocated();
    if (bytes > limits.allocatedBytes() - used) {
      throw new ScriptJail.ScriptAbort("memory limit exceeded: " + what + " needs " + size(bytes) + ", "
          + size(Math.max(0, limits.allocatedBytes() - used)) + " of the script's " + mib(limits.allocatedBytes())
          + " allocation budget left");
    }
  }

  private long allocated() {
    return THREADS.getCurrentThreadAllocatedBytes() - allocationStart;
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }

  private static String size(long bytes) {
    if (bytes >= 10L << 20) return mib(bytes);
    if (bytes >= 10L << 10) return (bytes >> 10) + " KiB";
    return bytes + " bytes";
  }
}
