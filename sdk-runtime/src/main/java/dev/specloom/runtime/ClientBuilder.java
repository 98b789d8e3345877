package dev.specloom.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * What every generated client builder shares: credentials and settings by spec name, an API-root override,
 * an injected {@link OkHttpClient} and timeouts. Generated builders add one typed method per credential and
 * setting. {@link #toString()} never shows a credential.
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {
  final Map<String, String> credentials = new LinkedHashMap<>();
  final Map<String, String> settings = new LinkedHashMap<>();
  String baseUrl;
  OkHttpClient httpClient;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration readTimeout = Duration.ofSeconds(30);
  Duration callTimeout = Duration.ofSeconds(60);
  RetryPolicy retries = RetryPolicy.DEFAULT;
  HttpLoggingInterceptor.Level httpLog = HttpLoggingInterceptor.Level.NONE;

  protected abstract B self();

  /** What the client connects to: its provider's name, auth options and wire facts (from the spec). */
  public abstract ProviderInfo provider();

  public abstract C build();

  /** Sets a credential by its spec name (for hosts that configure providers generically). */
  public B credential(String name, String value) {
    credentials.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
    return self();
  }

  /** Sets a connection setting by its spec name (e.g. subdomain). */
  public B setting(String name, String value) {
    settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
    return self();
  }

  /** Overrides the API root (tests, proxies, the offline sandbox). https, or http on a loopback address. */
  public B baseUrl(String url) {
    this.baseUrl = Objects.requireNonNull(url, "url");
    return self();
  }

  /** Shares an existing client's pools and dispatcher; the SDK adds its own interceptors on a derived client. */
  public B httpClient(OkHttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
    return self();
  }

  public B connectTimeout(Duration d) {
    connectTimeout = RequestOptions.nonNegative("connectTimeout", d);
    return self();
  }

  public B readTimeout(Duration d) {
    readTimeout = RequestOptions.nonNegative("readTimeout", d);
    return self();
  }

  /** The whole call, from connecting to reading the last byte, retries and their waits included. */
  public B callTimeout(Duration d) {
    callTimeout = RequestOptions.nonNegative("callTimeout", d);
    return self();
  }

  /** How calls are retried (default: 2 retries with exponential backoff and jitter). */
  public B retries(RetryPolicy policy) {
    retries = Objects.requireNonNull(policy);
    return self();
  }

  public B maxRetries(int n) {
    retries = retries.withMaxRetries(n);
    return self();
  }

  /**
   * Logs every HTTP attempt to SLF4J (logger {@code dev.specloom.http.<provider>}, level INFO) at the given
   * detail. The Authorization, Cookie and Set-Cookie headers are always replaced by a placeholder.
   */
  public B logHttp(HttpLoggingInterceptor.Level level) {
    httpLog = Objects.requireNonNull(level);
    return self();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{credentials=" + Redaction.names(credentials) + ", settings=" + settings
        + ", baseUrl=" + baseUrl + "}";
  }
}
