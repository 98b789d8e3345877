package dev.specloom.codegen.emit.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specloom.codegen.emit.GeneratedFile;
import dev.specloom.codegen.emit.JsonResource;
import dev.specloom.codegen.emit.JsonSchemas;
import dev.specloom.model.AuthScheme;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.HttpBindingIndex;
import dev.specloom.model.Model;
import dev.specloom.model.PaginatedIndex;
import dev.specloom.model.Param;
import dev.specloom.model.Placeholders;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import dev.specloom.model.WireName;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An OpenAPI 3.0 document per provider: servers, security schemes, one operation per function and route
 * with wire-named parameters, form or JSON bodies, model schemas under their JSON keys, and
 * {@code x-specloom-operation: read|write}. Headers the SDK sends on every call are required single-value
 * header parameters; the idempotency header is an optional one on POST writes. A form field {@code a[b]} is
 * property {@code b} of object {@code a}, serialized {@code style: deepObject}; an indexed one such as
 * {@code items[0][price]} stays a flat field name, since deepObject does not define arrays. A templated
 * param (a filter such as {@code where=customer_id:EQUALS:{}}) is a string whose allowed values are the filled
 * templates. Two functions on one method and path (a connection check that reuses a list call) share the
 * first operation; the others are listed under {@code x-specloom-functions}. Raw pass-through functions have
 * no fixed operation and are listed at the top.
 */
public final class OpenApiEmitter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final Spec spec;
  private final HttpBindingIndex http;
  private final PaginatedIndex pages;

  public OpenApiEmitter(Spec spec) {
    this.spec = spec;
    this.http = HttpBindingIndex.of(spec);
    this.pages = PaginatedIndex.of(spec);
  }

  /** Models are components, referenced by name; integers are int64 (amounts in cents overflow int32). */
  private static final JsonSchemas SCHEMAS =
      new JsonSchemas(true, name -> JSON.objectNode().put("$ref", "#/components/schemas/" + name));

  public static String resource(String provider) {
    return "dev/specloom/" + provider + "/openapi/" + provider + ".openapi.json";
  }

  /** The document as a classpath resource. */
  public List<GeneratedFile> generated() {
    return List.of(JsonResource.file(resource(spec.provider()), document()));
  }

  public String text() {
    return JsonResource.text(document());
  }

  public ObjectNode document() {
    ObjectNode doc = JSON.objectNode().put("openapi", "3.0.3");
    doc.putObject("info").put("title", spec.title() + " API (Specloom)").put("version", "1").put("description", spec.summary());
    ArrayNode servers = doc.putArray("servers");
    for (Spec.BaseUrl b : spec.baseUrls()) {
      ObjectNode server = servers.addObject().put("url", b.url());
      if (!b.when().isEmpty()) {
        ObjectNode vars = server.putObject("variables");
        for (String v : Placeholders.in(b.url())) {
          vars.putObject(v).put("default", v.equals("url") ? "https://billing.example.com" : "example")
              .put("description", spec.settings().getOrDefault(v, v));
        }
      }
    }
    ObjectNode components = doc.putObject("components");
    ObjectNode schemes = components.putObject("securitySchemes");
    ArrayNode security = doc.putArray("security");
    for (int i = 0; i < spec.auth().size(); i++) {
      AuthScheme a = spec.auth().get(i);
      String name = "auth" + (i + 1);
      schemes.putObject(name).put("type", "http").put("scheme", a instanceof AuthScheme.Bearer ? "bearer" : "basic")
          .put("description", "credentials: " + String.join(", ", a.credentials()));
      security.addObject().putArray(name);
    }
    ObjectNode schemas = components.putObject("schemas");
    for (Model m : spec.models().values()) schemas.set(m.name(), model(m));
    ObjectNode paths = doc.putObject("paths");
    ArrayNode raw = JSON.arrayNode();
    for (Function f : spec.functions()) {
      if (f.http().raw()) {
        raw.add(f.name());
        continue;
      }
      for (HttpBindingIndex.Route route : http.of(f).routes()) {
        ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
        String method = f.http().method().toLowerCase(Locale.ROOT);
        if (item.has(method)) {
          ((ObjectNode) item.get(method)).withArray("x-specloom-functions").add(f.name());
          continue;
        }
        Optional<String> when = route.when();
        item.set(method, operation(f, when.map(w -> f.name() + "_via_" + w).orElse(f.name()), when));
      }
    }
    if (!raw.isEmpty()) doc.set("x-specloom-raw-functions", raw);
    return doc;
  }

  /**
   * The operation of one route: on a route taken when param {@code when} is set, that param is required; on
   * the function's own path, params that select another route are left out, since the SDK never sends them there.
   */
  private ObjectNode operation(Function f, String operationId, Optional<String> when) {
    ObjectNode op = JSON.objectNode().put("operationId", operationId).put("summary", f.summary());
    if (!f.description().isEmpty()) op.put("description", f.description());
    f.reference().ifPresent(url -> op.putObject("externalDocs").put("description", "Provider reference").put("url", url));
    op.putArray("tags").add(f.group());
    op.put("x-specloom-operation", f.isWrite() ? "write" : "read");
    ArrayNode parameters = op.putArray("parameters");
    spec.headers().forEach((name, value) -> {
      ObjectNode schema = parameters.addObject().put("name", name).put("in", "header").put("required", true)
          .put("description", "Sent on every request.").putObject("schema").put("type", "string").put("default", value);
      schema.putArray("enum").add(value);
    });
    f.http().query().forEach((name, value) -> {
      ObjectNode schema = parameters.addObject().put("name", name).put("in", "query").put("required", true)
          .put("description", "Sent on every call.").putObject("schema").put("type", "string").put("default", value);
      schema.putArray("enum").add(value);
    });
    if (f.takesIdempotencyKey()) spec.idempotencyHeader().ifPresent(h -> parameters.addObject().put("name", h).put("in", "header")
        .put("required", false).put("description", "A unique key per write, so that a retried write is applied once.")
        .putObject("schema").put("type", "string"));
    ObjectNode body = JSON.objectNode().put("type", "object");
    ObjectNode bodyProps = body.putObject("properties");
    ArrayNode bodyRequired = JSON.arrayNode();
    HttpBindingIndex.Binding binding = http.of(f);
    for (HttpBindingIndex.WireParam wp : binding.params()) {
      Param p = wp.param();
      if (when.isEmpty() && binding.selectors().contains(p.name())) continue;
      if (p.in() == Param.Location.CLIENT) continue; // never on the wire
      boolean required = p.required() || when.map(p.name()::equals).orElse(false);
      ObjectNode schema = p.template().isPresent() ? JSON.objectNode().put("type", "string") : SCHEMAS.of(p.type());
      if (!p.allowed().isEmpty()) {
        ArrayNode e = schema.putArray("enum");
        p.allowed().forEach(v -> e.add(wireValue(p, v)));
      }
      if (p.template().isEmpty()) {
        p.min().ifPresent(v -> bound(schema, "minimum", v));
        p.max().ifPresent(v -> bound(schema, "maximum", v));
        p.defaultValue().or(p::serverDefault).ifPresent(v -> schema.set("default", JSON.pojoNode(v)));
      }
      String description = p.description() + p.template().map(t -> " Sent as " + p.wire() + "=" + t + ".").orElse("");
      if (pages.sendsAsOffset(f, p)) {
        parameters.addObject().put("name", f.pagination().orElseThrow().offsetWire().orElseThrow()).put("in", "query")
            .put("description", "(" + p.name() + " - 1) × limit").set("schema", JSON.objectNode().put("type", "integer"));
        continue;
      }
      switch (p.in()) {
        case BODY -> {
          schema.put("description", p.description());
          Optional<WireName.Property> nested = spec.requestEncoding() == Spec.BodyEncoding.FORM
              ? wp.wire().objectProperty() : Optional.empty();
          String top = nested.map(WireName.Property::object).orElse(p.wire());
          if (nested.isPresent()) {
            String inner = nested.get().key();
            ObjectNode holder = bodyProps.has(top) ? (ObjectNode) bodyProps.get(top) : bodyProps.putObject(top).put("type", "object");
            holder.withObjectProperty("properties").set(inner, schema);
            if (required) holder.withArray("required").add(inner);
          } else {
            bodyProps.set(top, schema);
          }
          if (required && !contains(bodyRequired, top)) bodyRequired.add(top);
        }
        default -> {
          ObjectNode param = parameters.addObject().put("name", p.wire()).put("in", p.in().name().toLowerCase(Locale.ROOT))
              .put("required", required).put("description", description);
          if (p.type() instanceof TypeRef.MapOf) param.put("style", "deepObject").put("explode", true);
          param.set("schema", schema);
        }
      }
    }
    if (!bodyRequired.isEmpty()) body.set("required", bodyRequired);
    if (!bodyProps.isEmpty()) {
      ObjectNode content = op.putObject("requestBody").put("required", !bodyRequired.isEmpty()).putObject("content");
      if (spec.requestEncoding() == Spec.BodyEncoding.FORM) {
        ObjectNode form = content.putObject("application/x-www-form-urlencoded");
        form.set("schema", body);
        ObjectNode encoding = form.putObject("encoding");
        bodyProps.fieldNames().forEachRemaining(n -> {
          if (bodyProps.get(n).path("type").asText().equals("object")) encoding.putObject(n).put("style", "deepObject").put("explode", true);
        });
      } else {
        ObjectNode root = f.http().bodyRoot().map(r -> {
          ObjectNode wrap = JSON.objectNode().put("type", "object");
          ObjectNode arr = wrap.putObject("properties").putObject(r).put("type", "array");
          arr.set("items", body);
          return wrap;
        }).orElse(body);
        content.putObject("application/json").set("schema", root);
      }
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", "Success");
    ObjectNode result = SCHEMAS.of(f.returns().type());
    if (f.returns().from().isPresent()) {
      ObjectNode wrap = JSON.objectNode().put("type", "object").put("additionalProperties", true);
      wrap.putObject("properties").set(f.returns().from().get(), result);
      result = wrap;
    }
    ok.putObject("content").putObject("application/json").set("schema", result);
    responses.putObject("default").put("description", "Error: " + String.join(", ", spec.errors().message()));
    return op;
  }

  /** What the provider receives for an allowed value: translated, then put into the param's template. */
  private static String wireValue(Param p, String value) {
    String v = p.wireValues().getOrDefault(value, value);
    return p.template().map(t -> t.replace("{}", v)).orElse(v);
  }

  private static void bound(ObjectNode schema, String key, double v) {
    if (v == Math.rint(v)) {
      schema.put(key, (long) v);
    } else {
      schema.put(key, v);
    }
  }

  private static boolean contains(ArrayNode names, String name) {
    for (var n : names) {
      if (n.asText().equals(name)) return true;
    }
    return false;
  }

  /** Models name the fields the SDK reads; provider answers carry more, which clients must accept. */
  private ObjectNode model(Model m) {
    ObjectNode s = JSON.objectNode().put("type", "object").put("additionalProperties", true);
    if (!m.description().isEmpty()) s.put("description", m.description());
    ObjectNode props = s.putObject("properties");
    for (Field f : m.fields()) {
      if (f.aliasOf().isPresent()) continue;
      ObjectNode fs = SCHEMAS.of(f.type());
      if (f.nullable()) fs.put("nullable", true);
      if (!f.description().isEmpty()) fs.put("description", f.description());
      props.set(f.wire(), fs);
    }
    return s;
  }
}
