package dev.specloom.codegen.emit.docs;

import dev.specloom.codegen.emit.GeneratedFile;
import dev.specloom.model.AccountKey;
import dev.specloom.model.AuthScheme;
import dev.specloom.model.Field;
import dev.specloom.model.Function;
import dev.specloom.model.Model;
import dev.specloom.model.PaginatedIndex;
import dev.specloom.model.Pagination;
import dev.specloom.model.Param;
import dev.specloom.model.Spec;
import dev.specloom.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agent-facing Markdown reference of a provider, in the shape of the seed documents. The same text is
 * what {@code lua_read_doc("integrations.<provider>")} returns, and one function's section is what
 * {@code lua_read_doc("integrations.<provider>.<fn>")} returns.
 */
public final class MarkdownEmitter {
  /** A spec doc section with this title is placed in the generated pagination section, not at the top. */
  private static final String PAGINATION = "Pagination";
  private final Spec spec;

  public MarkdownEmitter(Spec spec) {
    this.spec = spec;
  }

  /** Resource folder (under a classpath root) holding the provider's pages. */
  public static String resourceDir(String provider) {
    return "dev/specloom/" + provider + "/docs";
  }

  /** {@code <provider>.md} and one {@code <fn>.md} per function, as classpath resources. */
  public List<GeneratedFile> generated() {
    String dir = resourceDir(spec.provider()) + "/";
    List<GeneratedFile> files = new ArrayList<>();
    files.add(GeneratedFile.resource(dir + spec.provider() + ".md", reference()));
    for (Function f : spec.functions()) files.add(GeneratedFile.resource(dir + f.name() + ".md", section(f, "#", true)));
    return files;
  }

  public String reference() {
    StringBuilder md = new StringBuilder();
    long writes = spec.functions().stream().filter(Function::isWrite).count();
    md.append("# ").append(spec.title()).append(" — Lua API Reference\n\n");
    md.append("**Functions:** ").append(String.join(" · ", spec.functions().stream()
        .map(f -> "[`" + f.name() + "`](#" + f.name() + ")").toList())).append("\n\n");
    md.append("## Overview\n\n").append(spec.summary()).append("\n\n");
    md.append("The integration provides ").append(spec.functions().size()).append(" functions (")
        .append(spec.functions().size() - writes).append(" read, ").append(writes).append(" write). ")
        .append("All calls go through `app.integrations.").append(spec.provider()).append(".<function>({ ... })`; ")
        .append("each also answers to its full name (`").append(fullNameExample()).append("`).\n\n");
    md.append("A plain default is sent by the SDK when the param is left out; one marked (provider) is what the provider "
        + "applies when nothing is sent.\n\n");
    for (Spec.DocSection s : spec.docs()) {
      if (!s.title().equalsIgnoreCase(PAGINATION)) md.append("## ").append(s.title()).append("\n\n").append(s.markdown()).append("\n\n");
    }
    md.append(configuration());
    Map<String, List<Function>> groups = new LinkedHashMap<>();
    for (Function f : spec.functions()) groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f);
    for (Map.Entry<String, List<Function>> g : groups.entrySet()) {
      md.append("## ").append(g.getKey()).append("\n\n");
      for (Function f : g.getValue()) md.append(section(f, "###", false)).append("---\n\n");
    }
    md.append(types());
    md.append(pagination());
    md.append(ERRORS);
    md.append(workflows());
    md.append(multiAccount());
    return md.toString();
  }

  /**
   * One function: heading, summary, operation, full name, params, examples, result. On the provider's page
   * ({@code inlineTypes} false) the result links its table in the Types section, where each table is once; a
   * function's own page carries the tables it returns.
   */
  public String section(Function f, String heading, boolean inlineTypes) {
    String sub = heading + "#";
    StringBuilder md = new StringBuilder();
    md.append(heading).append(" `").append(f.name()).append("`\n\n").append(f.summary()).append("\n\n");
    if (!f.description().isEmpty()) md.append(f.description()).append("\n\n");
    md.append("- **Operation:** ").append(f.isWrite() ? "write" : "read").append(f.destructive() ? " (destructive)" : "").append('\n');
    md.append("- **Full name:** ");
    List<String> names = new ArrayList<>();
    for (String a : f.aliases()) names.add("`" + spec.provider() + "." + a + "`");
    md.append(names.isEmpty() ? "`" + spec.provider() + "." + f.name() + "`" : String.join(", ", names)).append('\n');
    md.append("- **HTTP:** `").append(f.http().raw() ? "any method, path under the API root" : f.http().method() + " " + f.http().path()).append("`\n");
    f.reference().ifPresent(url -> md.append("- **Provider reference:** <").append(url).append(">\n"));
    md.append('\n');
    md.append(sub).append(" Parameters\n\n");
    if (f.params().isEmpty()) {
      md.append("None.\n\n");
    } else {
      md.append("| Name | Type | Required | Default | Description |\n|------|------|----------|---------|-------------|\n");
      for (Param p : f.params()) {
        md.append("| `").append(p.name()).append("` | ").append(luaType(p.type())).append(" | ")
            .append(p.required() ? "yes" : "no").append(" | ").append(cell(defaultCell(p))).append(" | ")
            .append(cell(paramDescription(p))).append(" |\n");
      }
      md.append('\n');
    }
    if (!f.examples().isEmpty()) {
      md.append(sub).append(" Examples\n\n```lua\n");
      for (int i = 0; i < f.examples().size(); i++) {
        Function.Example e = f.examples().get(i);
        if (i > 0) md.append('\n');
        if (!e.title().isEmpty()) md.append("-- ").append(e.title()).append('\n');
        md.append(e.lua()).append('\n');
        if (!e.returns().isEmpty()) md.append("-- Returns: ").append(e.returns()).append('\n');
      }
      md.append("```\n\n");
    }
    md.append(sub).append(" Result\n\n").append(inlineTypes ? result(f) : resultLink(f)).append('\n');
    return md.toString();
  }

  /** Sent by the SDK when the param is left out (plain), or applied by the provider when it is not sent. */
  static String defaultCell(Param p) {
    if (p.defaultValue().isPresent()) return show(p.defaultValue().get());
    return p.serverDefault().map(v -> show(v) + " (provider)").orElse("");
  }

  static String paramDescription(Param p) {
    StringBuilder d = new StringBuilder(p.description());
    List<String> notes = new ArrayList<>();
    p.min().ifPresent(v -> notes.add("min: " + num(v)));
    p.max().ifPresent(v -> notes.add("max: " + num(v)));
    p.maxLength().ifPresent(v -> notes.add("max length: " + v));
    if (!p.allowed().isEmpty()) {
      notes.add("one of: " + String.join(", ", p.allowed().stream().map(a -> "\"" + a + "\""
          + (p.wireValues().containsKey(a) ? " (sent as " + p.wireValues().get(a) + ")" : "")).toList()));
    }
    p.valueAliases().forEach((v, meant) -> notes.add("\"" + v + "\" means \"" + meant + "\""));
    p.refusedValues().forEach((v, instead) -> notes.add("not \"" + v + "\": use \"" + instead + "\""));
    if (p.type() instanceof TypeRef.Scalar s && s.kind() == TypeRef.Kind.DATE) notes.add("format: YYYY-MM-DD");
    if (p.type() instanceof TypeRef.Scalar s && s.kind() == TypeRef.Kind.DATETIME) notes.add("format: ISO 8601 date-time");
    if (!p.requires().isEmpty()) notes.add("requires: " + String.join(", ", p.requires()));
    if (p.in() == Param.Location.CLIENT) notes.add("not sent: the SDK keeps the items whose `" + p.wire() + "` equals it");
    if (!notes.isEmpty()) d.append(" (").append(String.join(", ", notes)).append(')');
    p.deprecated().ifPresent(x -> d.append(" **Deprecated:** ").append(x));
    return d.toString();
  }

  private String result(Function f) {
    if (f.http().raw()) return "The decoded JSON body, as a table (nil when the body is empty).\n";
    TypeRef t = f.returns().type();
    if (!(t instanceof TypeRef.ModelRef ref)) return "`" + luaType(t) + "`\n";
    Model m = spec.models().get(ref.name());
    StringBuilder md = new StringBuilder("A table (`" + m.name() + "`)");
    md.append(m.description().isEmpty() ? "" : ": " + m.description()).append(" A field marked `?` may be nil.\n\n").append(fieldTable(m));
    Set<String> seen = new LinkedHashSet<>(List.of(m.name()));
    List<Model> nested = new ArrayList<>();
    collectNested(m, seen, nested);
    for (Model n : nested) {
      md.append("\nEach `").append(n.name()).append("` table").append(n.description().isEmpty() ? "" : ": " + n.description())
          .append("\n\n").append(fieldTable(n));
    }
    return md.toString();
  }

  private String resultLink(Function f) {
    if (f.http().raw()) return "The decoded JSON body, as a table (nil when the body is empty).\n";
    TypeRef t = f.returns().type();
    if (t instanceof TypeRef.ModelRef ref) return "A " + typeLink(ref.name()) + " table.\n";
    if (t instanceof TypeRef.ListOf l && l.element() instanceof TypeRef.ModelRef ref) return "A list of " + typeLink(ref.name()) + " tables.\n";
    return "`" + luaType(t) + "`\n";
  }

  private static String typeLink(String model) {
    return "[`" + model + "`](#" + typeAnchor(model) + ")";
  }

  /** The anchor of a model's table in the Types section of the provider's page. */
  public static String typeAnchor(String model) {
    return "type-" + model.toLowerCase(Locale.ROOT);
  }

  /** Every model a function returns, and the models those reach, each once, in order of first use. */
  public List<Model> returnedModels() {
    Set<String> seen = new LinkedHashSet<>();
    List<Model> out = new ArrayList<>();
    for (Function f : spec.functions()) {
      String name = f.http().raw() ? null : modelName(f.returns().type());
      if (name != null && seen.add(name)) {
        Model m = spec.models().get(name);
        out.add(m);
        collectNested(m, seen, out);
      }
    }
    return out;
  }

  private String types() {
    List<Model> models = returnedModels();
    if (models.isEmpty()) return "";
    StringBuilder md = new StringBuilder("## Types\n\nThe tables functions return, each once. A field marked `?` may be nil.\n\n");
    for (Model m : models) {
      md.append("### `").append(m.name()).append("`\n\n");
      if (!m.description().isEmpty()) md.append(m.description()).append("\n\n");
      md.append(fieldTable(m)).append('\n');
    }
    return md.toString();
  }

  /** The models a result reaches through its fields, breadth first, each once, so the whole shape is documented. */
  private void collectNested(Model m, Set<String> seen, List<Model> out) {
    int from = out.size();
    for (Field fl : m.fields()) {
      String name = modelName(fl.type());
      if (name != null && seen.add(name)) out.add(spec.models().get(name));
    }
    for (Model n : List.copyOf(out.subList(from, out.size()))) collectNested(n, seen, out);
  }

  private static String modelName(TypeRef t) {
    if (t instanceof TypeRef.ModelRef r) return r.name();
    if (t instanceof TypeRef.ListOf l) return modelName(l.element());
    if (t instanceof TypeRef.MapOf m) return modelName(m.value());
    return null;
  }

  private static String fieldTable(Model m) {
    StringBuilder md = new StringBuilder("| Field | Type | Description |\n|-------|------|-------------|\n");
    for (Field fl : m.fields()) {
      String desc = fl.description() + (fl.aliasOf().map(a -> " Same as `" + a + "`.").orElse(""));
      md.append("| `").append(fl.name()).append(fl.nullable() ? "`? | " : "` | ").append(luaType(fl.type())).append(" | ").append(cell(desc.strip())).append(" |\n");
    }
    return md.toString();
  }

  private String configuration() {
    StringBuilder md = new StringBuilder("## Configuration\n\n");
    md.append("Accounts are configured by the host, never in scripts: credentials do not enter the Lua state.\n\n");
    md.append("| Key | Kind | Description |\n|-----|------|-------------|\n");
    spec.credentials().forEach((k, v) -> {
      List<String> aliases = spec.credentialAliases().entrySet().stream().filter(a -> a.getValue().equals(k))
          .map(a -> "`" + a.getKey() + "`").toList();
      md.append("| `").append(k).append("` | secret | ").append(cell(v))
          .append(aliases.isEmpty() ? "" : " Also accepted as " + String.join(", ", aliases) + ".").append(" |\n");
    });
    spec.settings().forEach((k, v) -> md.append("| `").append(k).append("` | setting | ").append(cell(v)).append(" |\n"));
    for (AccountKey k : AccountKey.values()) {
      md.append("| `").append(k.key()).append("` | ").append(k.kind()).append(" | ").append(cell(k.description())).append(" |\n");
    }
    md.append('\n');
    md.append("Authentication: ").append(String.join("; or ", spec.auth().stream().map(MarkdownEmitter::auth).toList())).append(".\n\n");
    md.append("API root: ");
    md.append(String.join(" or ", spec.baseUrls().stream().map(b -> "`" + b.url() + "`"
        + (b.when().isEmpty() ? "" : " (with " + String.join(", ", b.when()) + ")")).toList())).append(".\n\n");
    return md.toString();
  }

  /** How one auth option sends the credentials, naming them as configured ({@code {name}} templates). */
  private static String auth(AuthScheme a) {
    if (a instanceof AuthScheme.Basic b) {
      return "HTTP Basic with " + template(b.username()) + " as the user name and "
          + (b.password().isEmpty() ? "an empty password" : template(b.password()) + " as the password");
    }
    if (a instanceof AuthScheme.BasicPair p) return "HTTP Basic from " + template(p.token()) + ", written as `USER:PASSWORD`";
    return "`Authorization: Bearer` with " + template(((AuthScheme.Bearer) a).token());
  }

  private static String template(String t) {
    return t.matches("\\{\\w+}") ? "`" + t.substring(1, t.length() - 1) + "`" : "`" + t + "`";
  }

  /** What a failed call raises, for every provider: the host's error table (see LuaErrors). */
  private static final String ERRORS = """
      ## Errors

      A failed call raises a Lua error whose value is a table: `provider`, `fn`, `status` (the HTTP status, 0 when \
      no answer came), `code` (the provider's error code, or `timeout`, `connection_failed`, `decode_failed`), \
      `message`, and where the provider sends them `type`, `param` and `request_id`; `tostring(err)` is one line. \
      Catch it with `pcall`. Common statuses: 400 (a param the provider refused), 401 (wrong or missing \
      credentials), 404 (no such object), 429 (rate limited; reads and keyed writes are retried first). Bad \
      arguments (unknown, missing, mistyped or out-of-range keys) are refused before anything is sent.

      """;

  private String pagination() {
    List<PaginatedIndex.Paged> paged = PaginatedIndex.of(spec).all();
    var prose = spec.docs().stream().filter(d -> d.title().equalsIgnoreCase(PAGINATION)).findFirst();
    if (paged.isEmpty() && prose.isEmpty()) return "";
    StringBuilder md = new StringBuilder("## " + PAGINATION + "\n\n");
    if (!paged.isEmpty()) {
      md.append("List functions return one page per call. Ask for the next page with the values the last page "
          + "gives, as each function below says, and stop when it says no more exist; a smaller page size means "
          + "more calls, a larger one bigger answers.\n\n");
    }
    prose.ifPresent(d -> md.append(d.markdown()).append("\n\n"));
    for (PaginatedIndex.Paged each : paged) {
      Pagination pg = each.pagination();
      md.append("- `").append(each.function().name()).append("`: ");
      md.append(switch (pg.style()) {
        case CURSOR_AFTER_LAST -> "pass the `" + pg.cursorField().orElse("id") + "` of the last item of `" + pg.items()
            + "` as `" + pg.cursorParam().orElse("") + "`; `" + pg.hasMoreField().orElse("has_more") + "` says whether more exist.";
        case CURSOR_TOKEN -> "pass the result's `" + pg.cursorField().orElse("cursor") + "` as `" + pg.cursorParam().orElse("")
            + "` while `" + pg.hasMoreField().orElse("has_more") + "` is true.";
        case PAGE -> "increase `" + pg.pageParam().orElse("page") + "` until a page comes back empty.";
        case OFFSET -> "increase `" + pg.pageParam().orElse("page") + "` (sent as `" + pg.offsetWire().orElse("offset")
            + "` = (page - 1) × `" + pg.limitParam().orElse("limit") + "`) until a page has fewer than `"
            + pg.limitParam().orElse("limit") + "` items.";
      });
      each.pageSize().ifPresent(p -> md.append(" Page size: `").append(p.name()).append("`")
          .append(pageSize(p)).append('.'));
      md.append('\n');
    }
    return md.append(paged.isEmpty() ? "" : "\n").toString();
  }

  private static String pageSize(Param p) {
    List<String> notes = new ArrayList<>();
    if (p.min().isPresent() && p.max().isPresent()) notes.add(num(p.min().get()) + "–" + num(p.max().get()));
    else p.max().ifPresent(v -> notes.add("up to " + num(v)));
    p.defaultValue().or(p::serverDefault).ifPresent(v -> notes.add("default " + show(v)));
    return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")";
  }

  private String workflows() {
    if (spec.workflows().isEmpty()) return "";
    StringBuilder md = new StringBuilder("## Common Workflows\n\n");
    for (Spec.Workflow w : spec.workflows()) {
      md.append("### ").append(w.title()).append("\n\n```lua\n").append(w.lua()).append("\n```\n\n");
    }
    return md.toString();
  }

  private String multiAccount() {
    String p = spec.provider();
    return "## Multi-Account Usage\n\n"
        + "If you have multiple " + spec.title() + " accounts configured, use account-specific namespaces:\n\n"
        + "```lua\n-- Default account (always works)\napp.integrations." + p + ".function_name({...})\n\n"
        + "-- Explicit default (portable across setups)\napp.integrations." + p + ".default.function_name({...})\n\n"
        + "-- Named accounts\napp.integrations." + p + ".production.function_name({...})\napp.integrations." + p
        + ".staging.function_name({...})\n```\n\nAll functions are identical across accounts — only the credentials differ.\n";
  }

  private String fullNameExample() {
    Function f = spec.functions().get(0);
    return spec.provider() + "." + (f.aliases().isEmpty() ? f.name() : f.aliases().get(0));
  }

  /** The type as agents see it in Lua. */
  public static String luaType(TypeRef t) {
    if (t instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case DATE, DATETIME, STRING -> "string";
        case TIMESTAMP -> "integer";
        case OBJECT -> "table";
        default -> s.kind().name().toLowerCase(Locale.ROOT);
      };
    }
    if (t instanceof TypeRef.ListOf l) return "list of " + luaType(l.element());
    if (t instanceof TypeRef.MapOf m) return "table of " + luaType(m.value());
    return "table (" + ((TypeRef.ModelRef) t).name() + ")";
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String show(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
