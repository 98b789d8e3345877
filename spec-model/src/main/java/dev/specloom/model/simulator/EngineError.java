package dev.specloom.model.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The error kinds the simulator raises itself, with the status each answers when the spec's {@code sandbox.errors}
 * gives it no shape. Any other kind a spec declares is raised by a behaviour's {@code state_error}, {@code refuse}
 * or {@code empty}.
 */
public enum EngineError {
  UNAUTHORIZED(401), MISSING_PARAM(400), NOT_FOUND(404), UNEXPECTED_STATE(400), NO_MATCH(400), NOT_ROUTED(404),
  RATE_LIMITED(429), SERVER_ERROR(500);

  private final int status;

  EngineError(int status) {
    this.status = status;
  }

  /** The kind as specs and error bodies spell it ({@code missing_param}). */
  public String kind() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int status() {
    return status;
  }

  public static Optional<EngineError> of(String kind) {
    return Arrays.stream(values()).filter(e -> e.kind().equals(kind)).findFirst();
  }
}
