package dev.specloom.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * What a generated client runs on, assembled from named parts: {@link BaseUrls} (the API root),
 * {@link Authentication} (the Authorization header and the secrets to mask), {@link HttpStack} (the OkHttp client:
 * timeouts, credentials, retries, log), {@link ResultConverters} (envelope check and decoding),
 * {@link ErrorDecoder} (provider errors) and {@link Execution} (sync and async calls). Typed calls go through the
 * generated Retrofit service, raw calls through {@link RawCalls}; both take the same path from here on.
 */
public final class ApiCore {
  private final ProviderInfo provider;
  private final HttpUrl baseUrl;
  private final Authentication auth;
  private final OkHttpClient base;
  private final CallSettings settings;
  private final Moshi moshi;
  private final JsonAdapter<Object> values;
  private final Retrofit retrofit;
  private final Execution execution;
  private final RawCalls raw;

  public ApiCore(ProviderInfo provider, ClientBuilder<?, ?> config) {
    this(provider, BaseUrls.resolve(provider, config.settings, config.baseUrl), Authentication.of(provider, config.credentials),
        config.httpClient != null ? config.httpClient : SharedHttp.CLIENT, provider.moshi(), CallSettings.of(config));
  }

  private ApiCore(ProviderInfo provider, HttpUrl baseUrl, Authentication auth, OkHttpClient base, Moshi moshi,
      CallSettings settings) {
    this.provider = provider;
    this.baseUrl = baseUrl;
    this.auth = auth;
    this.base = base;
    this.settings = settings;
    this.moshi = moshi;
    this.values = moshi.adapter(Object.class);
    this.retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(HttpStack.build(provider, base, settings, auth))
        .addConverterFactory(new ResultConverters(provider, moshi))
        .build();
    this.execution = new Execution(provider.name, provider.requestIdHeaderOr(), new ErrorDecoder(provider, auth.redaction(), values),
        settings.callTimeout());
    this.raw = new RawCalls(provider, baseUrl, retrofit.create(RawCalls.Service.class), values);
  }

  /** The same client with some settings overridden; connections and credentials are shared. */
  public ApiCore withOptions(RequestOptions options) {
    return new ApiCore(provider, baseUrl, auth, base, moshi, settings.with(Objects.requireNonNull(options, "options")));
  }

  public <S> S service(Class<S> type) {
    return retrofit.create(type);
  }

  /** The resolved API root (never carries credentials). */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * A request under construction; {@code idempotent} adds an idempotency key where the provider takes one: the
   * caller's from {@link RequestOptions}, else a new one per logical call, which {@link Retries} resends on every attempt.
   */
  public WireRequest request(boolean idempotent) {
    WireRequest w = new WireRequest(provider.encoding, values);
    if (idempotent && provider.idempotencyHeader != null) {
      w.header(provider.idempotencyHeader, settings.idempotencyKey() != null ? settings.idempotencyKey() : UUID.randomUUID().toString());
    }
    return w;
  }

  public <T> T execute(String function, Call<T> call) {
    return execution.execute(function, call);
  }

  /** For a path that answers 404 when nothing matches (a search): that answer becomes {@code whenNotFound}'s value. */
  public <T> T execute(String function, Call<T> call, Supplier<T> whenNotFound) {
    return execution.execute(function, call, whenNotFound);
  }

  public <T> CompletableFuture<T> executeAsync(String function, Call<T> call) {
    return execution.executeAsync(function, call);
  }

  public <T> CompletableFuture<T> executeAsync(String function, Call<T> call, Supplier<T> whenNotFound) {
    return execution.executeAsync(function, call, whenNotFound);
  }

  /** A raw call (a provider's "api_call"): method and path known only at run time, under the API root. */
  public Object executeRaw(String function, String method, String path, Map<String, String> query,
      Map<String, String> headers, Object body) {
    return execution.execute(function, raw.call(method, path, query, headers, body));
  }

  /** {@link #executeRaw}, non-blocking; a refused path or header fails the future. */
  public CompletableFuture<Object> executeRawAsync(String function, String method, String path, Map<String, String> query,
      Map<String, String> headers, Object body) {
    Call<Object> call;
    try {
      call = raw.call(method, path, query, headers, body);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return execution.executeAsync(function, call);
  }
}
