package dev.specloom.runtime;

/**
 * The provider answered with an error: HTTP status, the provider's own code, type and message, the
 * offending param and the request id, whatever of these the provider sent.
 */
public final class ProviderException extends SpecloomException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final String function;
  private final int status;
  private final String code;
  private final String type;
  private final String providerMessage;
  private final String param;
  private final String requestId;

  public ProviderException(String provider, String function, int status, String code, String type,
      String providerMessage, String param, String requestId) {
    super(line(provider, function, status, code, providerMessage, requestId), null);
    this.provider = provider;
    this.function = function;
    this.status = status;
    this.code = code;
    this.type = type;
    this.providerMessage = providerMessage;
    this.param = param;
    this.requestId = requestId;
  }

  private static String line(String provider, String function, int status, String code, String message, String requestId) {
    StringBuilder b = new StringBuilder(provider).append('.').append(function).append(": ").append(status);
    if (code != null) b.append(' ').append(code);
    b.append(": ").append(message);
    if (requestId != null) b.append(" (request ").append(requestId).append(')');
    return b.toString();
  }

  public String provider() { return provider; }

  public String function() { return function; }

  /** HTTP status; a 2xx when the provider's envelope reported the failure. */
  public int status() { return status; }

  /** The provider's error code (e.g. {@code resource_missing}), or null. */
  public String code() { return code; }

  /** The provider's error type (e.g. {@code invalid_request_error}), or null. */
  public String type() { return type; }

  public String providerMessage() { return providerMessage; }

  /** The request parameter the provider blamed, or null. */
  public String param() { return param; }

  public String requestId() { return requestId; }
}
