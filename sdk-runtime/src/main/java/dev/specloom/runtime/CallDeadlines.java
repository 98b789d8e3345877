package dev.specloom.runtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The whole-call timeouts of every client in the JVM, kept by one daemon thread that cancels a call whose deadline
 * has passed. It replaces OkHttp's {@code callTimeout}, which hands each call to Okio's watchdog and signals that
 * thread whenever a call enters its empty queue: with calls made one after another, that is a wake-up of another
 * thread, and often a lock handed between the two, on every call (the Lua bridge's {@code get_customer} measured
 * 3.0 µs without it and 10–44 µs with it, in whole iterations at a time). Here a caller wakes the watchdog only
 * when its deadline is earlier than the one the watchdog already sleeps until, so calls with the same timeout made
 * one after another wake it about once a second at most, and not at all once it has slept through a minute idle.
 */
final class CallDeadlines {
  private static final long IDLE_TICK = TimeUnit.SECONDS.toNanos(1);
  private static final int IDLE_TICKS_BEFORE_SLEEPING = 60;
  /** Far enough that {@code nanoTime} differences cannot overflow (about 73 years). */
  private static final long LONGEST = Long.MAX_VALUE / 4;

  private static final Set<Deadline> PENDING = ConcurrentHashMap.newKeySet();
  private static final Thread WATCHDOG;
  /** While the watchdog scans, callers wake it: it may have passed them by. */
  private static volatile boolean scanning = true;
  /** The watchdog parks with no deadline: the first caller wakes it. */
  private static volatile boolean sleeping;
  private static volatile long wakeAt;
  private static volatile long scans;

  static {
    WATCHDOG = new Thread(CallDeadlines::watch, "specloom-call-deadlines");
    WATCHDOG.setDaemon(true);
    WATCHDOG.start();
  }

  private CallDeadlines() {}

  /** Starts timing a call; {@code cancel} runs on the watchdog's thread if the call is still running at the deadline. */
  static Deadline enter(Duration timeout, Runnable cancel) {
    if (timeout.isZero()) return Deadline.UNBOUNDED;
    long nanos = timeout.compareTo(Duration.ofNanos(LONGEST)) > 0 ? LONGEST : timeout.toNanos();
    Deadline d = new Deadline(System.nanoTime() + nanos, cancel);
    PENDING.add(d);
    if (scanning || sleeping || d.at - wakeAt < 0) LockSupport.unpark(WATCHDOG);
    return d;
  }

  /** How many times the watchdog has woken to look at the deadlines. */
  static long scans() {
    return scans;
  }

  private static void watch() {
    int idleTicks = 0;
    while (true) {
      scanning = true;
      scans++;
      long now = System.nanoTime();
      long earliest = now + IDLE_TICK;
      boolean any = false;
      for (Deadline d : PENDING) {
        if (d.at - now <= 0) {
          PENDING.remove(d);
          d.expire();
        } else {
          any = true;
          if (d.at - earliest < 0) earliest = d.at;
        }
      }
      idleTicks = any ? 0 : idleTicks + 1;
      boolean sleep = idleTicks >= IDLE_TICKS_BEFORE_SLEEPING;
      wakeAt = earliest;
      sleeping = sleep;
      scanning = false;
      if (sleep) {
        LockSupport.park(CallDeadlines.class);
        idleTicks = 0;
      } else {
        LockSupport.parkNanos(CallDeadlines.class, earliest - System.nanoTime());
      }
    }
  }

  /** One call's deadline. */
  static final class Deadline {
    static final Deadline UNBOUNDED = new Deadline(0, () -> { });
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private final long at;
    private final Runnable cancel;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    private Deadline(long at, Runnable cancel) {
      this.at = at;
      this.cancel = cancel;
    }

    /** The call is over; true if its deadline passed first (it was cancelled, or is being cancelled). Idempotent. */
    boolean exit() {
      if (this == UNBOUNDED) return false;
      PENDING.remove(this);
      return !state.compareAndSet(RUNNING, DONE) && state.get() == EXPIRED;
    }

    private void expire() {
      if (!state.compareAndSet(RUNNING, EXPIRED)) return;
      try {
        cancel.run();
      } catch (RuntimeException e) {
        // A cancel that throws must not end the watchdog; the call still sees its deadline in exit().
      }
    }
  }
}
