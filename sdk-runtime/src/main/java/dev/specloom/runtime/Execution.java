package dev.specloom.runtime;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs a Retrofit call, blocking or not, and turns what can go wrong into the SDK's exceptions: an error answer
 * or an enveloped failure into {@link ProviderException}, a body that does not fit into {@link DecodeException},
 * a failed or timed-out connection into {@link TransportException}. Retries happen below, in the OkHttp stack; the
 * whole-call timeout is kept here ({@link CallDeadlines}), over the request, its retries and the decoding of the answer.
 */
final class Execution {
  private final String provider;
  private final String requestIdHeader;
  private final ErrorDecoder errors;
  private final Duration callTimeout;

  Execution(String provider, String requestIdHeader, ErrorDecoder errors, Duration callTimeout) {
    this.provider = provider;
    this.requestIdHeader = requestIdHeader;
    this.errors = errors;
    this.callTimeout = callTimeout;
  }

  <T> T execute(String function, Call<T> call) {
    CallDeadlines.Deadline deadline = CallDeadlines.enter(callTimeout, call::cancel);
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException | ProviderRejection | BodyMismatch e) {
      throw failure(function, deadline.exit() ? timedOut(e) : e, call.request());
    } finally {
      deadline.exit();
    }
    return unwrap(function, response);
  }

  /** A 404 becomes {@code whenNotFound}'s value (a search that found nothing); a null supplier keeps it an error. */
  <T> T execute(String function, Call<T> call, Supplier<T> whenNotFound) {
    try {
      return execute(function, call);
    } catch (ProviderException e) {
      if (whenNotFound != null && e.status() == 404) return whenNotFound.get();
      throw e;
    }
  }

  <T> CompletableFuture<T> executeAsync(String function, Call<T> call, Supplier<T> whenNotFound) {
    CompletableFuture<T> future = executeAsync(function, call);
    if (whenNotFound == null) return future;
    CompletableFuture<T> mapped = future.exceptionallyCompose(e -> e instanceof ProviderException p && p.status() == 404
        ? CompletableFuture.completedFuture(whenNotFound.get()) : CompletableFuture.failedFuture(e));
    mapped.whenComplete((r, e) -> {
      if (mapped.isCancelled()) future.cancel(true);
    });
    return mapped;
  }

  /** Cancelling the future cancels the call. The whole-call timeout counts from here, time in the queue included. */
  <T> CompletableFuture<T> executeAsync(String function, Call<T> call) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.whenComplete((r, e) -> {
      if (future.isCancelled()) call.cancel();
    });
    CallDeadlines.Deadline deadline = CallDeadlines.enter(callTimeout, call::cancel);
    call.enqueue(new Callback<T>() {
      @Override
      public void onResponse(Call<T> c, Response<T> response) {
        deadline.exit();
        try {
          future.complete(unwrap(function, response));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<T> c, Throwable t) {
        future.completeExceptionally(failure(function, deadline.exit() ? timedOut(t) : t, c.request()));
      }
    });
    return future;
  }

  /** What a call cut short by its deadline fails with, as OkHttp's own call timeout says it. */
  private static InterruptedIOException timedOut(Throwable cause) {
    InterruptedIOException e = new InterruptedIOException("timeout");
    e.initCause(cause);
    return e;
  }

  private RuntimeException failure(String function, Throwable t, Request sent) {
    if (t instanceof ProviderRejection r) return errors.fromEnvelope(function, r.tree(), r.requestId(), sent);
    if (t instanceof BodyMismatch m) return m.toException(provider, function);
    return new TransportException(provider, function, t);
  }

  private <T> T unwrap(String function, Response<T> response) {
    if (response.isSuccessful()) return response.body();
    String text;
    try (ResponseBody err = response.errorBody()) {
      text = err == null ? "" : err.string();
    } catch (IOException e) {
      text = "";
    }
    throw errors.fromAnswer(function, response.code(), text, response.headers().get(requestIdHeader), response.raw().request());
  }
}
