package dev.specloom.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU time the benchmark thread spends per call, beside JMH's wall-clock score. Both generators run on one
 * thread, so this figure is what each costs when other processes compete for the cores and the wall clock
 * mostly measures waiting for a turn.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public long cpuNanos;
  public long calls;

  @Setup(Level.Iteration)
  public void reset() {
    cpuNanos = 0;
    calls = 0;
  }

  <T> T time(Callable<T> work) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    T result = work.call();
    cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    calls++;
    return result;
  }
}
