package dev.specloom.runtime;

import java.time.Duration;
import okhttp3.logging.HttpLoggingInterceptor;

/** What a client was configured with, and what {@link RequestOptions} override per call. */
record CallSettings(Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retries,
    String idempotencyKey, HttpLoggingInterceptor.Level httpLog) {

  static CallSettings of(ClientBuilder<?, ?> config) {
    return new CallSettings(config.connectTimeout, config.readTimeout, config.callTimeout, config.retries, null, config.httpLog);
  }

  CallSettings with(RequestOptions o) {
    return new CallSettings(or(o.connectTimeout, connectTimeout), or(o.readTimeout, readTimeout),
        or(o.callTimeout, callTimeout), o.maxRetries == null ? retries : retries.withMaxRetries(o.maxRetries),
        or(o.idempotencyKey, idempotencyKey), httpLog);
  }

  private static <T> T or(T override, T value) {
    return override != null ? override : value;
  }
}
