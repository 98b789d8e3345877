package dev.specloom.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared watchdog of whole-call timeouts; every wait is on an event, with seconds of margin. */
class CallDeadlinesTest {
  @Test
  void aCallStillRunningAtItsDeadlineIsCancelledAndToldSo() throws InterruptedException {
    CountDownLatch cancelled = new CountDownLatch(1);
    CallDeadlines.Deadline d = CallDeadlines.enter(Duration.ofMillis(50), cancelled::countDown);
    assertTrue(cancelled.await(30, TimeUnit.SECONDS));
    assertTrue(d.exit());
  }

  @Test
  void aCallThatEndsInTimeIsNeverCancelled() throws InterruptedException {
    AtomicInteger early = new AtomicInteger();
    assertFalse(CallDeadlines.enter(Duration.ofMillis(100), early::incrementAndGet).exit());
    // A later deadline passing shows the watchdog has looked past the first one.
    CountDownLatch later = new CountDownLatch(1);
    CallDeadlines.Deadline d = CallDeadlines.enter(Duration.ofMillis(300), later::countDown);
    assertTrue(later.await(30, TimeUnit.SECONDS));
    assertTrue(d.exit());
    assertEquals(0, early.get());
  }

  @Test
  void noTimeoutMeansNoDeadline() {
    CallDeadlines.Deadline d = CallDeadlines.enter(Duration.ZERO, () -> { throw new AssertionError("cancelled"); });
    assertSame(CallDeadlines.Deadline.UNBOUNDED, d);
    assertFalse(d.exit());
    assertFalse(CallDeadlines.enter(Duration.ofDays(365_000), () -> { }).exit(), "a timeout past nanoTime's range");
  }

  @Test
  void callsMadeOneAfterAnotherDoNotWakeTheWatchdogEachTime() {
    long start = System.nanoTime();
    long scansBefore = CallDeadlines.scans();
    for (int i = 0; i < 10_000; i++) CallDeadlines.enter(Duration.ofSeconds(60), () -> { }).exit();
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    long scans = CallDeadlines.scans() - scansBefore;
    // One wake for the first call, one per second of idle tick, and one for a scan under way at the start.
    assertTrue(scans <= 3 + seconds, scans + " scans for 10,000 calls in " + seconds + " s");
  }
}
