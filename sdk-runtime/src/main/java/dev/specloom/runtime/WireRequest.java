package dev.specloom.runtime;

import com.squareup.moshi.JsonAdapter;
import dev.specloom.model.WireName;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The wire form of one call, filled by generated params classes by wire name. Bracketed wire names nest
 * ({@code recurring[interval]}, {@code items[0][price]}) the same way for form and JSON bodies, so a spec
 * author declares nesting once and the encoding decides how it is written.
 */
public final class WireRequest {
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final ProviderInfo.Encoding encoding;
  private final JsonAdapter<Object> values;
  private final Map<String, Object> query = new LinkedHashMap<>();
  private final Map<String, Object> body = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String bodyRoot;

  WireRequest(ProviderInfo.Encoding encoding, JsonAdapter<Object> values) {
    this.encoding = encoding;
    this.values = values;
  }

  /** A query value; null is skipped. Maps, lists and models nest with brackets. */
  public WireRequest query(String wire, Object value) {
    if (value != null) put(query, wire, jsonValue(value));
    return this;
  }

  /** A query value written through a template such as {@code customer_id:EQUALS:{}}; repeats join with commas. */
  public WireRequest queryTemplate(String wire, String template, Object value) {
    if (value == null) return this;
    String rendered = template.replace("{}", scalar(jsonValue(value)));
    query.merge(wire, rendered, (a, b) -> a + "," + b);
    return this;
  }

  /** A body value; null is skipped. */
  public WireRequest body(String wire, Object value) {
    if (value != null) put(body, wire, jsonValue(value));
    return this;
  }

  public WireRequest header(String name, Object value) {
    if (value != null) headers.put(name, headerValue(name, scalar(jsonValue(value))));
    return this;
  }

  /**
   * The value as Moshi's JSON tree holds it. Strings, longs and booleans come back from {@code toJsonValue}
   * unchanged, so they skip its writer and per-call adapter lookup; everything else (ints become longs, models
   * become maps) goes through it.
   */
  private Object jsonValue(Object value) {
    return value instanceof String || value instanceof Long || value instanceof Boolean ? value : values.toJsonValue(value);
  }

  /** Rejects CR and LF, which would let a value start a header of its own. */
  static String headerValue(String name, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("header " + name + " must not contain CR or LF");
    }
    return value;
  }

  /** Sends the body params as the single element of a list under {@code key}: {"invoices": [ {...} ]}. */
  public WireRequest bodyRoot(String key) {
    bodyRoot = key;
    return this;
  }

  /** Percent-encoded query pairs for Retrofit's {@code @QueryMap(encoded = true)}; brackets stay readable. */
  public Map<String, String> encodedQuery() {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", query, (k, v) -> out.put(FormEncoding.key(k), FormEncoding.value(v).replace("+", "%20")));
    return out;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public RequestBody requestBody() {
    Object tree = bodyRoot == null ? body : Map.of(bodyRoot, List.of(body));
    if (encoding == ProviderInfo.Encoding.JSON) {
      return RequestBody.create(values.toJson(tree).getBytes(StandardCharsets.UTF_8), JSON);
    }
    StringBuilder form = new StringBuilder();
    flatten("", tree, (k, v) -> {
      if (form.length() > 0) form.append('&');
      form.append(FormEncoding.key(k)).append('=').append(FormEncoding.value(v));
    });
    return RequestBody.create(form.toString().getBytes(StandardCharsets.UTF_8), FORM);
  }

  private static void put(Map<String, Object> root, String wire, Object value) {
    WireName.parse(wire).put(root, value);
  }

  private static void flatten(String prefix, Object value, java.util.function.BiConsumer<String, String> sink) {
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!prefix.isEmpty() && (key.indexOf('[') >= 0 || key.indexOf(']') >= 0)) {
          // The form would read them as nesting: metadata[a]b] is not the key "a]b".
          throw new IllegalArgumentException("'" + prefix + "' key " + Suggest.quoted(key) + " must not contain [ or ]");
        }
        flatten(prefix.isEmpty() ? key : prefix + "[" + key + "]", e.getValue(), sink);
      }
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) flatten(prefix + "[" + i + "]", l.get(i), sink);
    } else if (value != null) {
      sink.accept(prefix, scalar(value));
    }
  }

  static String scalar(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(v);
  }
}
