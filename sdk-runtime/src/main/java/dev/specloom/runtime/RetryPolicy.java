package dev.specloom.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a client retries: at most {@code maxRetries} more attempts, waiting {@code initialDelay} doubled per
 * attempt (capped at {@code maxDelay}) minus up to {@code jitter} of it, or what the provider's
 * {@code Retry-After} asks for (also capped). The sleeper and clock are injectable so tests never sleep.
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, double jitter, Sleeper sleeper, Clock clock) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(20), 0.25, Sleeper.THREAD, Clock.systemUTC());

  /** Waits; an interruption ends the call. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
  }

  public RetryPolicy {
    if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
    if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("jitter must be within [0, 1]");
    Objects.requireNonNull(initialDelay);
    Objects.requireNonNull(maxDelay);
    Objects.requireNonNull(sleeper);
    Objects.requireNonNull(clock);
  }

  public static RetryPolicy none() {
    return DEFAULT.withMaxRetries(0);
  }

  public RetryPolicy withMaxRetries(int n) {
    return new RetryPolicy(n, initialDelay, maxDelay, jitter, sleeper, clock);
  }

  public RetryPolicy withSleeper(Sleeper s) {
    return new RetryPolicy(maxRetries, initialDelay, maxDelay, jitter, s, clock);
  }

  public RetryPolicy withClock(Clock c) {
    return new RetryPolicy(maxRetries, initialDelay, maxDelay, jitter, sleeper, c);
  }

  /** The wait before retry number {@code attempt + 1}. */
  Duration backoff(int attempt) {
    long base = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << Math.min(attempt, 20));
    long jittered = base - (long) (base * jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(Math.max(0, jittered));
  }
}
