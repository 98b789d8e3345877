package dev.specloom.runtime;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Retries a call where that cannot apply a change twice: reads; writes that carry the provider's
 * idempotency key (the same key on every attempt, so the provider replays instead of repeating); and any
 * request whose connection failed before it was sent. Other writes are never retried once they may have
 * reached the server. Replayable answers are read in full inside the retry loop, so a body that arrives too
 * slowly is retried too.
 */
final class Retries implements Interceptor {
  private final RetryPolicy policy;
  private final Set<Integer> statuses;
  private final String idempotencyHeader;

  Retries(RetryPolicy policy, Set<Integer> statuses, String idempotencyHeader) {
    this.policy = policy;
    this.statuses = statuses;
    this.idempotencyHeader = idempotencyHeader;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean replayable = request.method().equals("GET") || request.method().equals("HEAD")
        || idempotencyHeader != null && request.header(idempotencyHeader) != null;
    for (int attempt = 0; ; attempt++) {
      Response response;
      try {
        response = chain.proceed(request);
        // Read here, a body that stalls or breaks off is a failed attempt like any other, and is retried.
        if (replayable) response = buffered(response);
      } catch (IOException e) {
        boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException;
        if (attempt >= policy.maxRetries() || !(replayable || neverSent) || chain.call().isCanceled()) throw e;
        pause(policy.backoff(attempt));
        continue;
      }
      if (attempt >= policy.maxRetries() || !replayable || !statuses.contains(response.code())) return response;
      Duration wait = retryAfter(response.header("Retry-After")).orElse(policy.backoff(attempt));
      response.close();
      pause(wait);
    }
  }

  /**
   * OkHttp itself re-sends a request answered 503 with {@code Retry-After: 0}, below every application
   * interceptor and whatever the method, so a write could go out twice. Installed as a network interceptor,
   * this spells that header {@code +0}, which OkHttp does not read as zero and {@link #retryAfter} does, so
   * the decision stays with this class.
   */
  static final Interceptor NO_SILENT_503_RETRY = chain -> {
    Response r = chain.proceed(chain.request());
    String after = r.header("Retry-After");
    return r.code() == 503 && after != null && after.trim().matches("0+") ? r.newBuilder().header("Retry-After", "+0").build() : r;
  };

  /**
   * The whole body, checked as {@link ResponseBody#bytes()} checks it, kept in the segments it was read into:
   * moving them into a buffer copies nothing, where a byte array would copy a page twice and allocate it once more.
   */
  private static Response buffered(Response response) throws IOException {
    try (ResponseBody body = response.body()) {
      long declared = body.contentLength();
      if (declared > Integer.MAX_VALUE) throw new IOException("Cannot buffer entire body for content length: " + declared);
      Buffer all = new Buffer();
      body.source().readAll(all);
      if (declared != -1L && declared != all.size()) {
        throw new IOException("Content-Length (" + declared + ") and stream length (" + all.size() + ") disagree");
      }
      return response.newBuilder().body(ResponseBody.create(all, body.contentType(), all.size())).build();
    }
  }

  /** Retry-After in seconds or as an HTTP date, capped at the policy's maximum delay. */
  java.util.Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) return java.util.Optional.empty();
    Duration d;
    try {
      d = Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException notSeconds) {
      try {
        d = Duration.between(policy.clock().instant(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notADate) {
        return java.util.Optional.empty();
      }
    }
    if (d.isNegative()) d = Duration.ZERO;
    return java.util.Optional.of(d.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : d);
  }

  private void pause(Duration d) throws IOException {
    try {
      policy.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
