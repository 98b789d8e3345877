package dev.specloom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One provider's sandbox descriptor, generated from its spec by the codegen's {@code sandbox} target and read
 * from the classpath at {@code dev/specloom/sandbox/<provider>.sandbox.json}.
 */
record Descriptor(
    String provider,
    String basePath,
    String encoding,
    List<String> auth,
    String requestIdHeader,
    Shapes shapes,
    List<Fn> functions,
    Map<String, Resource> resources,
    JsonNode errors,
    JsonNode envelope,
    JsonNode given) {

  record Param(String name, String wire, String in, boolean required, String template, JsonNode defaultValue) {}

  /** {@code query}: fixed query values the function always sends, which tell it from others on its path. */
  record Fn(String name, String method, List<String> paths, String bodyRoot, List<Param> params,
      JsonNode pagination, String returns, String returnsFrom, JsonNode behaviour, Map<String, String> query) {

    Param param(String name) {
      return params.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
  }

  record Resource(String name, String model, String idField, String idStyle, String idPrefix, String statusField,
      List<String> hidden, JsonNode defaults, List<JsonNode> seed) {}

  static String resourcePath(String provider) {
    return "dev/specloom/sandbox/" + provider + ".sandbox.json";
  }

  static Descriptor load(String provider) {
    try (InputStream in = Descriptor.class.getClassLoader().getResourceAsStream(resourcePath(provider))) {
      if (in == null) throw new IllegalArgumentException("no sandbox descriptor for provider '" + provider + "' on the classpath");
      return parse(WireCodec.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Descriptor parse(JsonNode d) {
    List<Fn> functions = new ArrayList<>();
    for (JsonNode f : d.path("functions")) {
      List<Param> params = new ArrayList<>();
      for (JsonNode p : f.path("params")) {
        params.add(new Param(p.path("name").asText(), p.path("wire").asText(), p.path("in").asText(),
            p.path("required").asBoolean(), p.path("template").textValue(), p.get("default")));
      }
      List<String> paths = new ArrayList<>();
      f.path("paths").forEach(p -> paths.add(p.asText()));
      Map<String, String> query = new LinkedHashMap<>();
      f.path("query").fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
      functions.add(new Fn(f.path("name").asText(), f.path("method").asText(), paths, f.path("body_root").textValue(),
          params, f.get("pagination"), f.path("returns").asText(), f.path("returns_from").textValue(), f.get("sandbox"), query));
    }
    Map<String, Resource> resources = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = d.path("resources").fields(); it.hasNext(); ) {
      JsonNode r = it.next().getValue();
      List<String> hidden = new ArrayList<>();
      r.path("hidden").forEach(h -> hidden.add(h.asText()));
      List<JsonNode> seed = new ArrayList<>();
      r.path("seed").forEach(seed::add);
      resources.put(r.path("name").asText(), new Resource(r.path("name").asText(), r.path("model").asText(),
          r.path("id_field").asText(), r.path("id_style").asText(), r.path("id_prefix").asText(),
          r.path("status_field").asText(), hidden, r.path("defaults"), seed));
    }
    List<String> auth = new ArrayList<>();
    d.path("auth").forEach(a -> auth.add(a.asText()));
    return new Descriptor(d.path("provider").asText(), d.path("base_path").asText(), d.path("encoding").asText(), auth,
        d.path("request_id_header").textValue(), new Shapes(d.path("models")), functions, resources,
        d.path("errors"), d.path("envelope"), d.path("given"));
  }
}
