package dev.specloom.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU time the whole process spends per call, beside JMH's wall-clock score: the generator renders files on
 * every core, so the benchmark thread's own time would miss most of its work. When other processes compete for
 * the cores, this is what a call costs while the wall clock mostly measures waiting for a turn.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public long cpuNanos;
  public long calls;

  @Setup(Level.Iteration)
  public void reset() {
    cpuNanos = 0;
    calls = 0;
  }

  <T> T time(Callable<T> work) throws Exception {
    long start = OS.getProcessCpuTime();
    T result = work.call();
    cpuNanos += OS.getProcessCpuTime() - start;
    calls++;
    return result;
  }
}
