package dev.specloom.runtime;

import java.io.InterruptedIOException;

/** No usable answer arrived: the connection failed, the body was unreadable, or the call timed out. */
public final class TransportException extends SpecloomException {
  private static final long serialVersionUID = 1L;
  private final boolean timeout;

  public TransportException(String provider, String function, Throwable cause) {
    super(provider + "." + function + ": " + (isTimeout(cause) ? "timed out" : "request failed") + ": "
        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    this.timeout = isTimeout(cause);
  }

  private static boolean isTimeout(Throwable t) {
    return t instanceof InterruptedIOException;
  }

  public boolean isTimeout() {
    return timeout;
  }
}
