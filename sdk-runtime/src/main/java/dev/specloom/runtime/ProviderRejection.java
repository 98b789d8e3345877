package dev.specloom.runtime;

/**
 * Carries a failure reported inside a 2xx envelope out of Retrofit's converter, which sees only the body, to
 * where the function and the request are known ({@link ErrorDecoder#fromEnvelope}).
 */
final class ProviderRejection extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Object tree;
  private final String requestId;

  ProviderRejection(Object tree, String requestId) {
    super(null, null, false, false);
    this.tree = tree;
    this.requestId = requestId;
  }

  Object tree() {
    return tree;
  }

  String requestId() {
    return requestId;
  }
}
