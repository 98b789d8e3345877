package dev.specloom.codegen.emit.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.codegen.emit.GeneratedFile;
import dev.specloom.codegen.emit.JsonResource;
import dev.specloom.model.AuthScheme;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.HttpBindingIndex;
import dev.specloom.model.Model;
import dev.specloom.model.Pagination;
import dev.specloom.model.Param;
import dev.specloom.model.Placeholders;
import dev.specloom.model.Spec;
import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.RecordTrees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offline sandbox's descriptor of one provider: the spec-model {@link Descriptor} record (wire protocol, models
 * with wire names, every function's route, params and paging, and the spec's {@code sandbox:} section), written as
 * JSON. The sandbox runtime reads the same record back, never the YAML.
 */
public final class SandboxEmitter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Spec spec;
  private final HttpBindingIndex http;

  public SandboxEmitter(Spec spec) {
    this.spec = spec;
    this.http = HttpBindingIndex.of(spec);
  }

  public static String resource(String provider) {
    return Descriptor.resource(provider);
  }

  /** The descriptor as a classpath resource, when the spec has a {@code sandbox:} section. */
  public List<GeneratedFile> generated() {
    if (spec.sandbox().isEmpty()) return List.of();
    return List.of(GeneratedFile.resource(resource(spec.provider()), text()));
  }

  public String text() {
    return JsonResource.text(JSON.valueToTree(RecordTrees.toTree(descriptor())));
  }

  /**
   * The descriptor record itself, for a simulator started in memory ({@code specloom sandbox serve --spec});
   * only for a spec with a {@code sandbox:} section.
   */
  public Descriptor descriptor() {
    Map<String, Map<String, Descriptor.Field>> models = new LinkedHashMap<>();
    for (Model m : spec.models().values()) {
      Map<String, Descriptor.Field> fields = new LinkedHashMap<>();
      for (Field f : m.fields()) {
        if (f.aliasOf().isEmpty()) fields.put(f.name(), new Descriptor.Field(f.wire(), f.type().spelling()));
      }
      models.put(m.name(), fields);
    }
    return new Descriptor(spec.provider(),
        Placeholders.rootPath(spec.baseUrls().get(0).url()),
        Descriptor.Encoding.valueOf(spec.requestEncoding().name()),
        spec.auth().stream().map(a -> a instanceof AuthScheme.Bearer ? Descriptor.Credentials.BEARER
            : Descriptor.Credentials.BASIC).distinct().toList(),
        spec.requestIdHeader(),
        models,
        spec.functions().stream().filter(f -> !f.http().raw()).map(this::operation).toList(),
        spec.sandbox().orElseThrow());
  }

  private Descriptor.Operation operation(Function f) {
    List<String> paths = http.of(f).routes().stream().map(HttpBindingIndex.Route::path).toList();
    List<Descriptor.Param> params = new ArrayList<>();
    for (Param p : f.params()) {
      params.add(new Descriptor.Param(p.name(), p.wire(), Descriptor.Location.valueOf(p.in().name()), p.required(),
          p.template(), p.defaultValue()));
    }
    // Fixed query values read like params that always carry their value, and select the route.
    f.http().query().forEach((k, v) -> params.add(new Descriptor.Param(k, k, Descriptor.Location.QUERY, false,
        Optional.empty(), Optional.of(v))));
    return new Descriptor.Operation(f.name(), f.http().method(), paths, f.http().bodyRoot(),
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
