package dev.specloom.codegen.emit.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.codegen.emit.JsonResource;
import dev.specloom.codegen.model.Field;
import dev.specloom.codegen.model.Function;
import dev.specloom.codegen.model.Model;
import dev.specloom.codegen.model.Pagination;
import dev.specloom.codegen.model.Param;
import dev.specloom.codegen.model.Spec;
import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.RecordTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline sandbox's descriptor of one provider: the spec-model {@link Descriptor} record (wire protocol, models
 * with wire names, every function's route, params and paging, and the spec's {@code sandbox:} section), written as
 * JSON. The sandbox runtime reads the same record back, never the YAML.
 */
public final class SandboxEmitter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ROOT = Pattern.compile("^(?:\\{[a-z_]+}|[a-z]+://[^/]+)(.*)$");
  private final Spec spec;

  public SandboxEmitter(Spec spec) {
    this.spec = spec;
  }

  public static String resource(String provider) {
    return Descriptor.resource(provider);
  }

  /** Writes the descriptor when the spec has a {@code sandbox:} section; returns the number of files written. */
  public int writeTo(Path resourcesRoot) throws IOException {
    if (spec.sandbox().isEmpty()) return 0;
    return JsonResource.write(resourcesRoot, resource(spec.provider()), text());
  }

  public String text() {
    return JsonResource.text(JSON.valueToTree(RecordTrees.toTree(descriptor())));
  }

  Descriptor descriptor() {
    Matcher root = ROOT.matcher(spec.baseUrls().get(0).url());
    Map<String, Map<String, Descriptor.Field>> models = new LinkedHashMap<>();
    for (Model m : spec.models().values()) {
      Map<String, Descriptor.Field> fields = new LinkedHashMap<>();
      for (Field f : m.fields()) {
        if (f.aliasOf().isEmpty()) fields.put(f.name(), new Descriptor.Field(f.wire(), f.type().spelling()));
      }
      models.put(m.name(), fields);
    }
    return new Descriptor(spec.provider(),
        root.matches() ? root.group(1).replaceAll("/$", "") : "",
        Descriptor.Encoding.valueOf(spec.requestEncoding().name()),
        spec.auth().stream().map(a -> a.scheme().startsWith("basic") ? Descriptor.Credentials.BASIC
            : Descriptor.Credentials.BEARER).distinct().toList(),
        spec.requestIdHeader(),
        models,
        spec.functions().stream().filter(f -> !f.http().raw()).map(SandboxEmitter::operation).toList(),
        spec.sandbox().orElseThrow());
  }

  private static Descriptor.Operation operation(Function f) {
    List<String> paths = new ArrayList<>(List.of(f.http().path()));
    f.http().routes().forEach(r -> paths.add(r.path()));
    List<Descriptor.Param> params = new ArrayList<>();
    for (Param p : f.params()) {
      params.add(new Descriptor.Param(p.name(), p.wire(), Descriptor.Location.valueOf(p.in().name()), p.required(),
          p.template(), p.defaultValue()));
    }
    // Fixed query values read like params that always carry their value, and select the route.
    f.http().query().forEach((k, v) -> params.add(new Descriptor.Param(k, k, Descriptor.Location.QUERY, false,
        Optional.empty(), Optional.of(v))));
    return new Descriptor.Operation(f.name(), f.http().method(), List.copyOf(paths), f.http().bodyRoot(),
        List.copyOf(params), f.http().query(), f.pagination().map(SandboxEmitter::paging), f.returns().type().spelling(),
        f.returns().from());
  }

  private static Descriptor.Paging paging(Pagination pg) {
    return switch (pg.style()) {
      case CURSOR_AFTER_LAST -> new Descriptor.CursorAfterLast(pg.items(), pg.limitParam(), pg.hasMoreField(),
          pg.cursorParam().orElseThrow(), pg.cursorField().orElseThrow());
      case CURSOR_TOKEN -> new Descriptor.CursorToken(pg.items(), pg.limitParam(), pg.hasMoreField(),
          pg.cursorParam().orElseThrow(), pg.cursorField().orElseThrow());
      case PAGE -> new Descriptor.Page(pg.items(), pg.limitParam(), pg.hasMoreField(), pg.pageParam().orElseThrow());
      case OFFSET -> new Descriptor.Offset(pg.items(), pg.limitParam(), pg.hasMoreField(), pg.offsetWire().orElseThrow());
    };
  }
}
