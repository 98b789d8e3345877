package dev.specloom.model.simulator;

/** An expression that does not parse; {@code offset} is where in its source the parser stopped (0-based). */
public final class ExpressionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  ExpressionException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
