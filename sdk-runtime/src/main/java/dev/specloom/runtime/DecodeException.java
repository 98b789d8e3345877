package dev.specloom.runtime;

/**
 * A successful answer arrived, but its body does not fit the declared result (a field of another JSON type,
 * malformed JSON). The request did reach the provider, so this is not a transport failure and is never retried;
 * {@link #path()} is where in the body decoding stopped, e.g. {@code $.data[0].applied_to}.
 */
public final class DecodeException extends SpecloomException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final String function;
  private final int status;
  private final String requestId;
  private final String path;

  public DecodeException(String provider, String function, int status, String requestId, String path, String detail,
      Throwable cause) {
    super(provider + "." + function + ": " + status + ": the answer does not fit the declared result at " + path + ": "
        + detail + (requestId == null ? "" : " (request " + requestId + ")"), cause);
    this.provider = provider;
    this.function = function;
    this.status = status;
    this.requestId = requestId;
    this.path = path;
  }

  public String provider() { return provider; }

  public String function() { return function; }

  /** The HTTP status of the answer (a 2xx). */
  public int status() { return status; }

  public String requestId() { return requestId; }

  /** JSON path, from the body's root, where the body stopped fitting the result, e.g. {@code $.data[0].amount}. */
  public String path() { return path; }
}
