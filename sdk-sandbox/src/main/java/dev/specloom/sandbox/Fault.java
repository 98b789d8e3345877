package dev.specloom.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the sandbox injects into one request instead of (or before) answering it normally.
 *
 * <ul>
 *   <li>{@link #rateLimited(Duration)}: 429 with the provider's rate-limit body and a {@code Retry-After} header
 *       in whole seconds; nothing is changed.
 *   <li>{@link #status(int)}: that status with the provider's server-error body; nothing is changed.
 *   <li>{@link #delay(Duration)}: waits, then answers normally (for timeouts).
 *   <li>{@link #drop()}: closes the connection without answering; nothing is changed.
 * </ul>
 */
public record Fault(Kind kind, int status, Duration retryAfter, Duration delay) {

  public enum Kind { STATUS, DELAY, DROP }

  public Fault {
    Objects.requireNonNull(kind, "kind");
  }

  public static Fault rateLimited(Duration retryAfter) {
    return new Fault(Kind.STATUS, 429, Objects.requireNonNull(retryAfter, "retryAfter"), null);
  }

  /** An error status, 400 to 599; 429 answers with the rate-limit body, any other with the server-error body. */
  public static Fault status(int status) {
    if (status < 400 || status > 599) throw new IllegalArgumentException("a fault status is 400..599, not " + status);
    return new Fault(Kind.STATUS, status, null, null);
  }

  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, 0, null, Objects.requireNonNull(delay, "delay"));
  }

  public static Fault drop() {
    return new Fault(Kind.DROP, 0, null, null);
  }
}
