package dev.specloom.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The faults queued for one provider's simulator: each request takes the next one, in order, and requests
 * after the queue is empty are answered normally. Thread-safe.
 *
 * <pre>{@code
 * sandbox.faults("tally").next(Fault.rateLimited(Duration.ofSeconds(1)), Fault.status(503), Fault.drop());
 * // the next three requests get a 429 with Retry-After: 1, a 503, a dropped connection; the fourth succeeds
 * }</pre>
 */
public final class Faults {
  private final Deque<Fault> queue = new ArrayDeque<>();

  Faults() {}

  /** Queues faults for the coming requests, one each. */
  public synchronized Faults next(Fault... faults) {
    for (Fault f : faults) queue.add(java.util.Objects.requireNonNull(f, "fault"));
    return this;
  }

  /** Queues the same fault for the next {@code times} requests. */
  public synchronized Faults repeat(Fault fault, int times) {
    for (int i = 0; i < times; i++) queue.add(java.util.Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** How many queued faults no request has taken yet. */
  public synchronized int pending() {
    return queue.size();
  }

  public synchronized void clear() {
    queue.clear();
  }

  synchronized Fault poll() {
    return queue.poll();
  }
}
