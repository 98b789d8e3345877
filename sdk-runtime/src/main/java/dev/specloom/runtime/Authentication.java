package dev.specloom.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * An account's credentials made into the Authorization header by the first of the provider's auth options they
 * fill (Basic from a user and password template, Basic from one {@code user:password} credential, or Bearer), and
 * the secrets to mask wherever text leaves the SDK: each credential and the header's token.
 */
final class Authentication {
  private final String header;
  private final Redaction redaction;

  private Authentication(String header, Redaction redaction) {
    this.header = header;
    this.redaction = redaction;
  }

  /** @throws IllegalStateException when no auth option is filled; IllegalArgumentException on a malformed pair */
  static Authentication of(ProviderInfo provider, Map<String, String> credentials) {
    String header = header(provider, credentials);
    List<String> secrets = new ArrayList<>(credentials.values());
    secrets.add(header.substring(header.indexOf(' ') + 1));
    return new Authentication(header, new Redaction(secrets));
  }

  String header() {
    return header;
  }

  Redaction redaction() {
    return redaction;
  }

  /** Every attempt carries the credentials, the provider's fixed headers and the SDK's User-Agent. */
  Interceptor interceptor(ProviderInfo provider) {
    String userAgent = "specloom-" + provider.name + "/" + SpecloomVersion.get();
    return chain -> {
      Request.Builder r = chain.request().newBuilder().header("Authorization", header);
      provider.headers.forEach(r::header);
      r.header("User-Agent", userAgent);
      return chain.proceed(r.build());
    };
  }

  private static String header(ProviderInfo provider, Map<String, String> credentials) {
    for (ProviderInfo.Auth a : provider.auth) {
      if (!Templates.allSet(a.first(), credentials) || a.second() != null && !Templates.allSet(a.second(), credentials)) continue;
      if (a.scheme().equals("bearer")) return "Bearer " + Templates.interpolate(a.first(), credentials);
      boolean pair = a.scheme().equals("basic_pair");
      String userPassword = pair ? Templates.interpolate(a.first(), credentials)
          : Templates.interpolate(a.first(), credentials) + ":" + Templates.interpolate(a.second(), credentials);
      if (pair && userPassword.indexOf(':') <= 0) {
        // The value is a secret: name the credential, never quote it.
        throw new IllegalArgumentException(provider.name + ": " + String.join(" + ", Templates.placeholders(a.first()))
            + " must be two parts joined by ':' (user:password)");
      }
      return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }
    throw new IllegalStateException(provider.name + ": no credentials; set " + String.join(", or ", provider.auth.stream()
        .map(a -> String.join(" + ", Templates.placeholders(a.first() + (a.second() == null ? "" : a.second())))).toList()));
  }
}
