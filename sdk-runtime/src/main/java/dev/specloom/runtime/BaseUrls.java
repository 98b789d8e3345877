package dev.specloom.runtime;

import dev.specloom.model.Placeholders;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.regex.Matcher;
import okhttp3.HttpUrl;

/**
 * The API root a client talks to: the caller's override, or the first of the spec's root templates whose settings
 * are all set, filled in. Settings must match their patterns, and the root must be https (plain http only on
 * loopback, for tests and the offline sandbox).
 */
final class BaseUrls {
  private BaseUrls() {}

  static HttpUrl resolve(ProviderInfo provider, Map<String, String> settings, String override) {
    provider.settingPatterns.forEach((name, pattern) -> {
      String value = settings.get(name);
      if (value != null && !pattern.matcher(value).matches()) {
        throw new IllegalArgumentException(provider.name + ": " + name + " must match " + pattern.pattern() + ", got '" + value + "'");
      }
    });
    String url = override != null ? override : provider.baseUrls.stream()
        .filter(b -> b.when().stream().allMatch(settings::containsKey))
        .findFirst()
        .map(b -> interpolateRoot(b.template(), settings))
        .orElseThrow(() -> new IllegalStateException(provider.name + ": set one of " + provider.baseUrls.stream()
            .map(b -> String.join(" + ", b.when())).toList() + " (or baseUrl)"));
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

  /**
   * A raw path may repeat the API root's own path, as the provider's docs write it ({@code /v1/customers} under
   * {@code https://api.example.com/v1}): that part is already in the root, so it is not sent twice.
   */
  static String underRoot(ProviderInfo provider, String path) {
    if (path == null) return null;
    for (ProviderInfo.BaseUrl b : provider.baseUrls) {
      String root = Placeholders.rootPath(b.template()).replaceAll("^/+|/+$", "");
      String bare = path.startsWith("/") ? path.substring(1) : path;
      if (!root.isEmpty() && bare.startsWith(root + "/")) return bare.substring(root.length());
    }
    return path;
  }

  /**
   * An API root from its template. A setting that already ends with the template's text after it (a url given
   * as {@code https://x.example/api/v3} for {@code {url}/api/v3}), or with a slash, is not extended twice.
   */
  static String interpolateRoot(String template, Map<String, String> settings) {
    Matcher m = Placeholders.PATTERN.matcher(template);
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
}
