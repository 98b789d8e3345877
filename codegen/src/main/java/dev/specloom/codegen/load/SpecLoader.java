package dev.specloom.codegen.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specloom.model.AuthScheme;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.Names;
import dev.specloom.model.Pagination;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads spec files into {@link Spec} models: YAML syntax, then the JSON Schema, then the semantic checks of
 * {@link SemanticCheck}. Every problem of every file is collected; any problem means no model at all.
 */
public final class SpecLoader {

  /** Twenty times the largest spec we ship, and under the YAML parser's own limit of 3 Mi code points. */
  static final long MAX_BYTES = 2L << 20;

  private SpecLoader() {}

  /** The spec files a path names: the file itself, or a directory's {@code *.yaml} and {@code *.yml} files, sorted. */
  public static List<Path> files(Path fileOrDir) throws IOException {
    if (!Files.isDirectory(fileOrDir)) return List.of(fileOrDir);
    try (java.util.stream.Stream<Path> list = Files.list(fileOrDir)) {
      return list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  public static Spec load(Path file) throws SpecException {
    return loadAll(List.of(file)).get(0);
  }

  public static List<Spec> loadAll(List<Path> files) throws SpecException {
    List<SpecProblem> problems = new ArrayList<>();
    List<Spec> specs = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        // Checked before reading: the YAML scanner takes minutes to reach its own limit on a huge file.
        long size = Files.size(file);
        if (size > MAX_BYTES) {
          problems.add(new SpecProblem(file.toString(), 1, 1, "", "the file is " + size + " bytes; a spec may be at most "
              + MAX_BYTES + " bytes (2 MiB)"));
          continue;
        }
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        problems.add(new SpecProblem(file.toString(), 1, 1, "", "cannot read: " + e.getMessage()));
        continue;
      }
      Spec spec = parse(file.toString(), text, problems);
      if (spec != null) specs.add(spec);
    }
    SemanticCheck.acrossSpecs(specs, problems);
    if (!problems.isEmpty()) throw new SpecException(problems);
    return specs;
  }

  /** Parses one spec from text; problems are appended and null is returned when there are any. */
  static Spec parse(String file, String text, List<SpecProblem> problems) {
    YamlTree tree = YamlTree.parse(file, text, problems);
    if (tree == null) return null;
    List<SpecProblem> schemaProblems = SchemaCheck.check(tree);
    if (!schemaProblems.isEmpty()) {
      problems.addAll(schemaProblems);
      return null;
    }
    Spec spec = new Builder(file, tree.root).build();
    int before = problems.size();
    new SemanticCheck(spec, tree, problems).run();
    return problems.size() > before ? null : spec;
  }

  /** Turns a schema-valid tree into the model. Shape errors cannot happen here: the schema ruled them out. */
  private static final class Builder {
    private final String file;
    private final JsonNode root;
    private final Map<String, Model> models = new LinkedHashMap<>();

    Builder(String file, JsonNode root) {
      this.file = file;
      this.root = root;
    }

    Spec build() {
      for (Map.Entry<String, JsonNode> m : entries(root.path("models"))) {
        models.put(m.getKey(), new Model(m.getKey(), text(m.getValue(), "description", ""), fields(m.getValue().path("fields")),
            stringMap(m.getValue().path("unmodelled"))));
      }
      List<Function> functions = new ArrayList<>();
      for (Map.Entry<String, JsonNode> f : entries(root.path("functions"))) {
        functions.add(function(f.getKey(), f.getValue()));
      }
      JsonNode errors = root.path("errors");
      JsonNode envelope = root.path("envelope");
      return new Spec(
          root.path("provider").asText(),
          root.path("title").asText(),
          root.path("summary").asText().strip(),
          file,
          list(root.path("docs")).stream()
              .map(d -> new Spec.DocSection(d.path("title").asText(), d.path("markdown").asText().strip()))
              .toList(),
          baseUrls(root.path("base_url")),
          describedNames(root.path("settings")),
          settingPatterns(root.path("settings")),
          describedNames(root.path("credentials")),
          credentialAliases(root.path("credentials")),
          list(root.path("auth")).stream()
              .map(Builder::auth)
              .toList(),
          stringMap(root.path("headers")),
          Spec.BodyEncoding.valueOf(root.path("request_encoding").asText().toUpperCase(Locale.ROOT)),
          optText(root.path("idempotency"), "header"),
          optText(root, "request_id_header"),
          list(root.path("retry_statuses")).stream().map(JsonNode::asInt).toList(),
          new Spec.ErrorPaths(strings(errors.path("code")), strings(errors.path("type")),
              strings(errors.path("message")), strings(errors.path("param"))),
          envelope.isMissingNode() ? Optional.empty()
              : Optional.of(new Spec.Envelope(envelope.path("status_path").asText(), envelope.path("ok_value").asText(),
                  optText(envelope, "code_path"), optText(envelope, "message_path"))),
          models,
          functions,
          list(root.path("workflows")).stream()
              .map(w -> new Spec.Workflow(w.path("title").asText(), w.path("lua").asText().stripTrailing())).toList(),
          root.has("sandbox") ? Optional.of(SandboxReader.read(root.path("sandbox"))) : Optional.empty());
    }

    private static Map<String, String> credentialAliases(JsonNode credentials) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> c : entries(credentials)) {
        for (String alias : strings(c.getValue().path("aliases"))) out.put(alias, c.getKey());
      }
      return out;
    }

    private Function function(String name, JsonNode f) {
      JsonNode http = f.path("http");
      String method = http.path("method").asText();
      String path = http.path("path").asText();
      List<Param> params = new ArrayList<>();
      for (Map.Entry<String, JsonNode> p : entries(f.path("params"))) {
        params.add(param(p.getKey(), p.getValue(), method, path));
      }
      return new Function(
          name,
          strings(f.path("aliases")),
          Function.Operation.valueOf(f.path("operation").asText().toUpperCase(Locale.ROOT)),
          f.path("destructive").asBoolean(false),
          text(f, "group", "Functions"),
          optText(f, "reference"),
          f.path("summary").asText().strip(),
          text(f, "description", "").strip(),
          new Function.Http(method, path,
              list(http.path("routes")).stream()
                  .map(r -> new Function.Route(r.path("when").asText(), r.path("path").asText(),
                      r.path("not_found").asText().equals("empty"))).toList(),
              optText(http, "body_root"),
              http.path("raw").asBoolean(false),
              stringMap(http.path("query"))),
          params,
          pagination(f.path("pagination")),
          returns(name, f.path("returns")),
          list(f.path("examples")).stream()
              .map(e -> new Function.Example(text(e, "title", ""), e.path("lua").asText().stripTrailing(),
                  text(e, "returns", "")))
              .toList());
    }

    private Param param(String name, JsonNode p, String method, String path) {
      Param.Location in;
      if (p.has("in")) {
        in = Param.Location.valueOf(p.path("in").asText().toUpperCase(Locale.ROOT));
      } else if (path.contains("{" + name + "}")) {
        in = Param.Location.PATH;
      } else {
        in = method.equals("GET") || method.equals("DELETE") ? Param.Location.QUERY : Param.Location.BODY;
      }
      return new Param(
          name,
          TypeRef.parse(p.path("type").asText()),
          p.path("description").asText().strip(),
          p.path("required").asBoolean(false),
          in,
          text(p, "wire", name),
          optText(p, "template"),
          scalar(p.path("default")),
          scalar(p.path("server_default")),
          p.has("min") ? Optional.of(p.path("min").asDouble()) : Optional.empty(),
          p.has("max") ? Optional.of(p.path("max").asDouble()) : Optional.empty(),
          p.has("max_length") ? Optional.of(p.path("max_length").asInt()) : Optional.empty(),
          strings(p.path("enum")),
          strings(p.path("requires")),
          optText(p, "deprecated"),
          stringMap(p.path("wire_values")),
          stringMap(p.path("value_aliases")),
          stringMap(p.path("refused_values")));
    }

    /** The schema has checked that each scheme has its templates. */
    private static AuthScheme auth(JsonNode a) {
      return switch (a.path("scheme").asText()) {
        case "basic" -> new AuthScheme.Basic(a.path("username").asText(), a.path("password").asText());
        case "basic_pair" -> new AuthScheme.BasicPair(a.path("token").asText());
        default -> new AuthScheme.Bearer(a.path("token").asText());
      };
    }

    private Optional<Pagination> pagination(JsonNode p) {
      if (p.isMissingNode()) return Optional.empty();
      return Optional.of(new Pagination(
          Pagination.Style.valueOf(p.path("style").asText().toUpperCase(Locale.ROOT)),
          p.path("items").asText(),
          optText(p, "cursor_param"),
          optText(p, "cursor_field"),
          optText(p, "has_more_field"),
          optText(p, "page_param"),
          optText(p, "limit_param"),
          optText(p, "offset_wire")));
    }

    private Function.Returns returns(String function, JsonNode r) {
      if (r.isTextual()) return new Function.Returns(TypeRef.parse(r.asText()), Optional.empty());
      if (r.has("type")) return new Function.Returns(TypeRef.parse(r.path("type").asText()), optText(r, "from"));
      String name = Names.upperCamel(function) + "Result";
      models.put(name, new Model(name, "The result of " + function + ".", fields(r.path("fields")), Map.of()));
      return new Function.Returns(new TypeRef.ModelRef(name), optText(r, "from"));
    }

    private List<Field> fields(JsonNode node) {
      List<Field> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : entries(node)) {
        JsonNode f = e.getValue();
        out.add(new Field(e.getKey(), text(f, "wire", e.getKey()),
            f.has("type") ? TypeRef.parse(f.path("type").asText()) : null,
            f.path("nullable").asBoolean(false), text(f, "description", ""), optText(f, "alias_of"),
            optText(f, "undocumented")));
      }
      // Aliases take the type of the field they repeat.
      List<Field> resolved = new ArrayList<>();
      for (Field f : out) {
        if (f.aliasOf().isPresent() && f.type() == null) {
          TypeRef t = out.stream().filter(o -> o.name().equals(f.aliasOf().get())).map(Field::type)
              .filter(java.util.Objects::nonNull).findFirst().orElse(new TypeRef.Scalar(TypeRef.Kind.STRING));
          resolved.add(new Field(f.name(), f.wire(), t, true, f.description(), f.aliasOf(), f.undocumented()));
        } else {
          resolved.add(f);
        }
      }
      return resolved;
    }

    private List<Spec.BaseUrl> baseUrls(JsonNode b) {
      if (b.isTextual()) return List.of(new Spec.BaseUrl(List.of(), b.asText()));
      return list(b).stream().map(u -> new Spec.BaseUrl(strings(u.path("when")), u.path("url").asText())).toList();
    }

    private static Map<String, String> describedNames(JsonNode node) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : entries(node)) out.put(e.getKey(), text(e.getValue(), "description", ""));
      return out;
    }

    private static Map<String, String> settingPatterns(JsonNode settings) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : entries(settings)) {
        if (e.getValue().has("pattern")) out.put(e.getKey(), e.getValue().path("pattern").asText());
      }
      return out;
    }
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : entries(node)) out.put(e.getKey(), e.getValue().asText());
    return out;
  }

  static Optional<Object> scalar(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) return Optional.empty();
    if (n.isBoolean()) return Optional.of(n.booleanValue());
    if (n.isIntegralNumber()) return Optional.of(n.longValue());
    if (n.isNumber()) return Optional.of(n.doubleValue());
    if (n.isTextual()) return Optional.of(n.textValue());
    return Optional.of(n.toString());
  }

  static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) out.add(it.next());
    return out;
  }

  static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }

  static List<String> strings(JsonNode node) {
    return list(node).stream().map(JsonNode::asText).toList();
  }

  static String text(JsonNode node, String key, String fallback) {
    JsonNode v = node.path(key);
    return v.isMissingNode() || v.isNull() ? fallback : v.asText();
  }

  static Optional<String> optText(JsonNode node, String key) {
    return Optional.ofNullable(text(node, key, null));
  }
}
