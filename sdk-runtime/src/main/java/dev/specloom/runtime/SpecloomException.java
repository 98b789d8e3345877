package dev.specloom.runtime;

/** Base of every error an SDK call raises. Messages never contain credentials. */
public class SpecloomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpecloomException(String message, Throwable cause) {
    super(message, cause);
  }
}
