package dev.specloom.runtime;

import dev.specloom.model.Placeholders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runtime needs to know about a provider's connection, declared by its spec and generated into its
 * client: API roots, auth options, fixed headers, body encoding, and where errors live in a response.
 */
public final class ProviderInfo {
  public enum Encoding { FORM, JSON }

  record BaseUrl(List<String> when, String template) {}

  record Auth(String scheme, String first, String second) {}

  final String name;
  final List<BaseUrl> baseUrls;
  final List<Auth> auth;
  final Map<String, String> headers;
  final Map<String, java.util.regex.Pattern> settingPatterns;
  final Encoding encoding;
  final String idempotencyHeader;
  final String requestIdHeader;
  final List<String> codePaths;
  final List<String> typePaths;
  final List<String> messagePaths;
  final List<String> paramPaths;
  final String envelopeStatusPath;
  final String envelopeOkValue;
  final String envelopeCodePath;
  final String envelopeMessagePath;
  final java.util.Set<Integer> retryStatuses;

  private ProviderInfo(Builder b) {
    name = b.name;
    baseUrls = List.copyOf(b.baseUrls);
    auth = List.copyOf(b.auth);
    headers = Map.copyOf(b.headers);
    settingPatterns = Map.copyOf(b.settingPatterns);
    encoding = b.encoding;
    idempotencyHeader = b.idempotencyHeader;
    requestIdHeader = b.requestIdHeader;
    codePaths = List.copyOf(b.codePaths);
    typePaths = List.copyOf(b.typePaths);
    messagePaths = List.copyOf(b.messagePaths);
    paramPaths = List.copyOf(b.paramPaths);
    envelopeStatusPath = b.envelopeStatusPath;
    envelopeOkValue = b.envelopeOkValue;
    envelopeCodePath = b.envelopeCodePath;
    envelopeMessagePath = b.envelopeMessagePath;
    retryStatuses = java.util.Set.copyOf(b.retryStatuses);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  /** The credentials the first auth option names ({@code {api_key}} in its templates), in order: what a test needs to set. */
  public List<String> firstAuthCredentials() {
    List<String> out = new ArrayList<>();
    Auth first = auth.get(0);
    for (String template : new String[] {first.first(), first.second()}) {
      if (template == null) continue;
      java.util.regex.Matcher m = Placeholders.PATTERN.matcher(template);
      while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
    }
    return out;
  }

  public Encoding encoding() {
    return encoding;
  }

  /** The header that carries the provider's request id (X-Request-Id unless the spec names another). */
  String requestIdHeaderOr() {
    return requestIdHeader == null ? "X-Request-Id" : requestIdHeader;
  }

  public static final class Builder {
    private final String name;
    private final List<BaseUrl> baseUrls = new ArrayList<>();
    private final List<Auth> auth = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, java.util.regex.Pattern> settingPatterns = new LinkedHashMap<>();
    private Encoding encoding = Encoding.JSON;
    private String idempotencyHeader;
    private String requestIdHeader;
    private final List<String> codePaths = new ArrayList<>();
    private final List<String> typePaths = new ArrayList<>();
    private final List<String> messagePaths = new ArrayList<>();
    private final List<String> paramPaths = new ArrayList<>();
    private String envelopeStatusPath;
    private String envelopeOkValue;
    private String envelopeCodePath;
    private String envelopeMessagePath;
    private java.util.Set<Integer> retryStatuses = java.util.Set.of(408, 429, 500, 502, 503, 504);

    private Builder(String name) {
      this.name = name;
    }

    /** An API root template ({setting} placeholders), used when every setting in {@code when} is set. */
    public Builder baseUrl(String template, String... when) {
      baseUrls.add(new BaseUrl(List.of(when), template));
      return this;
    }

    /** HTTP Basic from credential templates such as "{api_key}" and "". */
    public Builder basicAuth(String username, String password) {
      auth.add(new Auth("basic", username, password));
      return this;
    }

    /** HTTP Basic from one credential that already holds "user:password" (e.g. "{access_token}"). */
    public Builder basicPairAuth(String pair) {
      auth.add(new Auth("basic_pair", pair, null));
      return this;
    }

    public Builder bearerAuth(String token) {
      auth.add(new Auth("bearer", token, null));
      return this;
    }

    /** A setting's value must match this regex (a subdomain is a DNS label, say). */
    public Builder settingPattern(String setting, String regex) {
      settingPatterns.put(setting, java.util.regex.Pattern.compile(regex));
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Builder encoding(Encoding e) {
      encoding = e;
      return this;
    }

    public Builder idempotencyHeader(String h) {
      idempotencyHeader = h;
      return this;
    }

    public Builder requestIdHeader(String h) {
      requestIdHeader = h;
      return this;
    }

    public Builder errorCode(String... paths) {
      codePaths.addAll(List.of(paths));
      return this;
    }

    public Builder errorType(String... paths) {
      typePaths.addAll(List.of(paths));
      return this;
    }

    public Builder errorMessage(String... paths) {
      messagePaths.addAll(List.of(paths));
      return this;
    }

    public Builder errorParam(String... paths) {
      paramPaths.addAll(List.of(paths));
      return this;
    }

    /**
     * A 2xx body is a failure unless the value at {@code statusPath} equals {@code okValue}; a failure's status is
     * the number at {@code codePath} (else the HTTP status) and its message the text at {@code messagePath} (else
     * the error message paths). {@code codePath} and {@code messagePath} may be null.
     */
    public Builder envelope(String statusPath, String okValue, String codePath, String messagePath) {
      envelopeStatusPath = statusPath;
      envelopeOkValue = okValue;
      envelopeCodePath = codePath;
      envelopeMessagePath = messagePath;
      return this;
    }

    /** HTTP statuses worth retrying (default 408, 429, 500, 502, 503, 504). */
    public Builder retryStatuses(Integer... statuses) {
      retryStatuses = java.util.Set.of(statuses);
      return this;
    }

    public ProviderInfo build() {
      return new ProviderInfo(this);
    }
  }
}
