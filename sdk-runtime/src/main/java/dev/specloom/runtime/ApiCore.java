package dev.specloom.runtime;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Converter;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The engine under a generated client: resolves the API root and auth from the builder, owns the OkHttp and
 * Retrofit instances, runs calls, decodes results and turns error answers into {@link ProviderException}.
 */
public final class ApiCore {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");
  /** The path of an API root template: what follows its host, or its leading {setting}. */
  private static final Pattern ROOT_PATH = Pattern.compile("(?:[a-z]+://[^/]+|\\{[a-z_][a-z0-9_]*})(/.*)?");

  private final ProviderInfo provider;
  private final HttpUrl baseUrl;
  private final String authorization;
  private final Redaction redaction;
  private final OkHttpClient base;
  private final Settings settings;
  private final Moshi moshi;
  private final JsonAdapter<Object> values;
  private final OkHttpClient http;
  private final Retrofit retrofit;

  /** What a client was configured with, and what {@link RequestOptions} override. */
  private record Settings(Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retries,
      String idempotencyKey, HttpLoggingInterceptor.Level httpLog) {
    Settings with(RequestOptions o) {
      return new Settings(or(o.connectTimeout, connectTimeout), or(o.readTimeout, readTimeout),
          or(o.callTimeout, callTimeout), o.maxRetries == null ? retries : retries.withMaxRetries(o.maxRetries),
          or(o.idempotencyKey, idempotencyKey), httpLog);
    }

    private static <T> T or(T override, T value) {
      return override != null ? override : value;
    }
  }

  public ApiCore(ProviderInfo provider, ClientBuilder<?, ?> config) {
    this(provider, resolveBaseUrl(provider, config), resolveAuth(provider, config.credentials),
        redaction(provider, config.credentials), config.httpClient != null ? config.httpClient : SharedHttp.CLIENT, provider.moshi(),
        new Settings(config.connectTimeout, config.readTimeout, config.callTimeout, config.retries, null, config.httpLog));
  }

  private ApiCore(ProviderInfo provider, HttpUrl baseUrl, String authorization, Redaction redaction, OkHttpClient base,
      Moshi moshi, Settings settings) {
    this.provider = provider;
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.redaction = redaction;
    this.base = base;
    this.settings = settings;
    this.moshi = moshi;
    this.values = moshi.adapter(Object.class);
    OkHttpClient.Builder http = base.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .callTimeout(settings.callTimeout())
        // Retries decides what may be sent twice; OkHttp's silent retry could repeat a write.
        .retryOnConnectionFailure(false)
        .addInterceptor(AnswerFacts.recorder(requestIdHeaderOr()))
        .addInterceptor(chain -> {
          Request.Builder r = chain.request().newBuilder().header("Authorization", authorization);
          provider.headers.forEach(r::header);
          r.header("User-Agent", "specloom-" + provider.name + "/" + SpecloomVersion.get());
          return chain.proceed(r.build());
        })
        .addInterceptor(new Retries(settings.retries(), provider.retryStatuses, provider.idempotencyHeader))
        .addNetworkInterceptor(Retries.NO_SILENT_503_RETRY);
    if (settings.httpLog() != HttpLoggingInterceptor.Level.NONE) http.addInterceptor(httpLog(provider, settings.httpLog(), redaction));
    this.http = http.build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(this.http)
        .addConverterFactory(new ResultConverters())
        .build();
  }

  /** The same client with some settings overridden; connections and credentials are shared. */
  public ApiCore withOptions(RequestOptions options) {
    return new ApiCore(provider, baseUrl, authorization, redaction, base, moshi, settings.with(Objects.requireNonNull(options, "options")));
  }

  /**
   * Each attempt, after the credentials are added, so the log shows what is sent, secrets masked: the credential
   * headers by name, and any account secret in a line by value (an error body may echo the key).
   */
  private static HttpLoggingInterceptor httpLog(ProviderInfo provider, HttpLoggingInterceptor.Level level, Redaction redaction) {
    Logger log = LoggerFactory.getLogger("dev.specloom.http." + provider.name);
    HttpLoggingInterceptor i = new HttpLoggingInterceptor(line -> log.info(redaction.mask(line)));
    i.setLevel(level);
    for (String h : List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie")) i.redactHeader(h);
    return i;
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
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw new TransportException(provider.name, function, e);
    } catch (ProviderRejection e) {
      throw e.toException(function, call.request());
    } catch (BodyMismatch e) {
      throw e.toException(provider.name, function);
    }
    return unwrap(function, response);
  }

  /**
   * {@link #execute(String, Call)} for a path that answers 404 when nothing matches (a search): that answer
   * becomes {@code whenNotFound}'s value. A null {@code whenNotFound} keeps the 404 an error.
   */
  public <T> T execute(String function, Call<T> call, Supplier<T> whenNotFound) {
    try {
      return execute(function, call);
    } catch (ProviderException e) {
      if (whenNotFound != null && e.status() == 404) return whenNotFound.get();
      throw e;
    }
  }

  /** {@link #execute(String, Call, Supplier)}, non-blocking. */
  public <T> CompletableFuture<T> executeAsync(String function, Call<T> call, Supplier<T> whenNotFound) {
    CompletableFuture<T> future = executeAsync(function, call);
    if (whenNotFound == null) return future;
    CompletableFuture<T> mapped = future.exceptionallyCompose(e -> e instanceof ProviderException p && p.status() == 404
        ? CompletableFuture.completedFuture(whenNotFound.get()) : CompletableFuture.failedFuture(e));
    mapped.whenComplete((r, e) -> {
      if (mapped.isCancelled()) future.cancel(true);
    });
    return mapped;
  }

  public <T> CompletableFuture<T> executeAsync(String function, Call<T> call) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.whenComplete((r, e) -> {
      if (future.isCancelled()) call.cancel();
    });
    call.enqueue(new Callback<T>() {
      @Override
      public void onResponse(Call<T> c, Response<T> response) {
        try {
          future.complete(unwrap(function, response));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<T> c, Throwable t) {
        future.completeExceptionally(t instanceof ProviderRejection r ? r.toException(function, c.request())
            : t instanceof BodyMismatch m ? m.toException(provider.name, function)
            : new TransportException(provider.name, function, t));
      }
    });
    return future;
  }

  /**
   * A call whose method and path are only known at run time (a provider's raw "api_call"). The path must stay
   * under the API root: no scheme, host, "..", "//", "?" or "#".
   */
  public Object executeRaw(String function, String method, String path, Map<String, String> query,
      Map<String, String> headers, Object body) {
    String relative = RawPaths.check(underRoot(path));
    HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments(relative);
    if (query != null) query.forEach(url::addQueryParameter);
    RequestBody requestBody = null;
    if (body != null || List.of("POST", "PUT", "PATCH").contains(method)) {
      WireRequest w = new WireRequest(ProviderInfo.Encoding.JSON, values);
      requestBody = body == null ? w.requestBody() : RequestBody.create(values.toJson(body),
          okhttp3.MediaType.get("application/json; charset=utf-8"));
    }
    Request.Builder r = new Request.Builder().url(url.build()).method(method, requestBody);
    if (headers != null) {
      headers.forEach((k, v) -> {
        RawPaths.checkHeader(k);
        r.header(k, WireRequest.headerValue(k, v));
      });
    }
    Request request = r.build();
    try (okhttp3.Response response = http.newCall(request).execute()) {
      ResponseBody b = response.body();
      String text = b.string();
      if (!response.isSuccessful()) {
        throw errorFrom(function, response.code(), text, response.header(requestIdHeaderOr()), request);
      }
      try {
        return text.isBlank() ? null : values.fromJson(text);
      } catch (IOException e) {
        AnswerFacts facts = new AnswerFacts(response.code(), response.header(requestIdHeaderOr()));
        throw new BodyMismatch(null, e, facts).toException(provider.name, function);
      }
    } catch (IOException e) {
      throw new TransportException(provider.name, function, e);
    }
  }

  /**
   * A raw path may repeat the API root's own path, as the provider's docs write it ({@code /v1/customers} under
   * {@code https://api.chartmogul.com/v1}): that part is already in the root, so it is not sent twice.
   */
  private String underRoot(String path) {
    if (path == null) return null;
    for (ProviderInfo.BaseUrl b : provider.baseUrls) {
      Matcher m = ROOT_PATH.matcher(b.template());
      if (!m.matches() || m.group(1) == null) continue;
      String root = m.group(1).replaceAll("^/+|/+$", "");
      String bare = path.startsWith("/") ? path.substring(1) : path;
      if (!root.isEmpty() && bare.startsWith(root + "/")) return bare.substring(root.length());
    }
    return path;
  }

  private String requestIdHeaderOr() {
    return provider.requestIdHeader == null ? "X-Request-Id" : provider.requestIdHeader;
  }

  private <T> T unwrap(String function, Response<T> response) {
    if (response.isSuccessful()) return response.body();
    String text;
    try (ResponseBody err = response.errorBody()) {
      text = err == null ? "" : err.string();
    } catch (IOException e) {
      text = "";
    }
    throw errorFrom(function, response.code(), text, response.headers().get(requestIdHeaderOr()), response.raw().request());
  }

  /** The provider's error, every account secret in its texts masked (except one the caller sent itself). */
  ProviderException errorFrom(String function, int status, String text, String requestId, Request sent) {
    Redaction mask = redaction.except(callerText(sent));
    Object tree = null;
    try {
      tree = text.isBlank() ? null : values.fromJson(text);
    } catch (IOException | RuntimeException notJson) {
      // The body is not JSON (a proxy's HTML page, say): its first line becomes the message.
    }
    String message = tree == null ? null : JsonTree.first(tree, provider.messagePaths);
    if (message == null) {
      String firstLine = text.strip().lines().findFirst().orElse("");
      message = firstLine.isEmpty() ? "HTTP " + status : firstLine.substring(0, Math.min(200, firstLine.length()));
    }
    return new ProviderException(provider.name, function, status,
        mask.mask(tree == null ? null : JsonTree.first(tree, provider.codePaths)),
        mask.mask(tree == null ? null : JsonTree.first(tree, provider.typePaths)),
        mask.mask(message),
        mask.mask(tree == null ? null : JsonTree.first(tree, provider.paramPaths)),
        mask.mask(requestId));
  }

  /** What the caller put into a request: its URL and body, raw and decoded (credentials are added later). */
  private static String callerText(Request sent) {
    StringBuilder b = new StringBuilder(sent.url().toString());
    RequestBody body = sent.body();
    if (body != null && !body.isOneShot()) {
      okio.Buffer buffer = new okio.Buffer();
      try {
        body.writeTo(buffer);
      } catch (IOException e) {
        // An unreadable body holds nothing to compare.
      }
      b.append('\n').append(buffer.readUtf8());
    }
    String raw = b.toString();
    try {
      return raw + "\n" + java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return raw;
    }
  }

  /** The account's secrets: each credential and the token of the Authorization header built from them. */
  private static Redaction redaction(ProviderInfo provider, Map<String, String> credentials) {
    List<String> values = new java.util.ArrayList<>(credentials.values());
    String auth = resolveAuth(provider, credentials);
    values.add(auth.substring(auth.indexOf(' ') + 1));
    return new Redaction(values);
  }

  private static HttpUrl resolveBaseUrl(ProviderInfo provider, ClientBuilder<?, ?> config) {
    provider.settingPatterns.forEach((name, pattern) -> {
      String value = config.settings.get(name);
      if (value != null && !pattern.matcher(value).matches()) {
        throw new IllegalArgumentException(provider.name + ": " + name + " must match " + pattern.pattern() + ", got '" + value + "'");
      }
    });
    String url;
    if (config.baseUrl != null) {
      url = config.baseUrl;
    } else {
      url = provider.baseUrls.stream()
          .filter(b -> b.when().stream().allMatch(config.settings::containsKey))
          .findFirst()
          .map(b -> interpolateRoot(b.template(), config.settings))
          .orElseThrow(() -> new IllegalStateException(provider.name + ": set one of " + provider.baseUrls.stream()
              .map(b -> String.join(" + ", b.when())).toList() + " (or baseUrl)"));
    }
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) throw new IllegalArgumentException(provider.name + ": not a URL: " + url);
    if (!parsed.isHttps() && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException(provider.name + ": base URL must use https (plain http only for loopback): " + url);
    }
    // Retrofit resolves relative paths against the root, which must end in a slash to keep its own path.
    String s = parsed.toString();
    return s.endsWith("/") ? parsed : HttpUrl.get(s + "/");
  }

  static boolean isLoopback(String host) {
    if (host.equals("localhost")) return true;
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) return false;
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  private static String resolveAuth(ProviderInfo provider, Map<String, String> credentials) {
    for (ProviderInfo.Auth a : provider.auth) {
      if (!allSet(a.first(), credentials) || a.second() != null && !allSet(a.second(), credentials)) continue;
      if (a.scheme().equals("bearer")) return "Bearer " + interpolate(a.first(), credentials);
      String pair = a.scheme().equals("basic_pair") ? interpolate(a.first(), credentials)
          : interpolate(a.first(), credentials) + ":" + interpolate(a.second(), credentials);
      if (a.scheme().equals("basic_pair") && pair.indexOf(':') <= 0) {
        // The value is a secret: name the credential, never quote it.
        throw new IllegalArgumentException(provider.name + ": " + String.join(" + ", placeholders(a.first()))
            + " must be two parts joined by ':' (user:password)");
      }
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    throw new IllegalStateException(provider.name + ": no credentials; set " + String.join(", or ", provider.auth.stream()
        .map(a -> String.join(" + ", placeholders(a.first() + (a.second() == null ? "" : a.second())))).toList()));
  }

  private static boolean allSet(String template, Map<String, String> values) {
    return placeholders(template).stream().allMatch(values::containsKey);
  }

  private static List<String> placeholders(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /**
   * An API root from its template. A setting that already ends with the template's text after it (a url given
   * as {@code https://x.example/api/v3} for {@code {url}/api/v3}), or with a slash, is not extended twice.
   */
  private static String interpolateRoot(String template, Map<String, String> settings) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      int next = template.indexOf('{', m.end());
      String rest = template.substring(m.end(), next < 0 ? template.length() : next).replaceAll("/+$", "");
      String value = settings.get(m.group(1)).replaceAll("/+$", "");
      if (!rest.isEmpty() && value.endsWith(rest)) value = value.substring(0, value.length() - rest.length());
      m.appendReplacement(b, Matcher.quoteReplacement(value));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String interpolate(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(values.get(m.group(1))));
    m.appendTail(b);
    return b.toString();
  }

  /** Decodes results with Moshi, after checking the provider's envelope and following {@link ResultPath}. */
  private final class ResultConverters extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit r) {
      String path = null;
      for (Annotation a : annotations) {
        if (a instanceof ResultPath p) path = p.value();
      }
      JsonAdapter<Object> adapter = moshi.adapter(type);
      if (path == null && provider.envelopeStatusPath == null) {
        return body -> {
          try (body) {
            return body.source().exhausted() ? null : adapter.fromJson(JsonReader.of(body.source()));
          } catch (JsonDataException e) {
            throw new BodyMismatch(null, e, AnswerFacts.last());
          } catch (IOException e) {
            throw BodyMismatch.orTransport(e);
          }
        };
      }
      String resultPath = path;
      return body -> {
        Object tree;
        try (body) {
          if (body.source().exhausted()) return null;
          tree = JsonReader.of(body.source()).readJsonValue();
        } catch (IOException e) {
          throw BodyMismatch.orTransport(e);
        }
        if (provider.envelopeStatusPath != null) {
          Object status = JsonTree.at(tree, provider.envelopeStatusPath);
          if (!provider.envelopeOkValue.equals(status == null ? null : JsonTree.text(status))) {
            throw new ProviderRejection(tree, AnswerFacts.last().requestId());
          }
        }
        try {
          return adapter.fromJsonValue(resultPath == null ? tree : JsonTree.at(tree, resultPath));
        } catch (JsonDataException e) {
          throw new BodyMismatch(resultPath, e, AnswerFacts.last());
        }
      };
    }
  }

  /** Carries an enveloped failure out of Retrofit's converter to where the function name is known. */
  private final class ProviderRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Object tree;
    private final String requestId;

    ProviderRejection(Object tree, String requestId) {
      super(null, null, false, false);
      this.tree = tree;
      this.requestId = requestId;
    }

    ProviderException toException(String function, Request sent) {
      Object code = JsonTree.at(tree, "code");
      int status = code instanceof Number n ? n.intValue() : 200;
      String message = JsonTree.first(tree, provider.messagePaths);
      Redaction mask = redaction.except(callerText(sent));
      return new ProviderException(provider.name, function, status, mask.mask(JsonTree.first(tree, provider.codePaths)),
          mask.mask(JsonTree.first(tree, provider.typePaths)),
          message == null || message.isEmpty() ? "request failed" : mask.mask(message),
          mask.mask(JsonTree.first(tree, provider.paramPaths)), mask.mask(requestId));
    }
  }

  /**
   * Carries a body that did not decode out of Retrofit's converter to where the function name is known. Moshi
   * reports the failing place as "... at path $.x"; a result read from under {@code resultPath} is re-rooted.
   */
  private static final class BodyMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String detail;
    private final transient AnswerFacts facts;

    BodyMismatch(String resultPath, Exception cause, AnswerFacts facts) {
      super(null, cause, false, false);
      String message = String.valueOf(cause.getMessage());
      int at = message.lastIndexOf(" at path $");
      String local = at < 0 ? "$" : message.substring(at + " at path ".length());
      this.path = resultPath == null ? local : "$." + resultPath + local.substring(1);
      this.detail = at < 0 ? message : message.substring(0, at);
      this.facts = facts;
    }

    /**
     * Malformed JSON, or JSON that ends early in a body that arrived whole (a connection that breaks mid-body is
     * a ProtocolException or SocketException from OkHttp instead), does not fit; any other failure is transport's.
     */
    static <E extends Exception> BodyMismatch orTransport(E e) throws E {
      boolean malformed = e instanceof JsonDataException || e instanceof JsonEncodingException
          || e instanceof EOFException && String.valueOf(e.getMessage()).startsWith("End of input");
      if (!malformed) throw e;
      return new BodyMismatch(null, e, AnswerFacts.last());
    }

    DecodeException toException(String provider, String function) {
      return new DecodeException(provider, function, facts.status(), facts.requestId(), path, detail, getCause());
    }
  }
}
