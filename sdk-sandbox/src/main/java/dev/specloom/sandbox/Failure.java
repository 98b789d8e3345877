package dev.specloom.sandbox;

import dev.specloom.model.simulator.EngineError;
import java.util.Map;

/**
 * A request the provider would refuse, by kind ({@code missing_param}, {@code not_found},
 * {@code unexpected_state}, ...) with the values its error body quotes. The spec's {@code sandbox.errors}
 * gives each kind its status and body.
 */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final String kind;
  final transient Map<String, String> vars;

  /** A refusal the engine raises itself. */
  Failure(EngineError error, Map<String, String> vars) {
    this(error.kind(), vars);
  }

  /** A refusal of a kind the spec declares (a behaviour's state_error, refuse or empty). */
  Failure(String kind, Map<String, String> vars) {
    super(kind + " " + vars, null, false, false);
    this.kind = kind;
    this.vars = vars;
  }
}
