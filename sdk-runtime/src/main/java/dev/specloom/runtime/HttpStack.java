package dev.specloom.runtime;

import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OkHttp client every call of a client goes through, typed or raw, derived from a shared one (its pools and
 * dispatcher): HTTP/1.1, as stripe-java speaks it too; the settings' connect and read timeouts; outermost, the
 * record of the final answer's status and request id; then the credentials and fixed headers, the retries, and,
 * when asked for, the HTTP log, so the log shows each attempt as sent with its secrets masked.
 */
final class HttpStack {
  private static final List<Protocol> HTTP_1_1 = List.of(Protocol.HTTP_1_1);

  private HttpStack() {}

  static OkHttpClient build(ProviderInfo provider, OkHttpClient base, CallSettings settings, Authentication auth) {
    OkHttpClient.Builder http = base.newBuilder()
        .connectTimeout(settings.connectTimeout())
        // OkHttp's own read, write and call timeouts each wake Okio's watchdog thread: the read timeout is the
        // socket's (SocketReadTimeout), the whole-call timeout Execution's (CallDeadlines).
        .readTimeout(Duration.ZERO)
        .writeTimeout(Duration.ZERO)
        .callTimeout(Duration.ZERO)
        .protocols(HTTP_1_1)
        // Retries decides what may be sent twice; OkHttp's silent retry could repeat a write.
        .retryOnConnectionFailure(false)
        .addInterceptor(AnswerFacts.recorder(provider.requestIdHeaderOr()))
        .addInterceptor(auth.interceptor(provider))
        .addInterceptor(new Retries(settings.retries(), provider.retryStatuses, provider.idempotencyHeader))
        .addNetworkInterceptor(new SocketReadTimeout(settings.readTimeout()))
        .addNetworkInterceptor(Retries.NO_SILENT_503_RETRY);
    if (settings.httpLog() != HttpLoggingInterceptor.Level.NONE) http.addInterceptor(log(provider, settings.httpLog(), auth.redaction()));
    return http.build();
  }

  /**
   * Each attempt, after the credentials are added, so the log shows what is sent, secrets masked: the credential
   * headers by name, and any account secret in a line by value (an error body may echo the key).
   */
  private static HttpLoggingInterceptor log(ProviderInfo provider, HttpLoggingInterceptor.Level level, Redaction redaction) {
    Logger log = LoggerFactory.getLogger("dev.specloom.http." + provider.name);
    HttpLoggingInterceptor i = new HttpLoggingInterceptor(line -> log.info(redaction.mask(line)));
    i.setLevel(level);
    for (String h : List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie")) i.redactHeader(h);
    return i;
  }
}
