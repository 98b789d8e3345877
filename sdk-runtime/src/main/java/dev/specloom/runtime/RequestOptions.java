package dev.specloom.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-request overrides of a client's retry limit and timeouts, and the idempotency key of a write. A client
 * derived with {@code client.withOptions(options)} shares the original's connections; unset values keep the
 * client's own. A caller-supplied idempotency key replaces the generated one, so retrying the same logical
 * call from the caller's side (after a crash, say) reuses it; give each logical write its own key.
 *
 * <pre>{@code
 * client.withOptions(RequestOptions.builder().maxRetries(5).callTimeout(Duration.ofSeconds(5))
 *     .idempotencyKey("order-1234").build()).createCustomer(params);
 * }</pre>
 */
public final class RequestOptions {
  final Integer maxRetries;
  final Duration connectTimeout;
  final Duration readTimeout;
  final Duration callTimeout;
  final String idempotencyKey;

  private RequestOptions(Builder b) {
    this.maxRetries = b.maxRetries;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
    this.idempotencyKey = b.idempotencyKey;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "RequestOptions{maxRetries=" + maxRetries + ", connectTimeout=" + connectTimeout + ", readTimeout="
        + readTimeout + ", callTimeout=" + callTimeout + ", idempotencyKey=" + idempotencyKey + "}";
  }

  /** Unset values fall back to the client's. */
  public static final class Builder {
    private Integer maxRetries;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private String idempotencyKey;

    private Builder() {}

    public Builder maxRetries(int n) {
      if (n < 0) throw new IllegalArgumentException("maxRetries must be >= 0, got " + n);
      maxRetries = n;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      connectTimeout = nonNegative("connectTimeout", d);
      return this;
    }

    public Builder readTimeout(Duration d) {
      readTimeout = nonNegative("readTimeout", d);
      return this;
    }

    /** The whole call, retries and their waits included. */
    public Builder callTimeout(Duration d) {
      callTimeout = nonNegative("callTimeout", d);
      return this;
    }

    /** Sent instead of a generated key on writes, for providers that take one (an Idempotency-Key header, say). */
    public Builder idempotencyKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank() || key.length() > 255) {
        throw new IllegalArgumentException("idempotencyKey must be 1 to 255 characters");
      }
      idempotencyKey = WireRequest.headerValue("idempotencyKey", key);
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }

  /** Zero means no limit, as in OkHttp. */
  static Duration nonNegative(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) throw new IllegalArgumentException(name + " must not be negative, got " + d);
    return d;
  }
}
