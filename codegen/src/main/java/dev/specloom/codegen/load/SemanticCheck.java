package dev.specloom.codegen.load;

import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.Pagination;
import dev.specloom.model.Placeholders;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import dev.specloom.runtime.Suggest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks a JSON Schema cannot express: references, placeholders, ranges, uniqueness. */
final class SemanticCheck {
  /** Names the Lua namespace already uses for accounts; a function may not shadow them. */
  private static final Set<String> RESERVED = Set.of("default");

  private final Spec spec;
  private final YamlTree tree;
  private final List<SpecProblem> problems;

  SemanticCheck(Spec spec, YamlTree tree, List<SpecProblem> problems) {
    this.spec = spec;
    this.tree = tree;
    this.problems = problems;
  }

  /** Problems that involve several files: two specs may not claim the same provider. */
  static void acrossSpecs(List<Spec> specs, List<SpecProblem> problems) {
    Map<String, String> seen = new HashMap<>();
    for (Spec s : specs) {
      String first = seen.putIfAbsent(s.provider(), s.sourceFile());
      if (first != null) {
        problems.add(new SpecProblem(s.sourceFile(), 1, 1, "provider",
            "provider '" + s.provider() + "' is already defined in " + first));
      }
    }
  }

  void run() {
    connection();
    for (Model m : spec.models().values()) model("models/" + m.name(), m);
    Map<String, String> names = new HashMap<>();
    for (Function f : spec.functions()) {
      String at = "functions/" + f.name();
      claim(names, f.name(), at, f.name());
      for (int i = 0; i < f.aliases().size(); i++) claim(names, f.aliases().get(i), at + "/aliases/" + i, f.name());
      function(at, f);
    }
    new TextCheck(this::report).run(tree.root);
    new TemplateCheck(spec, this::report).run();
    new JavaNameCheck(spec, tree.root, this::report).run();
    new WireNameCheck(spec, this::report).run();
    spec.sandbox().ifPresent(s -> new SandboxCheck(spec, s, tree.root.path("sandbox"), this::report).run());
  }

  private void connection() {
    spec.credentialAliases().forEach((alias, credential) -> {
      if (spec.credentials().containsKey(alias) || spec.settings().containsKey(alias)) {
        report("credentials/" + credential + "/aliases", "'" + alias + "' is already a credential or setting name");
      }
    });
    for (int i = 0; i < spec.baseUrls().size(); i++) {
      Spec.BaseUrl b = spec.baseUrls().get(i);
      String at = spec.baseUrls().size() == 1 && b.when().isEmpty() ? "base_url" : "base_url/" + i;
      for (String name : Placeholders.in(b.url())) {
        if (!spec.settings().containsKey(name)) report(at, "{" + name + "} names no setting; settings: " + spec.settings().keySet());
        else if (!b.when().contains(name)) report(at, "{" + name + "} is used but not listed in `when`");
      }
      for (String w : b.when()) {
        if (!spec.settings().containsKey(w)) report(at + "/when", "'" + w + "' is not a setting");
      }
    }
    for (int i = 0; i < spec.auth().size(); i++) {
      for (String name : spec.auth().get(i).credentials()) {
        if (!spec.credentials().containsKey(name)) {
          report("auth/" + i, "{" + name + "} names no credential; credentials: " + spec.credentials().keySet());
        }
      }
    }
  }

  private void model(String at, Model m) {
    Set<String> wires = new HashSet<>();
    for (Field f : m.fields()) {
      String fat = at + "/fields/" + f.name();
      if (f.aliasOf().isPresent()) {
        if (m.fields().stream().noneMatch(o -> o.name().equals(f.aliasOf().get()) && o.aliasOf().isEmpty())) {
          report(fat + "/alias_of", "'" + f.aliasOf().get() + "' is not a field of " + m.name());
        }
        continue;
      }
      typeExists(fat + "/type", f.type());
      if (!wires.add(f.wire())) report(fat, "two fields read the JSON key '" + f.wire() + "'");
    }
    for (String wire : m.unmodelled().keySet()) {
      if (wires.contains(wire)) report(at + "/unmodelled/" + wire, "'" + wire + "' is a field of " + m.name() + ", so it is modelled");
    }
  }

  private void function(String at, Function f) {
    Set<String> pathNames = new HashSet<>(Placeholders.in(f.http().path()));
    for (Function.Route r : f.http().routes()) pathNames.addAll(Placeholders.in(r.path()));
    for (String name : Placeholders.in(f.http().path())) {
      Optional<Param> p = f.param(name);
      if (p.isEmpty()) report(at + "/http/path", "placeholder {" + name + "} has no param");
      else if (p.get().in() != Param.Location.PATH) report(at + "/params/" + name, "is a path placeholder but declared in: " + p.get().in().name().toLowerCase());
      else if (!p.get().required()) report(at + "/params/" + name, "path params must be required");
    }
    for (int i = 0; i < f.http().routes().size(); i++) {
      Function.Route r = f.http().routes().get(i);
      if (f.param(r.when()).isEmpty()) report(at + "/http/routes/" + i + "/when", "'" + r.when() + "' is not a param");
      if (r.emptyOnNotFound() && f.pagination().isEmpty()) report(at + "/http/routes/" + i + "/not_found", "not_found: empty needs a list (pagination)");
      for (String name : Placeholders.in(r.path())) {
        if (f.param(name).isEmpty()) report(at + "/http/routes/" + i + "/path", "placeholder {" + name + "} has no param");
      }
    }
    Map<String, String> wires = new HashMap<>();
    for (Param p : f.params()) {
      String pat = at + "/params/" + p.name();
      typeExists(pat + "/type", p.type());
      if (p.in() == Param.Location.PATH && !pathNames.contains(p.name())) report(pat, "declared in: path but no path names {" + p.name() + "}");
      if (p.in() == Param.Location.BODY && f.http().method().equals("GET") && !f.http().raw()) report(pat, "GET requests have no body; use in: query");
      if (p.in() == Param.Location.CLIENT) clientFilter(pat, f, p);
      String key = p.in() + " " + p.wire();
      String other = wires.put(key, p.name());
      if (other != null && (p.template().isEmpty() || f.param(other).flatMap(Param::template).isEmpty())) {
        report(pat, "sends the same wire name '" + p.wire() + "' as '" + other + "'");
      }
      range(pat, p);
      for (String r : p.requires()) {
        if (f.param(r).isEmpty()) report(pat + "/requires", "'" + r + "' is not a param");
      }
      if (!p.allowed().isEmpty() && !isScalar(p.type(), TypeRef.Kind.STRING)) report(pat + "/enum", "enum needs type string");
      for (String v : p.wireValues().keySet()) {
        if (!p.allowed().contains(v)) report(pat + "/wire_values", "'" + v + "' is not one of the enum values " + p.allowed());
      }
      otherValues(pat + "/value_aliases", p, p.valueAliases());
      otherValues(pat + "/refused_values", p, p.refusedValues());
    }
    if (f.http().raw()) {
      for (String required : List.of("method", "path")) {
        if (f.param(required).isEmpty()) report(at + "/params", "a raw call needs a '" + required + "' param");
      }
    }
    f.pagination().ifPresent(pg -> pagination(at + "/pagination", f, pg));
    typeExists(at + "/returns", f.returns().type());
    for (int i = 0; i < f.examples().size(); i++) {
      String lua = f.examples().get(i).lua();
      if (!lua.contains("app.integrations." + spec.provider() + ".")) {
        report(at + "/examples/" + i, "example does not call app.integrations." + spec.provider());
      }
    }
  }

  private void range(String at, Param p) {
    if (p.min().isPresent() && p.max().isPresent() && p.min().get() > p.max().get()) {
      report(at + "/min", "min " + num(p.min().get()) + " is greater than max " + num(p.max().get()));
    }
    for (String which : new String[] {"default", "server_default"}) {
      Optional<Object> value = which.equals("default") ? p.defaultValue() : p.serverDefault();
      if (value.isEmpty()) continue;
      Object v = value.get();
      String vat = at + "/" + which;
      if (!fits(p.type(), v)) {
        report(vat, which + " " + v + " is not a " + p.type().spelling());
        continue;
      }
      if (v instanceof Number n) {
        double d = n.doubleValue();
        if (p.min().isPresent() && d < p.min().get() || p.max().isPresent() && d > p.max().get()) {
          report(vat, which + " " + v + " is outside [" + p.min().map(SemanticCheck::num).orElse("-inf") + ", "
              + p.max().map(SemanticCheck::num).orElse("inf") + "]");
        }
      }
      if (!p.allowed().isEmpty() && !p.allowed().contains(String.valueOf(v))) {
        report(vat, which + " '" + v + "' is not one of " + p.allowed());
      }
    }
  }

  /** A client-side filter compares the value with a scalar field of the same type on each item of the page. */
  private void clientFilter(String at, Function f, Param p) {
    if (f.pagination().isEmpty() || !(f.returns().type() instanceof TypeRef.ModelRef ref) || !spec.models().containsKey(ref.name())) {
      report(at + "/in", "in: client filters the items of a list; the function has no pagination");
      return;
    }
    Optional<TypeRef> items = spec.models().get(ref.name()).fields().stream()
        .filter(x -> x.name().equals(f.pagination().get().items())).map(Field::type).findFirst();
    if (items.isEmpty() || !(items.get() instanceof TypeRef.ListOf list) || !(list.element() instanceof TypeRef.ModelRef item)
        || !spec.models().containsKey(item.name())) {
      return; // reported at pagination
    }
    Optional<Field> field = spec.models().get(item.name()).fields().stream()
        .filter(x -> x.name().equals(p.wire()) && x.aliasOf().isEmpty()).findFirst();
    if (field.isEmpty()) {
      report(at + "/wire", "'" + p.wire() + "' is not a field of " + item.name() + " to filter on");
    } else if (!(p.type() instanceof TypeRef.Scalar) || !field.get().type().spelling().equals(p.type().spelling())) {
      report(at + "/type", "a client filter needs a scalar of the field's type (" + field.get().type().spelling() + ")");
    }
  }

  private void pagination(String at, Function f, Pagination pg) {
    Optional<Model> result = f.returns().type() instanceof TypeRef.ModelRef ref
        ? Optional.ofNullable(spec.models().get(ref.name())) : Optional.empty();
    if (result.isEmpty()) {
      // An unknown model is reported once, at returns; only a non-model result is a pagination problem.
      if (!(f.returns().type() instanceof TypeRef.ModelRef)) report(at, "a paginated function must return a model");
      return;
    }
    Optional<Field> items = result.get().fields().stream().filter(x -> x.name().equals(pg.items())).findFirst();
    if (items.isEmpty() || !(items.get().type() instanceof TypeRef.ListOf)) {
      report(at + "/items", "'" + pg.items() + "' is not a list field of " + result.get().name());
    }
    paramRef(at + "/cursor_param", f, pg.cursorParam());
    paramRef(at + "/page_param", f, pg.pageParam());
    paramRef(at + "/limit_param", f, pg.limitParam());
    resultField(at + "/has_more_field", result.get(), pg.hasMoreField());
    switch (pg.style()) {
      case CURSOR_AFTER_LAST, CURSOR_TOKEN -> {
        if (pg.cursorParam().isEmpty() || pg.cursorField().isEmpty()) report(at, pg.style().name().toLowerCase() + " needs cursor_param and cursor_field");
        if (pg.style() == Pagination.Style.CURSOR_TOKEN) resultField(at + "/cursor_field", result.get(), pg.cursorField());
      }
      case PAGE -> {
        if (pg.pageParam().isEmpty()) report(at, "page style needs page_param");
      }
      case OFFSET -> {
        if (pg.pageParam().isEmpty() || pg.limitParam().isEmpty() || pg.offsetWire().isEmpty()) {
          report(at, "offset style needs page_param, limit_param and offset_wire");
        }
      }
    }
  }

  /** Other spellings and refused values stand for an allowed value, and are not allowed values themselves. */
  private void otherValues(String at, Param p, Map<String, String> values) {
    values.forEach((value, meant) -> {
      if (p.allowed().contains(value)) report(at, "'" + value + "' is already one of the enum values");
      if (!p.allowed().contains(meant)) report(at, "'" + meant + "' is not one of the enum values " + p.allowed());
    });
  }

  private void paramRef(String at, Function f, Optional<String> name) {
    if (name.isPresent() && f.param(name.get()).isEmpty()) report(at, "'" + name.get() + "' is not a param of " + f.name());
  }

  private void resultField(String at, Model m, Optional<String> name) {
    if (name.isPresent() && m.fields().stream().noneMatch(x -> x.name().equals(name.get()))) {
      report(at, "'" + name.get() + "' is not a field of " + m.name());
    }
  }

  private void typeExists(String at, TypeRef t) {
    if (t instanceof TypeRef.ModelRef ref && !spec.models().containsKey(ref.name())) {
      report(at, "unknown model '" + ref.name() + "'" + Suggest.didYouMean(ref.name(), spec.models().keySet()));
    } else if (t instanceof TypeRef.ListOf l) {
      typeExists(at, l.element());
    } else if (t instanceof TypeRef.MapOf m) {
      typeExists(at, m.value());
    }
  }

  private void claim(Map<String, String> names, String name, String at, String owner) {
    if (RESERVED.contains(name)) report(at, "'" + name + "' is reserved for the default account namespace");
    String prior = names.putIfAbsent(name, owner);
    if (prior != null) report(at, "duplicate function name or alias '" + name + "' (already used by " + prior + ")");
  }

  private static boolean fits(TypeRef t, Object v) {
    if (!(t instanceof TypeRef.Scalar s)) return false;
    return switch (s.kind()) {
      case INTEGER, TIMESTAMP -> v instanceof Long;
      case NUMBER -> v instanceof Number;
      case BOOLEAN -> v instanceof Boolean;
      case STRING, DATE, DATETIME -> v instanceof String;
      case OBJECT -> false;
    };
  }

  private static boolean isScalar(TypeRef t, TypeRef.Kind kind) {
    return t instanceof TypeRef.Scalar s && s.kind() == kind;
  }


  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  void report(String path, String message) {
    problems.add(tree.problem(path, message));
  }
}
