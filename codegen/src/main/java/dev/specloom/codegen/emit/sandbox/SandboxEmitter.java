package dev.specloom.codegen.emit.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specloom.codegen.emit.GeneratedFile;
import dev.specloom.codegen.emit.JsonResource;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.HttpBindingIndex;
import dev.specloom.model.Model;
import dev.specloom.model.Pagination;
import dev.specloom.model.Param;
import dev.specloom.model.Placeholders;
import dev.specloom.model.simulator.Sandbox;
import dev.specloom.model.Spec;
import java.util.List;
import java.util.Locale;

/**
 * The offline sandbox's descriptor of one provider: its wire protocol (API root path, encoding, auth schemes,
 * request id header, envelope), models with wire names, every function's route, params and paging, and the
 * spec's {@code sandbox:} section. The sandbox runtime reads only this file, never the YAML.
 */
public final class SandboxEmitter {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  private final Spec spec;
  private final HttpBindingIndex http;

  public SandboxEmitter(Spec spec) {
    this.spec = spec;
    this.http = HttpBindingIndex.of(spec);
  }

  public static String resource(String provider) {
    return "dev/specloom/sandbox/" + provider + ".sandbox.json";
  }

  /** The descriptor as a classpath resource, when the spec has a {@code sandbox:} section. */
  public List<GeneratedFile> generated() {
    if (spec.sandbox().isEmpty()) return List.of();
    return List.of(JsonResource.file(resource(spec.provider()), document()));
  }

  public String text() {
    return JsonResource.text(document());
  }

  ObjectNode document() {
    Sandbox s = spec.sandbox().orElseThrow();
    ObjectNode doc = JSON.createObjectNode().put("provider", spec.provider());
    doc.put("base_path", Placeholders.rootPath(spec.baseUrls().get(0).url()));
    doc.put("encoding", spec.requestEncoding().name().toLowerCase(Locale.ROOT));
    ArrayNode auth = doc.putArray("auth");
    spec.auth().forEach(a -> auth.add(a.spelling()));
    spec.requestIdHeader().ifPresent(h -> doc.put("request_id_header", h));
    spec.envelope().ifPresent(e -> doc.putObject("envelope_status").put("path", e.statusPath()).put("ok", e.okValue()));
    ObjectNode models = doc.putObject("models");
    for (Model m : spec.models().values()) {
      ObjectNode fields = models.putObject(m.name());
      for (Field f : m.fields()) {
        if (f.aliasOf().isEmpty()) fields.putObject(f.name()).put("wire", f.wire()).put("type", f.type().spelling());
      }
    }
    ArrayNode functions = doc.putArray("functions");
    for (Function f : spec.functions()) {
      if (!f.http().raw()) functions.add(function(f, s));
    }
    doc.set("resources", JSON.valueToTree(s.resources()));
    doc.set("errors", JSON.valueToTree(s.errors()));
    doc.set("envelope", JSON.valueToTree(s.envelope()));
    doc.set("given", JSON.valueToTree(s.given()));
    return doc;
  }

  private ObjectNode function(Function f, Sandbox s) {
    ObjectNode out = JSON.createObjectNode().put("name", f.name()).put("method", f.http().method());
    ArrayNode paths = out.putArray("paths");
    http.of(f).routes().forEach(r -> paths.add(r.path()));
    f.http().bodyRoot().ifPresent(b -> out.put("body_root", b));
    ArrayNode params = out.putArray("params");
    for (Param p : f.params()) {
      ObjectNode n = params.addObject().put("name", p.name()).put("wire", p.wire())
          .put("in", p.in().name().toLowerCase(Locale.ROOT)).put("required", p.required());
      p.template().ifPresent(t -> n.put("template", t));
      p.defaultValue().ifPresent(d -> n.set("default", JSON.valueToTree(d)));
    }
    // Fixed query values read like params that always carry their value, and select the route.
    f.http().query().forEach((k, v) -> params.addObject().put("name", k).put("wire", k).put("in", "query")
        .put("required", false).put("default", v));
    if (!f.http().query().isEmpty()) out.set("query", JSON.valueToTree(f.http().query()));
    f.pagination().ifPresent(pg -> out.set("pagination", pagination(pg)));
    out.put("returns", f.returns().type().spelling());
    f.returns().from().ifPresent(from -> out.put("returns_from", from));
    Sandbox.Behaviour b = s.functions().get(f.name());
    if (b != null) out.set("sandbox", behaviour(b));
    return out;
  }

  private static ObjectNode behaviour(Sandbox.Behaviour b) {
    ObjectNode n = JSON.createObjectNode().put("kind", b.kind().name().toLowerCase(Locale.ROOT))
        .put("resource", b.resource()).put("id_param", b.idParam());
    b.bodyRoot().ifPresent(v -> n.put("body_root", v));
    n.set("filters", JSON.valueToTree(b.filters()));
    b.pageSize().ifPresent(v -> n.put("page_size", v));
    b.within().ifPresent(v -> n.set("within", JSON.valueToTree(v)));
    b.childList().ifPresent(v -> n.put("items", v));
    n.set("from", JSON.valueToTree(b.from()));
    n.set("set", JSON.valueToTree(b.set()));
    n.set("cases", JSON.valueToTree(b.cases()));
    n.set("refs", JSON.valueToTree(b.refs()));
    b.answer().ifPresent(v -> n.set("answer", JSON.valueToTree(v)));
    n.set("sum", JSON.valueToTree(b.sums()));
    b.recurringRevenue().ifPresent(v -> n.set("recurring_revenue", JSON.valueToTree(v)));
    b.status().ifPresent(v -> n.put("status", v));
    b.empty().ifPresent(v -> n.set("empty", JSON.valueToTree(v)));
    b.stateError().ifPresent(v -> n.put("state_error", v));
    if (!b.refusals().isEmpty()) {
      ArrayNode refuse = n.putArray("refuse");
      b.refusals().forEach(x -> refuse.addObject().put("error", x.error()).set("if", JSON.valueToTree(x.conditions())));
    }
    b.order().ifPresent(v -> n.putObject("order").put("by", v.by()).put("desc", v.desc()));
    return n;
  }

  private static ObjectNode pagination(Pagination pg) {
    ObjectNode n = JSON.createObjectNode().put("style", pg.style().name().toLowerCase(Locale.ROOT)).put("items", pg.items());
    pg.cursorParam().ifPresent(v -> n.put("cursor_param", v));
    pg.cursorField().ifPresent(v -> n.put("cursor_field", v));
    pg.hasMoreField().ifPresent(v -> n.put("has_more_field", v));
    pg.pageParam().ifPresent(v -> n.put("page_param", v));
    pg.limitParam().ifPresent(v -> n.put("limit_param", v));
    pg.offsetWire().ifPresent(v -> n.put("offset_wire", v));
    return n;
  }
}
