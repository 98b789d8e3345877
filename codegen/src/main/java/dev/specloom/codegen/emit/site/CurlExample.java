package dev.specloom.codegen.emit.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.model.AuthScheme;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Pagination;
import dev.specloom.model.Param;
import dev.specloom.model.Placeholders;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import dev.specloom.model.WireName;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP tab of a function: the request its first Lua example makes, as a {@code curl} command with the
 * credentials in environment variables. It is built from the same spec facts the SDK's params classes are
 * generated from (wire names with bracket nesting, path, query templates, offset paging, the SDK's defaults,
 * fixed query values, body root, provider headers); the docs-site tests send it to the offline sandbox and
 * compare what arrives with what the Java example sent.
 */
final class CurlExample {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~\\-\\[\\]]*");
  private static final String SETTING_EXAMPLE = "mycompany";

  private CurlExample() {}

  static String of(Spec spec, Function f, Map<String, Object> args) {
    String method = f.http().method();
    String path = f.http().path();
    Map<String, Object> query = new LinkedHashMap<>(f.http().query());
    Map<String, Object> body = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>(spec.headers());
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param p : f.params()) {
      Object v = args.containsKey(p.name()) ? args.get(p.name()) : p.defaultValue().orElse(null);
      if (v != null) values.put(p.name(), v instanceof String s && p.wireValues().containsKey(s) ? p.wireValues().get(s) : wire(spec, p.type(), v));
    }
    if (f.http().raw()) {
      method = String.valueOf(values.get("method"));
      path = String.valueOf(values.get("path"));
      if (values.get("query") instanceof Map<?, ?> q) q.forEach((k, v) -> query.put(String.valueOf(k), v));
      if (values.get("headers") instanceof Map<?, ?> h) h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
      if (values.get("body") instanceof Map<?, ?> b) b.forEach((k, v) -> body.put(String.valueOf(k), v));
      path = path.startsWith("/") ? path : "/" + path;
    } else {
      for (Function.Route r : f.http().routes()) {
        if (values.containsKey(r.when())) {
          path = r.path();
          break;
        }
      }
      path = expand(path, f, values);
      Optional<Pagination> offset = f.pagination().filter(pg -> pg.style() == Pagination.Style.OFFSET);
      for (Param p : f.params()) {
        Object v = values.get(p.name());
        if (v == null) continue;
        if (offset.isPresent() && offset.get().pageParam().orElse("").equals(p.name())) {
          Object limit = values.get(offset.get().limitParam().orElseThrow());
          if (limit != null) query.put(offset.get().offsetWire().orElseThrow(), (((Number) v).longValue() - 1) * ((Number) limit).longValue());
          continue;
        }
        switch (p.in()) {
          case PATH, CLIENT -> { }
          case QUERY -> {
            if (p.template().isPresent()) query.merge(p.wire(), p.template().get().replace("{}", scalar(v)), (a, b) -> a + "," + b);
            else put(query, p.wire(), v);
          }
          case BODY -> put(body, p.wire(), v);
          case HEADER -> headers.put(p.wire(), scalar(v));
        }
      }
    }
    Object tree = f.http().bodyRoot().<Object>map(root -> Map.of(root, List.of(body))).orElse(body);
    boolean json = spec.requestEncoding().name().equals("JSON");
    boolean hasBody = !body.isEmpty();

    List<String> lines = new ArrayList<>();
    List<String> queryPairs = new ArrayList<>();
    flatten("", query, (k, v) -> queryPairs.add(k + "=" + v));
    boolean getWithData = method.equals("GET") && !queryPairs.isEmpty();
    String url = baseUrl(spec) + path;
    if (!getWithData && !queryPairs.isEmpty()) {
      url += "?" + String.join("&", queryPairs.stream().map(CurlExample::encodePair).toList());
    }
    StringBuilder first = new StringBuilder("curl");
    if (getWithData) first.append(" -G");
    else if (!method.equals(hasBody ? "POST" : "GET")) first.append(" -X ").append(method);
    first.append(' ').append(quote(url));
    lines.add(first.toString());
    lines.add(auth(spec));
    headers.forEach((k, v) -> lines.add("-H " + quote(k + ": " + v)));
    if (getWithData) queryPairs.forEach(pair -> lines.add(data(pair)));
    if (hasBody && json) {
      lines.add("-H 'Content-Type: application/json'");
      lines.add("-d " + quote(json(tree)));
    } else if (hasBody) {
      flatten("", tree, (k, v) -> lines.add(data(k + "=" + v)));
    }
    return String.join(" \\\n  ", lines) + "\n";
  }

  /** A value with the keys of model tables renamed to their fields' wire names, as the SDK's models serialise. */
  private static Object wire(Spec spec, TypeRef t, Object v) {
    if (t instanceof TypeRef.ListOf l && v instanceof List<?> items) return items.stream().map(i -> wire(spec, l.element(), i)).toList();
    if (t instanceof TypeRef.ModelRef ref && v instanceof Map<?, ?> fields) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Field f : spec.models().get(ref.name()).fields()) {
        if (fields.containsKey(f.name())) out.put(f.wire(), wire(spec, f.type(), fields.get(f.name())));
      }
      return out;
    }
    return v;
  }

  /** The API root the examples show: a fixed one, or the host template with its setting filled in. */
  static String baseUrl(Spec spec) {
    return Placeholders.PATTERN.matcher(shownBaseUrl(spec).url()).replaceAll(settingExample());
  }

  /** The base URL option the examples use: the fixed one, or else one on the provider's own host. */
  static Spec.BaseUrl shownBaseUrl(Spec spec) {
    return spec.baseUrls().stream().filter(b -> b.when().isEmpty()).findFirst()
        .or(() -> spec.baseUrls().stream().filter(b -> b.url().startsWith("https://")).findFirst())
        .orElse(spec.baseUrls().get(0));
  }

  static String settingExample() {
    return SETTING_EXAMPLE;
  }

  /** The credentials the first auth option sends, in the order it names them. */
  static List<String> authCredentials(Spec spec) {
    return spec.auth().get(0).credentials().stream().distinct().filter(spec.credentials()::containsKey).toList();
  }

  static String envName(Spec spec, String credential) {
    return (spec.provider() + "_" + credential).toUpperCase(Locale.ROOT);
  }

  private static String auth(Spec spec) {
    AuthScheme a = spec.auth().get(0);
    if (a instanceof AuthScheme.Basic b) {
      return "-u \"" + env(spec, b.username()) + ":" + env(spec, b.password() == null ? "" : b.password()) + "\"";
    }
    if (a instanceof AuthScheme.BasicPair p) return "-u \"" + env(spec, p.token()) + "\"";
    return "-H \"Authorization: Bearer " + env(spec, ((AuthScheme.Bearer) a).token()) + "\"";
  }

  /** A credential template with each {@code {name}} as the environment variable holding it. */
  private static String env(Spec spec, String template) {
    return Placeholders.PATTERN.matcher(template).replaceAll(m -> Matcher.quoteReplacement("$" + envName(spec, m.group(1))));
  }

  private static String expand(String path, Function f, Map<String, Object> values) {
    return Placeholders.PATTERN.matcher(path).replaceAll(m -> {
      String name = m.group(1);
      Object v = values.get(name);
      if (v == null) {
        v = f.params().stream().filter(p -> p.wire().equals(name)).findFirst().map(p -> values.get(p.name())).orElse(null);
      }
      if (v == null) throw new IllegalArgumentException(f.name() + ": the first example leaves path param " + name + " unset");
      return Matcher.quoteReplacement(URLEncoder.encode(scalar(v), StandardCharsets.UTF_8).replace("+", "%20"));
    });
  }

  /** Bracketed wire names nest ({@code metadata[tier]}, {@code items[0][price]}), as the SDK's wire request does. */
  private static void put(Map<String, Object> root, String wire, Object value) {
    WireName.parse(wire).put(root, value);
  }

  private static void flatten(String prefix, Object value, java.util.function.BiConsumer<String, String> sink) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "[" + k + "]", v, sink));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) flatten(prefix + "[" + i + "]", l.get(i), sink);
    } else if (value != null) {
      sink.accept(prefix, scalar(value));
    }
  }

  private static String scalar(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
    return String.valueOf(v);
  }

  /** {@code -d k=v} when the value needs no encoding, else {@code --data-urlencode}, which encodes the value. */
  private static String data(String pair) {
    String value = pair.substring(pair.indexOf('=') + 1);
    return (SAFE.matcher(value).matches() ? "-d " : "--data-urlencode ") + quote(pair);
  }

  private static String encodePair(String pair) {
    int eq = pair.indexOf('=');
    return URLEncoder.encode(pair.substring(0, eq), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String json(Object tree) {
    try {
      return new ObjectMapper().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Single quotes for the shell; a quote inside ends them, escapes itself and opens them again. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
